package io.treeline.compensation.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.Component;
import io.treeline.graph.PartnerNumber;

/**
 * Reverses the order-based lines of a returned order (domain.md §3): the negation of the
 * original lines, {@code round(original * fraction, 2)} for a partial return, and exactly
 * the remainder for the return that completes the order, so an order nets to zero to the
 * cent. Current rates, ranks and trees play no part.
 */
public final class Reversals {

	private Reversals() {
	}

	/**
	 * Reverses an order's original lines for one return.
	 * @param sale the return
	 * @param originals the order's original order-based lines (closed and this run's)
	 * @param reversed the amounts and bases reversed so far per original line, updated
	 * @param lines where the reversal lines go
	 */
	public static void reverse(Sale sale, List<CommissionLine> originals, Map<LineKey, Reversed> reversed,
			Lines lines) {
		for (CommissionLine original : originals) {
			LineKey key = LineKey.of(original);
			Reversed before = reversed.getOrDefault(key, Reversed.NONE);
			BigDecimal amount;
			BigDecimal base;
			if (sale.completes()) {
				amount = original.amount().add(before.amount()).negate();
				base = original.base().add(before.base()).negate();
			}
			else {
				amount = original.amount().multiply(sale.fraction()).setScale(2, RoundingMode.HALF_UP).negate();
				base = original.base().multiply(sale.fraction()).setScale(Sale.SCALE, RoundingMode.HALF_UP).negate();
			}
			reversed.put(key, new Reversed(before.amount().add(amount), before.base().add(base)));
			lines.add(new CommissionLine(original.partner(), original.component(), true, original.orderNumber(),
					original.sourcePartner(), original.planVersion(), original.level(), base, original.rate(), amount));
		}
	}

	/**
	 * Identifies an original line within its order.
	 *
	 * @param partner who earned it
	 * @param component the component
	 * @param level the level, or {@code null}
	 */
	public record LineKey(PartnerNumber partner, Component component, Integer level) {

		public static LineKey of(CommissionLine line) {
			return new LineKey(line.partner(), line.component(), line.level());
		}

	}

	/**
	 * What has been reversed of an original line (negative sums).
	 *
	 * @param amount the reversed amount
	 * @param base the reversed base
	 */
	public record Reversed(BigDecimal amount, BigDecimal base) {

		static final Reversed NONE = new Reversed(BigDecimal.ZERO, BigDecimal.ZERO);

	}

}
