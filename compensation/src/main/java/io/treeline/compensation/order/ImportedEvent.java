package io.treeline.compensation.order;

import java.time.Instant;

import io.treeline.compensation.OrderReturn;

/**
 * A payment or storno of an order as read from an import file.
 */
sealed interface ImportedEvent {

	String orderNumber();

	Instant at();

	/**
	 * The payment of an order.
	 *
	 * @param orderNumber the order
	 * @param at when it was paid
	 */
	record Payment(String orderNumber, Instant at) implements ImportedEvent {
	}

	/**
	 * A storno of an order.
	 *
	 * @param orderNumber the order
	 * @param stornoId the provider's id of the storno
	 * @param returned what it returns
	 * @param at when it happened
	 */
	record Return(String orderNumber, String stornoId, OrderReturn returned, Instant at) implements ImportedEvent {
	}

}
