package io.treeline.compensation.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A journal transaction ready to post: it cannot be built unless its entries balance to
 * zero in every currency.
 *
 * @param idempotencyKey deterministic key; posting the same key twice posts once
 * @param description what it books
 * @param bookedAt the business date
 * @param runId the commission run it belongs to, or {@code null}
 * @param entries at least two entries
 */
public record JournalTransaction(String idempotencyKey, String description, Instant bookedAt, Long runId,
		List<Entry> entries) {

	public JournalTransaction {
		Objects.requireNonNull(idempotencyKey, "idempotencyKey");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(bookedAt, "bookedAt");
		entries = List.copyOf(entries);
		if (entries.size() < 2) {
			throw new IllegalArgumentException("A journal transaction needs at least two entries");
		}
		Map<String, BigDecimal> sums = new TreeMap<>();
		for (Entry entry : entries) {
			sums.merge(entry.currency(), entry.amount(), BigDecimal::add);
		}
		sums.forEach((currency, sum) -> {
			if (sum.signum() != 0) {
				throw new IllegalArgumentException("Journal transaction " + idempotencyKey + " does not balance: "
						+ sum.toPlainString() + " " + currency + " left over");
			}
		});
	}

	/**
	 * Starts a transaction.
	 * @param idempotencyKey its key
	 * @param description what it books
	 * @param bookedAt its business date
	 * @param runId its run, or {@code null}
	 * @return a builder
	 */
	public static Builder builder(String idempotencyKey, String description, Instant bookedAt, Long runId) {
		return new Builder(idempotencyKey, description, bookedAt, runId);
	}

	/**
	 * One entry: a signed amount on an account (debit positive, credit negative).
	 *
	 * @param account the account
	 * @param amount the signed amount
	 * @param currency ISO 4217 code
	 */
	public record Entry(String account, BigDecimal amount, String currency) {

		public Entry {
			Objects.requireNonNull(account, "account");
			Objects.requireNonNull(amount, "amount");
			Objects.requireNonNull(currency, "currency");
		}

	}

	/** Collects entries; {@link #build()} refuses an unbalanced transaction. */
	public static final class Builder {

		private final String key;

		private final String description;

		private final Instant bookedAt;

		private final Long runId;

		private final List<Entry> entries = new ArrayList<>();

		private Builder(String key, String description, Instant bookedAt, Long runId) {
			this.key = key;
			this.description = description;
			this.bookedAt = bookedAt;
			this.runId = runId;
		}

		public Builder debit(String account, BigDecimal amount, String currency) {
			this.entries.add(new Entry(account, amount, currency));
			return this;
		}

		public Builder credit(String account, BigDecimal amount, String currency) {
			this.entries.add(new Entry(account, amount.negate(), currency));
			return this;
		}

		public boolean isEmpty() {
			return this.entries.isEmpty();
		}

		public JournalTransaction build() {
			return new JournalTransaction(this.key, this.description, this.bookedAt, this.runId, this.entries);
		}

	}

}
