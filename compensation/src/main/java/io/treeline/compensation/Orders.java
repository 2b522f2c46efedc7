package io.treeline.compensation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

	/**
	 * Records a storno: a return of the whole order, of lines, or of a fraction. Its
	 * volume leaves the period of the storno and the commissions paid on it are reversed
	 * pro rata; the return that completes the order reverses exactly the rest. An unpaid
	 * order can only be cancelled as a whole, and is then never paid.
	 * @param orderNumber the order's number
	 * @param returned what is returned
	 * @param returnedAt when the storno happened
	 * @param returnKey the provider's id of the storno; recording it again changes
	 * nothing
	 * @return {@code true} if it was recorded now, {@code false} if the key existed
	 * @throws IllegalArgumentException if the order is unknown, returned already, the
	 * lines unknown or returned before, or the fraction more than what is left
	 */
	boolean recordReturn(String orderNumber, OrderReturn returned, Instant returnedAt, String returnKey);

	/**
	 * Records many orders, payments and stornos in one transaction, in the order given:
	 * an event may be about an order placed earlier in the same batch. Each event means
	 * what the single-event method means and is checked as it would be; the orders and
	 * events are read and written a whole batch at a time, not one per round trip. If one
	 * event is refused, nothing of the batch is recorded.
	 * @param events the events, in the order they are to be recorded
	 * @return for each event, whether it was recorded now ({@code false}: it existed, as
	 * the single-event methods say)
	 * @throws OrderBatchException naming the first event that is refused, by its index
	 * and order number
	 */
	List<Boolean> recordAll(List<? extends OrderEvent> events);

	/**
	 * Returns an order with its lines, payment and returns.
	 * @param orderNumber the order's number
	 * @return the order, if there is one
	 */
	Optional<RecordedOrder> find(String orderNumber);

}
