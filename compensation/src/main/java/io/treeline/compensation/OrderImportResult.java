package io.treeline.compensation;

import java.util.List;

/**
 * The outcome of an order import: either everything was recorded, or nothing was and the
 * problems say why. The counts are those of the file; of each, the {@code new} count says
 * how many were recorded now, the rest were known already (an import repeated).
 *
 * @param problems what is wrong with the file; empty when it was recorded
 * @param orders distinct orders in the file
 * @param newOrders orders recorded now
 * @param payments distinct payments in the file
 * @param newPayments payments recorded now
 * @param returns distinct stornos in the file
 * @param newReturns stornos recorded now
 */
public record OrderImportResult(List<OrderImportProblem> problems, int orders, int newOrders, int payments,
		int newPayments, int returns, int newReturns) {

	public OrderImportResult {
		problems = List.copyOf(problems);
	}

	/**
	 * A refusal: nothing was recorded.
	 * @param problems what is wrong
	 * @param orders distinct orders in the file
	 * @param payments distinct payments in the file
	 * @param returns distinct stornos in the file
	 * @return the result
	 */
	public static OrderImportResult refused(List<OrderImportProblem> problems, int orders, int payments, int returns) {
		return new OrderImportResult(problems, orders, 0, payments, 0, returns, 0);
	}

	/**
	 * {@return whether the file was recorded}
	 */
	public boolean loaded() {
		return this.problems.isEmpty();
	}

	/**
	 * {@return whether the import recorded nothing new}
	 */
	public boolean unchanged() {
		return this.newOrders == 0 && this.newPayments == 0 && this.newReturns == 0;
	}

}
