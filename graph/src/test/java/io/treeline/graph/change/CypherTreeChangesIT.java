package io.treeline.graph.change;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.treeline.graph.Genealogy;
import io.treeline.graph.GenealogyChangeRefused;
import io.treeline.graph.GenealogyChangeRefused.Reason;
import io.treeline.graph.HoldingTanks;
import io.treeline.graph.Leg;
import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Partners;
import io.treeline.graph.Placement;
import io.treeline.graph.PlacementRule;
import io.treeline.graph.Relative;
import io.treeline.graph.TestOrganisations;
import io.treeline.graph.Tree;
import io.treeline.graph.TreeChanges;
import io.treeline.graph.WaitingPartner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class CypherTreeChangesIT {

	private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

	@Autowired
	TreeChanges changes;

	@Autowired
	Genealogy genealogy;

	@Autowired
	HoldingTanks holdingTanks;

	@Autowired
	Partners partners;

	@Autowired
	OrganisationLoader loader;

	@Autowired
	Neo4jClient neo4j;

	@BeforeEach
	void onlyTheFounder() {
		this.neo4j.query("MATCH (p:Partner) DETACH DELETE p").run();
		this.loader.load(new Organisation(List.of(partner("A", START)), List.of(), List.of()));
	}

	@Test
	void placesExampleM1InAForcedTwoByTwoMatrix() {
		PlacementRule matrix = new PlacementRule.Matrix("matrix", 2);
		assertThat(parentOf(enrol("B", "A", 1, matrix))).isEqualTo("A");
		assertThat(parentOf(enrol("C", "A", 2, matrix))).isEqualTo("A");
		assertThat(parentOf(enrol("D", "A", 3, matrix))).isEqualTo("B");
		assertThat(parentOf(enrol("E", "A", 4, matrix))).isEqualTo("B");
		assertThat(parentOf(enrol("F", "C", 5, matrix))).isEqualTo("C");
		assertThat(this.genealogy.teamStats(PartnerNumber.of("A"), Tree.placement("matrix"), day(6)).teamSize())
			.isEqualTo(5);
		assertThat(this.genealogy.teamStats(PartnerNumber.of("A"), Tree.SPONSOR, day(6)).teamSize()).isEqualTo(5);
	}

	@Test
	void spillsOverToTheOutermostPositionOfTheChosenLeg() {
		assertThat(enrol("B", "A", 1, left())).isEqualTo(placement("B", "A", Leg.LEFT, 1));
		assertThat(enrol("C", "A", 2, left())).isEqualTo(placement("C", "B", Leg.LEFT, 2));
		assertThat(enrol("D", "A", 3, right())).isEqualTo(placement("D", "A", Leg.RIGHT, 3));
		assertThat(enrol("E", "B", 4, right())).isEqualTo(placement("E", "B", Leg.RIGHT, 4));
		assertThat(enrol("F", "A", 5, left())).isEqualTo(placement("F", "C", Leg.LEFT, 5));
	}

	@Test
	void placesIntoTheWeakerLegWhenAsked() {
		enrol("B", "A", 1, left());
		enrol("C", "A", 2, left());
		PlacementRule weaker = new PlacementRule.WeakerLeg("binary");
		assertThat(enrol("D", "A", 3, weaker)).isEqualTo(placement("D", "A", Leg.RIGHT, 3));
		assertThat(enrol("E", "A", 4, weaker)).isEqualTo(placement("E", "D", Leg.RIGHT, 4));
	}

	@Test
	void placesAPartnerFromTheHoldingTankWhereTheSponsorChooses() {
		enrol("B", "A", 1, left());
		enrol("C", "B", 2, null);
		enrol("D", "A", 3, null);
		Placement placed = this.changes.place(PartnerNumber.of("C"), PartnerNumber.of("B"), "binary", Leg.RIGHT, null,
				day(4));
		assertThat(placed).isEqualTo(placement("C", "B", Leg.RIGHT, 4));
		assertThat(refusal(() -> this.changes.place(PartnerNumber.of("D"), PartnerNumber.of("B"), "binary", Leg.RIGHT,
				null, day(5))))
			.isEqualTo(Reason.PARENT_FULL);
		assertThat(refusal(() -> this.changes.place(PartnerNumber.of("C"), PartnerNumber.of("A"), "binary", Leg.RIGHT,
				null, day(5))))
			.isEqualTo(Reason.ALREADY_PLACED);
		enrol("E", "C", 5, null);
		assertThat(refusal(() -> this.changes.place(PartnerNumber.of("E"), PartnerNumber.of("A"), "binary", Leg.RIGHT,
				null, day(6))))
			.isEqualTo(Reason.OUTSIDE_SPONSOR_DOWNLINE);
		assertThat(this.genealogy.teamStats(PartnerNumber.of("A"), Tree.placement("binary"), day(6)).teamSize())
			.isEqualTo(2);
	}

	@Test
	void movesAPartnerWithItsDownlineAndKeepsTheHistory() {
		enrol("B", "A", 1, null);
		enrol("C", "B", 2, null);
		enrol("D", "C", 3, null);
		enrol("E", "A", 4, null);
		this.changes.moveSponsor(PartnerNumber.of("C"), PartnerNumber.of("E"), day(10));
		assertThat(upline("D", day(9))).containsExactly("C", "B", "A");
		assertThat(upline("D", day(10))).containsExactly("C", "E", "A");
		assertThat(this.genealogy.teamStats(PartnerNumber.of("B"), Tree.SPONSOR, day(10)).teamSize()).isZero();
	}

	@Test
	void refusesAMoveIntoTheOwnDownlineAndChangesNothing() {
		enrol("B", "A", 1, null);
		enrol("C", "B", 2, null);
		assertThatExceptionOfType(GenealogyChangeRefused.class)
			.isThrownBy(() -> this.changes.moveSponsor(PartnerNumber.of("B"), PartnerNumber.of("C"), day(10)))
			.withMessageContaining("its own upline")
			.extracting(GenealogyChangeRefused::reason)
			.isEqualTo(Reason.CYCLE);
		assertThat(upline("C", day(11))).containsExactly("B", "A");
	}

	@Test
	void refusesChangesInAClosedPeriodOrBeforeTheCurrentSponsor() {
		enrol("B", "A", 1, null);
		enrol("C", "A", 2, null);
		assertThatExceptionOfType(GenealogyChangeRefused.class)
			.isThrownBy(() -> this.changes.moveSponsor(PartnerNumber.of("C"), PartnerNumber.of("B"),
					Instant.parse("2025-12-01T00:00:00Z")))
			.extracting(GenealogyChangeRefused::reason)
			.isEqualTo(Reason.PERIOD_CLOSED);
		assertThatExceptionOfType(GenealogyChangeRefused.class)
			.isThrownBy(() -> this.changes.moveSponsor(PartnerNumber.of("C"), PartnerNumber.of("B"), day(1)))
			.extracting(GenealogyChangeRefused::reason)
			.isEqualTo(Reason.OUT_OF_ORDER);
		assertThat(upline("C", day(20))).containsExactly("A");
	}

	@Test
	void refusesADuplicateNumberAndAnUnknownSponsor() {
		assertThatExceptionOfType(GenealogyChangeRefused.class).isThrownBy(() -> enrol("A", "A", 1, null))
			.extracting(GenealogyChangeRefused::reason)
			.isEqualTo(Reason.DUPLICATE_NUMBER);
		assertThatExceptionOfType(GenealogyChangeRefused.class).isThrownBy(() -> enrol("B", "X", 1, null))
			.withMessage("No partner has the number X");
		assertThat(this.partners.count(null)).isEqualTo(1);
	}

	@Test
	void terminationRollsTheDirectDownlineUpToTheSponsor() {
		enrol("B", "A", 1, null);
		enrol("C", "B", 2, null);
		enrol("D", "B", 3, null);
		enrol("E", "C", 4, null);
		this.changes.terminate(PartnerNumber.of("B"), day(10));
		assertThat(upline("E", day(10))).containsExactly("C", "A");
		assertThat(upline("D", day(10))).containsExactly("A");
		assertThat(upline("E", day(9))).containsExactly("C", "B", "A");
		assertThat(this.partners.find(PartnerNumber.of("B")).orElseThrow().status())
			.isEqualTo(PartnerStatus.TERMINATED);
		assertThatExceptionOfType(GenealogyChangeRefused.class).isThrownBy(() -> enrol("F", "B", 11, null))
			.extracting(GenealogyChangeRefused::reason)
			.isEqualTo(Reason.TERMINATED);
	}

	@Test
	void placesFromTheHoldingTankByTheFallbackOnceTheDeadlinePasses() {
		enrol("B", "A", 1, left());
		PlacementRule tank = new PlacementRule.HoldingTank("binary", 7, null);
		assertThat(enrol("C", "A", 2, tank)).isNull();
		assertThat(enrol("D", "A", 3, tank)).isNull();
		assertThat(this.holdingTanks.waiting(PartnerNumber.of("A"), "binary")).extracting(WaitingPartner::partner)
			.containsExactly(PartnerNumber.of("C"), PartnerNumber.of("D"));
		assertThat(this.holdingTanks.waiting(PartnerNumber.of("A"), "binary").get(0).deadline()).isEqualTo(day(9));
		assertThat(this.holdingTanks.placeOverdue(day(8))).isEmpty();
		this.changes.place(PartnerNumber.of("D"), PartnerNumber.of("B"), "binary", Leg.RIGHT, null, day(5));
		assertThat(this.holdingTanks.placeOverdue(day(12))).containsExactly(placement("C", "A", Leg.RIGHT, 9));
		assertThat(this.holdingTanks.waiting(PartnerNumber.of("A"), "binary")).isEmpty();
		assertThat(this.holdingTanks.placeOverdue(day(13))).isEmpty();
		assertThat(this.genealogy.upline(PartnerNumber.of("C"), Tree.placement("binary"), day(8))).isEmpty();
		assertThat(this.genealogy.upline(PartnerNumber.of("C"), Tree.placement("binary"), day(9)))
			.extracting(Relative::partner)
			.containsExactly(PartnerNumber.of("A"));
	}

	@Test
	void placesSeveralOverduePartnersOneAfterTheOtherByTheChosenFallbackLeg() {
		PlacementRule tank = new PlacementRule.HoldingTank("binary", 3, Leg.LEFT);
		enrol("B", "A", 1, tank);
		enrol("C", "A", 1, tank);
		assertThat(this.holdingTanks.placeOverdue(day(5))).containsExactly(placement("B", "A", Leg.LEFT, 4),
				placement("C", "B", Leg.LEFT, 4));
	}

	@Test
	void placesAnOverduePartnerOnceWhenTwoNodesCheckAtTheSameTime() throws Exception {
		enrol("B", "A", 1, new PlacementRule.HoldingTank("binary", 3, null));
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		List<Future<List<Placement>>> runs = nodes.invokeAll(
				List.of(() -> this.holdingTanks.placeOverdue(day(5)), () -> this.holdingTanks.placeOverdue(day(5))));
		nodes.shutdown();
		int placed = 0;
		for (Future<List<Placement>> run : runs) {
			placed += run.get().size();
		}
		assertThat(placed).isEqualTo(1);
		assertThat(this.neo4j.query("MATCH (:Partner {number: 'B'})-[r:PLACED_UNDER]->() RETURN count(r) AS n")
			.fetchAs(Long.class)
			.one()).contains(1L);
	}

	private static Reason refusal(Runnable change) {
		try {
			change.run();
		}
		catch (GenealogyChangeRefused refused) {
			return refused.reason();
		}
		throw new AssertionError("the change was not refused");
	}

	private Placement enrol(String number, String sponsor, int day, PlacementRule rule) {
		return this.changes.enrol(partner(number, day(day)), PartnerNumber.of(sponsor), rule);
	}

	private List<String> upline(String number, Instant asOf) {
		return this.genealogy.upline(PartnerNumber.of(number), Tree.SPONSOR, asOf)
			.stream()
			.map(Relative::partner)
			.map(PartnerNumber::value)
			.toList();
	}

	private static Partner partner(String number, Instant joined) {
		Partner template = TestOrganisations.partner(number, "Vorname" + number, "Nachname" + number, "Ort");
		return new Partner(template.number(), template.firstName(), template.lastName(), template.email(),
				template.city(), template.country(), template.language(), template.status(), joined);
	}

	private static Placement placement(String partner, String parent, Leg leg, int day) {
		return new Placement(PartnerNumber.of(partner), PartnerNumber.of(parent), "binary", leg, day(day), null);
	}

	private static String parentOf(Placement placement) {
		return placement.parent().value();
	}

	private static PlacementRule left() {
		return new PlacementRule.ChosenLeg("binary", Leg.LEFT);
	}

	private static PlacementRule right() {
		return new PlacementRule.ChosenLeg("binary", Leg.RIGHT);
	}

	private static Instant day(int day) {
		return START.plusSeconds(86_400L * day);
	}

}
