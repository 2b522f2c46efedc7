package io.treeline.compensation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One posted entry of the ledger. Amounts are signed: debit positive, credit negative.
 *
 * @param transactionId the journal transaction
 * @param idempotencyKey the transaction's deterministic key
 * @param description what the transaction books
 * @param bookedAt the business date of the booking
 * @param account the account, e.g. {@code commission-payable:P-0000001}
 * @param amount the signed amount
 * @param currency ISO 4217 code
 */
public record LedgerEntry(long transactionId, String idempotencyKey, String description, Instant bookedAt,
		String account, BigDecimal amount, String currency) {

}
