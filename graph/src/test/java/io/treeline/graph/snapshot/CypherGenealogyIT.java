package io.treeline.graph.snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.treeline.graph.DownlinePage;
import io.treeline.graph.DownlineQuery;
import io.treeline.graph.Genealogy;
import io.treeline.graph.Leg;
import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.Relative;
import io.treeline.graph.Sponsorship;
import io.treeline.graph.TeamStats;
import io.treeline.graph.TestOrganisations;
import io.treeline.graph.Tree;
import io.treeline.graph.UnknownPartnerException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.neo4j.core.Neo4jClient;

import static io.treeline.graph.TestOrganisations.FEB_10;
import static io.treeline.graph.TestOrganisations.JAN_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class CypherGenealogyIT {

	@Autowired
	Genealogy genealogy;

	@Autowired
	OrganisationLoader loader;

	@Autowired
	Neo4jClient neo4j;

	@BeforeEach
	void emptyGraph() {
		this.neo4j.query("MATCH (p:Partner) CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF 10000 ROWS").run();
		this.loader.load(new Organisation(List.of(), List.of(), List.of()));
	}

	@Test
	void answersTheTreeAsItWasBeforeAndAfterAMove() {
		this.loader.load(TestOrganisations.h1());
		PartnerNumber c = PartnerNumber.of("T-C");
		assertThat(numbers(this.genealogy.upline(c, Tree.SPONSOR, FEB_10.minusSeconds(1)))).containsExactly("T-B",
				"T-A");
		assertThat(numbers(this.genealogy.upline(c, Tree.SPONSOR, FEB_10))).containsExactly("T-D", "T-A");
		assertThat(numbers(this.genealogy.children(PartnerNumber.of("T-B"), Tree.SPONSOR, FEB_10.minusSeconds(1))))
			.containsExactly("T-C");
		assertThat(this.genealogy.children(PartnerNumber.of("T-B"), Tree.SPONSOR, FEB_10)).isEmpty();
		assertThat(numbers(this.genealogy.children(PartnerNumber.of("T-D"), Tree.SPONSOR, FEB_10)))
			.containsExactly("T-C");
		assertThat(this.genealogy.children(PartnerNumber.of("T-A"), Tree.placement("binary"), FEB_10))
			.containsExactly(new Relative(PartnerNumber.of("T-B"), 1, Leg.LEFT));
		assertThat(this.genealogy.teamStats(PartnerNumber.of("T-B"), Tree.SPONSOR, JAN_1).teamSize()).isEqualTo(1);
		assertThat(this.genealogy.teamStats(PartnerNumber.of("T-B"), Tree.SPONSOR, FEB_10).teamSize()).isZero();
		TeamStats binary = this.genealogy.teamStats(PartnerNumber.of("T-A"), Tree.placement("binary"), FEB_10);
		assertThat(binary.sizeOf(Leg.LEFT)).isEqualTo(1);
		assertThat(binary.sizeOf(Leg.RIGHT)).isZero();
	}

	@Test
	void seesAChangeAsSoonAsItIsCommitted() {
		this.loader.load(TestOrganisations.h1());
		Instant later = Instant.parse("2026-05-01T00:00:00Z");
		assertThat(this.genealogy.teamStats(PartnerNumber.of("T-A"), Tree.SPONSOR, later).teamSize()).isEqualTo(3);
		this.loader.load(new Organisation(List.of(TestOrganisations.partner("T-E", "Erik", "Eder", "Essen")),
				List.of(TestOrganisations.sponsorship("T-E", "T-C", Instant.parse("2026-04-01T00:00:00Z"), null)),
				List.of()));
		assertThat(this.genealogy.teamStats(PartnerNumber.of("T-A"), Tree.SPONSOR, later).teamSize()).isEqualTo(4);
		assertThat(this.genealogy.teamStats(PartnerNumber.of("T-A"), Tree.SPONSOR, FEB_10).teamSize()).isEqualTo(3);
	}

	@Test
	void refusesAnUnknownPartner() {
		assertThatExceptionOfType(UnknownPartnerException.class)
			.isThrownBy(() -> this.genealogy.teamStats(PartnerNumber.of("T-X"), Tree.SPONSOR, JAN_1))
			.withMessage("No partner has the number T-X");
	}

	@Test
	void answersForAChainOfAHundredThousandLevels() {
		int depth = 100_000;
		List<Partner> partners = new ArrayList<>(depth);
		List<Sponsorship> edges = new ArrayList<>(depth);
		for (int i = 0; i < depth; i++) {
			partners.add(TestOrganisations.partner(chain(i), "Kette", "Glied " + i, "Tief"));
			if (i > 0) {
				edges.add(TestOrganisations.sponsorship(chain(i), chain(i - 1), JAN_1, null));
			}
		}
		this.loader.load(new Organisation(partners, edges, List.of()));
		List<Relative> upline = this.genealogy.upline(PartnerNumber.of(chain(depth - 1)), Tree.SPONSOR, FEB_10);
		assertThat(upline).hasSize(depth - 1);
		assertThat(upline.get(upline.size() - 1)).isEqualTo(new Relative(PartnerNumber.of(chain(0)), depth - 1, null));
		DownlinePage all = this.genealogy
			.downline(new DownlineQuery(PartnerNumber.of(chain(0)), Tree.SPONSOR, FEB_10, 1, null, -1, 1000));
		assertThat(all.totalCount()).isEqualTo(depth - 1);
		assertThat(all.entries()).hasSize(1000);
		assertThat(all.hasNextPage()).isTrue();
		DownlinePage deep = this.genealogy
			.downline(new DownlineQuery(PartnerNumber.of(chain(0)), Tree.SPONSOR, FEB_10, 90_000, 90_002, -1, 10));
		assertThat(deep.entries()).extracting((e) -> e.relative().level()).containsExactly(90_000, 90_001, 90_002);
		assertThat(deep.hasNextPage()).isFalse();
		TeamStats root = this.genealogy.teamStats(PartnerNumber.of(chain(0)), Tree.SPONSOR, FEB_10);
		assertThat(root.teamSize()).isEqualTo(depth - 1);
		assertThat(root.depth()).isEqualTo(depth - 1);
		assertThat(root.activeCount()).isEqualTo(depth - 1);
		assertThat(this.genealogy.teamStats(PartnerNumber.of(chain(depth / 2)), Tree.SPONSOR, FEB_10).teamSize())
			.isEqualTo(depth - depth / 2 - 1);
	}

	/**
	 * Once the team blocks are prepared, questions about the root of a large tree as of
	 * any date are answered from them, as the walk answered them before, also for dates
	 * after a later change.
	 */
	@Test
	void answersFromTheTeamBlocksAsTheWalkDid() {
		int size = 2_000;
		Instant march = Instant.parse("2026-03-01T00:00:00Z");
		Instant april = Instant.parse("2026-04-01T00:00:00Z");
		List<Partner> partners = new ArrayList<>();
		List<Sponsorship> edges = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			partners.add(TestOrganisations.partner(chain(i), "Kette", "Glied " + i, "Tief"));
			if (i > 0) {
				edges.add(TestOrganisations.sponsorship(chain(i), chain(i - 1), JAN_1, null));
			}
		}
		partners.add(TestOrganisations.partner("T-M", "Mona", "Mover", "Mainz"));
		edges.add(TestOrganisations.sponsorship("T-M", chain(10), JAN_1, march));
		edges.add(TestOrganisations.sponsorship("T-M", chain(1_500), march, null));
		this.loader.load(new Organisation(partners, edges, List.of()));
		PartnerNumber root = PartnerNumber.of(chain(0));
		TeamStats february = this.genealogy.teamStats(root, Tree.SPONSOR, FEB_10);
		TeamStats inApril = this.genealogy.teamStats(root, Tree.SPONSOR, april);
		assertThat(february.teamSize()).isEqualTo(size);
		assertThat(february.depth()).isEqualTo(size - 1);
		assertThat(february.legs().all())
			.containsExactly(new TeamStats.LegSize(PartnerNumber.of(chain(1)), null, size));
		this.genealogy.prepareTeamStats(Tree.SPONSOR);
		assertThat(this.genealogy.teamStats(root, Tree.SPONSOR, FEB_10)).isEqualTo(february);
		assertThat(this.genealogy.teamStats(root, Tree.SPONSOR, april)).isEqualTo(inApril);
		this.loader.load(new Organisation(List.of(TestOrganisations.partner("T-N", "Nora", "Neu", "Neuss")),
				List.of(TestOrganisations.sponsorship("T-N", chain(size - 1), april, null)), List.of()));
		assertThat(this.genealogy.teamStats(root, Tree.SPONSOR, FEB_10)).isEqualTo(february);
		TeamStats may = this.genealogy.teamStats(root, Tree.SPONSOR, april.plusSeconds(86_400 * 30));
		assertThat(may.teamSize()).isEqualTo(size + 1);
		assertThat(may.depth()).isEqualTo(size);
	}

	private static String chain(int i) {
		return "K-%06d".formatted(i);
	}

	private static List<String> numbers(List<Relative> relatives) {
		return relatives.stream().map((r) -> r.partner().value()).toList();
	}

}
