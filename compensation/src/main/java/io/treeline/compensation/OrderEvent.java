package io.treeline.compensation;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a batch of order events ({@link Orders#recordAll}): a new order, the
 * payment of an order or a storno. Each means what the single-event method of
 * {@link Orders} with the same values means.
 */
public sealed interface OrderEvent {

	/**
	 * {@return the number of the order the event is about}
	 */
	String orderNumber();

	/**
	 * A new order ({@link Orders#record}).
	 *
	 * @param order the order
	 */
	record Placed(NewOrder order) implements OrderEvent {

		public Placed {
			Objects.requireNonNull(order, "order");
		}

		@Override
		public String orderNumber() {
			return this.order.orderNumber();
		}

	}

	/**
	 * The payment of an order ({@link Orders#markPaid}).
	 *
	 * @param orderNumber the order's number
	 * @param paidAt when the payment arrived
	 */
	record Paid(String orderNumber, Instant paidAt) implements OrderEvent {

		public Paid {
			Objects.requireNonNull(orderNumber, "orderNumber");
			Objects.requireNonNull(paidAt, "paidAt");
		}

	}

	/**
	 * A storno ({@link Orders#recordReturn}).
	 *
	 * @param orderNumber the order's number
	 * @param returned what is returned
	 * @param returnedAt when the storno happened
	 * @param returnKey the provider's id of the storno
	 */
	record Returned(String orderNumber, OrderReturn returned, Instant returnedAt,
			String returnKey) implements OrderEvent {

		public Returned {
			Objects.requireNonNull(orderNumber, "orderNumber");
			Objects.requireNonNull(returned, "returned");
			Objects.requireNonNull(returnedAt, "returnedAt");
		}

	}

}
