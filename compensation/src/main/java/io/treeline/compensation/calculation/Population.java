package io.treeline.compensation.calculation;

import java.util.HashMap;
import java.util.Map;

import io.treeline.compensation.CommissionLineList;
import io.treeline.graph.PartnerNumber;

/**
 * The partners of a run with dense int ids, so that calculators work on arrays.
 */
public final class Population implements CommissionLineList.PartnerIds {

	private final String[] numbers;

	private final Map<String, Integer> ids;

	private final PartnerNumber[] partners;

	private volatile int[] byNumber;

	/**
	 * Creates a population.
	 * @param numbers partner numbers; a partner's id is its index
	 */
	public Population(String[] numbers) {
		this.numbers = numbers.clone();
		this.partners = new PartnerNumber[numbers.length];
		this.ids = new HashMap<>(numbers.length * 2);
		for (int id = 0; id < numbers.length; id++) {
			if (this.ids.put(numbers[id], id) != null) {
				throw new IllegalArgumentException("Partner " + numbers[id] + " appears twice");
			}
		}
	}

	@Override
	public int size() {
		return this.numbers.length;
	}

	/**
	 * Returns the id of a partner.
	 * @param number the partner number
	 * @return the id, or {@code -1} if the partner is not in the population
	 */
	public int id(String number) {
		Integer id = this.ids.get(number);
		return (id != null) ? id : -1;
	}

	@Override
	public int id(PartnerNumber number) {
		return id(number.value());
	}

	@Override
	public String number(int id) {
		return this.numbers[id];
	}

	/**
	 * Returns a partner's number as the API type, made once per partner (every commission
	 * line names one, and checking a number's format per line was measurable at 1M).
	 * @param id the partner
	 * @return its number
	 */
	@Override
	public PartnerNumber partner(int id) {
		PartnerNumber partner = this.partners[id];
		if (partner == null) {
			partner = PartnerNumber.of(this.numbers[id]);
			this.partners[id] = partner;
		}
		return partner;
	}

	/**
	 * Returns every id, sorted by partner number (sorted once and kept).
	 * @return the ids
	 */
	@Override
	public int[] idsByNumber() {
		int[] sorted = this.byNumber;
		if (sorted == null) {
			String[] numbers = this.numbers.clone();
			java.util.Arrays.parallelSort(numbers);
			sorted = new int[numbers.length];
			for (int i = 0; i < numbers.length; i++) {
				sorted[i] = this.ids.get(numbers[i]);
			}
			this.byNumber = sorted;
		}
		return sorted;
	}

}
