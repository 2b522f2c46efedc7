package io.treeline.compensation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.treeline.graph.PartnerNumber;

/**
 * An order as recorded, with its lines and its payment and returns.
 *
 * @param orderNumber the provider's order id
 * @param partner the partner it is credited to
 * @param customer the customer who ordered, {@code null} for a partner's own order
 * @param orderedAt when it was placed
 * @param currency ISO 4217 code
 * @param lines the lines, numbered from 1
 * @param events payment and returns, oldest first
 */
public record RecordedOrder(String orderNumber, PartnerNumber partner, String customer, Instant orderedAt,
		String currency, List<OrderLine> lines, List<Event> events) {

	public RecordedOrder {
		lines = List.copyOf(lines);
		events = List.copyOf(events);
	}

	/**
	 * A payment or a return.
	 *
	 * @param kind {@code PAID} or {@code RETURNED}
	 * @param occurredAt when it happened
	 * @param fraction the fraction of the order a return gives back, {@code null} for the
	 * payment
	 * @param pv the PV that entered (payment) or left (return)
	 * @param bv the BV that entered or left
	 * @param returnKey the provider's storno id, {@code null} for the payment
	 * @param lineNumbers the lines a return gives back, empty if it returns a fraction or
	 * the whole order
	 */
	public record Event(String kind, Instant occurredAt, BigDecimal fraction, BigDecimal pv, BigDecimal bv,
			String returnKey, List<Integer> lineNumbers) {

		public Event {
			lineNumbers = List.copyOf(lineNumbers);
		}

	}

}
