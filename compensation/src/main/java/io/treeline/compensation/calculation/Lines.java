package io.treeline.compensation.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.CommissionLineList;
import io.treeline.compensation.Component;

/**
 * Collects the commission lines of a computation, in columns
 * ({@link CommissionLineList}). Every original amount is
 * {@code round(base * rate, 2, HALF_UP)}; lines that round to zero are not written.
 */
public final class Lines {

	private final Population population;

	private final CommissionLineList.Builder lines;

	public Lines(Population population) {
		this.population = population;
		this.lines = CommissionLineList.builder(population);
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

}
