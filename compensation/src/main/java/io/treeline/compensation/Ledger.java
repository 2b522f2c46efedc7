package io.treeline.compensation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.treeline.graph.PartnerNumber;

/**
 * The double-entry, append-only ledger (domain.md §6). Every journal transaction balances
 * to zero per currency; posted rows are never changed (the database refuses it);
 * corrections are new transactions.
 */
public interface Ledger {

	/** The company's commission expense account. */
	String COMMISSION_EXPENSE = "commission-expense";

	/**
	 * Returns the commission-payable account of a partner.
	 * @param partner the partner
	 * @return the account's name
	 */
	static String payableAccount(PartnerNumber partner) {
		return "commission-payable:" + partner.value();
	}

	/**
	 * Returns what the company owes a partner in commissions: the credit balance of its
	 * commission-payable account (negative after a clawback, then offset against later
	 * commissions).
	 * @param partner the partner
	 * @return the balance by currency
	 */
	Map<String, BigDecimal> commissionPayable(PartnerNumber partner);

	/**
	 * Returns the entries of a partner's commission-payable account, oldest first.
	 * @param partner the partner
	 * @return the entries
	 */
	List<LedgerEntry> entries(PartnerNumber partner);

	/**
	 * Returns the sum of all entries per currency, which is zero in a sound ledger.
	 * @return the sums by currency
	 */
	Map<String, BigDecimal> trialBalance();

}
