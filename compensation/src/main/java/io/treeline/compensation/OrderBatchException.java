package io.treeline.compensation;

/**
 * The refusal of a batch of order events ({@link Orders#recordAll}): one event does not
 * fit, so nothing of the batch was recorded. The message names the event by its index in
 * the batch and its order number, then says what is wrong.
 */
public class OrderBatchException extends IllegalArgumentException {

	private final int index;

	private final String reason;

	/**
	 * Creates the refusal.
	 * @param index the refused event's index in the batch, from 0
	 * @param event the refused event
	 * @param reason what is wrong with it
	 */
	public OrderBatchException(int index, OrderEvent event, String reason) {
		super("Event " + index + " of the batch (" + describe(event) + ") is refused, nothing of the batch was "
				+ "recorded: " + reason);
		this.index = index;
		this.reason = reason;
	}

	/**
	 * {@return the refused event's index in the batch, from 0}
	 */
	public int index() {
		return this.index;
	}

	/**
	 * {@return what is wrong with the event, as the single-event method says it}
	 */
	public String reason() {
		return this.reason;
	}

	private static String describe(OrderEvent event) {
		return switch (event) {
			case null -> "none";
			case OrderEvent.Placed placed -> "order " + placed.orderNumber();
			case OrderEvent.Paid paid -> "payment of order " + paid.orderNumber();
			case OrderEvent.Returned returned ->
				"storno " + returned.returnKey() + " of order " + returned.orderNumber();
		};
	}

}
