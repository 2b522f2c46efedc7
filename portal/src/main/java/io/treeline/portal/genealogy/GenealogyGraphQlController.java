package io.treeline.portal.genealogy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.treeline.graph.DownlineOrder;
import io.treeline.graph.DownlinePage;
import io.treeline.graph.DownlineQuery;
import io.treeline.graph.Genealogy;
import io.treeline.graph.Leg;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Partners;
import io.treeline.graph.Relative;
import io.treeline.graph.TeamStats;
import io.treeline.graph.Tree;
import io.treeline.portal.api.Cursors;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * The genealogy queries of the GraphQL API ({@code genealogy.graphqls}): upline, downline
 * and team statistics as of an instant, answered from genealogy snapshots; the partners
 * of a page are read in one batch.
 */
@Controller
class GenealogyGraphQlController {

	private static final String UPLINE = "upline";

	private static final String DOWNLINE = "downline";

	private static final int MAX_TREE_NODES = 5_000;

	private final Genealogy genealogy;

	private final Partners partners;

	GenealogyGraphQlController(Genealogy genealogy, Partners partners, BatchLoaderRegistry batchLoaders) {
		this.genealogy = genealogy;
		this.partners = partners;
		batchLoaders.forTypePair(PartnerNumber.class, Partner.class)
			.withName("partnerByNumber")
			.registerMappedBatchLoader((numbers, environment) -> Mono.fromSupplier(() -> partners.find(numbers)));
	}

	@QueryMapping
	RelativeConnection upline(@Argument String number, @Argument Instant asOf, @Argument String plan,
			@Argument int first, @Argument String after) {
		requirePageSize(first);
		List<Relative> upline = this.genealogy.upline(PartnerNumber.of(number), tree(plan), instant(asOf));
		int start = (after != null) ? Cursors.numberIn(UPLINE, after) : 0;
		if (start < 0) {
			throw new IllegalArgumentException("'" + after + "' is not a cursor of this list");
		}
		List<RelativeConnection.Edge> edges = upline
			.subList(Math.min(start, upline.size()), Math.min(start + first, upline.size()))
			.stream()
			.map((relative) -> edge(relative, Cursors.of(UPLINE, Integer.toString(relative.level()))))
			.toList();
		return RelativeConnection.of(edges, start + first < upline.size(), start > 0, upline.size());
	}

	@QueryMapping
	RelativeConnection downline(@Argument String number, @Argument Instant asOf, @Argument String plan,
			@Argument int minLevel, @Argument Integer maxLevel, @Argument List<PartnerStatus> status,
			@Argument String search, @Argument DownlineOrder orderBy, @Argument int first, @Argument String after) {
		int start = (after != null) ? Cursors.numberIn(DOWNLINE, after) : -1;
		DownlinePage page = this.genealogy
			.downline(new DownlineQuery(PartnerNumber.of(number), tree(plan), instant(asOf), minLevel, maxLevel,
					(status != null) ? Set.copyOf(status) : Set.of(), search, orderBy, start, first));
		List<RelativeConnection.Edge> edges = page.entries()
			.stream()
			.map((entry) -> edge(entry.relative(), Cursors.of(DOWNLINE, Integer.toString(entry.position()))))
			.toList();
		return RelativeConnection.of(edges, page.hasNextPage(), start >= 0, page.totalCount());
	}

	@QueryMapping
	PlacementTree placementTree(@Argument String number, @Argument String plan, @Argument Instant asOf,
			@Argument int depth) {
		if (depth < 1 || depth > 6) {
			throw new IllegalArgumentException("depth must be between 1 and 6 (got " + depth + ")");
		}
		PartnerNumber root = PartnerNumber.of(number);
		// a binary tree of 6 levels has 126 partners, a wide matrix more: read them in
		// pages
		List<PlacementTree.Node> nodes = new ArrayList<>();
		int after = -1;
		DownlinePage page;
		do {
			page = this.genealogy
				.downline(new DownlineQuery(root, Tree.placement(plan), instant(asOf), 1, depth, after, 1000));
			for (DownlinePage.Entry entry : page.entries()) {
				nodes.add(new PlacementTree.Node(entry.relative().partner(), entry.parent().value(),
						entry.relative().level(), entry.relative().side()));
				after = entry.position();
			}
		}
		while (page.hasNextPage() && nodes.size() < MAX_TREE_NODES);
		return new PlacementTree(root, nodes);
	}

	@SchemaMapping(typeName = "PlacementTree")
	CompletableFuture<Partner> root(PlacementTree tree, DataLoader<PartnerNumber, Partner> partnerByNumber) {
		return partnerByNumber.load(tree.root());
	}

	@SchemaMapping(typeName = "PlacementNode")
	CompletableFuture<Partner> partner(PlacementTree.Node node, DataLoader<PartnerNumber, Partner> partnerByNumber) {
		return partnerByNumber.load(node.partner());
	}

	@QueryMapping
	TeamStats teamStats(@Argument String number, @Argument Instant asOf, @Argument String plan) {
		return this.genealogy.teamStats(PartnerNumber.of(number), tree(plan), instant(asOf));
	}

	/**
	 * The partners of a page of relatives, all in one look-up: one call per page, not one
	 * per edge; the graph module answers it from memory once the partners are kept.
	 */
	@BatchMapping(typeName = "RelativeEdge", field = "node")
	List<Partner> node(List<RelativeConnection.Edge> edges) {
		Map<PartnerNumber, Partner> found = this.partners
			.find(edges.stream().map(RelativeConnection.Edge::partner).toList());
		List<Partner> nodes = new ArrayList<>(edges.size());
		for (RelativeConnection.Edge edge : edges) {
			nodes.add(found.get(edge.partner()));
		}
		return nodes;
	}

	@SchemaMapping(typeName = "TeamStats")
	CompletableFuture<Partner> partner(TeamStats stats, DataLoader<PartnerNumber, Partner> partnerByNumber) {
		return partnerByNumber.load(stats.partner());
	}

	@SchemaMapping(typeName = "TeamStats")
	int legCount(TeamStats stats) {
		return stats.legs().count();
	}

	@SchemaMapping(typeName = "TeamStats")
	List<TeamStats.LegSize> legs(TeamStats stats, @Argument Integer first) {
		if (first == null) {
			return stats.legs().all();
		}
		if (first < 0) {
			throw new IllegalArgumentException("first must not be negative (got " + first + ")");
		}
		return stats.legs().largest(first);
	}

	@SchemaMapping(typeName = "TeamStats")
	int leftSize(TeamStats stats) {
		return stats.sizeOf(Leg.LEFT);
	}

	@SchemaMapping(typeName = "TeamStats")
	int rightSize(TeamStats stats) {
		return stats.sizeOf(Leg.RIGHT);
	}

	@SchemaMapping(typeName = "LegSize")
	CompletableFuture<Partner> child(TeamStats.LegSize leg, DataLoader<PartnerNumber, Partner> partnerByNumber) {
		return partnerByNumber.load(leg.child());
	}

	private static RelativeConnection.Edge edge(Relative relative, String cursor) {
		return new RelativeConnection.Edge(relative.partner(), relative.level(), relative.side(), cursor);
	}

	private static Tree tree(String plan) {
		return (plan == null || plan.isBlank()) ? Tree.SPONSOR : Tree.placement(plan);
	}

	private static Instant instant(Instant asOf) {
		return (asOf != null) ? asOf : Instant.now();
	}

	private static void requirePageSize(int first) {
		if (first < 1 || first > 1000) {
			throw new IllegalArgumentException("first must be between 1 and 1000 (got " + first + ")");
		}
	}

}
