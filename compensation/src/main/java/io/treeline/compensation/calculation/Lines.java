package io.treeline.compensation.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.Component;
import io.treeline.graph.PartnerNumber;

/**
 * Collects the commission lines of a computation. Every original amount is
 * {@code round(base * rate, 2, HALF_UP)}; lines that round to zero are not written.
 */
public final class Lines {

	private final Population population;

	private final List<CommissionLine> lines = new ArrayList<>();

	public Lines(Population population) {
		this.population = population;
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
			this.lines.add(new CommissionLine(partner(partner), component, false, orderNumber,
					(source >= 0) ? partner(source) : null, version, level, base, rate, amount));
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

	public List<CommissionLine> all() {
		return this.lines;
	}

	/**
	 * Returns the net amount of each partner's lines so far.
	 * @return amounts by population id
	 */
	public BigDecimal[] netByPartner() {
		BigDecimal[] net = new BigDecimal[this.population.size()];
		for (CommissionLine line : this.lines) {
			int id = this.population.id(line.partner().value());
			net[id] = (net[id] != null) ? net[id].add(line.amount()) : line.amount();
		}
		return net;
	}

	private PartnerNumber partner(int id) {
		return this.population.partner(id);
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
