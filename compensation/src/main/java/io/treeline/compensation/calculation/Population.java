package io.treeline.compensation.calculation;

import io.treeline.compensation.CommissionLineList;
import io.treeline.graph.PartnerNumber;

/**
 * The partners of a run with dense int ids, so that calculators work on arrays.
 */
public final class Population implements CommissionLineList.PartnerIds {

	private final String[] numbers;

	/**
	 * By slot of the numbers' hashes, 0 for a free slot, else the id plus one in the low
	 * {@link #idMask} bits and the hash's other bits above them: an open-addressing table
	 * of ints, not a map entry and an {@code Integer} per partner (ADR 0023), in which a
	 * probe reads a partner's number only where those bits of the hash agree (a number is
	 * some cache misses away, ADR 0026).
	 */
	private final int[] slots;

	private final int idMask;

	private final PartnerNumber[] partners;

	private volatile int[] byNumber;

	/**
	 * Creates a population.
	 * @param numbers partner numbers; a partner's id is its index
	 */
	public Population(String[] numbers) {
		this.numbers = numbers.clone();
		this.partners = new PartnerNumber[numbers.length];
		this.slots = new int[Integer.highestOneBit(Math.max(4, numbers.length * 2 - 1)) << 1];
		this.idMask = (Integer.highestOneBit(numbers.length) << 1) - 1;
		int mask = this.slots.length - 1;
		for (int id = 0; id < numbers.length; id++) {
			String number = this.numbers[id];
			int hash = slot(number);
			int i = hash & mask;
			while (this.slots[i] != 0) {
				if (this.numbers[(this.slots[i] & this.idMask) - 1].equals(number)) {
					throw new IllegalArgumentException("Partner " + number + " appears twice");
				}
				i = (i + 1) & mask;
			}
			this.slots[i] = (hash & ~this.idMask) | (id + 1);
		}
	}

	private static int slot(String number) {
		int h = number.hashCode() * 0x9E3779B9;
		return h ^ (h >>> 16);
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
		int hash = slot(number);
		int high = hash & ~this.idMask;
		int mask = this.slots.length - 1;
		for (int i = hash & mask; this.slots[i] != 0; i = (i + 1) & mask) {
			int found = this.slots[i];
			if ((found & ~this.idMask) == high) {
				int id = (found & this.idMask) - 1;
				if (this.numbers[id].equals(number)) {
					return id;
				}
			}
		}
		return -1;
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
				sorted[i] = id(numbers[i]);
			}
			this.byNumber = sorted;
		}
		return sorted;
	}

}
