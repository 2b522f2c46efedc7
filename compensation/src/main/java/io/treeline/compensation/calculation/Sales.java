package io.treeline.compensation.calculation;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The sales of a period in columns, in the order their events are commissioned in: by
 * instant, then by the provider's order number (payment before returns), and only then by
 * the database's event id, so that the lines and their hash do not depend on the order
 * the events were stored in. A close at ten million partners commissions some twenty
 * million sales; as records each was an object of its own beside its order number,
 * old-generation objects that every full collection walks (ADR 0038). {@link #get(int)}
 * makes the {@link Sale} a caller asks for. Immutable.
 */
public final class Sales extends AbstractList<Sale> implements RandomAccess {

	private static final byte RETURNED = 1;

	private static final byte COMPLETES = 2;

	/** A return of the sale's order is among the sales (the return itself included). */
	private static final byte ORDER_RETURNED = 4;

	private final long[] eventIds;

	private final String[] orderNumbers;

	private final int[] partners;

	private final long[] orderedAt;

	private final long[] occurredAt;

	private final long[] pv;

	private final long[] bv;

	private final byte[] flags;

	/** Fractions of returns by position, {@code null} if no sale has one. */
	private final BigDecimal[] fractions;

	/**
	 * Takes the builder's columns in the given order, one column at a time, letting go of
	 * each of the builder's columns once it is copied: at twenty million sales a column
	 * is up to 160 MB, and both whole sets of columns at once would be twice that many.
	 */
	private Sales(Builder columns, int[] order) {
		int size = order.length;
		this.eventIds = permuted(columns.eventIds, order);
		columns.eventIds = null;
		this.orderNumbers = permuted(columns.orderNumbers, new String[size], order);
		columns.orderNumbers = null;
		int[] partners = columns.partners;
		this.partners = new int[size];
		Arrays.setAll(this.partners, (i) -> partners[order[i]]);
		columns.partners = null;
		this.orderedAt = permuted(columns.orderedAt, order);
		columns.orderedAt = null;
		this.occurredAt = permuted(columns.occurredAt, order);
		columns.occurredAt = null;
		this.pv = permuted(columns.pv, order);
		columns.pv = null;
		this.bv = permuted(columns.bv, order);
		columns.bv = null;
		this.flags = new byte[size];
		for (int i = 0; i < size; i++) {
			this.flags[i] = columns.flags[order[i]];
		}
		columns.flags = null;
		this.fractions = (columns.fractions != null) ? permuted(columns.fractions, new BigDecimal[size], order) : null;
		columns.fractions = null;
	}

	private static long[] permuted(long[] column, int[] order) {
		long[] permuted = new long[order.length];
		Arrays.setAll(permuted, (i) -> column[order[i]]);
		return permuted;
	}

	private static <T> T[] permuted(T[] column, T[] permuted, int[] order) {
		Arrays.setAll(permuted, (i) -> column[order[i]]);
		return permuted;
	}

	/**
	 * Starts a collection of sales in any order.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns sales in the order they are commissioned in.
	 * @param sales the sales in any order
	 * @return the same if they are {@link Sales} already, else a sorted copy
	 */
	public static Sales of(List<Sale> sales) {
		if (sales instanceof Sales inOrder) {
			return inOrder;
		}
		Builder builder = builder();
		for (Sale sale : sales) {
			builder.add(sale);
		}
		return builder.build();
	}

	@Override
	public int size() {
		return this.eventIds.length;
	}

	/**
	 * Tells whether a return of a sale's order is among these sales, without reading its
	 * order number: a computation asks this of every sale, and at twenty million sales
	 * each order number read is a cache miss (ADR 0047).
	 * @param index the sale
	 * @return {@code true} for a return and for a sale whose order a return among these
	 * sales gives back, in whole or in part
	 */
	public boolean orderReturned(int index) {
		return (this.flags[index] & ORDER_RETURNED) != 0;
	}

	/**
	 * Returns the id of the partner a sale is credited to, without making the sale.
	 * @param index the sale
	 * @return the partner's id
	 */
	public int partner(int index) {
		return this.partners[index];
	}

	/**
	 * Returns when a sale's order was placed, without making the sale.
	 * @param index the sale
	 * @return microseconds since the epoch
	 */
	public long orderedAtMicros(int index) {
		return this.orderedAt[index];
	}

	/**
	 * Returns a sale's signed PV ({@link Sale#signedPv()}), without making the sale.
	 * @param index the sale
	 * @return the PV change in units
	 */
	public long signedPv(int index) {
		return ((this.flags[index] & RETURNED) != 0) ? -this.pv[index] : this.pv[index];
	}

	/**
	 * Returns a sale's signed BV ({@link Sale#signedBv()}), without making the sale.
	 * @param index the sale
	 * @return the BV change in units
	 */
	public long signedBv(int index) {
		return ((this.flags[index] & RETURNED) != 0) ? -this.bv[index] : this.bv[index];
	}

	@Override
	public Sale get(int index) {
		return new Sale(this.eventIds[index], this.orderNumbers[index], this.partners[index], this.orderedAt[index],
				this.occurredAt[index], (this.flags[index] & RETURNED) != 0, this.pv[index], this.bv[index],
				(this.fractions != null) ? this.fractions[index] : null, (this.flags[index] & COMPLETES) != 0);
	}

	/**
	 * Collects sales and sorts them once, in columns.
	 */
	public static final class Builder {

		private int size;

		private long[] eventIds = new long[16];

		private String[] orderNumbers = new String[16];

		private int[] partners = new int[16];

		private long[] orderedAt = new long[16];

		private long[] occurredAt = new long[16];

		private long[] pv = new long[16];

		private long[] bv = new long[16];

		private byte[] flags = new byte[16];

		/**
		 * The order numbers' hash codes, taken while the numbers are fresh in the cache;
		 * the hash is then kept in each string, too.
		 */
		private int[] orderHashes = new int[16];

		/** The orders that the returns among the sales give back. */
		private final Set<String> returnedOrders = new HashSet<>();

		private BigDecimal[] fractions;

		private boolean built;

		private Builder() {
		}

		/**
		 * Adds a sale.
		 * @param sale the sale
		 * @return this builder
		 */
		public Builder add(Sale sale) {
			return add(sale.eventId(), sale.orderNumber(), sale.partner(), sale.orderedAtMicros(),
					sale.occurredAtMicros(), sale.returned(), sale.pv(), sale.bv(), sale.fraction(), sale.completes());
		}

		/**
		 * Adds a sale by its fields (see {@link Sale}).
		 * @param eventId the event's id
		 * @param orderNumber the order
		 * @param partner id of the partner the order is credited to
		 * @param orderedAtMicros when the order was placed
		 * @param occurredAtMicros when the payment or return happened
		 * @param returned whether this is a return
		 * @param pv PV in units of 1/10,000
		 * @param bv BV in units of 1/10,000
		 * @param fraction the fraction a return gives back, {@code null} for a payment
		 * @param completes whether the return gives back the rest of the order
		 * @return this builder
		 */
		public Builder add(long eventId, String orderNumber, int partner, long orderedAtMicros, long occurredAtMicros,
				boolean returned, long pv, long bv, BigDecimal fraction, boolean completes) {
			if (this.built) {
				throw new IllegalStateException("The sales are built already");
			}
			if (this.size == this.eventIds.length) {
				grow();
			}
			int at = this.size++;
			this.eventIds[at] = eventId;
			this.orderNumbers[at] = orderNumber;
			this.orderHashes[at] = orderNumber.hashCode();
			this.partners[at] = partner;
			this.orderedAt[at] = orderedAtMicros;
			this.occurredAt[at] = occurredAtMicros;
			this.pv[at] = pv;
			this.bv[at] = bv;
			this.flags[at] = (byte) ((returned ? RETURNED : 0) | (completes ? COMPLETES : 0));
			if (returned) {
				this.returnedOrders.add(orderNumber);
			}
			if (fraction != null) {
				if (this.fractions == null) {
					this.fractions = new BigDecimal[this.eventIds.length];
				}
				this.fractions[at] = fraction;
			}
			return this;
		}

		private void grow() {
			int capacity = this.eventIds.length + (this.eventIds.length >> 1);
			this.eventIds = Arrays.copyOf(this.eventIds, capacity);
			this.orderNumbers = Arrays.copyOf(this.orderNumbers, capacity);
			this.partners = Arrays.copyOf(this.partners, capacity);
			this.orderedAt = Arrays.copyOf(this.orderedAt, capacity);
			this.occurredAt = Arrays.copyOf(this.occurredAt, capacity);
			this.pv = Arrays.copyOf(this.pv, capacity);
			this.bv = Arrays.copyOf(this.bv, capacity);
			this.flags = Arrays.copyOf(this.flags, capacity);
			this.orderHashes = Arrays.copyOf(this.orderHashes, capacity);
			if (this.fractions != null) {
				this.fractions = Arrays.copyOf(this.fractions, capacity);
			}
		}

		/**
		 * Returns the sales in the order they are commissioned in. The builder cannot be
		 * used afterwards (its columns are let go).
		 * @return the sales
		 */
		public Sales build() {
			if (this.built) {
				throw new IllegalStateException("The sales are built already");
			}
			this.built = true;
			markReturnedOrders();
			return new Sales(this, order());
		}

		/**
		 * Flags the sales of the orders that returns give back. A sale's hash is looked
		 * up in a bit set of the returned orders' hashes first; only on a hit is its
		 * order number read.
		 */
		private void markReturnedOrders() {
			if (!this.returnedOrders.isEmpty()) {
				// some 64 bits per returned order: few false hits
				int bits = Integer.highestOneBit(Math.min(1 << 30, Math.max(64, this.returnedOrders.size() * 64)));
				BitSet hashes = new BitSet(bits);
				for (String order : this.returnedOrders) {
					hashes.set(order.hashCode() & (bits - 1));
				}
				for (int i = 0; i < this.size; i++) {
					if (hashes.get(this.orderHashes[i] & (bits - 1))
							&& this.returnedOrders.contains(this.orderNumbers[i])) {
						this.flags[i] |= ORDER_RETURNED;
					}
				}
			}
			this.orderHashes = null;
			this.returnedOrders.clear();
		}

		/**
		 * Returns the positions of the sales in commission order: a sort of longs, each
		 * the instant (coarsened as far as it must be for the position to fit beside it)
		 * and the position, not of objects compared through their fields; the few sales
		 * that share a key are then sorted by the whole order.
		 */
		private int[] order() {
			int count = this.size;
			int[] order = new int[count];
			if (count == 0) {
				return order;
			}
			long first = Long.MAX_VALUE;
			long last = Long.MIN_VALUE;
			for (int i = 0; i < count; i++) {
				first = Math.min(first, this.occurredAt[i]);
				last = Math.max(last, this.occurredAt[i]);
			}
			int positionBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(count - 1));
			// the spread of instants in 64 bits, unsigned (it may exceed Long.MAX_VALUE)
			long spread = last - first;
			int spreadBits = 64 - Long.numberOfLeadingZeros(spread);
			int shift = Math.max(0, spreadBits - (63 - positionBits));
			long[] keys = new long[count];
			for (int i = 0; i < count; i++) {
				keys[i] = (((this.occurredAt[i] - first) >>> shift) << positionBits) | i;
			}
			Arrays.parallelSort(keys);
			long positionMask = (1L << positionBits) - 1;
			for (int i = 0; i < count; i++) {
				order[i] = (int) (keys[i] & positionMask);
			}
			Comparator<Integer> inOrder = Comparator.<Integer>comparingLong((i) -> this.occurredAt[i])
				.thenComparing((i) -> this.orderNumbers[i])
				.thenComparing((i) -> (this.flags[i] & RETURNED) != 0)
				.thenComparingLong((i) -> this.eventIds[i]);
			for (int from = 0; from < count;) {
				long coarse = keys[from] >>> positionBits;
				int to = from + 1;
				while (to < count && keys[to] >>> positionBits == coarse) {
					to++;
				}
				if (to - from > 1) {
					Integer[] group = new Integer[to - from];
					for (int i = from; i < to; i++) {
						group[i - from] = order[i];
					}
					Arrays.sort(group, inOrder);
					for (int i = from; i < to; i++) {
						order[i] = group[i - from];
					}
				}
				from = to;
			}
			return order;
		}

	}

}
