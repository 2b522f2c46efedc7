package io.treeline.compensation.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.CommissionLineList;
import io.treeline.compensation.Component;

/**
 * Collects the commission lines of a computation, in columns
 * ({@link CommissionLineList}). Every original amount is
 * {@code round(base * rate, 2, HALF_UP)}; lines that round to zero are not written.
 */
public final class Lines {

	/**
	 * The level of a line without one, for
	 * {@link #earn(int, Component, String, int, int, int, long, BigDecimal)}.
	 */
	public static final int NO_LEVEL = Integer.MIN_VALUE;

	private static final int RECENT_RATES = 8;

	private final Population population;

	private final CommissionLineList.Builder lines;

	/** The rates met so far, by identity: a plan's rates are a few objects. */
	private final Map<BigDecimal, Rate> rates = new IdentityHashMap<>();

	private final Map<BigDecimal, Rate> ratesByValue = new HashMap<>();

	/**
	 * The rates asked for last, by the objects asked with, compared by identity before
	 * the maps are asked: a unilevel order pays a rate object a level, and hashing it for
	 * every line cost a tenth of the computation.
	 */
	private final BigDecimal[] recentObjects = new BigDecimal[RECENT_RATES];

	private final Rate[] recentRates = new Rate[RECENT_RATES];

	/** The next of {@link #recentRates} to replace, in turn. */
	private int recentReplaced;

	public Lines(Population population) {
		this(population, null);
	}

	/**
	 * Collects lines and hands them over in parts while they are added
	 * ({@link CommissionLineList.Builder#publishing}).
	 * @param population the partners
	 * @param parts receives the parts, or {@code null}
	 */
	public Lines(Population population, Consumer<CommissionLineList> parts) {
		this.population = population;
		this.lines = CommissionLineList.builder(population);
		if (parts != null) {
			this.lines.publishing(parts);
		}
	}

	/**
	 * Adds an original line.
	 * @param partner who earns
	 * @param component the component
	 * @param orderNumber the order, or {@code null}
	 * @param source the partner whose order or result it is, or {@code -1}
	 * @param version the plan version
	 * @param level the level, or {@code null}
	 * @param base the base
	 * @param rate the rate
	 * @return the amount
	 */
	public BigDecimal earn(int partner, Component component, String orderNumber, int source, int version, Integer level,
			BigDecimal base, BigDecimal rate) {
		BigDecimal amount = amount(base, rate);
		pay(partner, component, orderNumber, source, version, level, base, rate, amount);
		return amount;
	}

	/**
	 * Adds an original line on a base in ten-thousandths, in long arithmetic: the amount
	 * is {@code round(base * rate, 2, HALF_UP)} to the cent, as {@link #amount} makes it.
	 * @param partner who earns
	 * @param component the component
	 * @param orderNumber the order, or {@code null}
	 * @param source the partner whose order or result it is, or {@code -1}
	 * @param version the plan version
	 * @param level the level, or {@link #NO_LEVEL}
	 * @param baseUnits the base in ten-thousandths
	 * @param rate the rate
	 */
	public void earn(int partner, Component component, String orderNumber, int source, int version, int level,
			long baseUnits, BigDecimal rate) {
		Rate known = rate(rate);
		long cents = known.cents(baseUnits);
		if (cents != 0) {
			this.lines.add(partner, component.ordinal() << 1, orderNumber,
					(source >= 0) ? source : CommissionLineList.PartnerIds.NO_PARTNER, version, level, baseUnits,
					known.id, cents);
		}
	}

	private Rate rate(BigDecimal rate) {
		BigDecimal[] recent = this.recentObjects;
		for (int i = 0; i < recent.length; i++) {
			if (recent[i] == rate) {
				return this.recentRates[i];
			}
		}
		Rate known = this.rates.get(rate);
		if (known == null) {
			known = this.ratesByValue.computeIfAbsent(rate, (value) -> new Rate(value, this.lines.rateId(value)));
			if (this.rates.size() < 256) {
				// a computed rate (stair-step differences) is a new object each time
				this.rates.put(rate, known);
			}
		}
		int slot = this.recentReplaced;
		this.recentReplaced = (slot + 1) % recent.length;
		recent[slot] = rate;
		this.recentRates[slot] = known;
		return known;
	}

	/**
	 * Adds an original line with a given amount (capped binary, pool share, bonus).
	 * @param partner who earns
	 * @param component the component
	 * @param orderNumber the order, or {@code null}
	 * @param source the partner whose order or result it is, or {@code -1}
	 * @param version the plan version
	 * @param level the level, or {@code null}
	 * @param base the base
	 * @param rate the rate
	 * @param amount the amount
	 */
	public void pay(int partner, Component component, String orderNumber, int source, int version, Integer level,
			BigDecimal base, BigDecimal rate, BigDecimal amount) {
		if (amount.signum() != 0) {
			this.lines.add(partner, component, false, orderNumber,
					(source >= 0) ? source : CommissionLineList.PartnerIds.NO_PARTNER, version, level, base, rate,
					amount);
		}
	}

	/**
	 * Adds a line as it is (a reversal).
	 * @param line the line
	 */
	public void add(CommissionLine line) {
		if (line.amount().signum() != 0) {
			this.lines.add(line);
		}
	}

	/**
	 * Returns how many lines there are so far.
	 * @return the count
	 */
	public int size() {
		return this.lines.size();
	}

	/**
	 * Returns some of the lines so far, made as objects.
	 * @param from the first line
	 * @param to after the last line
	 * @return the lines
	 */
	public List<CommissionLine> range(int from, int to) {
		return new ArrayList<>(this.lines.soFar().subList(from, to));
	}

	/**
	 * Hands the lines over; no line can be added afterwards.
	 * @return the lines
	 */
	public CommissionLineList build() {
		return this.lines.build();
	}

	/**
	 * Returns the net amount of each partner's lines so far.
	 * @return amounts by population id
	 */
	public BigDecimal[] netByPartner() {
		long[] cents = new long[this.population.size()];
		boolean[] any = new boolean[cents.length];
		CommissionLineList lines = this.lines.soFar();
		for (int i = 0; i < lines.size(); i++) {
			int id = lines.partnerKey(i);
			if (id < cents.length) {
				cents[id] += lines.amountCents(i);
				any[id] = true;
			}
		}
		BigDecimal[] net = new BigDecimal[cents.length];
		for (int id = 0; id < net.length; id++) {
			if (any[id]) {
				net[id] = BigDecimal.valueOf(cents[id], 2);
			}
		}
		return net;
	}

	/**
	 * Rounds a commission the one way the plans know.
	 * @param base the base
	 * @param rate the rate
	 * @return {@code round(base * rate, 2, HALF_UP)}
	 */
	public static BigDecimal amount(BigDecimal base, BigDecimal rate) {
		return base.multiply(rate).setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * Computes {@code round(units / 10,000 * rate, 2, HALF_UP)} in cents with long
	 * arithmetic, exactly as {@link #amount} does with decimals.
	 * @param units a value in ten-thousandths
	 * @param rate the rate
	 * @return the amount in cents
	 */
	public static long cents(long units, BigDecimal rate) {
		return new Rate(rate, -1).cents(units);
	}

	/**
	 * A rate as an unscaled long and a scale, with its id in the lines. The product of a
	 * base in ten-thousandths and the unscaled rate has scale {@code 4 + scale}; rounding
	 * it to cents divides by {@code 10^(2 + scale)}, half away from zero (HALF_UP). Where
	 * a long could overflow, the decimals do it.
	 */
	private static final class Rate {

		private static final long[] POWERS = new long[19];

		static {
			POWERS[0] = 1;
			for (int i = 1; i < POWERS.length; i++) {
				POWERS[i] = POWERS[i - 1] * 10;
			}
		}

		final BigDecimal value;

		final int id;

		/** Whether the long path applies: unscaled fits a long and the divisor too. */
		private final boolean exact;

		private final long unscaled;

		/** 10^(2 + scale) when dividing, else 10^-(2 + scale) to multiply with. */
		private final long power;

		private final boolean divide;

		Rate(BigDecimal value, int id) {
			this.value = value;
			this.id = id;
			int shift = value.scale() + 2;
			boolean fits = value.unscaledValue().bitLength() < 63 && shift <= 18 && shift >= -18;
			this.exact = fits;
			this.unscaled = fits ? value.unscaledValue().longValue() : 0;
			this.divide = shift > 0;
			this.power = fits ? POWERS[Math.abs(shift)] : 1;
		}

		long cents(long units) {
			if (this.exact) {
				long high = Math.multiplyHigh(units, this.unscaled);
				long product = units * this.unscaled;
				// the product fits a long when the high half is the sign extension
				if ((high == 0 && product >= 0) || (high == -1 && product < 0)) {
					if (!this.divide) {
						long hi = Math.multiplyHigh(product, this.power);
						long exactProduct = product * this.power;
						if ((hi == 0 && exactProduct >= 0) || (hi == -1 && exactProduct < 0)) {
							return exactProduct;
						}
					}
					else {
						long quotient = product / this.power;
						long remainder = product % this.power;
						// |remainder| < 10^18, so twice it fits
						if (Math.abs(remainder) * 2 >= this.power) {
							quotient += (product < 0) ? -1 : 1;
						}
						return quotient;
					}
				}
			}
			return amount(BigDecimal.valueOf(units, 4), this.value).unscaledValue().longValueExact();
		}

	}

}
