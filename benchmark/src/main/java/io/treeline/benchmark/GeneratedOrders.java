package io.treeline.benchmark;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The orders of a generated company, made again from the seed whenever they are needed,
 * never held: per period, every partner who is not terminated orders 0 to 4 times (two on
 * average), one line of 20 to 200 EUR (PV = BV), placed an hour or more after the
 * period's start (after its genealogy changes). Of the orders, 1 % are never paid, 0.5 %
 * are cancelled unpaid, 3 % are paid late (in the first ten days of the next period) and
 * the rest within two days (which may also fall into the next period); 2 % of the paid
 * orders are returned 1 to 20 days after payment, three in five of them whole, the others
 * a quarter, half or three quarters.
 */
final class GeneratedOrders {

	static final int NOT_PAID = -1;

	private static final long HOUR = 3_600;

	private static final long DAY = 86_400;

	private final GeneratedCompany company;

	private final long seed;

	GeneratedOrders(GeneratedCompany company, long seed) {
		this.company = company;
		this.seed = seed;
	}

	/**
	 * Plays the orders of a period.
	 * @param period 0 for the first period
	 * @param sink receives every order
	 */
	void forEach(int period, Sink sink) {
		SplittableRandom random = new SplittableRandom(this.seed * 1_000_003L + 7_919L * (period + 1));
		long start = this.company.start(period).getEpochSecond();
		long next = this.company.start(period + 1).getEpochSecond();
		long length = next - start - HOUR;
		Order order = new Order();
		order.period = period;
		int sequence = 0;
		for (int partner = 0; partner < this.company.size; partner++) {
			int count = random.nextInt(5);
			if (this.company.terminatedBy(partner, period)) {
				continue;
			}
			for (int k = 0; k < count; k++) {
				order.sequence = sequence++;
				order.partner = partner;
				order.cents = 2_000 + random.nextInt(18_000);
				order.orderedAt = start + HOUR + random.nextLong(length);
				int fate = random.nextInt(1_000);
				order.paidAt = NOT_PAID;
				order.returnedAt = NOT_PAID;
				order.returnedPerMille = 0;
				if (fate < 10) {
					// never paid
				}
				else if (fate < 15) {
					order.returnedAt = order.orderedAt + DAY + random.nextLong(4 * DAY);
					order.returnedPerMille = 1_000;
				}
				else {
					order.paidAt = (fate < 45) ? next + HOUR + random.nextLong(10 * DAY)
							: order.orderedAt + random.nextLong(2 * DAY);
					if (random.nextInt(1_000) < 20) {
						order.returnedAt = order.paidAt + DAY + random.nextLong(19 * DAY);
						order.returnedPerMille = (random.nextInt(5) < 3) ? 1_000 : 250 * (1 + random.nextInt(3));
					}
				}
				sink.accept(order);
			}
		}
	}

	/**
	 * Writes the orders of a period in chunks, each as a file of the product's order
	 * import (docs/order-import-format.md) and as rows for PostgreSQL's COPY, after
	 * skipping the first {@code skip} orders.
	 * @param period the period
	 * @param skip orders left out at the start (recorded through the order API instead)
	 * @param ordersPerChunk orders per chunk
	 * @param chunks receives the chunks
	 */
	void chunks(int period, int skip, int ordersPerChunk, Chunks chunks) {
		StringBuilder csv = new StringBuilder();
		StringBuilder copy = new StringBuilder();
		int[] inChunk = { 0 };
		forEach(period, (order) -> {
			if (order.sequence < skip) {
				return;
			}
			if (inChunk[0] == 0) {
				csv.setLength(0);
				copy.setLength(0);
				csv.append(
						"record,orderNumber,line,partner,orderedAt,currency,product,quantity,unitPrice,vatRate,pv,bv,"
								+ "paidAt,returnedAt,stornoId,returns\n");
			}
			String number = order.number();
			String partner = GeneratedCompany.number(order.partner);
			String bv = order.bv().toPlainString();
			String orderedAt = Instant.ofEpochSecond(order.orderedAt).toString();
			String paidAt = (order.paidAt != NOT_PAID) ? Instant.ofEpochSecond(order.paidAt).toString() : "";
			String returnedAt = (order.returnedAt != NOT_PAID) ? Instant.ofEpochSecond(order.returnedAt).toString()
					: "";
			csv.append("line,").append(number).append(",1,").append(partner).append(',').append(orderedAt);
			csv.append(",EUR,ART-1,1,").append(bv).append(",0.19,").append(bv).append(',').append(bv).append(",,,,\n");
			if (order.paidAt != NOT_PAID) {
				csv.append("payment,").append(number).append(",,,,,,,,,,,").append(paidAt).append(",,,\n");
			}
			if (order.returnedAt != NOT_PAID) {
				csv.append("return,").append(number).append(",,,,,,,,,,,,").append(returnedAt).append(",ST-");
				csv.append(number).append(',').append(order.returns()).append('\n');
			}
			copy.append(number).append(',').append(partner).append(',').append(orderedAt).append(',').append(bv);
			copy.append(',').append(paidAt).append(',').append(returnedAt).append(',');
			copy.append((order.returnedAt != NOT_PAID) ? Integer.toString(order.returnedPerMille) : "").append('\n');
			if (++inChunk[0] == ordersPerChunk) {
				chunks.accept(csv, copy, inChunk[0]);
				inChunk[0] = 0;
			}
		});
		if (inChunk[0] > 0) {
			chunks.accept(csv, copy, inChunk[0]);
		}
	}

	/** Receives the orders of a period chunk by chunk. */
	@FunctionalInterface
	interface Chunks {

		/**
		 * One chunk.
		 * @param importFile the orders as an order import file (CSV)
		 * @param copyRows the orders as CSV rows: order number, partner, ordered at, BV,
		 * paid at, returned at, returned per mille
		 * @param orders how many orders
		 */
		void accept(CharSequence importFile, CharSequence copyRows, int orders);

	}

	/** Receives orders; the object is reused, so copy what is kept. */
	@FunctionalInterface
	interface Sink {

		void accept(Order order);

	}

	/** One generated order with its payment and storno. */
	static final class Order {

		int period;

		int sequence;

		int partner;

		long cents;

		/** Epoch seconds. */
		long orderedAt;

		/** Epoch seconds, or {@link #NOT_PAID}. */
		long paidAt;

		/** Epoch seconds of the storno, or {@link #NOT_PAID}. */
		long returnedAt;

		/** 1,000 for a whole storno, 250, 500 or 750 for a part, 0 without storno. */
		int returnedPerMille;

		String number() {
			return String.format(Locale.ROOT, "BO-%03d-%09d", this.period + 1, this.sequence);
		}

		BigDecimal bv() {
			return BigDecimal.valueOf(this.cents, 2);
		}

		String returns() {
			return (this.returnedPerMille == 1_000) ? "whole"
					: "fraction:" + BigDecimal.valueOf(this.returnedPerMille, 3).stripTrailingZeros().toPlainString();
		}

	}

}
