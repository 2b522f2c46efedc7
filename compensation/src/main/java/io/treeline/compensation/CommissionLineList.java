package io.treeline.compensation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import io.treeline.graph.PartnerNumber;

/**
 * The commission lines of a run, kept in columns of primitives (partner ids, amounts in
 * cents, bases in ten-thousandths) instead of one object per line: a run at a million
 * partners has some ten million lines, which as objects take gigabytes and most of a
 * close's time. Immutable; {@link #get(int)} makes the {@link CommissionLine} a caller
 * asks for.
 */
public final class CommissionLineList extends AbstractList<CommissionLine> implements RandomAccess {

	private static final Component[] COMPONENTS = Component.values();

	private static final int NO_LEVEL = Integer.MIN_VALUE;

	private final Columns columns;

	private final int size;

	private CommissionLineList(Columns columns, int size) {
		this.columns = columns;
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
		check(index);
		Columns c = this.columns;
		int flags = c.flags[index];
		int level = c.level[index];
		return new CommissionLine(partner(index), component(index), (flags & 1) != 0, c.order[index],
				(c.source[index] != PartnerIds.NO_PARTNER) ? c.partner(c.source[index]) : null, c.version[index],
				(level != NO_LEVEL) ? level : null, BigDecimal.valueOf(c.base[index], 4), c.rate[index],
				BigDecimal.valueOf(c.amount[index], 2));
	}

	/**
	 * Returns who earns a line, without making the line.
	 * @param index the line
	 * @return the partner
	 */
	public PartnerNumber partner(int index) {
		check(index);
		return this.columns.partner(this.columns.partner[index]);
	}

	/**
	 * Returns the component of a line, without making the line.
	 * @param index the line
	 * @return the component
	 */
	public Component component(int index) {
		check(index);
		return COMPONENTS[this.columns.flags[index] >>> 1];
	}

	/**
	 * Returns the amount of a line in cents, without making the line.
	 * @param index the line
	 * @return the amount in cents
	 */
	public long amountCents(int index) {
		check(index);
		return this.columns.amount[index];
	}

	/**
	 * Returns the order of a line, without making the line.
	 * @param index the line
	 * @return the order number, or {@code null}
	 */
	public String orderNumber(int index) {
		check(index);
		return this.columns.order[index];
	}

	/**
	 * Tells whether a line reverses an earlier one, without making the line.
	 * @param index the line
	 * @return {@code true} for a reversal
	 */
	public boolean reversal(int index) {
		check(index);
		return (this.columns.flags[index] & 1) != 0;
	}

	/**
	 * Returns the partner whose order or result produced a line, without making the line.
	 * @param index the line
	 * @return the partner, or {@code null}
	 */
	public PartnerNumber sourcePartner(int index) {
		check(index);
		int source = this.columns.source[index];
		return (source != PartnerIds.NO_PARTNER) ? this.columns.partner(source) : null;
	}

	/**
	 * Returns the plan version of a line, without making the line.
	 * @param index the line
	 * @return the version
	 */
	public int planVersion(int index) {
		check(index);
		return this.columns.version[index];
	}

	/**
	 * Returns the level of a line, without making the line.
	 * @param index the line
	 * @return the level, or {@link Integer#MIN_VALUE} for a line without one
	 */
	public int levelOrMin(int index) {
		check(index);
		return this.columns.level[index];
	}

	/**
	 * Returns the base of a line in ten-thousandths, without making the line.
	 * @param index the line
	 * @return the unscaled base at four decimals
	 */
	public long baseUnits(int index) {
		check(index);
		return this.columns.base[index];
	}

	/**
	 * Returns the rate of a line, without making the line.
	 * @param index the line
	 * @return the rate
	 */
	public BigDecimal rate(int index) {
		check(index);
		return this.columns.rate[index];
	}

	/**
	 * Returns a key for the partner of a line, equal for lines of the same partner within
	 * this list: to group lines without comparing numbers.
	 * @param index the line
	 * @return the key
	 */
	public int partnerKey(int index) {
		check(index);
		return this.columns.partner[index];
	}

	/**
	 * Returns a key for the source partner of a line, from the same keys as
	 * {@link #partnerKey(int)}.
	 * @param index the line
	 * @return the key, or {@link PartnerIds#NO_PARTNER} for a line without a source
	 */
	public int sourceKey(int index) {
		check(index);
		return this.columns.source[index];
	}

	/**
	 * Returns the sum of all lines.
	 * @return the total in EUR, two decimals
	 */
	public BigDecimal total() {
		long cents = 0;
		for (int i = 0; i < this.size; i++) {
			cents = Math.addExact(cents, this.columns.amount[i]);
		}
		return BigDecimal.valueOf(cents, 2);
	}

	/**
	 * Returns the sum of the lines of each partner who has lines.
	 * @return amounts by partner
	 */
	public Map<PartnerNumber, BigDecimal> amountsByPartner() {
		Map<Integer, long[]> cents = new HashMap<>();
		for (int i = 0; i < this.size; i++) {
			cents.computeIfAbsent(this.columns.partner[i], (id) -> new long[1])[0] += this.columns.amount[i];
		}
		Map<PartnerNumber, BigDecimal> amounts = new HashMap<>(cents.size() * 2);
		cents.forEach((id, sum) -> amounts.put(this.columns.partner(id), BigDecimal.valueOf(sum[0], 2)));
		return amounts;
	}

	private void check(int index) {
		if (index < 0 || index >= this.size) {
			throw new IndexOutOfBoundsException(index);
		}
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
			public PartnerNumber partner(int id) {
				throw new IndexOutOfBoundsException(id);
			}

			@Override
			public int id(PartnerNumber number) {
				return NO_PARTNER;
			}

		};

		/**
		 * Returns a partner by id.
		 * @param id a non-negative id
		 * @return the partner
		 */
		PartnerNumber partner(int id);

		/**
		 * Returns the id of a partner.
		 * @param number the partner
		 * @return the id, or {@link #NO_PARTNER} if the partner is not known
		 */
		int id(PartnerNumber number);

	}

	/**
	 * Collects lines; {@link #build()} hands them over as an immutable list. Amounts have
	 * at most two decimals, bases four; anything finer is refused, not rounded.
	 */
	public static final class Builder {

		private Columns columns;

		private int size;

		private final Map<PartnerNumber, Integer> others = new HashMap<>();

		private Builder(PartnerIds partners) {
			this.columns = new Columns(partners, new ArrayList<>(), 1024);
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
			if (this.columns == null) {
				throw new IllegalStateException("The list has been built");
			}
			grow();
			Columns c = this.columns;
			int i = this.size;
			c.partner[i] = partner;
			c.flags[i] = (byte) ((component.ordinal() << 1) | (reversal ? 1 : 0));
			c.order[i] = orderNumber;
			c.source[i] = source;
			c.version[i] = version;
			c.level[i] = (level != null) ? level : NO_LEVEL;
			c.base[i] = unscaled(base, 4, "base");
			c.rate[i] = rate;
			c.amount[i] = unscaled(amount, 2, "amount");
			this.size++;
			return this;
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
		 * Returns the lines added so far, in a range.
		 * @param from the first line
		 * @param to after the last line
		 * @return the lines, made as objects
		 */
		public List<CommissionLine> lines(int from, int to) {
			CommissionLineList view = new CommissionLineList(this.columns, this.size);
			return new ArrayList<>(view.subList(from, to));
		}

		public int size() {
			return this.size;
		}

		/**
		 * Returns the partner of a line added so far.
		 * @param index the line
		 * @return the partner's id (negative for a partner outside the known ids)
		 */
		public int partnerId(int index) {
			return this.columns.partner[index];
		}

		/**
		 * Returns the amount of a line added so far.
		 * @param index the line
		 * @return cents
		 */
		public long amountCents(int index) {
			return this.columns.amount[index];
		}

		/**
		 * Hands the lines over; the builder cannot be used afterwards.
		 * @return the lines
		 */
		public CommissionLineList build() {
			CommissionLineList list = new CommissionLineList(this.columns.trimmed(this.size), this.size);
			this.columns = null;
			return list;
		}

		private int id(PartnerNumber number) {
			int id = this.columns.known.id(number);
			if (id >= 0) {
				return id;
			}
			return this.others.computeIfAbsent(number, (other) -> {
				this.columns.others.add(other);
				return -2 - (this.columns.others.size() - 1);
			});
		}

		private void grow() {
			if (this.size == this.columns.partner.length) {
				this.columns = this.columns.copy(this.size * 2);
			}
		}

		private static long unscaled(BigDecimal value, int scale, String what) {
			try {
				return value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
			}
			catch (ArithmeticException ex) {
				throw new IllegalArgumentException(
						"A commission line's " + what + " " + value + " has more than " + scale + " decimals", ex);
			}
		}

	}

	/** The arrays; shared read-only by a list and its sub-lists. */
	private static final class Columns {

		final PartnerIds known;

		final List<PartnerNumber> others;

		final int[] partner;

		final byte[] flags;

		final String[] order;

		final int[] source;

		final int[] version;

		final int[] level;

		final long[] base;

		final BigDecimal[] rate;

		final long[] amount;

		Columns(PartnerIds known, List<PartnerNumber> others, int capacity) {
			this(known, others, new int[capacity], new byte[capacity], new String[capacity], new int[capacity],
					new int[capacity], new int[capacity], new long[capacity], new BigDecimal[capacity],
					new long[capacity]);
		}

		private Columns(PartnerIds known, List<PartnerNumber> others, int[] partner, byte[] flags, String[] order,
				int[] source, int[] version, int[] level, long[] base, BigDecimal[] rate, long[] amount) {
			this.known = known;
			this.others = others;
			this.partner = partner;
			this.flags = flags;
			this.order = order;
			this.source = source;
			this.version = version;
			this.level = level;
			this.base = base;
			this.rate = rate;
			this.amount = amount;
		}

		PartnerNumber partner(int id) {
			return (id >= 0) ? this.known.partner(id) : this.others.get(-2 - id);
		}

		Columns copy(int capacity) {
			return new Columns(this.known, this.others, Arrays.copyOf(this.partner, capacity),
					Arrays.copyOf(this.flags, capacity), Arrays.copyOf(this.order, capacity),
					Arrays.copyOf(this.source, capacity), Arrays.copyOf(this.version, capacity),
					Arrays.copyOf(this.level, capacity), Arrays.copyOf(this.base, capacity),
					Arrays.copyOf(this.rate, capacity), Arrays.copyOf(this.amount, capacity));
		}

		Columns trimmed(int size) {
			return (size == this.partner.length) ? this : copy(size);
		}

	}

}
