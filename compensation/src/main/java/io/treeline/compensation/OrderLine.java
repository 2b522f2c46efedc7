package io.treeline.compensation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an order.
 *
 * @param product product number
 * @param quantity quantity, positive
 * @param unitPrice gross unit price in the order's currency
 * @param vatRate VAT rate as a fraction, e.g. {@code 0.19}
 * @param pv point volume of the whole line (qualification)
 * @param bv business volume of the whole line in EUR (commission base)
 */
public record OrderLine(String product, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRate, BigDecimal pv,
		BigDecimal bv) {

	public OrderLine {
		Objects.requireNonNull(product, "product");
		requireAtLeast(quantity, BigDecimal.ZERO, false, "quantity");
		requireAtLeast(unitPrice, BigDecimal.ZERO, true, "unitPrice");
		requireAtLeast(vatRate, BigDecimal.ZERO, true, "vatRate");
		requireAtLeast(pv, BigDecimal.ZERO, true, "pv");
		requireAtLeast(bv, BigDecimal.ZERO, true, "bv");
	}

	private static void requireAtLeast(BigDecimal value, BigDecimal minimum, boolean inclusive, String field) {
		Objects.requireNonNull(value, field);
		int comparison = value.compareTo(minimum);
		if (comparison < 0 || (!inclusive && comparison == 0)) {
			throw new IllegalArgumentException(
					field + " must be " + (inclusive ? "at least " : "more than ") + minimum + " (got " + value + ")");
		}
	}

}
