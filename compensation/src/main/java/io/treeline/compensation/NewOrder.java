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
 * @param partner the partner the order is credited to (their own or their customer's)
 * @param orderedAt when the order was placed
 * @param currency ISO 4217 currency code
 * @param lines at least one line
 */
public record NewOrder(String orderNumber, PartnerNumber partner, Instant orderedAt, String currency,
		List<OrderLine> lines) {

	public NewOrder {
		if (orderNumber == null || orderNumber.isBlank() || orderNumber.length() > 64) {
			throw new IllegalArgumentException("orderNumber must have 1 to 64 characters");
		}
		Objects.requireNonNull(partner, "partner");
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
