package io.treeline.compensation;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import io.treeline.graph.PartnerNumber;

/**
 * The commission lines of a run, packed in rows of five longs (partner and source ids,
 * base in ten-thousandths, amount in cents, order and rate ids, version, flags and level)
 * instead of one object per line: a run at a million partners has some ten million lines,
 * which as objects take gigabytes and most of a close's time, and sorting them for
 * storage reads one row per line, not a dozen scattered columns. Order numbers and rates
 * are kept once in dictionaries. Immutable; {@link #get(int)} makes the
 * {@link CommissionLine} a caller asks for.
 */
public final class CommissionLineList extends AbstractList<CommissionLine> implements RandomAccess {

	private static final Component[] COMPONENTS = Component.values();

	private static final int NO_LEVEL = Integer.MIN_VALUE;

	private static final int NO_ORDER = -1;

	private static final int STRIDE = 5;

	private final Rows rows;

	private final int size;

	private CommissionLineList(Rows rows, int size) {
		this.rows = rows;
		this.size = size;
	}

	/**
	 * Starts a list whose partners are mostly known by dense ids.
	 * @param partners the known partners
	 * @return a builder
	 */
	public static Builder builder(PartnerIds partners) {
		return new Builder(partners);
	}

	/**
	 * Copies lines into a list.
	 * @param lines the lines
	 * @return the list, the same if it is one already
	 */
	public static CommissionLineList of(List<CommissionLine> lines) {
		if (lines instanceof CommissionLineList list) {
			return list;
		}
		Builder builder = builder(PartnerIds.NONE);
		for (CommissionLine line : lines) {
			builder.add(line);
		}
		return builder.build();
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public CommissionLine get(int index) {
		int level = levelOrMin(index);
		return new CommissionLine(partner(index), component(index), reversal(index), orderNumber(index),
				sourcePartner(index), planVersion(index), (level != NO_LEVEL) ? level : null,
				BigDecimal.valueOf(baseUnits(index), 4), rate(index), BigDecimal.valueOf(amountCents(index), 2));
	}

	/**
	 * Returns who earns a line, without making the line.
	 * @param index the line
	 * @return the partner
	 */
	public PartnerNumber partner(int index) {
		return partnerOfKey(partnerKey(index));
	}

	/**
	 * Returns a key for the partner of a line: equal for lines of the same partner within
	 * this list, from 0 to {@link #partnerKeyLimit()} (exclusive).
	 * @param index the line
	 * @return the key
	 */
	public int partnerKey(int index) {
		return (int) (this.rows.data[row(index)] >> 32);
	}

	/**
	 * Returns a key for the source partner of a line, from the same keys as
	 * {@link #partnerKey(int)}.
	 * @param index the line
	 * @return the key, or {@link PartnerIds#NO_PARTNER} for a line without a source
	 */
	public int sourceKey(int index) {
		return (int) this.rows.data[row(index)];
	}

	/**
	 * Returns the partner of a key.
	 * @param key a key from {@link #partnerKey(int)} or {@link #sourceKey(int)}
	 * @return the partner
	 */
	public PartnerNumber partnerOfKey(int key) {
		return this.rows.partner(key);
	}

	/**
	 * Returns every partner key, the known partners' and the others', sorted by partner
	 * number.
	 * @return the keys
	 */
	public int[] partnerKeysByNumber() {
		int[] known = this.rows.known.idsByNumber();
		int knownSize = this.rows.known.size();
		List<PartnerNumber> others = this.rows.others;
		Integer[] otherKeys = new Integer[others.size()];
		for (int i = 0; i < otherKeys.length; i++) {
			otherKeys[i] = knownSize + i;
		}
		Arrays.sort(otherKeys, (a, b) -> others.get(a - knownSize).compareTo(others.get(b - knownSize)));
		int[] keys = new int[known.length + otherKeys.length];
		int k = 0;
		int o = 0;
		for (int i = 0; i < keys.length; i++) {
			if (o < otherKeys.length && (k == known.length
					|| others.get(otherKeys[o] - knownSize).compareTo(this.rows.known.partner(known[k])) < 0)) {
				keys[i] = otherKeys[o++];
			}
			else {
				keys[i] = known[k++];
			}
		}
		return keys;
	}

	/**
	 * Returns the number of the partner of a key, without making a {@link PartnerNumber}.
	 * @param key a key from {@link #partnerKey(int)} or {@link #sourceKey(int)}
	 * @return the partner number's text
	 */
	public String partnerNumberOfKey(int key) {
		int known = this.rows.known.size();
		return (key < known) ? this.rows.known.number(key) : this.rows.others.get(key - known).value();
	}

	/**
	 * Returns the bound of the partner keys.
	 * @return one more than the greatest key
	 */
	public int partnerKeyLimit() {
		return this.rows.known.size() + this.rows.others.size();
	}

	/**
	 * Returns the component of a line, without making the line.
	 * @param index the line
	 * @return the component
	 */
	public Component component(int index) {
		return COMPONENTS[flags(index) >>> 1];
	}

	/**
	 * Tells whether a line reverses an earlier one, without making the line.
	 * @param index the line
	 * @return {@code true} for a reversal
	 */
	public boolean reversal(int index) {
		return (flags(index) & 1) != 0;
	}

	/**
	 * Returns the component ordinal times two, plus one for a reversal.
	 * @param index the line
	 * @return the flags
	 */
	public int flags(int index) {
		return (int) (this.rows.data[row(index) + 4] >>> 32) & 0xFF;
	}

	/**
	 * Returns the order of a line, without making the line.
	 * @param index the line
	 * @return the order number, or {@code null}
	 */
	public String orderNumber(int index) {
		int order = orderId(index);
		return (order != NO_ORDER) ? this.rows.orders.get(order) : null;
	}

	/**
	 * Returns how many order ids the lines use.
	 * @return the bound of {@link #orderId(int)}
	 */
	public int orderCount() {
		return this.rows.orders.size();
	}

	/**
	 * Returns the order number of an order id.
	 * @param id an id from {@link #orderId(int)}
	 * @return the order number
	 */
	public String orderById(int id) {
		return this.rows.orders.get(id);
	}

	/**
	 * Returns an id of the order of a line: lines of one order made one after the other
	 * share it (the same number may have several ids).
	 * @param index the line
	 * @return the id, or -1 for a line without an order
	 */
	public int orderId(int index) {
		return (int) (this.rows.data[row(index) + 3] >> 32);
	}

	/**
	 * Returns the partner whose order or result produced a line, without making the line.
	 * @param index the line
	 * @return the partner, or {@code null}
	 */
	public PartnerNumber sourcePartner(int index) {
		int source = sourceKey(index);
		return (source != PartnerIds.NO_PARTNER) ? this.rows.partner(source) : null;
	}

	/**
	 * Returns the plan version of a line, without making the line.
	 * @param index the line
	 * @return the version
	 */
	public int planVersion(int index) {
		return (int) (this.rows.data[row(index) + 4] >>> 40);
	}

	/**
	 * Returns the level of a line, without making the line.
	 * @param index the line
	 * @return the level, or {@link Integer#MIN_VALUE} for a line without one
	 */
	public int levelOrMin(int index) {
		return (int) this.rows.data[row(index) + 4];
	}

	/**
	 * Returns the base of a line in ten-thousandths, without making the line.
	 * @param index the line
	 * @return the unscaled base at four decimals
	 */
	public long baseUnits(int index) {
		return this.rows.data[row(index) + 1];
	}

	/**
	 * Returns the amount of a line in cents, without making the line.
	 * @param index the line
	 * @return the amount in cents
	 */
	public long amountCents(int index) {
		return this.rows.data[row(index) + 2];
	}

	/**
	 * Returns the rate of a line, without making the line.
	 * @param index the line
	 * @return the rate
	 */
	public BigDecimal rate(int index) {
		return this.rows.rates.get(rateId(index));
	}

	/**
	 * Returns the id of the rate of a line; equal rates share it.
	 * @param index the line
	 * @return the id, from 0 to {@link #rateCount()} (exclusive)
	 */
	public int rateId(int index) {
		return (int) this.rows.data[row(index) + 3];
	}

	/**
	 * Returns how many distinct rates the lines have.
	 * @return the count
	 */
	public int rateCount() {
		return this.rows.rates.size();
	}

	/**
	 * Returns a rate by id.
	 * @param id the id
	 * @return the rate
	 */
	public BigDecimal rateById(int id) {
		return this.rows.rates.get(id);
	}

	/**
	 * Returns the sum of all lines.
	 * @return the total in EUR, two decimals
	 */
	public BigDecimal total() {
		long cents = 0;
		for (int i = 0; i < this.size; i++) {
			cents = Math.addExact(cents, this.rows.data[i * STRIDE + 2]);
		}
		return BigDecimal.valueOf(cents, 2);
	}

	/**
	 * Returns the sum of the lines of each partner who has lines.
	 * @return amounts by partner
	 */
	public Map<PartnerNumber, BigDecimal> amountsByPartner() {
		long[] cents = new long[partnerKeyLimit()];
		boolean[] any = new boolean[cents.length];
		for (int i = 0; i < this.size; i++) {
			int key = partnerKey(i);
			cents[key] = Math.addExact(cents[key], amountCents(i));
			any[key] = true;
		}
		Map<PartnerNumber, BigDecimal> amounts = new HashMap<>();
		for (int key = 0; key < cents.length; key++) {
			if (any[key]) {
				amounts.put(partnerOfKey(key), BigDecimal.valueOf(cents[key], 2));
			}
		}
		return amounts;
	}

	private int row(int index) {
		if (index < 0 || index >= this.size) {
			throw new IndexOutOfBoundsException(index);
		}
		return index * STRIDE;
	}

	/**
	 * Partners by dense int ids, so that a line keeps an int, not a number.
	 */
	public interface PartnerIds {

		/** The id of "no partner". */
		int NO_PARTNER = -1;

		/** No known partners: every partner is added as it comes. */
		PartnerIds NONE = new PartnerIds() {

			@Override
			public int size() {
				return 0;
			}

			@Override
			public PartnerNumber partner(int id) {
				throw new IndexOutOfBoundsException(id);
			}

			@Override
			public int id(PartnerNumber number) {
				return NO_PARTNER;
			}

		};

		/**
		 * Returns how many partners there are; their ids are 0 to size - 1.
		 * @return the count
		 */
		int size();

		/**
		 * Returns a partner by id.
		 * @param id an id from 0 to size - 1
		 * @return the partner
		 */
		PartnerNumber partner(int id);

		/**
		 * Returns the id of a partner.
		 * @param number the partner
		 * @return the id, or {@link #NO_PARTNER} if the partner is not known
		 */
		int id(PartnerNumber number);

		/**
		 * Returns the number of a partner by id, as text.
		 * @param id an id from 0 to size - 1
		 * @return the partner number
		 */
		default String number(int id) {
			return partner(id).value();
		}

		/**
		 * Returns every id, sorted by partner number.
		 * @return the ids
		 */
		default int[] idsByNumber() {
			Integer[] ids = new Integer[size()];
			for (int id = 0; id < ids.length; id++) {
				ids[id] = id;
			}
			Arrays.sort(ids, (a, b) -> partner(a).compareTo(partner(b)));
			return Arrays.stream(ids).mapToInt(Integer::intValue).toArray();
		}

	}

	/**
	 * Collects lines; {@link #build()} hands them over as an immutable list. Amounts have
	 * at most two decimals, bases four; anything finer is refused, not rounded.
	 */
	public static final class Builder {

		private Rows rows;

		private int size;

		private final Map<PartnerNumber, Integer> others = new HashMap<>();

		private final Map<BigDecimal, Integer> rateIds = new IdentityHashMap<>();

		private final Map<BigDecimal, Integer> rateIdsByValue = new HashMap<>();

		private String lastOrder;

		private Builder(PartnerIds partners) {
			this.rows = new Rows(partners, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
					new long[1024 * STRIDE]);
		}

		/**
		 * Adds a line.
		 * @param partner the id of who earns
		 * @param component the component
		 * @param reversal whether the line reverses an earlier one
		 * @param orderNumber the order, or {@code null}
		 * @param source the id of the source partner, or {@link PartnerIds#NO_PARTNER}
		 * @param version the plan version
		 * @param level the level, or {@code null}
		 * @param base the base, at most four decimals
		 * @param rate the rate
		 * @param amount the amount, at most two decimals
		 * @return this builder
		 */
		public Builder add(int partner, Component component, boolean reversal, String orderNumber, int source,
				int version, Integer level, BigDecimal base, BigDecimal rate, BigDecimal amount) {
			if (this.rows == null) {
				throw new IllegalStateException("The list has been built");
			}
			if (version < 0 || version >= (1 << 23)) {
				throw new IllegalArgumentException("A plan version must be from 0 to " + ((1 << 23) - 1));
			}
			if (this.size == this.rows.data.length / STRIDE) {
				this.rows = this.rows.withCapacity(this.size * 2);
			}
			long[] data = this.rows.data;
			int at = this.size * STRIDE;
			int flags = (component.ordinal() << 1) | (reversal ? 1 : 0);
			data[at] = ((long) partner << 32) | (source & 0xFFFFFFFFL);
			data[at + 1] = unscaled(base, 4, "base");
			data[at + 2] = unscaled(amount, 2, "amount");
			data[at + 3] = ((long) orderId(orderNumber) << 32) | rateIdOf(rate);
			data[at + 4] = ((long) version << 40) | ((long) flags << 32)
					| (((level != null) ? level : NO_LEVEL) & 0xFFFFFFFFL);
			this.size++;
			return this;
		}

		/**
		 * Adds a line from its unscaled parts, without decimals on the way: the path of
		 * the lines a computation makes.
		 * @param partner the id of who earns
		 * @param flags the component ordinal times two, plus one for a reversal
		 * @param orderNumber the order, or {@code null}
		 * @param source the id of the source partner, or {@link PartnerIds#NO_PARTNER}
		 * @param version the plan version
		 * @param level the level, or {@link Integer#MIN_VALUE} for none
		 * @param baseUnits the base in ten-thousandths
		 * @param rateId the rate's id from {@link #rateId(BigDecimal)}
		 * @param amountCents the amount in cents
		 * @return this builder
		 */
		public Builder add(int partner, int flags, String orderNumber, int source, int version, int level,
				long baseUnits, int rateId, long amountCents) {
			if (this.rows == null) {
				throw new IllegalStateException("The list has been built");
			}
			if (version < 0 || version >= (1 << 23)) {
				throw new IllegalArgumentException("A plan version must be from 0 to " + ((1 << 23) - 1));
			}
			if (this.size == this.rows.data.length / STRIDE) {
				this.rows = this.rows.withCapacity(this.size * 2);
			}
			long[] data = this.rows.data;
			int at = this.size * STRIDE;
			data[at] = ((long) partner << 32) | (source & 0xFFFFFFFFL);
			data[at + 1] = baseUnits;
			data[at + 2] = amountCents;
			data[at + 3] = ((long) orderId(orderNumber) << 32) | rateId;
			data[at + 4] = ((long) version << 40) | ((long) (flags & 0xFF) << 32) | (level & 0xFFFFFFFFL);
			this.size++;
			return this;
		}

		/**
		 * Returns the id a rate has (or gets) in the list; equal rates share one.
		 * @param rate the rate
		 * @return its id
		 */
		public int rateId(BigDecimal rate) {
			return rateIdOf(rate);
		}

		/**
		 * Adds a line as it is.
		 * @param line the line
		 * @return this builder
		 */
		public Builder add(CommissionLine line) {
			return add(id(line.partner()), line.component(), line.reversal(), line.orderNumber(),
					(line.sourcePartner() != null) ? id(line.sourcePartner()) : PartnerIds.NO_PARTNER,
					line.planVersion(), line.level(), line.base(), line.rate(), line.amount());
		}

		/**
		 * Returns the lines added so far, as a list that does not see later additions.
		 * @return the lines so far
		 */
		public CommissionLineList soFar() {
			return new CommissionLineList(this.rows, this.size);
		}

		public int size() {
			return this.size;
		}

		/**
		 * Hands the lines over; the builder cannot be used afterwards.
		 * @return the lines
		 */
		public CommissionLineList build() {
			CommissionLineList list = new CommissionLineList(
					(this.rows.data.length == this.size * STRIDE) ? this.rows : this.rows.withCapacity(this.size),
					this.size);
			this.rows = null;
			return list;
		}

		private int id(PartnerNumber number) {
			int id = this.rows.known.id(number);
			if (id >= 0) {
				return id;
			}
			return this.others.computeIfAbsent(number, (other) -> {
				this.rows.others.add(other);
				return this.rows.known.size() + this.rows.others.size() - 1;
			});
		}

		/** Lines of one order are made one after the other; they share one id. */
		private int orderId(String orderNumber) {
			if (orderNumber == null) {
				return NO_ORDER;
			}
			List<String> orders = this.rows.orders;
			if (orderNumber != this.lastOrder && !orderNumber.equals(this.lastOrder)) {
				orders.add(orderNumber);
				this.lastOrder = orderNumber;
			}
			return orders.size() - 1;
		}

		private int rateIdOf(BigDecimal rate) {
			Integer id = this.rateIds.get(rate);
			if (id == null) {
				id = this.rateIdsByValue.computeIfAbsent(rate, (value) -> {
					this.rows.rates.add(value);
					return this.rows.rates.size() - 1;
				});
				this.rateIds.put(rate, id);
			}
			return id;
		}

		private static long unscaled(BigDecimal value, int scale, String what) {
			try {
				// no BigInteger on the way for a value at its scale: the common case
				return value.scaleByPowerOfTen(scale).longValueExact();
			}
			catch (ArithmeticException ex) {
				throw new IllegalArgumentException(
						"A commission line's " + what + " " + value + " has more than " + scale + " decimals", ex);
			}
		}

	}

	/** The rows and dictionaries; shared read-only by a list and its sub-lists. */
	private record Rows(PartnerIds known, List<PartnerNumber> others, List<String> orders, List<BigDecimal> rates,
			long[] data) {

		PartnerNumber partner(int key) {
			int known = this.known.size();
			return (key < known) ? this.known.partner(key) : this.others.get(key - known);
		}

		Rows withCapacity(int lines) {
			return new Rows(this.known, this.others, this.orders, this.rates, Arrays.copyOf(this.data, lines * STRIDE));
		}

	}

}
