package io.treeline.graph.organisation;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import io.treeline.graph.Genealogy;
import io.treeline.graph.ImportResult;
import io.treeline.graph.Leg;
import io.treeline.graph.OrganisationImport;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.Partners;
import io.treeline.graph.Tree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

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

	@Autowired
	OrganisationImport organisationImport;

	@Autowired
	Partners partners;

	@Autowired
	Genealogy genealogy;

	@Autowired
	Neo4jClient neo4j;

	@BeforeEach
	void emptyGraph() {
		this.neo4j.query("MATCH (p:Partner) DETACH DELETE p").run();
	}

	@Test
	void importsPartnersAndTheirHistoryAndChangesNothingTheSecondTime() {
		ImportResult result = importCsv(PARTNERS, SPONSORSHIPS, PLACEMENTS);
		assertThat(result.problems()).isEmpty();
		assertThat(result).isEqualTo(new ImportResult(List.of(), 3, 3, 2));
		assertThat(this.partners.find(PartnerNumber.of("I-2")).orElseThrow().firstName()).isEqualTo("Jan, der Zweite");
		assertThat(this.genealogy.upline(PartnerNumber.of("I-3"), Tree.SPONSOR, Instant.parse("2026-01-15T00:00:00Z")))
			.extracting((r) -> r.partner().value())
			.containsExactly("I-2", "I-1");
		assertThat(this.genealogy
			.teamStats(PartnerNumber.of("I-1"), Tree.placement("binary"), Instant.parse("2026-03-01T00:00:00Z"))
			.sizeOf(Leg.RIGHT)).isEqualTo(1);
		assertThat(importCsv(PARTNERS, SPONSORSHIPS, PLACEMENTS).loaded()).isTrue();
		assertThat(this.partners.count(null)).isEqualTo(3);
		assertThat(edges()).isEqualTo(5);
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
		assertThat(result.problems()).extracting(Object::toString)
			.containsExactly("partners, line 3: firstName is empty",
					"partners, line 4: status must be one of PENDING_CONFIRMATION, ACTIVE, SUSPENDED, TERMINATED (got 'RETIRED')",
					"partners, line 5: joinedAt must be an ISO-8601 instant with offset, e.g. 2026-01-01T00:00:00Z (got '2026-01-01')",
					"sponsorships, line 2: no partner has the number I-4 (neither in the partners file nor in the genealogy)",
					"sponsorships, line 3: I-1 cannot sponsor itself");
		assertThat(this.partners.count(null)).isZero();
	}

	@Test
	void refusesOverlappingEdgesAndAMissingColumn() {
		String overlapping = """
				partner,sponsor,validFrom,validTo
				I-2,I-1,2026-01-02T00:00:00Z,
				I-3,I-1,2026-01-03T00:00:00Z,
				I-3,I-2,2026-01-10T00:00:00Z,
				""";
		assertThat(importCsv(PARTNERS, overlapping, null).problems()).extracting(Object::toString)
			.containsExactly(
					"sponsorships, line 4: overlaps the edge of line 3 for I-3; a partner has one parent at a time");
		assertThat(importCsv("number,firstName\nI-9,Ina\n", "partner,sponsor,validFrom,validTo\n", null).problems())
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
				""";
		assertThat(importCsv(PARTNERS, cyclic, twiceLeft).problems()).extracting(Object::toString)
			.containsExactlyInAnyOrder(
					"sponsorships, line 3: I-3 is below I-1 at 2026-01-05T00:00:00Z: the edge would make a cycle",
					"placements, line 3: the LEFT position under I-1 is taken by I-2 at 2026-01-03T00:00:00Z");
		assertThat(this.partners.count(null)).isZero();
	}

	private ImportResult importCsv(String partners, String sponsorships, String placements) {
		return this.organisationImport.importCsv(new StringReader(partners), new StringReader(sponsorships),
				(placements != null) ? new StringReader(placements) : null);
	}

	private long edges() {
		return this.neo4j.query("MATCH ()-[r]->() RETURN count(r) AS n")
			.fetchAs(Long.class)
			.mappedBy((t, r) -> r.get("n").asLong())
			.one()
			.orElseThrow();
	}

}
