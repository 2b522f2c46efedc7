package io.treeline.compensation.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.treeline.compensation.Ledger;
import io.treeline.compensation.LedgerEntry;
import io.treeline.compensation.store.CompensationTransactional;
import io.treeline.compensation.store.PostgresCopy;
import io.treeline.graph.PartnerNumber;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@link Ledger} in {@code journal_transactions} and {@code journal_entries}. The
 * database checks the balance of every transaction at commit and refuses updates and
 * deletes of posted rows; this class posts and reads.
 */
@Component
public class JdbcLedger implements Ledger {

	private final JdbcClient jdbc;

	private final PostgresCopy copy;

	JdbcLedger(JdbcClient jdbc, PostgresCopy copy) {
		this.jdbc = jdbc;
		this.copy = copy;
	}

	/**
	 * Posts a transaction unless one with its key is posted already.
	 * @param transaction the transaction
	 * @return its id, empty if the key was posted before
	 */
	@CompensationTransactional
	public Optional<Long> post(JournalTransaction transaction) {
		Optional<Long> id = this.jdbc.sql("""
				insert into journal_transactions (idempotency_key, description, booked_at, run_id)
				values (:key, :description, :bookedAt, :runId)
				on conflict (idempotency_key) do nothing
				returning id
				""")
			.param("key", transaction.idempotencyKey())
			.param("description", transaction.description())
			.param("bookedAt", Timestamp.from(transaction.bookedAt()))
			.param("runId", transaction.runId())
			.query(Long.class)
			.optional();
		id.ifPresent((transactionId) -> {
			List<JournalTransaction.Entry> entries = transaction.entries();
			this.copy.copy("journal_entries (transaction_id, entry_no, account, amount, currency)", entries.size(),
					(index, row) -> {
						JournalTransaction.Entry entry = entries.get(index);
						row.add(transactionId)
							.add(index + 1)
							.add(entry.account())
							.add(entry.amount().toPlainString())
							.add(entry.currency());
					});
		});
		return id;
	}

	@Override
	public Map<String, BigDecimal> commissionPayable(PartnerNumber partner) {
		Map<String, BigDecimal> balances = new TreeMap<>();
		this.jdbc.sql(
				"select currency, -sum(amount) as balance from journal_entries where account = :account group by currency")
			.param("account", Ledger.payableAccount(partner))
			.query((RowCallbackHandler) (row) -> balances.put(row.getString("currency"), row.getBigDecimal("balance")));
		return balances;
	}

	@Override
	public List<LedgerEntry> entries(PartnerNumber partner) {
		return this.jdbc.sql("""
				select t.id, t.idempotency_key, t.description, t.booked_at, e.account, e.amount, e.currency
				from journal_entries e join journal_transactions t on t.id = e.transaction_id
				where e.account = :account
				order by t.booked_at, t.id, e.entry_no
				""")
			.param("account", Ledger.payableAccount(partner))
			.query((rs, row) -> new LedgerEntry(rs.getLong("id"), rs.getString("idempotency_key"),
					rs.getString("description"), rs.getTimestamp("booked_at").toInstant(), rs.getString("account"),
					rs.getBigDecimal("amount"), rs.getString("currency")))
			.list();
	}

	@Override
	public Map<String, BigDecimal> trialBalance() {
		Map<String, BigDecimal> sums = new TreeMap<>();
		this.jdbc.sql("select currency, sum(amount) as total from journal_entries group by currency")
			.query((RowCallbackHandler) (row) -> sums.put(row.getString("currency"), row.getBigDecimal("total")));
		return sums;
	}

}
