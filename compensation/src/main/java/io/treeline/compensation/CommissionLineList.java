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
import java.util.function.Consumer;

import io.treeline.graph.PartnerNumber;

/**
 * The commission lines of a run, packed in rows of three longs (partner and source ids;
 * base in ten-thousandths and amount in cents as ints; order id and shape id) instead of
 * one object per line: a run at ten million partners has some ninety million lines, which
 * as objects would not fit any heap, and sorting them for storage reads one row per line,
 * not a dozen scattered columns. A shape is what many lines share (plan version,
 * component, reversal flag, level and rate), kept once in a dictionary like order numbers
 * and rates; a base or amount beyond an int is kept aside by line (ADR 0023). The rows
 * are chunks of {@value #CHUNK_LINES} lines, so a growing list never copies its rows and
 * never holds them twice. Immutable; {@link #get(int)} makes the {@link CommissionLine} a
 * caller asks for.
 */
public final class CommissionLineList extends AbstractList<CommissionLine> implements RandomAccess {

	private static final Component[] COMPONENTS = Component.values();

	private static final int NO_LEVEL = Integer.MIN_VALUE;

	/** The {@link #orderId(int) order id} of a line without an order. */
	public static final int NO_ORDER = -1;

	private static final int STRIDE = 3;

	/** Lines per chunk of rows: a power of two. */
	static final int CHUNK_LINES = 1 << 14;

	private static final int CHUNK_SHIFT = 14;

	private static final int CHUNK_MASK = CHUNK_LINES - 1;

	/** Marks a base or amount kept aside because it does not fit an int. */
	private static final int WIDE = Integer.MIN_VALUE;

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
		return (int) (word(index, 0) >> 32);
	}

	/**
	 * Returns a key for the source partner of a line, from the same keys as
	 * {@link #partnerKey(int)}.
	 * @param index the line
	 * @return the key, or {@link PartnerIds#NO_PARTNER} for a line without a source
	 */
	public int sourceKey(int index) {
		return (int) word(index, 0);
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
		return this.rows.shapes.flags[shape(index)];
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
	 * @return the id, or {@link #NO_ORDER} for a line without an order
	 */
	public int orderId(int index) {
		return (int) (word(index, 2) >> 32);
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
		return this.rows.shapes.version[shape(index)];
	}

	/**
	 * Returns the level of a line, without making the line.
	 * @param index the line
	 * @return the level, or {@link Integer#MIN_VALUE} for a line without one
	 */
	public int levelOrMin(int index) {
		return this.rows.shapes.level[shape(index)];
	}

	/**
	 * Returns the base of a line in ten-thousandths, without making the line.
	 * @param index the line
	 * @return the unscaled base at four decimals
	 */
	public long baseUnits(int index) {
		int base = (int) (word(index, 1) >> 32);
		return (base != WIDE) ? base : this.rows.wide.get(((long) index << 1));
	}

	/**
	 * Returns the amount of a line in cents, without making the line.
	 * @param index the line
	 * @return the amount in cents
	 */
	public long amountCents(int index) {
		int amount = (int) word(index, 1);
		return (amount != WIDE) ? amount : this.rows.wide.get(((long) index << 1) | 1);
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
		return this.rows.shapes.rate[shape(index)];
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
			cents = Math.addExact(cents, amountCents(i));
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

	/**
	 * Returns some lines as a list of their own, in the given order, their rows copied
	 * and the dictionaries shared. Made for lines read in a scattered order (a segment of
	 * lines by partner): the copy reads each row in a short loop whose cache misses
	 * overlap, and the lines are then read where they lie one after the other.
	 * @param indexes the lines, any order
	 * @param from the first index of {@code indexes} to take
	 * @param to the index after the last
	 * @return the lines, numbered from 0 in the order given
	 */
	public CommissionLineList select(int[] indexes, int from, int to) {
		int count = to - from;
		long[][] source = this.rows.chunks;
		long[][] chunks = new long[(count + CHUNK_LINES - 1) >>> CHUNK_SHIFT][];
		for (int c = 0; c < chunks.length; c++) {
			long[] chunk = new long[Math.min(CHUNK_LINES, count - (c << CHUNK_SHIFT)) * STRIDE];
			int first = from + (c << CHUNK_SHIFT);
			for (int j = 0; j < chunk.length / STRIDE; j++) {
				int index = indexes[first + j];
				if (index < 0 || index >= this.size) {
					throw new IndexOutOfBoundsException(index);
				}
				long[] row = source[index >>> CHUNK_SHIFT];
				int at = (index & CHUNK_MASK) * STRIDE;
				chunk[j * STRIDE] = row[at];
				chunk[j * STRIDE + 1] = row[at + 1];
				chunk[j * STRIDE + 2] = row[at + 2];
			}
			chunks[c] = chunk;
		}
		Map<Long, Long> wide = Map.of();
		if (!this.rows.wide.isEmpty()) {
			wide = new HashMap<>();
			for (int j = 0; j < count; j++) {
				long index = indexes[from + j];
				Long base = this.rows.wide.get(index << 1);
				Long amount = this.rows.wide.get((index << 1) | 1);
				if (base != null) {
					wide.put((long) j << 1, base);
				}
				if (amount != null) {
					wide.put(((long) j << 1) | 1, amount);
				}
			}
		}
		Rows rows = new Rows(this.rows.known, this.rows.others, this.rows.orders, this.rows.rates, this.rows.shapes,
				wide, chunks);
		return new CommissionLineList(rows, count);
	}

	private long word(int index, int word) {
		if (index < 0 || index >= this.size) {
			throw new IndexOutOfBoundsException(index);
		}
		return this.rows.chunks[index >>> CHUNK_SHIFT][(index & CHUNK_MASK) * STRIDE + word];
	}

	private int shape(int index) {
		return (int) word(index, 2);
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

		private final PartnerIds known;

		private final List<PartnerNumber> otherPartners = new ArrayList<>();

		private final List<String> orders = new ArrayList<>();

		private final List<BigDecimal> rates = new ArrayList<>();

		private final Shapes shapes = new Shapes();

		private final Map<Long, Long> wide = new HashMap<>();

		private long[][] chunks = new long[16][];

		private boolean built;

		private int size;

		private final Map<PartnerNumber, Integer> others = new HashMap<>();

		private final Map<BigDecimal, Integer> rateIds = new IdentityHashMap<>();

		private final Map<BigDecimal, Integer> rateIdsByValue = new HashMap<>();

		private String lastOrder;

		/** Receives each full chunk of lines, and the rest when the list is built. */
		private Consumer<CommissionLineList> parts;

		/** Lines handed over as parts so far. */
		private int published;

		/** Order ids known when the last part was handed over. */
		private int publishedOrders;

		/** Keys of the values kept aside since the last part was handed over. */
		private final List<Long> wideSincePublished = new ArrayList<>();

		private Builder(PartnerIds partners) {
			this.known = partners;
		}

		/**
		 * Hands the lines over in parts while they are added: each chunk of
		 * {@value CommissionLineList#CHUNK_LINES} lines once it is full, and the lines
		 * after the last full one when the list is built. A part is a list of its lines
		 * alone that shares nothing the builder changes later, so another thread may read
		 * it while lines are added (a close hashes the lines while it computes them); its
		 * partner keys, order ids and rate ids are those of the whole list. The consumer
		 * runs on the thread that adds the lines.
		 * @param parts receives the parts in the order of their lines
		 * @return this builder
		 * @throws IllegalStateException if lines were added already
		 */
		public Builder publishing(Consumer<CommissionLineList> parts) {
			if (this.size > 0) {
				throw new IllegalStateException("Parts are handed over from the first line on");
			}
			this.parts = parts;
			return this;
		}

		private void publish() {
			int from = this.published;
			int count = this.size - from;
			// the lines of a part lie in one chunk: parts start at a chunk's first line
			long[][] chunk = { this.chunks[from >>> CHUNK_SHIFT] };
			// the part's lines use the last order id of the part before and those added
			// since
			int firstOrder = Math.max(0, this.publishedOrders - 1);
			List<String> orders = new OrderIdsFrom(firstOrder,
					this.orders.subList(firstOrder, this.orders.size()).toArray(String[]::new));
			Map<Long, Long> wide = new HashMap<>();
			for (long key : this.wideSincePublished) {
				wide.put(key - ((long) from << 1), this.wide.get(key));
			}
			this.wideSincePublished.clear();
			Rows rows = new Rows(this.known, List.copyOf(this.otherPartners), orders, List.copyOf(this.rates),
					this.shapes.copy(), wide, chunk);
			this.published = this.size;
			this.publishedOrders = this.orders.size();
			this.parts.accept(new CommissionLineList(rows, count));
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
			int flags = (component.ordinal() << 1) | (reversal ? 1 : 0);
			return add(partner, flags, orderNumber, source, version, (level != null) ? level : NO_LEVEL,
					unscaled(base, 4, "base"), rateIdOf(rate), unscaled(amount, 2, "amount"));
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
			if (this.built) {
				throw new IllegalStateException("The list has been built");
			}
			if (version < 0 || version >= (1 << 23)) {
				throw new IllegalArgumentException("A plan version must be from 0 to " + ((1 << 23) - 1));
			}
			if (rateId < 0 || rateId >= this.rates.size()) {
				throw new IllegalArgumentException("Rate id " + rateId + " is not one of this list's");
			}
			if (this.size == Integer.MAX_VALUE - 8) {
				throw new IllegalStateException("A run cannot hold more than " + this.size + " lines");
			}
			int chunk = this.size >>> CHUNK_SHIFT;
			if (chunk == this.chunks.length) {
				this.chunks = Arrays.copyOf(this.chunks, chunk * 2);
			}
			if (this.chunks[chunk] == null) {
				this.chunks[chunk] = new long[CHUNK_LINES * STRIDE];
			}
			long[] data = this.chunks[chunk];
			int at = (this.size & CHUNK_MASK) * STRIDE;
			data[at] = ((long) partner << 32) | (source & 0xFFFFFFFFL);
			data[at + 1] = ((long) narrow(baseUnits, (long) this.size << 1) << 32)
					| (narrow(amountCents, ((long) this.size << 1) | 1) & 0xFFFFFFFFL);
			data[at + 2] = ((long) orderId(orderNumber) << 32) | this.shapes.id(version, flags & 0xFF, level, rateId);
			this.size++;
			if (this.parts != null && (this.size & CHUNK_MASK) == 0) {
				publish();
			}
			return this;
		}

		/** An int, or {@link #WIDE} with the value kept aside. */
		private int narrow(long value, long key) {
			if (value > Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
				return (int) value;
			}
			this.wide.put(key, value);
			if (this.parts != null) {
				this.wideSincePublished.add(key);
			}
			return WIDE;
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
			return new CommissionLineList(rows(), this.size);
		}

		public int size() {
			return this.size;
		}

		/**
		 * Hands the lines over; the builder cannot be used afterwards.
		 * @return the lines
		 */
		public CommissionLineList build() {
			if (this.built) {
				throw new IllegalStateException("The list has been built");
			}
			CommissionLineList list = new CommissionLineList(rows(), this.size);
			this.built = true;
			if (this.parts != null && this.published < this.size) {
				publish();
			}
			return list;
		}

		private Rows rows() {
			return new Rows(this.known, this.otherPartners, this.orders, this.rates, this.shapes, this.wide,
					this.chunks);
		}

		private int id(PartnerNumber number) {
			int id = this.known.id(number);
			if (id >= 0) {
				return id;
			}
			return this.others.computeIfAbsent(number, (other) -> {
				this.otherPartners.add(other);
				return this.known.size() + this.otherPartners.size() - 1;
			});
		}

		/**
		 * Lines of one order are made one after the other; they share one id. Numbers are
		 * compared by their hash codes before their text: a computation's order numbers
		 * have them already (a sale's was taken when it was read), and the text of a
		 * number met for the first time is a cache miss.
		 */
		private int orderId(String orderNumber) {
			if (orderNumber == null) {
				return NO_ORDER;
			}
			List<String> orders = this.orders;
			String last = this.lastOrder;
			if (orderNumber != last
					&& (last == null || orderNumber.hashCode() != last.hashCode() || !orderNumber.equals(last))) {
				orders.add(orderNumber);
				this.lastOrder = orderNumber;
			}
			return orders.size() - 1;
		}

		private int rateIdOf(BigDecimal rate) {
			Integer id = this.rateIds.get(rate);
			if (id == null) {
				id = this.rateIdsByValue.computeIfAbsent(rate, (value) -> {
					this.rates.add(value);
					return this.rates.size() - 1;
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

	/**
	 * What lines share besides their order: plan version, flags, level and rate id, each
	 * distinct combination once, found by an open-addressing table (a unilevel run has a
	 * shape per level, a pool one per share).
	 */
	private static final class Shapes {

		private int[] version = new int[16];

		private int[] flags = new int[16];

		private int[] level = new int[16];

		private int[] rate = new int[16];

		private int size;

		/** Shape id plus one by slot, 0 for a free slot. */
		private int[] table = new int[64];

		/**
		 * The shape met last per level's last four bits, plus one: lines of an order go
		 * up the levels.
		 */
		private final int[] recent = new int[16];

		int id(int version, int flags, int level, int rate) {
			int slot = level & 15;
			int last = this.recent[slot] - 1;
			if (last >= 0 && is(last, version, flags, level, rate)) {
				return last;
			}
			int mask = this.table.length - 1;
			int i = hash(version, flags, level, rate) & mask;
			while (this.table[i] != 0) {
				int known = this.table[i] - 1;
				if (is(known, version, flags, level, rate)) {
					this.recent[slot] = known + 1;
					return known;
				}
				i = (i + 1) & mask;
			}
			int id = this.size++;
			if (id == this.version.length) {
				this.version = Arrays.copyOf(this.version, id * 2);
				this.flags = Arrays.copyOf(this.flags, id * 2);
				this.level = Arrays.copyOf(this.level, id * 2);
				this.rate = Arrays.copyOf(this.rate, id * 2);
			}
			this.version[id] = version;
			this.flags[id] = flags;
			this.level[id] = level;
			this.rate[id] = rate;
			this.table[i] = id + 1;
			if (this.size * 2 > this.table.length) {
				rehash();
			}
			this.recent[slot] = id + 1;
			return id;
		}

		/** A copy of the shapes so far, for reading elsewhere while more are added. */
		Shapes copy() {
			Shapes copy = new Shapes();
			copy.version = Arrays.copyOf(this.version, this.size);
			copy.flags = Arrays.copyOf(this.flags, this.size);
			copy.level = Arrays.copyOf(this.level, this.size);
			copy.rate = Arrays.copyOf(this.rate, this.size);
			copy.size = this.size;
			return copy;
		}

		private boolean is(int id, int version, int flags, int level, int rate) {
			return this.level[id] == level && this.rate[id] == rate && this.version[id] == version
					&& this.flags[id] == flags;
		}

		private static int hash(int version, int flags, int level, int rate) {
			int h = ((level * 31 + rate) * 31 + version) * 31 + flags;
			return h ^ (h >>> 16) ^ (h * 0x9E3779B9);
		}

		private void rehash() {
			int[] table = new int[this.table.length * 2];
			int mask = table.length - 1;
			for (int id = 0; id < this.size; id++) {
				int i = hash(this.version[id], this.flags[id], this.level[id], this.rate[id]) & mask;
				while (table[i] != 0) {
					i = (i + 1) & mask;
				}
				table[i] = id + 1;
			}
			this.table = table;
		}

	}

	/**
	 * The order numbers of a part of a list by their ids in the whole list: those from a
	 * first id on.
	 */
	private static final class OrderIdsFrom extends AbstractList<String> implements RandomAccess {

		private final int first;

		private final String[] numbers;

		OrderIdsFrom(int first, String[] numbers) {
			this.first = first;
			this.numbers = numbers;
		}

		@Override
		public String get(int id) {
			if (id < this.first) {
				throw new IndexOutOfBoundsException("Order id " + id + " is not one of this part's");
			}
			return this.numbers[id - this.first];
		}

		@Override
		public int size() {
			return this.first + this.numbers.length;
		}

	}

	/**
	 * The rows and dictionaries; shared read-only by a list and its sub-lists (a builder
	 * only appends beyond what a list made before sees).
	 */
	private record Rows(PartnerIds known, List<PartnerNumber> others, List<String> orders, List<BigDecimal> rates,
			Shapes shapes, Map<Long, Long> wide, long[][] chunks) {

		PartnerNumber partner(int key) {
			int known = this.known.size();
			return (key < known) ? this.known.partner(key) : this.others.get(key - known);
		}

	}

}
