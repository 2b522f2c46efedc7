package io.treeline.compensation.calculation;

import java.util.Arrays;
import java.util.stream.IntStream;

import io.treeline.compensation.CommissionLineList;
import io.treeline.graph.PartnerNumber;

/**
 * The partners of a run with dense int ids, so that calculators work on arrays.
 */
public final class Population implements CommissionLineList.PartnerIds {

	private final String[] numbers;

	/**
	 * Ids plus one by slot of the numbers' hashes, 0 for a free slot: an open-addressing
	 * table of ints, not a map entry and an {@code Integer} per partner (ADR 0023).
	 */
	private final int[] slots;

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
		int mask = this.slots.length - 1;
		for (int id = 0; id < numbers.length; id++) {
			String number = this.numbers[id];
			int i = slot(number) & mask;
			while (this.slots[i] != 0) {
				if (this.numbers[this.slots[i] - 1].equals(number)) {
					throw new IllegalArgumentException("Partner " + number + " appears twice");
				}
				i = (i + 1) & mask;
			}
			this.slots[i] = id + 1;
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
		int mask = this.slots.length - 1;
		for (int i = slot(number) & mask; this.slots[i] != 0; i = (i + 1) & mask) {
			int id = this.slots[i] - 1;
			if (this.numbers[id].equals(number)) {
				return id;
			}
		}
		return -1;
	}

	/**
	 * Returns the ids of many partner numbers at once. A number's slot, the number held
	 * there and that number's bytes lie in three places of a large heap, each a cache
	 * miss; fetched for all numbers in a short loop of their own, the misses of different
	 * numbers overlap instead of following one another (ADR 0040). At a million partners,
	 * looked up one by one, they were two thirds of reading a close's events.
	 * @param numbers the partner numbers
	 * @param count how many of them
	 * @param into receives each number's id, or {@code -1} for a partner not in the
	 * population
	 */
	public void ids(String[] numbers, int count, int[] into) {
		int mask = this.slots.length - 1;
		int[] slots = this.slots;
		String[] known = this.numbers;
		for (int j = 0; j < count; j++) {
			into[j] = slots[slot(numbers[j]) & mask];
		}
		String[] candidates = new String[count];
		for (int j = 0; j < count; j++) {
			candidates[j] = (into[j] != 0) ? known[into[j] - 1] : null;
		}
		// a number's length is read from its bytes' array, which is what a miss of the
		// comparison below would have fetched
		int[] lengths = new int[count];
		for (int j = 0; j < count; j++) {
			lengths[j] = (candidates[j] != null) ? candidates[j].length() : -1;
		}
		for (int j = 0; j < count; j++) {
			if (lengths[j] < 0) {
				into[j] = -1;
			}
			else if (lengths[j] == numbers[j].length() && candidates[j].equals(numbers[j])) {
				into[j]--;
			}
			else {
				// the first slot holds another number: probed one by one
				into[j] = id(numbers[j]);
			}
		}
	}

	/**
	 * Returns the id of a partner number, trying a likely id before the table: callers
	 * that read partners in the population's order (a snapshot's ids, results sorted by
	 * number) know the next id before they look.
	 * @param number the partner number
	 * @param guess the id it probably has (any int)
	 * @return the id, or {@code -1} if the partner is not in the population
	 */
	public int id(String number, int guess) {
		return (guess >= 0 && guess < this.numbers.length && this.numbers[guess].equals(number)) ? guess : id(number);
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
			sorted = inOrder() ? IntStream.range(0, this.numbers.length).toArray() : sortedIds();
			this.byNumber = sorted;
		}
		return sorted;
	}

	/**
	 * Tells whether the ids follow the numbers already: the genealogy's snapshots number
	 * partners in the order of their numbers, and a population made from one needs no
	 * sort and no lookup per partner.
	 */
	private boolean inOrder() {
		for (int id = 1; id < this.numbers.length; id++) {
			if (this.numbers[id - 1].compareTo(this.numbers[id]) >= 0) {
				return false;
			}
		}
		return true;
	}

	private int[] sortedIds() {
		String[] numbers = this.numbers.clone();
		Arrays.parallelSort(numbers);
		int[] sorted = new int[numbers.length];
		for (int i = 0; i < numbers.length; i++) {
			sorted[i] = id(numbers[i]);
		}
		return sorted;
	}

}
