package io.treeline.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The floors: the same questions as bare passes over arrays of the generated data, no
 * I/O, no objects per partner. What a figure of ours is compared with to see how far it
 * is from what the machine can do at all.
 */
final class Floors {

	private static final byte PAY = 0;

	private static final byte WHOLE = 1;

	private static final byte PART = 2;

	private static final long ACTIVE_UNITS = 50 * 10_000L;

	private Floors() {
	}

	/**
	 * Counts a partner's downline in a parent array, among the partners that exist.
	 * @param parent every partner's parent
	 * @param top the partner
	 * @param present partners {@code 0 .. present - 1} exist (they join in id order)
	 * @return the team size, without the partner itself
	 */
	static int teamSize(int[] parent, int top, int present) {
		// 0 not known yet, 1 in the team (or the top), 2 outside
		byte[] state = new byte[present];
		state[top] = 1;
		int[] path = new int[64];
		int count = 0;
		for (int i = 0; i < present; i++) {
			int length = 0;
			int up = i;
			while (up != GeneratedCompany.NONE && state[up] == 0) {
				if (length == path.length) {
					path = Arrays.copyOf(path, length * 2);
				}
				path[length++] = up;
				up = parent[up];
			}
			byte found = (up == GeneratedCompany.NONE) ? 2 : state[up];
			for (int k = 0; k < length; k++) {
				state[path[k]] = found;
			}
			if (found == 1 && i != top) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Returns the partners above one, nearest first.
	 * @param parent every partner's parent
	 * @param id the partner
	 * @return the upline
	 */
	static int[] upline(int[] parent, int id) {
		int[] upline = new int[1024];
		int length = 0;
		for (int up = parent[id]; up != GeneratedCompany.NONE; up = parent[up]) {
			if (length == upline.length) {
				upline = Arrays.copyOf(upline, length * 2);
			}
			upline[length++] = up;
		}
		return Arrays.copyOf(upline, length);
	}

	/**
	 * The close of a unilevel with dynamic compression over the last loaded period: its
	 * payments commissioned with the tree and activity of their order's period, its
	 * stornos reversing those lines ({@code round(line * fraction)} for a part, the line
	 * for a whole storno), orders paid and returned whole within the period left out,
	 * every line rounded half up to the cent as the product does. Everything but the pass
	 * itself is prepared beforehand.
	 */
	static final class Unilevel {

		private final int size;

		private final long[] ratesPerMille;

		private final int[][] trees;

		private final boolean[][] active;

		private int events;

		private int[] partner = new int[1024];

		private int[] cents = new int[1024];

		private byte[] orderPeriod = new byte[1024];

		private byte[] kind = new byte[1024];

		private short[] perMille = new short[1024];

		Unilevel(GeneratedCompany company, GeneratedOrders orders, int first, int last, long[] ratesPerMille) {
			this.size = company.size;
			this.ratesPerMille = ratesPerMille;
			int periods = last - first + 1;
			this.trees = new int[periods][];
			long[] starts = new long[periods + 1];
			for (int k = 0; k <= periods; k++) {
				starts[k] = company.start(first + k).getEpochSecond();
			}
			for (int k = 0; k < periods; k++) {
				// the changes of a period take effect within seconds of its start; every
				// order is placed an hour or more after it
				this.trees[k] = company.sponsorsAt(company.start(first + k).plus(Duration.ofHours(1)));
			}
			long[][] pv = new long[periods - 1][this.size];
			for (int q = first; q <= last; q++) {
				int k = q - first;
				orders.forEach(q, (order) -> {
					int paid = (order.paidAt != GeneratedOrders.NOT_PAID) ? period(starts, order.paidAt) : -1;
					int returned = (order.returnedAt != GeneratedOrders.NOT_PAID) ? period(starts, order.returnedAt)
							: -1;
					boolean whole = order.returnedPerMille == 1_000;
					if (order.paidAt == GeneratedOrders.NOT_PAID) {
						// cancelled unpaid: no volume, nothing was commissioned
						return;
					}
					if (paid == periods - 1 && returned == periods - 1 && whole) {
						// paid and returned whole within the period: never commissioned
						return;
					}
					if (paid >= 0 && paid < periods - 1) {
						pv[paid][order.partner] += order.cents * 100;
					}
					else if (paid == periods - 1) {
						add(order.partner, order.cents, k, PAY, 0);
					}
					if (returned >= 0 && returned < periods - 1) {
						pv[returned][order.partner] -= returnedUnits(order.cents, order.returnedPerMille);
					}
					else if (returned == periods - 1) {
						add(order.partner, order.cents, k, whole ? WHOLE : PART, order.returnedPerMille);
					}
				});
			}
			this.active = new boolean[periods][];
			for (int k = 0; k < periods - 1; k++) {
				this.active[k] = new boolean[this.size];
				for (int i = 0; i < this.size; i++) {
					this.active[k][i] = pv[k][i] >= ACTIVE_UNITS;
				}
			}
		}

		int events() {
			return this.events;
		}

		private static long returnedUnits(long cents, int perMille) {
			return (perMille == 1_000) ? cents * 100 : cents * perMille / 10;
		}

		private static int period(long[] starts, long at) {
			for (int k = 0; k < starts.length - 1; k++) {
				if (at >= starts[k] && at < starts[k + 1]) {
					return k;
				}
			}
			return -1;
		}

		private void add(int who, long amount, int period, byte what, int share) {
			if (this.events == this.partner.length) {
				int capacity = this.events * 2;
				this.partner = Arrays.copyOf(this.partner, capacity);
				this.cents = Arrays.copyOf(this.cents, capacity);
				this.orderPeriod = Arrays.copyOf(this.orderPeriod, capacity);
				this.kind = Arrays.copyOf(this.kind, capacity);
				this.perMille = Arrays.copyOf(this.perMille, capacity);
			}
			this.partner[this.events] = who;
			this.cents[this.events] = (int) amount;
			this.orderPeriod[this.events] = (byte) period;
			this.kind[this.events] = what;
			this.perMille[this.events] = (short) share;
			this.events++;
		}

		/**
		 * The pass: activity of the period, then every payment and storno up the tree.
		 * @return the period's total in cents
		 */
		long totalCents() {
			int last = this.trees.length - 1;
			long[] pv = new long[this.size];
			for (int e = 0; e < this.events; e++) {
				pv[this.partner[e]] += (this.kind[e] == PAY) ? this.cents[e] * 100L
						: -returnedUnits(this.cents[e], this.perMille[e]);
			}
			boolean[] activeNow = new boolean[this.size];
			for (int i = 0; i < this.size; i++) {
				activeNow[i] = pv[i] >= ACTIVE_UNITS;
			}
			long total = 0;
			int levels = this.ratesPerMille.length;
			for (int e = 0; e < this.events; e++) {
				int k = this.orderPeriod[e];
				int[] tree = this.trees[k];
				boolean[] active = (k == last) ? activeNow : this.active[k];
				long base = this.cents[e];
				byte what = this.kind[e];
				int level = 0;
				for (int up = tree[this.partner[e]]; up != GeneratedCompany.NONE && level < levels; up = tree[up]) {
					if (!active[up]) {
						continue;
					}
					long line = (base * this.ratesPerMille[level++] + 500) / 1_000;
					total += switch (what) {
						case PAY -> line;
						case WHOLE -> -line;
						default -> -((line * this.perMille[e] + 500) / 1_000);
					};
				}
			}
			return total;
		}

	}

	/**
	 * The number of partners who had joined by an instant (they join in id order).
	 * @param company the company
	 * @param at the instant
	 * @return how many had joined
	 */
	static int joinedBy(GeneratedCompany company, Instant at) {
		int low = 0;
		int high = company.size;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (company.joinedAt(middle).isAfter(at)) {
				high = middle;
			}
			else {
				low = middle + 1;
			}
		}
		return low;
	}

}
