package io.treeline.compensation;

import java.time.Instant;

/**
 * Records orders and their payment.
 */
public interface Orders {

	/**
	 * Records an order with its lines, unless an order with the same number exists.
	 * @param order the order
	 * @return {@code true} if it was recorded now, {@code false} if it existed
	 */
	boolean record(NewOrder order);

	/**
	 * Records the payment of an order, unless it is recorded already.
	 * @param orderNumber the order's number
	 * @param paidAt when the payment arrived
	 * @return {@code true} if it was recorded now, {@code false} if it existed
	 * @throws IllegalArgumentException if no order has that number
	 */
	boolean markPaid(String orderNumber, Instant paidAt);

}
