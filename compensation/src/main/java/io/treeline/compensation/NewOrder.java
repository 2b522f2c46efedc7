package io.treeline.compensation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.treeline.graph.PartnerNumber;

/**
 * An order as received from the shop or an order provider.
 *
 * @param orderNumber the provider's order id, unique; recording the same order twice
 * changes nothing
 * @param partner the partner the order is credited to: the partner's own order, or, with
 * a customer, the customer's partner ({@code null} there: it follows from the customer)
 * @param orderedAt when the order was placed
 * @param currency ISO 4217 currency code
 * @param lines at least one line
 * @param customer the customer who ordered, {@code null} for a partner's own order
 */
public record NewOrder(String orderNumber, PartnerNumber partner, Instant orderedAt, String currency,
		List<OrderLine> lines, String customer) {

	/**
	 * A partner's own order.
	 * @param orderNumber the provider's order id
	 * @param partner the partner
	 * @param orderedAt when the order was placed
	 * @param currency ISO 4217 currency code
	 * @param lines at least one line
	 */
	public NewOrder(String orderNumber, PartnerNumber partner, Instant orderedAt, String currency,
			List<OrderLine> lines) {
		this(orderNumber, partner, orderedAt, currency, lines, null);
	}

	public NewOrder {
		if (orderNumber == null || orderNumber.isBlank() || orderNumber.length() > 64) {
			throw new IllegalArgumentException("orderNumber must have 1 to 64 characters");
		}
		if (partner == null && customer == null) {
			throw new IllegalArgumentException("An order names the partner or the customer who ordered");
		}
		Objects.requireNonNull(orderedAt, "orderedAt");
		if (currency == null || !currency.matches("[A-Z]{3}")) {
			throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR (got " + currency + ")");
		}
		if (lines == null || lines.isEmpty()) {
			throw new IllegalArgumentException("an order needs at least one line");
		}
		lines = List.copyOf(lines);
	}

}
