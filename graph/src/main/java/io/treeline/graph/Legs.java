package io.treeline.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The direct legs of a partner's downline, largest first: how many there are and the size
 * of each side at once, the legs themselves (with their partners' numbers) only as far as
 * they are asked for. The root of a large organisation has hundreds of thousands of
 * direct partners; listing and sorting them all for every question about its team would
 * cost more than the walk that counted them, while a screen shows a few of the largest.
 * <p>
 * Immutable and safe to share between threads. Legs of equal size keep the order in which
 * they were added.
 */
public final class Legs {

	private static final Legs NONE = new Legs(new int[0], new int[0], new byte[0], (id) -> {
		throw new IndexOutOfBoundsException(id);
	});

	private final int[] children;

	private final int[] sizes;

	private final byte[] sides;

	private final IntFunction<PartnerNumber> numbers;

	/**
	 * Indexes of the legs, largest first; sorted on the first call that needs them all.
	 */
	private volatile int[] largestFirst;

	private Legs(int[] children, int[] sizes, byte[] sides, IntFunction<PartnerNumber> numbers) {
		this.children = children;
		this.sizes = sizes;
		this.sides = sides;
		this.numbers = numbers;
	}

	/**
	 * Returns no legs.
	 * @return the legs of a partner without downline
	 */
	public static Legs none() {
		return NONE;
	}

	/**
	 * Returns legs given as a list, for instance to compare with.
	 * @param legs the legs in any order
	 * @return the same legs, largest first
	 */
	public static Legs of(List<TeamStats.LegSize> legs) {
		Builder builder = new Builder(legs.size());
		for (int i = 0; i < legs.size(); i++) {
			TeamStats.LegSize leg = legs.get(i);
			builder.add(i, leg.side(), leg.size());
		}
		return builder.build((i) -> legs.get(i).child());
	}

	/**
	 * Returns how many direct legs there are.
	 * @return the number of direct children
	 */
	public int count() {
		return this.sizes.length;
	}

	/**
	 * Returns the size of one binary side.
	 * @param side LEFT or RIGHT
	 * @return the number of partners in that leg, 0 when it is empty
	 */
	public int sizeOf(Leg side) {
		byte code = Builder.code(side);
		int sum = 0;
		for (int i = 0; i < this.sizes.length; i++) {
			if (this.sides[i] == code) {
				sum += this.sizes[i];
			}
		}
		return sum;
	}

	/**
	 * Returns the largest legs.
	 * @param limit how many at most
	 * @return the {@code limit} largest legs (all when there are fewer), largest first
	 * @throws IllegalArgumentException if the limit is negative
	 */
	public List<TeamStats.LegSize> largest(int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("The number of legs must not be negative, was " + limit);
		}
		int count = Math.min(limit, count());
		int[] order = (this.largestFirst != null || count > 64) ? sorted() : selectLargest(count);
		List<TeamStats.LegSize> legs = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			legs.add(leg(order[i]));
		}
		return List.copyOf(legs);
	}

	/**
	 * Returns all legs.
	 * @return every leg, largest first
	 */
	public List<TeamStats.LegSize> all() {
		return largest(count());
	}

	private TeamStats.LegSize leg(int index) {
		return new TeamStats.LegSize(this.numbers.apply(this.children[index]), Builder.leg(this.sides[index]),
				this.sizes[index]);
	}

	private int[] sorted() {
		int[] order = this.largestFirst;
		if (order == null) {
			long[] keys = new long[count()];
			for (int i = 0; i < keys.length; i++) {
				keys[i] = key(i);
			}
			Arrays.sort(keys);
			order = new int[keys.length];
			for (int i = 0; i < keys.length; i++) {
				order[i] = (int) keys[i];
			}
			this.largestFirst = order;
		}
		return order;
	}

	/** The few largest in one pass, kept in order by insertion; no sort of all legs. */
	private int[] selectLargest(int count) {
		long[] best = new long[count];
		int found = 0;
		for (int i = 0; i < this.sizes.length && count > 0; i++) {
			long key = key(i);
			if (found == count && key >= best[count - 1]) {
				continue;
			}
			int at = Math.min(found, count - 1);
			while (at > 0 && best[at - 1] > key) {
				best[at] = best[at - 1];
				at--;
			}
			best[at] = key;
			found = Math.min(found + 1, count);
		}
		int[] order = new int[found];
		for (int i = 0; i < found; i++) {
			order[i] = (int) best[i];
		}
		return order;
	}

	/** Ascending keys give larger legs first, equal sizes in the order added. */
	private long key(int index) {
		return ((long) (Integer.MAX_VALUE - this.sizes[index]) << 32) | index;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof Legs legs && all().equals(legs.all()));
	}

	@Override
	public int hashCode() {
		return all().hashCode();
	}

	@Override
	public String toString() {
		return (count() <= 16) ? all().toString() : count() + " legs, largest " + largest(16);
	}

	/** Collects legs as a walk finds them. */
	public static final class Builder {

		private static final Leg[] SIDES = Leg.values();

		private int[] children;

		private int[] sizes;

		private byte[] sides;

		private int count;

		/**
		 * Creates a builder.
		 * @param expected how many legs are expected at most (a hint)
		 */
		public Builder(int expected) {
			int capacity = Math.max(expected, 4);
			this.children = new int[capacity];
			this.sizes = new int[capacity];
			this.sides = new byte[capacity];
		}

		/**
		 * Adds a leg.
		 * @param child the direct child's id, as the number function of {@link #build}
		 * knows it
		 * @param side its side under a binary parent, {@code null} in other trees
		 * @param size the child and its whole downline
		 * @return this builder
		 */
		public Builder add(int child, Leg side, int size) {
			if (this.count == this.sizes.length) {
				int capacity = this.count * 2;
				this.children = Arrays.copyOf(this.children, capacity);
				this.sizes = Arrays.copyOf(this.sizes, capacity);
				this.sides = Arrays.copyOf(this.sides, capacity);
			}
			this.children[this.count] = child;
			this.sizes[this.count] = size;
			this.sides[this.count] = code(side);
			this.count++;
			return this;
		}

		/**
		 * Returns the legs added.
		 * @param numbers the partner number of a child id
		 * @return the legs
		 */
		public Legs build(IntFunction<PartnerNumber> numbers) {
			if (this.count == 0) {
				return NONE;
			}
			return new Legs(Arrays.copyOf(this.children, this.count), Arrays.copyOf(this.sizes, this.count),
					Arrays.copyOf(this.sides, this.count), numbers);
		}

		private static byte code(Leg side) {
			return (side == null) ? 0 : (byte) (side.ordinal() + 1);
		}

		private static Leg leg(byte code) {
			return (code == 0) ? null : SIDES[code - 1];
		}

	}

}
