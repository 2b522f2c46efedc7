package io.treeline.graph.organisation;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.treeline.graph.Genealogy;
import io.treeline.graph.ImportResult;
import io.treeline.graph.Leg;
import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationImport;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Partners;
import io.treeline.graph.Placement;
import io.treeline.graph.PlacementPlans;
import io.treeline.graph.Sponsorship;
import io.treeline.graph.Tree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The CSV import against the embedded Neo4j. The graph tests close the periods until
 * 2025-12-31T23:00:00Z (test application.properties).
 */
@SpringBootTest
class CsvOrganisationImportIT {

	private static final String PARTNERS = """
			number,firstName,lastName,email,city,country,language,status,joinedAt
			I-1,Ida,Imhof,ida@example.com,Ulm,DE,de,ACTIVE,2026-01-01T00:00:00Z
			I-2,"Jan, der Zweite",Jansen,,Kiel,DE,de,ACTIVE,2026-01-02T00:00:00+01:00
			I-3,Kai,Krämer,,Wien,AT,de,SUSPENDED,2026-01-03T00:00:00Z
			""";

	private static final String SPONSORSHIPS = """
			partner,sponsor,validFrom,validTo
			I-2,I-1,2026-01-02T00:00:00+01:00,
			I-3,I-2,2026-01-03T00:00:00Z,2026-02-01T00:00:00Z
			I-3,I-1,2026-02-01T00:00:00Z,
			""";

	private static final String PLACEMENTS = """
			partner,parent,plan,position,validFrom,validTo
			I-2,I-1,binary,LEFT,2026-01-02T00:00:00+01:00,
			I-3,I-1,binary,right,2026-01-03T00:00:00Z,
			""";

	private static final String PARTNERS_HEADER = "number,firstName,lastName,email,city,country,language,status,joinedAt\n";

	private static final String SPONSORSHIPS_HEADER = "partner,sponsor,validFrom,validTo\n";

	private static final String PLACEMENTS_HEADER = "partner,parent,plan,position,validFrom,validTo\n";

	private static final PlacementPlans PLANS = new PlacementPlans(Set.of("binary"), Map.of("m2", 2));

	@Autowired
	OrganisationImport organisationImport;

	@Autowired
	Partners partners;

	@Autowired
	Genealogy genealogy;

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	OrganisationLoader loader;

	@BeforeEach
	void emptyGraph() {
		this.neo4j.query("MATCH (p:Partner) DETACH DELETE p").run();
	}

	@Test
	void importsPartnersAndTheirHistoryAndChangesNothingTheSecondTime() {
		ImportResult result = importCsv("\uFEFF" + PARTNERS, SPONSORSHIPS, PLACEMENTS);
		assertThat(result.problems()).isEmpty();
		assertThat(result).isEqualTo(ImportResult.loaded(3, 3, 2));
		assertThat(this.partners.find(PartnerNumber.of("I-2")).orElseThrow().firstName()).isEqualTo("Jan, der Zweite");
		assertThat(this.genealogy.upline(PartnerNumber.of("I-3"), Tree.SPONSOR, Instant.parse("2026-01-15T00:00:00Z")))
			.extracting((r) -> r.partner().value())
			.containsExactly("I-2", "I-1");
		assertThat(this.genealogy
			.teamStats(PartnerNumber.of("I-1"), Tree.placement("binary"), Instant.parse("2026-03-01T00:00:00Z"))
			.sizeOf(Leg.RIGHT)).isEqualTo(1);
		assertThat(importCsv(PARTNERS, SPONSORSHIPS, PLACEMENTS, PLANS).loaded()).isTrue();
		assertThat(this.partners.count(null)).isEqualTo(3);
		assertThat(edges()).isEqualTo(5);
	}

	@Test
	void completesAnInterruptedImportWithoutCreatingAnythingTwice() {
		// what an import that failed after its first commits left: two partners, one edge
		// of each tree
		this.loader.add(new Organisation(
				List.of(partner("I-1", "Ida", "Imhof", "ida@example.com", "Ulm", "2026-01-01"),
						partner("I-2", "Jan, der Zweite", "Jansen", null, "Kiel", "2026-01-01T23:00:00Z")),
				List.of(new Sponsorship(PartnerNumber.of("I-2"), PartnerNumber.of("I-1"),
						Instant.parse("2026-01-01T23:00:00Z"), null)),
				List.of(new Placement(PartnerNumber.of("I-2"), PartnerNumber.of("I-1"), "binary", Leg.LEFT,
						Instant.parse("2026-01-01T23:00:00Z"), null))));
		assertThat(importCsv(PARTNERS, SPONSORSHIPS, PLACEMENTS, PLANS).problems()).isEmpty();
		assertThat(this.partners.count(null)).isEqualTo(3);
		assertThat(edges()).isEqualTo(5);
		assertThat(edgesOf("I-2")).isEqualTo(2);
		assertThat(this.genealogy.upline(PartnerNumber.of("I-3"), Tree.SPONSOR, Instant.parse("2026-03-01T00:00:00Z")))
			.extracting((r) -> r.partner().value())
			.containsExactly("I-1");
		assertThat(importCsv(PARTNERS, SPONSORSHIPS, PLACEMENTS, PLANS).loaded()).isTrue();
		assertThat(this.partners.count(null)).isEqualTo(3);
		assertThat(edges()).isEqualTo(5);
	}

	@Test
	void addsNewPartnersAndEdgesBesideTheStoredOnes() {
		importOrganisation();
		String partners = PARTNERS + "I-4,Lea,Lang,,Graz,AT,de,ACTIVE,2026-03-01T00:00:00Z\n";
		String sponsorships = SPONSORSHIPS + "I-4,I-3,2026-03-01T00:00:00Z,\n";
		String placements = PLACEMENTS + "I-4,I-2,binary,RIGHT,2026-03-01T00:00:00Z,\n";
		assertThat(importCsv(partners, sponsorships, placements, PLANS).problems()).isEmpty();
		assertThat(this.partners.count(null)).isEqualTo(4);
		assertThat(edges()).isEqualTo(7);
		assertThat(this.partners.find(PartnerNumber.of("I-4")).orElseThrow().city()).isEqualTo("Graz");
		assertThat(this.genealogy.upline(PartnerNumber.of("I-4"), Tree.SPONSOR, Instant.parse("2026-03-02T00:00:00Z")))
			.extracting((r) -> r.partner().value())
			.containsExactly("I-3", "I-1");
		assertThat(this.genealogy.upline(PartnerNumber.of("I-4"), Tree.placement("binary"),
				Instant.parse("2026-03-02T00:00:00Z")))
			.extracting((r) -> r.partner().value())
			.containsExactly("I-2", "I-1");
		assertThat(importCsv(partners, sponsorships, placements, PLANS).loaded()).isTrue();
		assertThat(this.partners.count(null)).isEqualTo(4);
		assertThat(edges()).isEqualTo(7);
	}

	@Test
	void addingAStoredPartnerOrAnEdgeOfAMissingPartnerFailsAndLeavesTheChunkOut() {
		importOrganisation();
		Partner stored = partner("I-1", "Ida", "Imhof", "ida@example.com", "Ulm", "2026-01-01");
		assertThatException().isThrownBy(() -> this.loader.add(new Organisation(List.of(stored), List.of(), List.of())))
			.withMessageContaining("I-1");
		Sponsorship ofNobody = new Sponsorship(PartnerNumber.of("I-9"), PartnerNumber.of("I-1"),
				Instant.parse("2026-03-01T00:00:00Z"), null);
		Sponsorship fine = new Sponsorship(PartnerNumber.of("I-2"), PartnerNumber.of("I-3"),
				Instant.parse("2027-01-01T00:00:00Z"), null);
		assertThatException()
			.isThrownBy(() -> this.loader.add(new Organisation(List.of(), List.of(fine, ofNobody), List.of())))
			.withMessageContaining("Edges name partners the genealogy does not hold: [I-9]");
		assertThatNothingWasImported();
	}

	@Test
	void reportsEveryProblemWithItsLineAndImportsNothing() {
		String partners = """
				number,firstName,lastName,email,city,country,language,status,joinedAt
				I-1,Ida,Imhof,,Ulm,DE,de,ACTIVE,2026-01-01T00:00:00Z
				I-2,,Jansen,,Kiel,DE,de,ACTIVE,2026-01-02T00:00:00Z
				I-3,Kai,Krämer,,Wien,AT,de,RETIRED,2026-01-03T00:00:00Z
				I-1,Ida,Imhof,,Ulm,DE,de,ACTIVE,2026-01-01
				""";
		String sponsorships = """
				partner,sponsor,validFrom,validTo
				I-4,I-1,2026-01-02T00:00:00Z,
				I-1,I-1,2026-01-02T00:00:00Z,
				""";
		ImportResult result = importCsv(partners, sponsorships, null);
		assertThat(result.loaded()).isFalse();
		assertThat(result.problemCount()).isEqualTo(5);
		assertThat(result.problems()).extracting(Object::toString)
			.containsExactly("partners, line 3: firstName is empty",
					"partners, line 4: status must be one of PENDING_CONFIRMATION, ACTIVE, SUSPENDED, TERMINATED (got 'RETIRED')",
					"partners, line 5: joinedAt must be an ISO-8601 instant with offset, e.g. 2026-01-01T00:00:00Z (got '2026-01-01')",
					"sponsorships, line 2: no partner has the number I-4 (neither in the partners file nor in the genealogy)",
					"sponsorships, line 3: I-1 cannot sponsor itself");
		assertThat(this.partners.count(null)).isZero();
	}

	@Test
	void listsTheFirst200ProblemsAndCountsThemAll() {
		StringBuilder sponsorships = new StringBuilder(SPONSORSHIPS_HEADER);
		for (int i = 0; i < 250; i++) {
			sponsorships.append("X-").append(i).append(",I-1,2026-01-02T00:00:00Z,\n");
		}
		ImportResult result = importCsv(PARTNERS, sponsorships.toString(), null);
		assertThat(result.problemCount()).isEqualTo(250);
		assertThat(result.problems()).hasSize(CsvOrganisationImport.MAX_PROBLEMS);
		assertThat(result.problems().get(0).line()).isEqualTo(2);
		assertThat(this.partners.count(null)).isZero();
	}

	@Test
	void refusesOverlappingEdgesAndAMissingColumn() {
		String overlapping = """
				partner,sponsor,validFrom,validTo
				I-2,I-1,2026-01-02T00:00:00Z,
				I-3,I-1,2026-01-03T00:00:00Z,2026-03-01T00:00:00Z
				I-3,I-2,2026-01-10T00:00:00Z,2026-01-20T00:00:00Z
				I-3,I-2,2026-02-01T00:00:00Z,
				""";
		assertThat(importCsv(PARTNERS, overlapping, null).problems()).extracting(Object::toString)
			.containsExactly(
					"sponsorships, line 4: overlaps the edge of line 3 for I-3; a partner has one parent at a time",
					"sponsorships, line 5: overlaps the edge of line 3 for I-3; a partner has one parent at a time");
		assertThat(importCsv("number,firstName\nI-9,Ina\n", SPONSORSHIPS_HEADER, null).problems())
			.extracting(Object::toString)
			.containsExactly("partners, line 1: the header lacks the columns lastName, email, city, country, language, "
					+ "status, joinedAt");
		assertThat(this.partners.count(null)).isZero();
	}

	@Test
	void refusesEdgesThatMakeACycleOrFillABinaryPositionTwice() {
		String cyclic = """
				partner,sponsor,validFrom,validTo
				I-2,I-1,2026-01-02T00:00:00Z,
				I-1,I-3,2026-01-05T00:00:00Z,
				I-3,I-2,2026-01-04T00:00:00Z,
				""";
		String twiceLeft = """
				partner,parent,plan,position,validFrom,validTo
				I-2,I-1,binary,LEFT,2026-01-02T00:00:00Z,
				I-3,I-1,binary,LEFT,2026-01-03T00:00:00Z,
				I-1,I-1,binary,RIGHT,2026-01-03T00:00:00Z,
				""";
		assertThat(importCsv(PARTNERS, cyclic, twiceLeft).problems()).extracting(Object::toString)
			.containsExactly("placements, line 3: the LEFT position under I-1 is taken by I-2 at 2026-01-03T00:00:00Z",
					"placements, line 4: I-1 cannot be placed under itself",
					"sponsorships, line 3: I-3 is below I-1 at 2026-01-05T00:00:00Z: the edge would make a cycle");
		assertThat(this.partners.count(null)).isZero();
	}

	@Test
	void refusesAPositionTheGenealogyHoldsAtThatInstantButTakesAFreeOne() {
		importOrganisation();
		String newcomers = PARTNERS_HEADER + """
				N-1,Nina,Neu,,Ulm,DE,de,ACTIVE,2026-03-01T00:00:00Z
				N-2,Nils,Neu,,Ulm,DE,de,ACTIVE,2026-01-01T00:00:00Z
				N-3,Nora,Neu,,Ulm,DE,de,ACTIVE,2026-03-01T00:00:00Z
				""";
		String sponsorships = SPONSORSHIPS_HEADER + """
				N-1,I-1,2026-03-01T00:00:00Z,
				N-2,I-1,2026-01-01T00:00:00Z,
				N-3,I-2,2026-03-01T00:00:00Z,
				""";
		String placements = PLACEMENTS_HEADER + """
				N-1,I-1,binary,LEFT,2026-03-01T00:00:00Z,
				N-2,I-1,binary,LEFT,2026-01-01T00:00:00Z,
				N-3,I-2,binary,LEFT,2026-03-01T00:00:00Z,
				""";
		assertThat(importCsv(newcomers, sponsorships, placements, PLANS).problems()).extracting(Object::toString)
			.containsExactly(
					"placements, line 2: the LEFT position under I-1 is taken by I-2 at 2026-03-01T00:00:00Z (in the genealogy)",
					"placements, line 3: the genealogy places I-2 in the LEFT position under I-1 at "
							+ "2026-01-01T23:00:00Z, while this edge holds it");
		assertThatNothingWasImported();
		String free = PLACEMENTS_HEADER + "N-3,I-2,binary,LEFT,2026-03-01T00:00:00Z,\n";
		assertThat(importCsv(PARTNERS_HEADER + "N-3,Nora,Neu,,Ulm,DE,de,ACTIVE,2026-03-01T00:00:00Z\n",
				SPONSORSHIPS_HEADER + "N-3,I-2,2026-03-01T00:00:00Z,\n", free, PLANS)
			.problems()).isEmpty();
		assertThat(this.genealogy
			.teamStats(PartnerNumber.of("I-2"), Tree.placement("binary"), Instant.parse("2026-03-02T00:00:00Z"))
			.sizeOf(Leg.LEFT)).isEqualTo(1);
	}

	@Test
	void refusesAMatrixParentOverItsWidthInTheFileAndWithTheGenealogy() {
		importOrganisation();
		assertThat(importCsv(PARTNERS_HEADER, SPONSORSHIPS_HEADER,
				PLACEMENTS_HEADER + "I-2,I-1,m2,,2026-01-05T00:00:00Z,\n", PLANS)
			.problems()).isEmpty();
		String newcomers = PARTNERS_HEADER + """
				N-1,Nina,Neu,,Ulm,DE,de,ACTIVE,2026-02-01T00:00:00Z
				N-2,Nils,Neu,,Ulm,DE,de,ACTIVE,2026-02-02T00:00:00Z
				N-3,Nora,Neu,,Ulm,DE,de,ACTIVE,2026-02-03T00:00:00Z
				N-4,Nick,Neu,,Ulm,DE,de,ACTIVE,2026-02-04T00:00:00Z
				N-5,Nele,Neu,,Ulm,DE,de,ACTIVE,2026-02-05T00:00:00Z
				""";
		String sponsorships = SPONSORSHIPS_HEADER + """
				N-1,I-1,2026-02-01T00:00:00Z,
				N-2,I-1,2026-02-02T00:00:00Z,
				N-3,N-1,2026-02-03T00:00:00Z,
				N-4,N-1,2026-02-04T00:00:00Z,
				N-5,N-1,2026-02-05T00:00:00Z,
				""";
		String placements = PLACEMENTS_HEADER + """
				N-1,I-1,m2,,2026-02-01T00:00:00Z,
				N-2,I-1,m2,,2026-02-02T00:00:00Z,
				N-3,N-1,m2,,2026-02-03T00:00:00Z,
				N-4,N-1,m2,,2026-02-04T00:00:00Z,
				N-5,N-1,m2,,2026-02-05T00:00:00Z,
				""";
		assertThat(importCsv(newcomers, sponsorships, placements, PLANS).problems()).extracting(Object::toString)
			.containsExactly(
					"placements, line 3: I-1 has 2 partners under it at 2026-02-02T00:00:00Z already, the width of the matrix",
					"placements, line 6: N-1 has 2 partners under it at 2026-02-05T00:00:00Z already, the width of the matrix");
		assertThat(this.partners.find(PartnerNumber.of("N-1"))).isEmpty();
		assertThat(edges()).isEqualTo(6);
	}

	@Test
	void refusesPlacementsThatDoNotFitThePlans() {
		String placements = PLACEMENTS_HEADER + """
				I-2,I-1,binray,LEFT,2026-01-02T00:00:00Z,
				I-2,I-1,binary,,2026-01-02T00:00:00Z,
				I-2,I-1,m2,RIGHT,2026-01-02T00:00:00Z,
				""";
		assertThat(importCsv(PARTNERS, SPONSORSHIPS, placements, PLANS).problems()).extracting(Object::toString)
			.containsExactly("placements, line 2: no binary or matrix plan is named 'binray'",
					"placements, line 3: position must be LEFT or RIGHT in the binary plan binary",
					"placements, line 4: position must be empty in the matrix plan m2");
		assertThat(this.partners.count(null)).isZero();
	}

	@Test
	void refusesASponsorEdgeThatMakesACycleWithTheGenealogy() {
		importOrganisation();
		String newcomer = PARTNERS_HEADER + "N-1,Nina,Neu,,Ulm,DE,de,ACTIVE,2026-01-10T00:00:00Z\n";
		String throughTheNewcomer = SPONSORSHIPS_HEADER + """
				N-1,I-3,2026-03-01T00:00:00Z,
				I-1,N-1,2026-03-01T00:00:00Z,
				""";
		assertThat(importCsv(newcomer, throughTheNewcomer, null, PLANS).problems()).extracting(Object::toString)
			.containsExactly(
					"sponsorships, line 3: N-1 is below I-1 at 2026-03-01T00:00:00Z: the edge would make a cycle");
		String later = PARTNERS_HEADER + """
				S-1,Sara,Spät,,Ulm,DE,de,ACTIVE,2026-01-10T00:00:00Z
				S-2,Sven,Spät,,Ulm,DE,de,ACTIVE,2026-01-10T00:00:00Z
				""";
		assertThat(importCsv(later, SPONSORSHIPS_HEADER + "S-2,S-1,2026-03-01T00:00:00Z,\n", null, PLANS).problems())
			.isEmpty();
		String beforeTheGenealogysEdge = SPONSORSHIPS_HEADER + """
				S-1,N-1,2026-02-01T00:00:00Z,
				N-1,S-2,2026-02-01T00:00:00Z,
				""";
		assertThat(importCsv(newcomer, beforeTheGenealogysEdge, null, PLANS).problems()).extracting(Object::toString)
			.containsExactly("sponsorships, line 2: with the edge from S-2 to S-1 in the genealogy from "
					+ "2026-03-01T00:00:00Z this edge would make a cycle");
		assertThat(this.partners.find(PartnerNumber.of("N-1"))).isEmpty();
		assertThat(this.partners.count(null)).isEqualTo(5);
		assertThat(edges()).isEqualTo(6);
	}

	@Test
	void refusesWhatContradictsTheGenealogyAndTakesTheSameAgain() {
		importOrganisation();
		String changedPartner = PARTNERS.replace("I-3,Kai,Krämer,,Wien", "I-3,Kai,Kramer,kai@example.com,Wien");
		String changedEdges = """
				partner,sponsor,validFrom,validTo
				I-2,I-1,2026-01-02T00:00:00+01:00,2026-04-01T00:00:00Z
				I-3,I-2,2026-01-03T00:00:00Z,2026-02-01T00:00:00Z
				I-3,I-1,2026-02-01T00:00:00Z,
				I-2,I-3,2026-03-01T00:00:00Z,
				""";
		String changedSide = PLACEMENTS.replace("I-3,I-1,binary,right", "I-3,I-1,binary,LEFT");
		assertThat(importCsv(changedPartner, changedEdges, changedSide, PLANS).problems()).extracting(Object::toString)
			.containsExactly("partners, line 4: I-3 is in the genealogy already with lastName 'Krämer' (the file: "
					+ "'Kramer'), email empty (the file: 'kai@example.com'); an import adds partners, it never changes them",
					"placements, line 3: the genealogy holds this edge of I-3 in binary already, on the side RIGHT "
							+ "(the file: LEFT); an import adds edges, it never changes them",
					"sponsorships, line 2: the genealogy holds this edge of I-2 already, until open (the file: "
							+ "2026-04-01T00:00:00Z); an import adds edges, it never changes them",
					"sponsorships, line 5: overlaps its edge to I-1 in the genealogy (from 2026-01-01T23:00:00Z until "
							+ "open) for I-2; a partner has one parent at a time");
		assertThatNothingWasImported();
		assertThat(importCsv(PARTNERS, SPONSORSHIPS, PLACEMENTS, PLANS).loaded()).isTrue();
		assertThatNothingWasImported();
	}

	@Test
	void addsATreeForPartnersOfTheGenealogyWhenItFits() {
		importOrganisation();
		String matrix = PLACEMENTS_HEADER + """
				I-2,I-1,m2,,2026-03-01T00:00:00Z,
				I-3,I-2,m2,,2026-03-01T00:00:00Z,
				""";
		assertThat(importCsv(PARTNERS_HEADER, SPONSORSHIPS_HEADER, matrix, PLANS).problems()).isEmpty();
		assertThat(this.genealogy.upline(PartnerNumber.of("I-3"), Tree.placement("m2"),
				Instant.parse("2026-03-02T00:00:00Z")))
			.extracting((r) -> r.partner().value())
			.containsExactly("I-2", "I-1");
		String cyclic = PLACEMENTS_HEADER + "I-1,I-3,m2,,2026-04-01T00:00:00Z,\n";
		assertThat(importCsv(PARTNERS_HEADER, SPONSORSHIPS_HEADER, cyclic, PLANS).problems())
			.extracting(Object::toString)
			.containsExactly(
					"placements, line 2: I-3 is below I-1 at 2026-04-01T00:00:00Z: the edge would make a cycle");
	}

	@Test
	void refusesNewEdgesInAClosedPeriod() {
		String partners = PARTNERS_HEADER + "N-1,Nina,Neu,,Ulm,DE,de,ACTIVE,2025-12-01T00:00:00Z\n"
				+ "N-2,Nils,Neu,,Ulm,DE,de,ACTIVE,2025-12-01T00:00:00Z\n";
		String sponsorships = SPONSORSHIPS_HEADER + "N-2,N-1,2025-12-01T00:00:00Z,\n";
		assertThat(importCsv(partners, sponsorships, null, PLANS).problems()).extracting(Object::toString)
			.containsExactly("sponsorships, line 2: starts at 2025-12-01T00:00:00Z, before the end of the last closed "
					+ "period (2025-12-31T23:00:00Z); closed periods never change");
		assertThat(this.partners.count(null)).isZero();
	}

	private void importOrganisation() {
		assertThat(importCsv(PARTNERS, SPONSORSHIPS, PLACEMENTS, PLANS).problems()).isEmpty();
	}

	private void assertThatNothingWasImported() {
		assertThat(this.partners.count(null)).isEqualTo(3);
		assertThat(edges()).isEqualTo(5);
		assertThat(this.partners.find(PartnerNumber.of("I-3")).orElseThrow().lastName()).isEqualTo("Krämer");
	}

	private ImportResult importCsv(String partners, String sponsorships, String placements) {
		return this.organisationImport.importCsv(new StringReader(partners), new StringReader(sponsorships),
				(placements != null) ? new StringReader(placements) : null);
	}

	private ImportResult importCsv(String partners, String sponsorships, String placements, PlacementPlans plans) {
		return this.organisationImport.importCsv(new StringReader(partners), new StringReader(sponsorships),
				(placements != null) ? new StringReader(placements) : null, plans);
	}

	private static Partner partner(String number, String firstName, String lastName, String email, String city,
			String joined) {
		Instant joinedAt = joined.contains("T") ? Instant.parse(joined) : Instant.parse(joined + "T00:00:00Z");
		return new Partner(PartnerNumber.of(number), firstName, lastName, email, city, "DE", "de", PartnerStatus.ACTIVE,
				joinedAt);
	}

	private long edgesOf(String partner) {
		return this.neo4j.query("MATCH (:Partner {number: $number})-[r]->() RETURN count(r) AS n")
			.bind(partner)
			.to("number")
			.fetchAs(Long.class)
			.mappedBy((t, r) -> r.get("n").asLong())
			.one()
			.orElseThrow();
	}

	private long edges() {
		return this.neo4j.query("MATCH ()-[r]->() RETURN count(r) AS n")
			.fetchAs(Long.class)
			.mappedBy((t, r) -> r.get("n").asLong())
			.one()
			.orElseThrow();
	}

}
