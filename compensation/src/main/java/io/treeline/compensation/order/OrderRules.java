package io.treeline.compensation.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.treeline.compensation.OrderReturn;

/**
 * The rules of payments and stornos, on what is recorded of an order: shared by the
 * single-event methods of {@link JdbcOrders}, which read an order's state per event, and
 * by {@link OrderBatch}, which reads the states of a whole batch at once and keeps them
 * up to date while it plays the batch's events.
 */
final class OrderRules {

	private OrderRules() {
	}

	/** Throws unless a storno's key is usable. */
	static void requireKey(String returnKey) {
		if (returnKey == null || returnKey.isBlank() || returnKey.length() > 128) {
			throw new IllegalArgumentException(
					"A return needs a key of 1 to 128 characters (the provider's storno id)");
		}
	}

	/** Throws unless an order that is not paid yet may be paid. */
	static void requirePayable(State order) {
		if (order.returnedFraction.signum() > 0) {
			throw new IllegalArgumentException("Order " + order.number + " was cancelled and cannot be paid");
		}
	}

	/**
	 * Returns what a storno takes back of an order, or throws why it cannot be recorded.
	 * @param order the order's state before the storno
	 * @param returned what the storno returns
	 * @param returnedAt when it happened
	 * @param lines the order's lines, read only for a return of lines
	 * @return the share
	 */
	static Share share(State order, OrderReturn returned, Instant returnedAt, Supplier<List<ReturnableLine>> lines) {
		if (order.latestEvent != null && returnedAt.isBefore(order.latestEvent)) {
			throw new IllegalArgumentException(
					"A return of order " + order.number + " cannot be dated before " + order.latestEvent
							+ ", when it was " + (order.returnedFraction.signum() > 0 ? "last returned" : "paid"));
		}
		BigDecimal left = BigDecimal.ONE.subtract(order.returnedFraction);
		if (left.signum() <= 0) {
			throw new IllegalArgumentException("Order " + order.number + " is returned in full already");
		}
		if (!order.paid && !(returned instanceof OrderReturn.Whole)) {
			throw new IllegalArgumentException(
					"Order " + order.number + " is not paid: it can only be cancelled as a whole");
		}
		return switch (returned) {
			case OrderReturn.Whole whole ->
				new Share(left, order.pv.subtract(order.returnedPv), order.bv.subtract(order.returnedBv), List.of());
			case OrderReturn.Share part -> byFraction(order, part.fraction(), left);
			case OrderReturn.Lines byLines -> byLines(order, byLines.lineNumbers(), left, lines.get());
		};
	}

	private static Share byFraction(State order, BigDecimal fraction, BigDecimal left) {
		if (fraction.stripTrailingZeros().scale() > 18) {
			throw new IllegalArgumentException(
					"A returned fraction has at most 18 decimals (got " + fraction.toPlainString() + ")");
		}
		if (order.linesReturned) {
			throw new IllegalArgumentException(
					"Order " + order.number + " was returned by lines: return further lines or the rest as a whole");
		}
		if (fraction.compareTo(left) > 0) {
			throw new IllegalArgumentException("Only " + left.stripTrailingZeros().toPlainString() + " of order "
					+ order.number + " is left to return (asked " + fraction.toPlainString() + ")");
		}
		if (fraction.compareTo(left) == 0) {
			return new Share(left, order.pv.subtract(order.returnedPv), order.bv.subtract(order.returnedBv), List.of());
		}
		return new Share(fraction, order.pv.multiply(fraction).setScale(4, RoundingMode.HALF_UP),
				order.bv.multiply(fraction).setScale(4, RoundingMode.HALF_UP), List.of());
	}

	private static Share byLines(State order, List<Integer> lineNumbers, BigDecimal left, List<ReturnableLine> lines) {
		if (order.returnedFraction.signum() > 0 && !order.linesReturned) {
			throw new IllegalArgumentException("Order " + order.number
					+ " was returned by a fraction: return a further fraction or the rest as a whole");
		}
		BigDecimal pv = BigDecimal.ZERO;
		BigDecimal bv = BigDecimal.ZERO;
		Set<Integer> wanted = new TreeSet<>(lineNumbers);
		for (int lineNo : wanted) {
			ReturnableLine line = lines.stream()
				.filter((candidate) -> candidate.lineNo() == lineNo)
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(
						"Order " + order.number + " has no line " + lineNo + " (it has " + lines.size() + ")"));
			if (line.returned()) {
				throw new IllegalArgumentException(
						"Line " + lineNo + " of order " + order.number + " is returned already");
			}
			pv = pv.add(line.pv());
			bv = bv.add(line.bv());
		}
		long remaining = lines.stream().filter((line) -> !line.returned() && !wanted.contains(line.lineNo())).count();
		if (remaining == 0) {
			return new Share(left, order.pv.subtract(order.returnedPv), order.bv.subtract(order.returnedBv),
					List.copyOf(wanted));
		}
		BigDecimal fraction;
		if (order.bv.signum() > 0) {
			fraction = bv.divide(order.bv, 18, RoundingMode.HALF_UP);
		}
		else if (order.pv.signum() > 0) {
			fraction = pv.divide(order.pv, 18, RoundingMode.HALF_UP);
		}
		else {
			fraction = BigDecimal.valueOf(wanted.size())
				.divide(BigDecimal.valueOf(lines.size()), 18, RoundingMode.HALF_UP);
		}
		if (fraction.signum() == 0) {
			fraction = new BigDecimal("1e-18");
		}
		return new Share(fraction.min(left), pv, bv, List.copyOf(wanted));
	}

	/**
	 * Returns an instant as PostgreSQL stores it ({@code timestamptz} keeps microseconds;
	 * the driver rounds to the nearest).
	 */
	static Instant stored(Instant at) {
		return at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * Returns a volume as PostgreSQL stores it ({@code numeric(19,4)}; volumes are never
	 * negative, so rounding half up is PostgreSQL's rounding half away from zero).
	 */
	static BigDecimal stored(BigDecimal volume) {
		return volume.setScale(4, RoundingMode.HALF_UP);
	}

	/**
	 * What is recorded of an order, as far as its next payment or storno depends on it.
	 */
	static final class State {

		long id;

		final String number;

		final BigDecimal pv;

		final BigDecimal bv;

		boolean paid;

		BigDecimal returnedFraction;

		BigDecimal returnedPv;

		BigDecimal returnedBv;

		boolean linesReturned;

		Instant latestEvent;

		State(long id, String number, BigDecimal pv, BigDecimal bv, boolean paid, BigDecimal returnedFraction,
				BigDecimal returnedPv, BigDecimal returnedBv, boolean linesReturned, Instant latestEvent) {
			this.id = id;
			this.number = number;
			this.pv = pv;
			this.bv = bv;
			this.paid = paid;
			this.returnedFraction = returnedFraction;
			this.returnedPv = returnedPv;
			this.returnedBv = returnedBv;
			this.linesReturned = linesReturned;
			this.latestEvent = latestEvent;
		}

		/** Takes in an event recorded at an instant. */
		void happened(Instant at) {
			Instant stored = stored(at);
			if (this.latestEvent == null || stored.isAfter(this.latestEvent)) {
				this.latestEvent = stored;
			}
		}

	}

	/** A line of an order and whether a storno gave it back. */
	record ReturnableLine(int lineNo, BigDecimal pv, BigDecimal bv, boolean returned) {
	}

	/**
	 * What a storno takes back: the fraction of the order, the volume (of a paid order),
	 * and the lines of a return of lines.
	 */
	record Share(BigDecimal fraction, BigDecimal pv, BigDecimal bv, List<Integer> lines) {
	}

}
