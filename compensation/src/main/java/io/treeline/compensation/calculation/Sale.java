package io.treeline.compensation.calculation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order event that a run commissions: the payment of an order (its volume enters) or a
 * return (its volume leaves and order-based lines are reversed).
 *
 * @param eventId the event's id
 * @param orderNumber the order
 * @param partner id of the partner the order is credited to
 * @param orderedAtMicros when the order was placed, microseconds since the epoch (the
 * database's precision; no {@code Instant} per sale, ADR 0023): decides plan version,
 * tree and ranks
 * @param occurredAtMicros when the payment or return happened, microseconds since the
 * epoch
 * @param returned whether this is a return
 * @param pv PV that enters (payment) or leaves (return), in units of 1/10,000
 * @param bv BV that enters or leaves, in units of 1/10,000
 * @param fraction the fraction of the order a return gives back, {@code null} for a
 * payment
 * @param completes whether the return gives back the rest of the order
 */
public record Sale(long eventId, String orderNumber, int partner, long orderedAtMicros, long occurredAtMicros,
		boolean returned, long pv, long bv, BigDecimal fraction, boolean completes) {

	/** Volume units per PV or EUR. */
	public static final int SCALE = 4;

	/**
	 * Returns when the order was placed.
	 * @return the order date
	 */
	public Instant orderedAt() {
		return instant(this.orderedAtMicros);
	}

	/**
	 * Returns when the payment or return happened.
	 * @return the instant
	 */
	public Instant occurredAt() {
		return instant(this.occurredAtMicros);
	}

	/**
	 * Converts microseconds since the epoch to an instant.
	 * @param micros microseconds since the epoch
	 * @return the instant
	 */
	public static Instant instant(long micros) {
		return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
	}

	/**
	 * Returns the signed PV: positive for a payment, negative for a return.
	 * @return the PV change in units
	 */
	public long signedPv() {
		return this.returned ? -this.pv : this.pv;
	}

	/**
	 * Returns the signed BV.
	 * @return the BV change in units
	 */
	public long signedBv() {
		return this.returned ? -this.bv : this.bv;
	}

	/**
	 * Converts a decimal volume to units.
	 * @param volume at most four decimals
	 * @return the units
	 */
	public static long units(BigDecimal volume) {
		return volume.movePointRight(SCALE).longValueExact();
	}

	/**
	 * Converts units to a decimal volume.
	 * @param units the units
	 * @return the volume with four decimals
	 */
	public static BigDecimal decimal(long units) {
		return BigDecimal.valueOf(units, SCALE);
	}

}
