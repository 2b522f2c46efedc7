package io.treeline.benchmark;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded company: a shallow, heavy-tailed sponsor tree (a fifth of all partners are
 * recruited by 50 leaders, the rest by a random earlier partner), a binary placement tree
 * derived from it by spillover to the outermost free position of a random leg, and about
 * two paid orders per partner in January 2026. Optionally the last partners form a
 * grafted chain (each the only child of the one before, in both trees), so that the
 * deepest upline is as long as wanted. The same seed gives the same company.
 */
final class GeneratedCompany {

	static final int NONE = -1;

	private static final Instant FIRST_JOIN = Instant.parse("2025-01-01T08:00:00Z");

	private static final Instant JANUARY = Instant.parse("2025-12-31T23:00:00Z");

	private static final long JANUARY_SECONDS = Duration.ofDays(31).toSeconds();

	final int size;

	final int[] sponsor;

	final int[] binaryParent;

	final byte[] binaryLeg;

	final int[] orderPartner;

	final long[] orderCents;

	final long[] orderedAtSeconds;

	private GeneratedCompany(int size, int[] sponsor, int[] binaryParent, byte[] binaryLeg, int[] orderPartner,
			long[] orderCents, long[] orderedAtSeconds) {
		this.size = size;
		this.sponsor = sponsor;
		this.binaryParent = binaryParent;
		this.binaryLeg = binaryLeg;
		this.orderPartner = orderPartner;
		this.orderCents = orderCents;
		this.orderedAtSeconds = orderedAtSeconds;
	}

	static GeneratedCompany generate(int size, long seed, int chain) {
		SplittableRandom random = new SplittableRandom(seed);
		int[] sponsor = new int[size];
		int[] parent = new int[size];
		byte[] leg = new byte[size];
		int[][] child = { new int[size], new int[size] };
		int[][] chainEnd = { new int[size], new int[size] };
		Arrays.fill(child[0], NONE);
		Arrays.fill(child[1], NONE);
		sponsor[0] = NONE;
		parent[0] = NONE;
		for (int i = 0; i < size; i++) {
			chainEnd[0][i] = i;
			chainEnd[1][i] = i;
		}
		int leaders = Math.min(50, size);
		int chainStart = size - Math.max(0, Math.min(chain, size - leaders - 1));
		for (int i = 1; i < size; i++) {
			if (i > chainStart) {
				sponsor[i] = i - 1;
				parent[i] = i - 1;
				child[0][i - 1] = i;
				continue;
			}
			double r = random.nextDouble();
			sponsor[i] = (random.nextInt(5) == 0 && i > leaders) ? (int) (leaders * r * r) : random.nextInt(i);
			int side = random.nextInt(2);
			int end = chainEnd[side][sponsor[i]];
			while (child[side][end] != NONE) {
				end = child[side][end];
			}
			child[side][end] = i;
			chainEnd[side][sponsor[i]] = i;
			parent[i] = end;
			leg[i] = (byte) side;
		}
		int[] orderPartner = new int[size * 2 + 16];
		long[] cents = new long[orderPartner.length];
		long[] orderedAt = new long[orderPartner.length];
		int orders = 0;
		for (int i = 0; i < size; i++) {
			int count = random.nextInt(5);
			for (int k = 0; k < count; k++) {
				if (orders == orderPartner.length) {
					orderPartner = Arrays.copyOf(orderPartner, orders * 2);
					cents = Arrays.copyOf(cents, orders * 2);
					orderedAt = Arrays.copyOf(orderedAt, orders * 2);
				}
				orderPartner[orders] = i;
				cents[orders] = 2_000 + random.nextInt(18_000);
				orderedAt[orders] = JANUARY.getEpochSecond() + random.nextLong(JANUARY_SECONDS);
				orders++;
			}
		}
		return new GeneratedCompany(size, sponsor, parent, leg, Arrays.copyOf(orderPartner, orders),
				Arrays.copyOf(cents, orders), Arrays.copyOf(orderedAt, orders));
	}

	int orders() {
		return this.orderPartner.length;
	}

	static String number(int id) {
		return String.format(Locale.ROOT, "B-%08d", id);
	}

	static String orderNumber(int order) {
		return String.format(Locale.ROOT, "BO-%09d", order);
	}

	Instant joinedAt(int id) {
		long spread = Duration.ofDays(360).toSeconds();
		return FIRST_JOIN.plusSeconds(spread * id / Math.max(1, this.size));
	}

	/**
	 * Writes the company as the product's import files (docs/import-format.md).
	 * @param partners the partners file
	 * @param sponsorships the sponsor edges file
	 * @param placements the placement edges file
	 * @param binaryPlan the plan of the binary tree
	 * @throws IOException if a file cannot be written
	 */
	void writeImportFiles(Path partners, Path sponsorships, Path placements, String binaryPlan) throws IOException {
		try (Writer p = Files.newBufferedWriter(partners);
				Writer s = Files.newBufferedWriter(sponsorships);
				Writer l = Files.newBufferedWriter(placements)) {
			p.write("number,firstName,lastName,email,city,country,language,status,joinedAt\n");
			s.write("partner,sponsor,validFrom,validTo\n");
			l.write("partner,parent,plan,position,validFrom,validTo\n");
			for (int i = 0; i < this.size; i++) {
				String number = number(i);
				String joined = joinedAt(i).toString();
				p.write(number + ",Vorname" + i + ",Nachname" + (i % 997) + ",,,DE,de,ACTIVE," + joined + "\n");
				if (this.sponsor[i] != NONE) {
					s.write(number + "," + number(this.sponsor[i]) + "," + joined + ",\n");
					l.write(number + "," + number(this.binaryParent[i]) + "," + binaryPlan + ","
							+ ((this.binaryLeg[i] == 0) ? "LEFT" : "RIGHT") + "," + joined + ",\n");
				}
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

}
