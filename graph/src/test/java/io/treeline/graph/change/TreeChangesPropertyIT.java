package io.treeline.graph.change;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.treeline.graph.Genealogy;
import io.treeline.graph.GenealogyChangeRefused;
import io.treeline.graph.Leg;
import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Placement;
import io.treeline.graph.PlacementRule;
import io.treeline.graph.Relative;
import io.treeline.graph.Tree;
import io.treeline.graph.TreeChanges;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of enrolments (with and without binary placement), moves and
 * terminations against Neo4j, replayed into a brute-force model of edges with validity:
 * at every instant each partner has at most one parent per tree, no tree has a cycle, no
 * binary parent has two children on one side, placements follow outer-leg spillover, and
 * every upline and team size the genealogy answers equals the model's.
 */
@SpringBootTest
class TreeChangesPropertyIT {

	private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

	private static final String PLAN = "binary";

	@Autowired
	TreeChanges changes;

	@Autowired
	Genealogy genealogy;

	@Autowired
	OrganisationLoader loader;

	@Autowired
	Neo4jClient neo4j;

	@ParameterizedTest
	@ValueSource(longs = { 11, 22, 33, 44, 55, 66 })
	void randomHistoriesKeepTheInvariantsAndMatchABruteForceModel(long seed) {
		this.neo4j.query("MATCH (p:Partner) DETACH DELETE p").run();
		Random random = new Random(seed);
		Model model = new Model();
		this.loader.load(new Organisation(List.of(partner("R", T0)), List.of(), List.of()));
		model.partners.add("R");
		for (int step = 1; step <= 30; step++) {
			Instant at = T0.plusSeconds(3600L * 24 * step);
			int action = random.nextInt(10);
			List<String> working = model.working();
			if (action < 6 || working.size() < 3) {
				enrol(model, random, working, "N" + step, at);
			}
			else if (action < 9) {
				move(model, working.get(1 + random.nextInt(working.size() - 1)),
						working.get(random.nextInt(working.size())), at);
			}
			else {
				String leaving = working.get(1 + random.nextInt(working.size() - 1));
				this.changes.terminate(PartnerNumber.of(leaving), at);
				model.terminate(leaving, at);
			}
		}
		for (int step = 0; step <= 31; step++) {
			Instant at = T0.plusSeconds(3600L * 24 * step + 3600);
			model.assertInvariants(at);
			for (String number : model.partners) {
				assertThat(upline(number, Tree.SPONSOR, at)).as("sponsor upline of %s at %s", number, at)
					.isEqualTo(model.upline(model.sponsor, number, at));
				assertThat(upline(number, Tree.placement(PLAN), at)).as("placement upline of %s at %s", number, at)
					.isEqualTo(model.upline(model.placement, number, at));
				assertThat(this.genealogy.teamStats(PartnerNumber.of(number), Tree.SPONSOR, at).teamSize())
					.as("team of %s at %s", number, at)
					.isEqualTo(model.teamSize(model.sponsor, number, at));
			}
		}
	}

	private void enrol(Model model, Random random, List<String> working, String number, Instant at) {
		String sponsor = working.get(random.nextInt(working.size()));
		PlacementRule rule = switch (random.nextInt(3)) {
			case 0 -> null;
			case 1 -> new PlacementRule.ChosenLeg(PLAN, random.nextBoolean() ? Leg.LEFT : Leg.RIGHT);
			default -> new PlacementRule.WeakerLeg(PLAN);
		};
		Placement placement = this.changes.enrol(partner(number, at), PartnerNumber.of(sponsor), rule);
		model.partners.add(number);
		model.sponsor.add(new Edge(number, sponsor, null, at));
		if (rule != null) {
			String parent = placement.parent().value();
			assertThat(model.isOutermostFreeOnLeg(sponsor, parent, placement.leg(), at))
				.as("%s placed under %s on %s is the outermost free position below %s", number, parent, placement.leg(),
						sponsor)
				.isTrue();
			model.placement.add(new Edge(number, parent, placement.leg(), at));
		}
	}

	private void move(Model model, String partner, String newSponsor, Instant at) {
		boolean cycle = model.upline(model.sponsor, newSponsor, at).contains(partner) || partner.equals(newSponsor);
		try {
			this.changes.moveSponsor(PartnerNumber.of(partner), PartnerNumber.of(newSponsor), at);
			assertThat(cycle).as("move of %s under %s should have been refused", partner, newSponsor).isFalse();
			model.changeParent(model.sponsor, partner, newSponsor, at);
		}
		catch (GenealogyChangeRefused refused) {
			assertThat(refused.reason()).isEqualTo(GenealogyChangeRefused.Reason.CYCLE);
			assertThat(cycle).as("move of %s under %s was refused: %s", partner, newSponsor, refused.getMessage())
				.isTrue();
		}
	}

	private List<String> upline(String number, Tree tree, Instant at) {
		return this.genealogy.upline(PartnerNumber.of(number), tree, at)
			.stream()
			.map(Relative::partner)
			.map(PartnerNumber::value)
			.toList();
	}

	private static Partner partner(String number, Instant joined) {
		return new Partner(PartnerNumber.of(number), "Vor" + number, "Nach" + number, null, "Ort", "DE", "de",
				PartnerStatus.ACTIVE, joined);
	}

	/** An edge of the model: child under parent from an instant until it ends. */
	static final class Edge {

		final String child;

		final String parent;

		final Leg leg;

		final Instant from;

		Instant to;

		Edge(String child, String parent, Leg leg, Instant from) {
			this.child = child;
			this.parent = parent;
			this.leg = leg;
			this.from = from;
		}

		boolean validAt(Instant at) {
			return !this.from.isAfter(at) && (this.to == null || at.isBefore(this.to));
		}

	}

	/** The brute-force model: lists of edges, answered by scanning them. */
	static final class Model {

		final List<String> partners = new ArrayList<>();

		final List<String> terminated = new ArrayList<>();

		final List<Edge> sponsor = new ArrayList<>();

		final List<Edge> placement = new ArrayList<>();

		List<String> working() {
			return this.partners.stream().filter((p) -> !this.terminated.contains(p)).toList();
		}

		Edge parentEdge(List<Edge> edges, String child, Instant at) {
			Edge found = null;
			for (Edge edge : edges) {
				if (edge.child.equals(child) && edge.validAt(at)) {
					assertThat(found).as("%s has two parents at %s", child, at).isNull();
					found = edge;
				}
			}
			return found;
		}

		List<String> upline(List<Edge> edges, String child, Instant at) {
			List<String> upline = new ArrayList<>();
			for (Edge edge = parentEdge(edges, child, at); edge != null; edge = parentEdge(edges, edge.parent, at)) {
				assertThat(upline).as("cycle above %s at %s", child, at).doesNotContain(edge.parent);
				upline.add(edge.parent);
			}
			return upline;
		}

		int teamSize(List<Edge> edges, String top, Instant at) {
			return (int) this.partners.stream().filter((p) -> upline(edges, p, at).contains(top)).count();
		}

		boolean isOutermostFreeOnLeg(String sponsor, String parent, Leg leg, Instant at) {
			String node = sponsor;
			while (true) {
				String child = childOn(node, leg, at);
				if (child == null) {
					return node.equals(parent);
				}
				node = child;
			}
		}

		String childOn(String parent, Leg leg, Instant at) {
			return this.placement.stream()
				.filter((edge) -> edge.parent.equals(parent) && edge.leg == leg && edge.validAt(at))
				.map((edge) -> edge.child)
				.findFirst()
				.orElse(null);
		}

		void changeParent(List<Edge> edges, String child, String newParent, Instant at) {
			Edge current = parentEdge(edges, child, at);
			if (current != null) {
				current.to = at;
			}
			if (newParent != null) {
				edges.add(new Edge(child, newParent, null, at));
			}
		}

		void terminate(String leaving, Instant at) {
			Edge own = parentEdge(this.sponsor, leaving, at);
			String up = (own != null) ? own.parent : null;
			for (String child : new ArrayList<>(this.partners)) {
				Edge edge = parentEdge(this.sponsor, child, at);
				if (edge != null && edge.parent.equals(leaving)) {
					changeParent(this.sponsor, child, up, at);
				}
			}
			this.terminated.add(leaving);
		}

		void assertInvariants(Instant at) {
			Map<String, Integer> perSide = new HashMap<>();
			for (String partner : this.partners) {
				upline(this.sponsor, partner, at);
				upline(this.placement, partner, at);
				Edge placed = parentEdge(this.placement, partner, at);
				if (placed != null) {
					assertThat(perSide.merge(placed.parent + "/" + placed.leg, 1, Integer::sum))
						.as("two partners on %s of %s at %s", placed.leg, placed.parent, at)
						.isEqualTo(1);
				}
			}
		}

	}

}
