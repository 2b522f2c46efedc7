package io.treeline.compensation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a storno gives back of an order.
 */
public sealed interface OrderReturn {

	/** The whole order, or all that is left of it. An unpaid order is cancelled. */
	record Whole() implements OrderReturn {
	}

	/**
	 * Some lines of the order.
	 *
	 * @param lineNumbers the lines, numbered from 1 in the order they were recorded
	 */
	record Lines(List<Integer> lineNumbers) implements OrderReturn {

		public Lines {
			if (lineNumbers == null || lineNumbers.isEmpty()) {
				throw new IllegalArgumentException("A return of lines names at least one line");
			}
			lineNumbers = List.copyOf(lineNumbers);
		}

	}

	/**
	 * A fraction of the original order (a partial refund).
	 *
	 * @param fraction more than 0, at most 1
	 */
	record Share(BigDecimal fraction) implements OrderReturn {

		public Share {
			Objects.requireNonNull(fraction, "fraction");
			if (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
				throw new IllegalArgumentException(
						"A returned fraction is more than 0 and at most 1 (got " + fraction.toPlainString() + ")");
			}
		}

	}

}
