package io.treeline.compensation.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.Random;
import java.util.TimeZone;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.CommissionRuns;
import io.treeline.compensation.EmptyCompany;
import io.treeline.compensation.Ledger;
import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.OrderReturn;
import io.treeline.compensation.Orders;
import io.treeline.compensation.PeriodLength;
import io.treeline.compensation.Plan;
import io.treeline.compensation.PlanType;
import io.treeline.compensation.Plans;
import io.treeline.compensation.RunResult;
import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Sponsorship;
import io.treeline.graph.TreeChanges;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of runs on generated organisations and order streams (seeded, so a failure
 * is reproducible): the journal sums to zero; two computations of the same data give the
 * same hash in any time zone and locale; cancelling every order nets every partner to
 * zero across runs; the commissions of a late-paid order do not depend on moves made
 * after its order date.
 */
@SpringBootTest
class RandomCompaniesIT {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final Instant JOINED = Instant.parse("2025-11-01T11:00:00Z");

	private static final String[] MONTHS = { "2026-01", "2026-02", "2026-03" };

	private static final String UNILEVEL = """
			{"type":"UNILEVEL","levelRates":["0.10","0.05","0.02"],"minPersonalPv":"50"}""";

	private static final String STAIR_STEP = """
			{"type":"STAIR_STEP","careerMode":"FIXED","ranks":[{"name":"Berater","rate":"0.05"},
			{"name":"Teamleiter","rate":"0.10","minPersonalPv":"100","minGroupPv":"600","maxLegShare":"0.5"},
			{"name":"Direktor","rate":"0.15","minPersonalPv":"100","minGroupPv":"2000"}],
			"generationRates":["0.02","0.01"],"fastStart":{"rate":"0.03","days":120}}""";

	@Autowired
	CommissionRuns runs;

	@Autowired
	Plans plans;

	@Autowired
	Orders orders;

	@Autowired
	Ledger ledger;

	@Autowired
	OrganisationLoader loader;

	@Autowired
	TreeChanges changes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Flyway flyway;

	@Autowired
	Neo4jClient neo4j;

	private final List<String> orderNumbers = new ArrayList<>();

	private final List<String> latePaid = new ArrayList<>();

	private int partnerCount;

	@BeforeEach
	void emptyCompany() {
		EmptyCompany.reset(this.neo4j, this.jdbc, this.flyway);
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3 })
	void journalBalancesHashesRepeatAndCancellingEverythingNetsToZero(long seed) {
		Random random = new Random(seed);
		generate(random, 40);
		for (String month : MONTHS) {
			RunResult preview = this.runs.preview("Uni", month);
			RunResult elsewhere = inAnotherZoneAndLocale(() -> this.runs.preview("Uni", month));
			assertThat(elsewhere.hash()).isEqualTo(preview.hash());
			assertThat(this.runs.close("Uni", month).hash()).isEqualTo(preview.hash());
			RunResult step = this.runs.preview("Step", month);
			assertThat(this.runs.close("Step", month).hash()).isEqualTo(step.hash());
			assertThat(this.ledger.trialBalance()).allSatisfy((currency, sum) -> assertThat(sum).isZero());
		}
		int k = 0;
		for (String order : this.orderNumbers) {
			this.orders.recordReturn(order, new OrderReturn.Whole(),
					noon(LocalDate.parse("2026-04-01").plusDays(k++ % 20)), "cancel-all-" + order);
		}
		this.runs.close("Uni", "2026-04");
		this.runs.close("Step", "2026-04");
		assertThat(this.ledger.trialBalance()).allSatisfy((currency, sum) -> assertThat(sum).isZero());
		for (int i = 0; i < this.partnerCount; i++) {
			assertThat(this.ledger.commissionPayable(number(i)).getOrDefault("EUR", BigDecimal.ZERO))
				.as("what partner %s is owed after every order was cancelled", number(i))
				.isZero();
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 4, 5 })
	void commissionsOfALatePaidOrderIgnoreMovesAfterItsOrderDate(long seed) {
		Random random = new Random(seed);
		generate(random, 30);
		this.runs.close("Uni", "2026-01");
		this.runs.close("Step", "2026-01");
		this.runs.close("Uni", "2026-02");
		this.runs.close("Step", "2026-02");
		List<CommissionLine> before = linesOfLateOrders("Uni");
		List<CommissionLine> stepBefore = linesOfLateOrders("Step");
		for (int i = 0; i < 8; i++) {
			int partner = 1 + random.nextInt(this.partnerCount - 1);
			try {
				this.changes.moveSponsor(number(partner), number(random.nextInt(partner)),
						noon(LocalDate.parse("2026-03-01").plusDays(i)));
			}
			catch (RuntimeException refused) {
				// a move may be refused (e.g. a terminated sponsor); the property holds
				// either way
			}
		}
		assertThat(linesOfLateOrders("Uni")).isEqualTo(before);
		assertThat(linesOfLateOrders("Step")).isEqualTo(stepBefore);
		assertThat(this.latePaid).isNotEmpty();
	}

	private List<CommissionLine> linesOfLateOrders(String plan) {
		return this.runs.preview(plan, "2026-03")
			.lines()
			.stream()
			.filter((line) -> line.orderNumber() != null && this.latePaid.contains(line.orderNumber()))
			.toList();
	}

	/**
	 * A sponsor tree where each partner's sponsor is an earlier partner, a unilevel and a
	 * stair-step plan, and orders over three months: most paid at once, some late (in
	 * March), some returned in part, some in full.
	 */
	private void generate(Random random, int size) {
		this.partnerCount = size;
		List<Partner> partners = new ArrayList<>();
		List<Sponsorship> sponsorships = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			partners
				.add(new Partner(number(i), "P" + i, "Random", null, null, "DE", "de", PartnerStatus.ACTIVE, JOINED));
			if (i > 0) {
				sponsorships.add(new Sponsorship(number(i), number(random.nextInt(i)), JOINED, null));
			}
		}
		this.loader.load(new Organisation(partners, sponsorships, List.of()));
		this.plans.create(new Plan("Uni", PlanType.UNILEVEL, PeriodLength.MONTHLY, "2026-01"),
				LocalDate.parse("2026-01-01"), UNILEVEL);
		this.plans.create(new Plan("Step", PlanType.STAIR_STEP, PeriodLength.MONTHLY, "2026-01"),
				LocalDate.parse("2026-01-01"), STAIR_STEP);
		int n = 0;
		for (int month = 1; month <= 2; month++) {
			for (int i = 0; i < size; i++) {
				if (random.nextInt(10) < 6) {
					String order = "R-O" + (++n);
					LocalDate day = LocalDate.of(2026, month, 1 + random.nextInt(27));
					BigDecimal bv = BigDecimal.valueOf(1000 + random.nextInt(30000), 2);
					this.orders.record(new NewOrder(order, number(i), noon(day), "EUR",
							List.of(new OrderLine("ART-1", BigDecimal.ONE, bv, new BigDecimal("0.19"), bv, bv),
									new OrderLine("ART-2", BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("0.07"),
											BigDecimal.valueOf(random.nextInt(5000), 2),
											BigDecimal.valueOf(random.nextInt(5000), 2)))));
					this.orderNumbers.add(order);
					int fate = random.nextInt(10);
					if (fate < 7) {
						this.orders.markPaid(order, noon(day));
						if (fate == 0) {
							this.orders.recordReturn(order, new OrderReturn.Share(new BigDecimal("0.3")),
									noon(day.plusDays(3)), "part-" + order);
						}
						else if (fate == 1) {
							this.orders.recordReturn(order, new OrderReturn.Lines(List.of(2)), noon(day.plusDays(5)),
									"line-" + order);
						}
					}
					else if (fate < 9) {
						this.orders.markPaid(order, noon(LocalDate.of(2026, 3, 2 + random.nextInt(20))));
						this.latePaid.add(order);
					}
				}
			}
		}
	}

	private static RunResult inAnotherZoneAndLocale(java.util.function.Supplier<RunResult> computation) {
		TimeZone zone = TimeZone.getDefault();
		Locale locale = Locale.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
			Locale.setDefault(Locale.forLanguageTag("ar-EG"));
			return computation.get();
		}
		finally {
			TimeZone.setDefault(zone);
			Locale.setDefault(locale);
		}
	}

	private static Instant noon(LocalDate day) {
		return day.atTime(12, 0).atZone(BERLIN).toInstant();
	}

	private static PartnerNumber number(int i) {
		return PartnerNumber.of(String.format(Locale.ROOT, "Q-%03d", i));
	}

}
