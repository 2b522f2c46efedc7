package io.treeline.benchmark;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded organisation with its history. The sponsor tree is shallow and heavy-tailed (a
 * fifth of all partners are recruited by 50 leaders, the rest by a random earlier
 * partner); the binary placement tree is derived from it by spillover to the outermost
 * free position of a random leg; optionally the last partners form a grafted chain (each
 * the only child of the one before, in both trees), so that the deepest upline is as long
 * as wanted. Everyone joins in the year before the first period. Then, in each monthly
 * period, a share of the partners moves to another sponsor and a share is terminated
 * (their direct partners move up to their sponsor), exactly as the product's genealogy
 * changes do. The changes of a period take effect one millisecond apart from the period's
 * first instant on, so that no partner changes twice at the same instant and every order
 * of the period (placed an hour or more after its start) sees the period's final tree.
 * The binary tree does not change: moves and terminations change the sponsor tree only.
 * The same seed gives the same organisation.
 */
final class GeneratedCompany {

	static final int NONE = -1;

	static final byte MOVE = 0;

	static final byte TERMINATION = 1;

	private static final int LEADERS = 50;

	final int size;

	final int periods;

	final YearMonth firstPeriod;

	final ZoneId zone;

	/** The sponsor every partner joined under. */
	final int[] joinSponsor;

	/** The sponsor of every partner after the last period's changes. */
	final int[] finalSponsor;

	final int[] binaryParent;

	final byte[] binaryLeg;

	/** The period a partner was terminated in, or {@code -1}. */
	final short[] terminatedIn;

	/** Where the grafted chain starts (its partners are never changed), or the size. */
	final int chainStart;

	// the changes as the product applies them: one per move or termination
	final byte[] opKind;

	final int[] opPartner;

	/** The new sponsor of a move; the sponsor that takes over after a termination. */
	final int[] opSponsor;

	final long[] opAtMillis;

	final short[] opPeriod;

	// the sponsor edges they start: a move starts one, a termination one per direct
	// partner
	final int[] edgePartner;

	final int[] edgeSponsor;

	final int[] edgeOp;

	private GeneratedCompany(Builder built) {
		this.size = built.size;
		this.periods = built.periods;
		this.firstPeriod = built.firstPeriod;
		this.zone = built.zone;
		this.joinSponsor = built.joinSponsor;
		this.finalSponsor = built.sponsor;
		this.binaryParent = built.binaryParent;
		this.binaryLeg = built.binaryLeg;
		this.terminatedIn = built.terminatedIn;
		this.chainStart = built.chainStart;
		this.opKind = Arrays.copyOf(built.opKind, built.ops);
		this.opPartner = Arrays.copyOf(built.opPartner, built.ops);
		this.opSponsor = Arrays.copyOf(built.opSponsor, built.ops);
		this.opAtMillis = Arrays.copyOf(built.opAt, built.ops);
		this.opPeriod = Arrays.copyOf(built.opPeriod, built.ops);
		this.edgePartner = Arrays.copyOf(built.edgePartner, built.edges);
		this.edgeSponsor = Arrays.copyOf(built.edgeSponsor, built.edges);
		this.edgeOp = Arrays.copyOf(built.edgeOp, built.edges);
	}

	/**
	 * Generates an organisation.
	 * @param size partners
	 * @param seed the seed
	 * @param chain partners of the grafted chain (0 for none)
	 * @param history what happens per period
	 * @return the organisation
	 */
	static GeneratedCompany generate(int size, long seed, int chain, History history) {
		Builder builder = new Builder(size, seed, chain, history);
		builder.trees();
		for (int period = 0; period < history.periods(); period++) {
			builder.changes(period);
		}
		return new GeneratedCompany(builder);
	}

	/**
	 * What happens in each period.
	 *
	 * @param periods the number of monthly periods
	 * @param firstPeriod the first of them
	 * @param zone the company's time zone, whose calendar defines the months
	 * @param movesPerMille partners moved per period, per mille of all partners
	 * @param terminationsPerMille partners terminated per period, per mille
	 */
	record History(int periods, YearMonth firstPeriod, ZoneId zone, double movesPerMille, double terminationsPerMille) {
	}

	int changes() {
		return this.opKind.length;
	}

	static String number(int id) {
		return String.format(Locale.ROOT, "B-%08d", id);
	}

	Instant joinedAt(int id) {
		long spread = Duration.ofDays(360).toSeconds();
		Instant firstJoin = start(0).minus(Duration.ofDays(365)).plus(Duration.ofHours(8));
		return firstJoin.plusSeconds(spread * id / Math.max(1, this.size));
	}

	/**
	 * Returns the first instant of a period.
	 * @param period 0 for the first period
	 * @return the instant the period starts in the company's time zone
	 */
	Instant start(int period) {
		return start(this.firstPeriod, this.zone, period);
	}

	static Instant start(YearMonth first, ZoneId zone, int period) {
		LocalDate day = first.plusMonths(period).atDay(1);
		return day.atStartOfDay(zone).toInstant();
	}

	String label(int period) {
		return this.firstPeriod.plusMonths(period).toString();
	}

	/**
	 * Returns the sponsor tree at an instant.
	 * @param at the instant
	 * @return every partner's sponsor
	 */
	int[] sponsorsAt(Instant at) {
		int[] sponsor = this.joinSponsor.clone();
		long millis = at.toEpochMilli();
		for (int edge = 0; edge < this.edgePartner.length; edge++) {
			if (this.opAtMillis[this.edgeOp[edge]] <= millis) {
				sponsor[this.edgePartner[edge]] = this.edgeSponsor[edge];
			}
		}
		return sponsor;
	}

	boolean terminatedBy(int partner, int period) {
		return this.terminatedIn[partner] >= 0 && this.terminatedIn[partner] <= period;
	}

	/**
	 * Plays every sponsor edge of the history, up to (excluding) a change: partners in
	 * number order, each partner's edges in time order.
	 * @param upToOp the first change left out (its edges and all later ones)
	 * @param sink receives the edges
	 */
	void forEachSponsorEdge(int upToOp, EdgeSink sink) {
		int[] first = new int[this.size + 1];
		for (int edge = 0; edge < this.edgePartner.length; edge++) {
			if (this.edgeOp[edge] < upToOp) {
				first[this.edgePartner[edge] + 1]++;
			}
		}
		for (int i = 0; i < this.size; i++) {
			first[i + 1] += first[i];
		}
		int[] byPartner = new int[first[this.size]];
		int[] fill = Arrays.copyOf(first, this.size);
		for (int edge = 0; edge < this.edgePartner.length; edge++) {
			if (this.edgeOp[edge] < upToOp) {
				byPartner[fill[this.edgePartner[edge]]++] = edge;
			}
		}
		for (int i = 0; i < this.size; i++) {
			if (this.joinSponsor[i] == NONE) {
				continue;
			}
			int sponsor = this.joinSponsor[i];
			long from = joinedAt(i).toEpochMilli();
			for (int k = first[i]; k < first[i + 1]; k++) {
				int edge = byPartner[k];
				long at = this.opAtMillis[this.edgeOp[edge]];
				sink.accept(i, sponsor, from, at);
				sponsor = this.edgeSponsor[edge];
				from = at;
			}
			sink.accept(i, sponsor, from, Long.MAX_VALUE);
		}
	}

	void forEachSponsorEdge(EdgeSink sink) {
		forEachSponsorEdge(this.opKind.length, sink);
	}

	/** Receives a sponsor edge. */
	@FunctionalInterface
	interface EdgeSink {

		/**
		 * One edge.
		 * @param partner the sponsored partner
		 * @param sponsor the sponsor
		 * @param from epoch milliseconds from which it holds
		 * @param to epoch milliseconds until which it holds, {@code Long.MAX_VALUE} while
		 * it holds
		 */
		void accept(int partner, int sponsor, long from, long to);

	}

	/**
	 * Writes the organisation as the product's import files (docs/import-format.md), with
	 * the history of the sponsor tree up to (excluding) a change.
	 * @param partners the partners file
	 * @param sponsorships the sponsor edges file
	 * @param placements the placement edges file
	 * @param binaryPlan the plan of the binary tree
	 * @param upToOp the first change not written (applied later through the genealogy
	 * services)
	 * @throws IOException if a file cannot be written
	 */
	void writeImportFiles(Path partners, Path sponsorships, Path placements, String binaryPlan, int upToOp)
			throws IOException {
		boolean[] terminated = new boolean[this.size];
		for (int op = 0; op < upToOp; op++) {
			if (this.opKind[op] == TERMINATION) {
				terminated[this.opPartner[op]] = true;
			}
		}
		try (Writer p = Files.newBufferedWriter(partners, StandardCharsets.UTF_8);
				Writer s = Files.newBufferedWriter(sponsorships, StandardCharsets.UTF_8);
				Writer l = Files.newBufferedWriter(placements, StandardCharsets.UTF_8)) {
			p.write("number,firstName,lastName,email,city,country,language,status,joinedAt\n");
			s.write("partner,sponsor,validFrom,validTo\n");
			l.write("partner,parent,plan,position,validFrom,validTo\n");
			for (int i = 0; i < this.size; i++) {
				String number = number(i);
				String joined = joinedAt(i).toString();
				p.write(number + ",Vorname" + i + ",Nachname" + (i % 997) + ",,,DE,de,"
						+ (terminated[i] ? "TERMINATED" : "ACTIVE") + "," + joined + "\n");
				if (this.binaryParent[i] != NONE) {
					l.write(number + "," + number(this.binaryParent[i]) + "," + binaryPlan + ","
							+ ((this.binaryLeg[i] == 0) ? "LEFT" : "RIGHT") + "," + joined + ",\n");
				}
			}
			IOException[] failure = { null };
			forEachSponsorEdge(upToOp, (partner, sponsor, from, to) -> {
				try {
					s.write(number(partner) + "," + number(sponsor) + "," + Instant.ofEpochMilli(from) + ","
							+ ((to != Long.MAX_VALUE) ? Instant.ofEpochMilli(to).toString() : "") + "\n");
				}
				catch (IOException ex) {
					failure[0] = ex;
				}
			});
			if (failure[0] != null) {
				throw failure[0];
			}
		}
	}

	/**
	 * Returns the depth of every partner in the binary tree.
	 * @return depths
	 */
	int[] binaryDepths() {
		int[] depth = new int[this.size];
		for (int i = 1; i < this.size; i++) {
			depth[i] = depth[this.binaryParent[i]] + 1;
		}
		return depth;
	}

	/**
	 * Returns a fingerprint of the organisation: both trees and the whole history.
	 * @return a SHA-256 in hex
	 */
	String fingerprint() {
		MessageDigest digest = sha256();
		byte[] buffer = new byte[17];
		for (int i = 0; i < this.size; i++) {
			put(buffer, 0, this.joinSponsor[i]);
			put(buffer, 4, this.binaryParent[i]);
			buffer[8] = this.binaryLeg[i];
			put(buffer, 9, this.finalSponsor[i]);
			put(buffer, 13, this.terminatedIn[i]);
			digest.update(buffer);
		}
		for (int op = 0; op < this.opKind.length; op++) {
			put(buffer, 0, this.opKind[op]);
			put(buffer, 4, this.opPartner[op]);
			put(buffer, 8, this.opSponsor[op]);
			put(buffer, 12, (int) (this.opAtMillis[op] % 1_000_000_007L));
			digest.update(buffer, 0, 16);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void put(byte[] buffer, int at, int value) {
		buffer[at] = (byte) (value >>> 24);
		buffer[at + 1] = (byte) (value >>> 16);
		buffer[at + 2] = (byte) (value >>> 8);
		buffer[at + 3] = (byte) value;
	}

	/** The generation's working state. */
	private static final class Builder {

		final int size;

		final int periods;

		final YearMonth firstPeriod;

		final ZoneId zone;

		final History history;

		final SplittableRandom random;

		final int[] joinSponsor;

		int[] sponsor;

		final int[] binaryParent;

		final byte[] binaryLeg;

		final short[] terminatedIn;

		final int chainStart;

		// children of the current sponsor tree as linked lists
		int[] firstChild;

		int[] nextSibling;

		int[] previousSibling;

		int ops;

		byte[] opKind = new byte[1024];

		int[] opPartner = new int[1024];

		int[] opSponsor = new int[1024];

		long[] opAt = new long[1024];

		short[] opPeriod = new short[1024];

		int edges;

		int[] edgePartner = new int[1024];

		int[] edgeSponsor = new int[1024];

		int[] edgeOp = new int[1024];

		Builder(int size, long seed, int chain, History history) {
			this.size = size;
			this.periods = history.periods();
			this.firstPeriod = history.firstPeriod();
			this.zone = history.zone();
			this.history = history;
			this.random = new SplittableRandom(seed);
			this.joinSponsor = new int[size];
			this.binaryParent = new int[size];
			this.binaryLeg = new byte[size];
			this.terminatedIn = new short[size];
			Arrays.fill(this.terminatedIn, (short) -1);
			int leaders = Math.min(LEADERS, size);
			this.chainStart = size - Math.max(0, Math.min(chain, size - leaders - 1));
		}

		void trees() {
			int[] parent = this.binaryParent;
			byte[] leg = this.binaryLeg;
			int[][] child = { new int[this.size], new int[this.size] };
			int[][] chainEnd = { new int[this.size], new int[this.size] };
			Arrays.fill(child[0], NONE);
			Arrays.fill(child[1], NONE);
			this.joinSponsor[0] = NONE;
			parent[0] = NONE;
			for (int i = 0; i < this.size; i++) {
				chainEnd[0][i] = i;
				chainEnd[1][i] = i;
			}
			int leaders = Math.min(LEADERS, this.size);
			for (int i = 1; i < this.size; i++) {
				if (i > this.chainStart) {
					this.joinSponsor[i] = i - 1;
					parent[i] = i - 1;
					child[0][i - 1] = i;
					continue;
				}
				double r = this.random.nextDouble();
				this.joinSponsor[i] = (this.random.nextInt(5) == 0 && i > leaders) ? (int) (leaders * r * r)
						: this.random.nextInt(i);
				int side = this.random.nextInt(2);
				int end = outerEnd(child[side], chainEnd[side], this.joinSponsor[i]);
				child[side][end] = i;
				chainEnd[side][end] = i;
				parent[i] = end;
				leg[i] = (byte) side;
			}
			this.sponsor = this.joinSponsor.clone();
			linkChildren();
		}

		/**
		 * Returns the end of the outer leg below a partner: following the child on one
		 * side until there is none. Each partner remembers a partner further down its
		 * outer leg, and every partner passed on the way is pointed at the end found
		 * (path compression as in union-find), so that the legs that spillover makes
		 * 100,000 levels deep are not walked again for every partner who joins under them
		 * (at 10M partners the plain walk took minutes).
		 * @param child the child on the side, {@link #NONE} for none
		 * @param further a partner further down the same leg, or the partner itself
		 * @param from the partner whose leg to follow
		 * @return the last partner of the leg
		 */
		private static int outerEnd(int[] child, int[] further, int from) {
			int end = from;
			while (further[end] != end || child[end] != NONE) {
				end = (further[end] != end) ? further[end] : child[end];
			}
			for (int node = from; node != end;) {
				int next = (further[node] != node) ? further[node] : child[node];
				further[node] = end;
				node = next;
			}
			return end;
		}

		void changes(int period) {
			long start = GeneratedCompany.start(this.firstPeriod, this.zone, period).toEpochMilli();
			int moves = (int) Math.round(this.size * this.history.movesPerMille() / 1000);
			int terminations = (int) Math.round(this.size * this.history.terminationsPerMille() / 1000);
			int candidates = Math.min(this.size, this.chainStart + 1);
			if (candidates < 3) {
				return;
			}
			long at = start;
			for (int left = moves + terminations; left > 0; left--) {
				boolean terminate = this.random.nextInt(left) < terminations;
				int partner = working(candidates);
				at++;
				if (terminate) {
					terminations--;
					terminate(partner, at, period);
				}
				else {
					int target = target(partner, candidates);
					if (target != NONE) {
						int op = op(MOVE, partner, target, at, period);
						edge(partner, target, op);
						relink(partner, target);
					}
				}
			}
		}

		private int current(int partner) {
			return this.sponsor[partner];
		}

		private int working(int candidates) {
			while (true) {
				int partner = 1 + this.random.nextInt(candidates - 1);
				if (this.terminatedIn[partner] < 0) {
					return partner;
				}
			}
		}

		private int target(int partner, int candidates) {
			int leaders = Math.min(LEADERS, candidates);
			for (int attempt = 0; attempt < 100; attempt++) {
				double r = this.random.nextDouble();
				int target = (this.random.nextInt(5) == 0) ? (int) (leaders * r * r) : this.random.nextInt(candidates);
				if (target == partner || this.terminatedIn[target] >= 0 || target == current(partner)
						|| below(target, partner)) {
					continue;
				}
				return target;
			}
			return NONE;
		}

		/** Whether a partner is the other one or in its downline. */
		private boolean below(int partner, int top) {
			for (int up = partner; up != NONE; up = current(up)) {
				if (up == top) {
					return true;
				}
			}
			return false;
		}

		private void terminate(int partner, long at, int period) {
			int takesOver = current(partner);
			int op = op(TERMINATION, partner, takesOver, at, period);
			for (int child = this.firstChild[partner]; child != NONE;) {
				int next = this.nextSibling[child];
				edge(child, takesOver, op);
				relink(child, takesOver);
				child = next;
			}
			this.terminatedIn[partner] = (short) period;
		}

		private void linkChildren() {
			this.firstChild = new int[this.size];
			this.nextSibling = new int[this.size];
			this.previousSibling = new int[this.size];
			Arrays.fill(this.firstChild, NONE);
			Arrays.fill(this.previousSibling, NONE);
			Arrays.fill(this.nextSibling, NONE);
			for (int i = this.size - 1; i > 0; i--) {
				link(i, current(i));
			}
		}

		private void link(int child, int parent) {
			int head = this.firstChild[parent];
			this.nextSibling[child] = head;
			this.previousSibling[child] = NONE;
			if (head != NONE) {
				this.previousSibling[head] = child;
			}
			this.firstChild[parent] = child;
			this.sponsor[child] = parent;
		}

		private void relink(int child, int parent) {
			int previous = this.previousSibling[child];
			int next = this.nextSibling[child];
			if (previous != NONE) {
				this.nextSibling[previous] = next;
			}
			else {
				this.firstChild[current(child)] = next;
			}
			if (next != NONE) {
				this.previousSibling[next] = previous;
			}
			link(child, parent);
		}

		private int op(byte kind, int partner, int sponsor, long at, int period) {
			if (this.ops == this.opKind.length) {
				int capacity = this.ops * 2;
				this.opKind = Arrays.copyOf(this.opKind, capacity);
				this.opPartner = Arrays.copyOf(this.opPartner, capacity);
				this.opSponsor = Arrays.copyOf(this.opSponsor, capacity);
				this.opAt = Arrays.copyOf(this.opAt, capacity);
				this.opPeriod = Arrays.copyOf(this.opPeriod, capacity);
			}
			this.opKind[this.ops] = kind;
			this.opPartner[this.ops] = partner;
			this.opSponsor[this.ops] = sponsor;
			this.opAt[this.ops] = at;
			this.opPeriod[this.ops] = (short) period;
			return this.ops++;
		}

		private void edge(int partner, int sponsor, int op) {
			if (this.edges == this.edgePartner.length) {
				int capacity = this.edges * 2;
				this.edgePartner = Arrays.copyOf(this.edgePartner, capacity);
				this.edgeSponsor = Arrays.copyOf(this.edgeSponsor, capacity);
				this.edgeOp = Arrays.copyOf(this.edgeOp, capacity);
			}
			this.edgePartner[this.edges] = partner;
			this.edgeSponsor[this.edges] = sponsor;
			this.edgeOp[this.edges] = op;
			this.edges++;
		}

	}

}
