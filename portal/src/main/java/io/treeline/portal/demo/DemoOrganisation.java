package io.treeline.portal.demo;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderLine;
import io.treeline.graph.Leg;
import io.treeline.graph.Organisation;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Placement;
import io.treeline.graph.Sponsorship;

/**
 * A small but realistic company, the same on every machine (seeded): a sponsor tree with
 * a few strong leaders, a binary placement tree built by outer-leg spillover, one sponsor
 * change, and orders with payments over four months.
 *
 * @param organisation partners and trees
 * @param orders orders with the instant each was paid ({@code null}: not yet paid)
 */
record DemoOrganisation(Organisation organisation, List<PaidOrder> orders) {

	static final String BINARY_PLAN = "binary";

	static final YearMonth FIRST_ORDER_MONTH = YearMonth.of(2026, 7);

	static final int ORDER_MONTHS = 4;

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	private static final Instant FOUNDED = Instant.parse("2024-01-15T09:00:00Z");

	private static final Instant LAST_JOIN = Instant.parse("2026-06-30T18:00:00Z");

	private static final String[] FIRST_NAMES = { "Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannes",
			"Ida", "Jonas", "Katharina", "Lukas", "Marie", "Niklas", "Olivia", "Paul", "Quirin", "Rosa", "Sophie",
			"Tobias", "Ursula", "Valentin", "Wiebke", "Xaver", "Yvonne", "Zoe", "Jürgen", "Özlem", "Małgorzata",
			"Luis" };

	private static final String[] LAST_NAMES = { "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
			"Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
			"Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange",
			"Schmitt", "Werner", "Krause", "Meier", "Lehmann" };

	private static final String[][] CITIES = { { "Berlin", "DE", "de" }, { "Hamburg", "DE", "de" },
			{ "München", "DE", "de" }, { "Köln", "DE", "de" }, { "Frankfurt am Main", "DE", "de" },
			{ "Stuttgart", "DE", "de" }, { "Leipzig", "DE", "de" }, { "Dresden", "DE", "de" }, { "Wien", "AT", "de" },
			{ "Graz", "AT", "de" }, { "Zürich", "CH", "de" }, { "Basel", "CH", "de" }, { "Bozen", "IT", "de" },
			{ "Wrocław", "PL", "pl" } };

	private static final Product[] PRODUCTS = { new Product("VIT-100", "39.90", "0.07", "30", "30"),
			new Product("BEA-200", "59.90", "0.19", "45", "45"), new Product("AQU-300", "129.00", "0.19", "100", "95"),
			new Product("TEE-400", "14.90", "0.07", "10", "10") };

	static PartnerNumber number(int index) {
		return PartnerNumber.of("P-%07d".formatted(index));
	}

	static DemoOrganisation generate(int size, long seed) {
		Random random = new Random(seed);
		List<Partner> partners = new ArrayList<>();
		List<Sponsorship> sponsorships = new ArrayList<>();
		List<Placement> placements = new ArrayList<>();
		List<Integer> tickets = new ArrayList<>();
		Map<Integer, Integer> recruits = new HashMap<>();
		BinaryTree binary = new BinaryTree();
		long span = Duration.between(FOUNDED, LAST_JOIN).toSeconds();
		for (int i = 1; i <= size; i++) {
			Instant joined = (i == 1) ? FOUNDED
					: FOUNDED.plusSeconds(span * (i - 1) / (size - 1)).minusSeconds(random.nextInt(3600 * 8));
			partners.add(partner(i, joined, size, random));
			tickets.add(i);
			if (i == 1) {
				continue;
			}
			// preferential attachment: who recruits often, recruits more (a few strong
			// leaders)
			int sponsor = tickets.get(random.nextInt(tickets.size() - 1));
			tickets.add(sponsor);
			int recruited = recruits.merge(sponsor, 1, Integer::sum);
			sponsorships.add(new Sponsorship(number(i), number(sponsor), joined, null));
			Leg leg = (recruited % 2 == 1) ? Leg.LEFT : Leg.RIGHT;
			int parent = binary.outermostFree(sponsor, leg);
			binary.place(i, parent, leg);
			placements.add(new Placement(number(i), number(parent), BINARY_PLAN, leg, joined, null));
		}
		moveOnePartnerToTheRoot(sponsorships);
		return new DemoOrganisation(new Organisation(partners, sponsorships, placements), orders(partners, random));
	}

	/** A sponsor change with history: the old edge ends where the new one starts. */
	private static void moveOnePartnerToTheRoot(List<Sponsorship> sponsorships) {
		Instant movedAt = Instant.parse("2026-03-01T00:00:00Z");
		for (int i = 0; i < sponsorships.size(); i++) {
			Sponsorship edge = sponsorships.get(i);
			if (!edge.sponsor().equals(number(1)) && edge.validFrom().isBefore(movedAt)) {
				sponsorships.set(i, new Sponsorship(edge.partner(), edge.sponsor(), edge.validFrom(), movedAt));
				sponsorships.add(new Sponsorship(edge.partner(), number(1), movedAt, null));
				return;
			}
		}
	}

	private static Partner partner(int index, Instant joined, int size, Random random) {
		String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
		String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
		String[] city = CITIES[random.nextInt(CITIES.length)];
		PartnerStatus status = (index > size - 5) ? PartnerStatus.PENDING_CONFIRMATION
				: (random.nextInt(50) == 0) ? PartnerStatus.SUSPENDED : PartnerStatus.ACTIVE;
		String email = "%s.%s.%d@demo.treeline.example".formatted(ascii(first), ascii(last), index);
		return new Partner(number(index), first, last, email, city[0], city[1], city[2], status, joined);
	}

	private static List<PaidOrder> orders(List<Partner> partners, Random random) {
		List<PaidOrder> orders = new ArrayList<>();
		int sequence = 0;
		for (int m = 0; m < ORDER_MONTHS; m++) {
			YearMonth month = FIRST_ORDER_MONTH.plusMonths(m);
			Instant monthStart = month.atDay(1).atStartOfDay(ZONE).toInstant();
			long monthSeconds = Duration
				.between(monthStart, month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant())
				.toSeconds();
			for (Partner partner : partners) {
				if (partner.status() != PartnerStatus.ACTIVE || !partner.joinedAt().isBefore(monthStart)) {
					continue;
				}
				int count = new int[] { 0, 1, 1, 1, 2, 2, 3 }[random.nextInt(7)];
				for (int o = 0; o < count; o++) {
					Instant orderedAt = monthStart.plusSeconds((long) (random.nextDouble() * (monthSeconds - 7200)));
					String orderNumber = "DEMO-%s-%05d".formatted(month, ++sequence);
					NewOrder order = new NewOrder(orderNumber, partner.number(), orderedAt, "EUR", lines(random));
					Instant paidAt = (random.nextInt(30) == 0) ? null
							: orderedAt.plus(Duration.ofHours(1 + random.nextInt(24 * 5)));
					orders.add(new PaidOrder(order, paidAt));
				}
			}
		}
		return orders;
	}

	private static List<OrderLine> lines(Random random) {
		List<OrderLine> lines = new ArrayList<>();
		int count = 1 + random.nextInt(3);
		for (int l = 0; l < count; l++) {
			Product product = PRODUCTS[random.nextInt(PRODUCTS.length)];
			BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(2));
			lines.add(new OrderLine(product.number(), quantity, product.price(), product.vatRate(),
					product.pv().multiply(quantity), product.bv().multiply(quantity)));
		}
		return lines;
	}

	private static String ascii(String name) {
		return Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replace("ł", "l")
			.replaceAll("[^a-z]", "");
	}

	/**
	 * An order and the instant its payment arrived.
	 *
	 * @param order the order
	 * @param paidAt when it was paid, {@code null} while unpaid
	 */
	record PaidOrder(NewOrder order, Instant paidAt) {
	}

	private record Product(String number, BigDecimal price, BigDecimal vatRate, BigDecimal pv, BigDecimal bv) {

		Product(String number, String price, String vatRate, String pv, String bv) {
			this(number, new BigDecimal(price), new BigDecimal(vatRate), new BigDecimal(pv), new BigDecimal(bv));
		}

	}

	/** The binary placement tree while it is built: children by side. */
	private static final class BinaryTree {

		private final Map<Integer, Integer> left = new HashMap<>();

		private final Map<Integer, Integer> right = new HashMap<>();

		int outermostFree(int top, Leg leg) {
			Map<Integer, Integer> side = (leg == Leg.LEFT) ? this.left : this.right;
			int node = top;
			while (side.containsKey(node)) {
				node = side.get(node);
			}
			return node;
		}

		void place(int child, int parent, Leg leg) {
			((leg == Leg.LEFT) ? this.left : this.right).put(parent, child);
		}

	}

}
