package io.treeline.graph.change;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.treeline.cypher.CypherStatements;
import io.treeline.graph.ClosedPeriods;
import io.treeline.graph.Genealogy;
import io.treeline.graph.GenealogyChangeRefused;
import io.treeline.graph.GenealogyChangeRefused.Reason;
import io.treeline.graph.GenealogyChanged;
import io.treeline.graph.GenealogySnapshot;
import io.treeline.graph.HoldingTanks;
import io.treeline.graph.Leg;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Partners;
import io.treeline.graph.Placement;
import io.treeline.graph.PlacementRule;
import io.treeline.graph.Relative;
import io.treeline.graph.TreeChanges;
import io.treeline.graph.WaitingPartner;
import io.treeline.graph.Tree;
import io.treeline.graph.partner.PartnerNodes;
import io.treeline.graph.store.GraphStoreConfiguration;
import io.treeline.graph.store.GraphTransactional;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link TreeChanges} in Neo4j. Rules that need the tree (cycles, free positions) are
 * checked on the snapshot at the effective instant, refreshed first so that changes made
 * on other application nodes count; capacity is checked again inside the writing
 * transaction after locking the parent, so concurrent placements cannot overfill it.
 * Every refusal throws before or inside the transaction, which then rolls back.
 */
@Component
class CypherTreeChanges implements TreeChanges, HoldingTanks {

	private static final String CREATE_PARTNER = CypherStatements.load("change/createPartner");

	private static final String START_SPONSORSHIP = CypherStatements.load("change/startSponsorship");

	private static final String END_SPONSORSHIP = CypherStatements.load("change/endSponsorship");

	private static final String PLACE = CypherStatements.load("change/place");

	private static final String MARK_TERMINATED = CypherStatements.load("change/markTerminated");

	private static final String START_WAITING = CypherStatements.load("change/startWaiting");

	private static final String END_WAITING = CypherStatements.load("change/endWaiting");

	private static final String WAITING = CypherStatements.load("change/waiting");

	private static final String OVERDUE = CypherStatements.load("change/overdue");

	private final Neo4jClient neo4j;

	private final Genealogy genealogy;

	private final Partners partners;

	private final ClosedPeriods closedPeriods;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	CypherTreeChanges(Neo4jClient neo4j, Genealogy genealogy, Partners partners, ClosedPeriods closedPeriods,
			ApplicationEventPublisher events,
			@Qualifier(GraphStoreConfiguration.TRANSACTION_MANAGER) PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.neo4j = neo4j;
		this.genealogy = genealogy;
		this.partners = partners;
		this.closedPeriods = closedPeriods;
		this.events = events;
	}

	@Override
	@GraphTransactional
	public Placement enrol(Partner partner, PartnerNumber sponsor, PlacementRule rule) {
		Instant at = partner.joinedAt();
		requireOpen(at);
		this.genealogy.refresh();
		if (this.partners.find(partner.number()).isPresent()) {
			throw new GenealogyChangeRefused(Reason.DUPLICATE_NUMBER,
					"A partner with the number " + partner.number() + " exists already");
		}
		requireWorking(existing(sponsor), "sponsor");
		this.neo4j.query(CREATE_PARTNER).bind(PartnerNodes.properties(partner)).to("partner").run();
		this.neo4j.query(START_SPONSORSHIP)
			.bindAll(
					Map.of("partner", partner.number().value(), "sponsor", sponsor.value(), "at", PartnerNodes.utc(at)))
			.run();
		Placement placement = null;
		if (rule instanceof PlacementRule.HoldingTank tank) {
			Map<String, Object> parameters = new HashMap<>();
			parameters.put("partner", partner.number().value());
			parameters.put("sponsor", sponsor.value());
			parameters.put("plan", tank.plan());
			parameters.put("at", PartnerNodes.utc(at));
			parameters.put("deadline", PartnerNodes.utc(at.plus(Duration.ofDays(tank.days()))));
			parameters.put("fallbackLeg", (tank.fallbackLeg() != null) ? tank.fallbackLeg().name() : null);
			this.neo4j.query(START_WAITING).bindAll(parameters).run();
		}
		else if (rule != null) {
			placement = place(partner.number(), sponsor, rule, at);
		}
		this.events.publishEvent(GenealogyChanged.added(partner.number()));
		return placement;
	}

	@Override
	public List<WaitingPartner> waiting(PartnerNumber sponsor, String plan) {
		return this.neo4j.query(WAITING)
			.bindAll(Map.of("sponsor", sponsor.value(), "plan", plan))
			.fetchAs(WaitingPartner.class)
			.mappedBy((types, row) -> waitingPartner(row))
			.all()
			.stream()
			.toList();
	}

	@Override
	public List<Placement> placeOverdue(Instant now) {
		List<WaitingPartner> overdue = this.neo4j.query(OVERDUE)
			.bind(PartnerNodes.utc(now))
			.to("now")
			.fetchAs(WaitingPartner.class)
			.mappedBy((types, row) -> waitingPartner(row))
			.all()
			.stream()
			.toList();
		List<Placement> placements = new ArrayList<>();
		Instant closedUntil = this.closedPeriods.closedUntil();
		for (WaitingPartner waiting : overdue) {
			Instant at = waiting.deadline().isBefore(closedUntil) ? closedUntil : waiting.deadline();
			PlacementRule fallback = PlacementRule.HoldingTank.fallback(waiting.plan(), waiting.fallbackLeg());
			// one transaction each: the next placement reads a snapshot that holds this
			// one
			Placement placed;
			try {
				placed = this.transactions.execute((status) -> {
					this.genealogy.refresh();
					if (!endWaiting(waiting.partner(), waiting.plan(), at)) {
						return null;
					}
					Placement placement = place(waiting.partner(), waiting.sponsor(), fallback, at);
					this.events.publishEvent(GenealogyChanged.of(List.of(waiting.partner())));
					return placement;
				});
			}
			catch (TransientDataAccessException ex) {
				// another node places the same partners now (a lock conflict rolled this
				// one
				// back); whatever is left is placed at the next check
				placed = null;
			}
			if (placed != null) {
				placements.add(placed);
			}
		}
		return placements;
	}

	private static WaitingPartner waitingPartner(Record row) {
		return new WaitingPartner(PartnerNumber.of(row.get("partner").asString()),
				PartnerNumber.of(row.get("sponsor").asString()), row.get("plan").asString(),
				row.get("since").asZonedDateTime().toInstant(), row.get("deadline").asZonedDateTime().toInstant(),
				row.get("fallbackLeg").isNull() ? null : Leg.valueOf(row.get("fallbackLeg").asString()));
	}

	/**
	 * Ends a partner's wait, after locking the partner.
	 * @return whether the partner was waiting (another node may have placed it meanwhile)
	 */
	private boolean endWaiting(PartnerNumber partner, String plan, Instant at) {
		return this.neo4j.query(END_WAITING)
			.bindAll(Map.of("partner", partner.value(), "plan", plan, "at", PartnerNodes.utc(at)))
			.fetchAs(Long.class)
			.mappedBy((types, row) -> row.get("ended").asLong())
			.one()
			.orElse(0L) > 0;
	}

	@Override
	@GraphTransactional
	public Placement place(PartnerNumber partner, PartnerNumber parent, String plan, Leg leg, Integer width,
			Instant effective) {
		requireOpen(effective);
		requireWorking(existing(partner), "partner");
		requireWorking(existing(parent), "parent");
		this.genealogy.refresh();
		if ((leg == null) == (width == null)) {
			throw new IllegalArgumentException("Name either the leg (binary) or the width (matrix) of the placement");
		}
		GenealogySnapshot placementTree = this.genealogy.snapshot(Tree.placement(plan), effective);
		int placed = placementTree.id(partner).orElseThrow();
		int chosen = placementTree.id(parent).orElseThrow();
		if (placementTree.parent(placed) != GenealogySnapshot.NONE) {
			throw new GenealogyChangeRefused(Reason.ALREADY_PLACED,
					partner + " has a position in the placement tree of " + plan + " already; move it instead");
		}
		GenealogySnapshot sponsorTree = this.genealogy.snapshot(Tree.SPONSOR, effective);
		int sponsor = sponsorTree.parent(sponsorTree.id(partner).orElseThrow());
		if (sponsor == GenealogySnapshot.NONE
				|| !withinSubtree(placementTree, placementTree.id(sponsorTree.number(sponsor)).orElseThrow(), chosen)) {
			throw new GenealogyChangeRefused(Reason.OUTSIDE_SPONSOR_DOWNLINE,
					parent + " is not the sponsor of " + partner + " nor below it in the placement tree of " + plan);
		}
		if (withinSubtree(placementTree, placed, chosen)) {
			throw new GenealogyChangeRefused(Reason.CYCLE, parent + " is below " + partner + " already");
		}
		Placement placement = writePlacement(partner, parent, plan, leg, width, effective);
		endWaiting(partner, plan, effective);
		this.events.publishEvent(GenealogyChanged.of(List.of(partner)));
		return placement;
	}

	private static boolean withinSubtree(GenealogySnapshot tree, int top, int node) {
		int start = tree.preorderIndex(top);
		int position = tree.preorderIndex(node);
		return position >= start && position < start + tree.subtreeSize(top);
	}

	@Override
	@GraphTransactional
	public void moveSponsor(PartnerNumber partner, PartnerNumber newSponsor, Instant effective) {
		requireOpen(effective);
		requireWorking(existing(partner), "partner");
		requireWorking(existing(newSponsor), "new sponsor");
		this.genealogy.refresh();
		// the new sponsor's upline at the instant, not the whole tree: a cycle is the
		// partner at or above its new sponsor
		if (newSponsor.equals(partner) || this.genealogy.upline(newSponsor, Tree.SPONSOR, effective)
			.stream()
			.anyMatch((above) -> above.partner().equals(partner))) {
			throw new GenealogyChangeRefused(Reason.CYCLE, newSponsor + " is " + partner + " or in its downline as of "
					+ effective + "; the move would make " + partner + " its own upline");
		}
		changeSponsor(partner, newSponsor, effective);
		this.events.publishEvent(GenealogyChanged.of(List.of(partner)));
	}

	@Override
	@GraphTransactional
	public void terminate(PartnerNumber partner, Instant effective) {
		requireOpen(effective);
		requireWorking(existing(partner), "partner");
		this.genealogy.refresh();
		// the partner's sponsor and frontline at the instant, not the whole tree
		List<Relative> upline = this.genealogy.upline(partner, Tree.SPONSOR, effective);
		PartnerNumber sponsor = upline.isEmpty() ? null : upline.get(0).partner();
		List<PartnerNumber> changed = new ArrayList<>();
		changed.add(partner);
		for (Relative child : this.genealogy.children(partner, Tree.SPONSOR, effective)) {
			changed.add(child.partner());
			if (sponsor != null) {
				changeSponsor(child.partner(), sponsor, effective);
			}
			else {
				endSponsorship(child.partner(), effective);
			}
		}
		this.neo4j.query(MARK_TERMINATED)
			.bindAll(Map.of("partner", partner.value(), "at", PartnerNodes.utc(effective)))
			.run();
		this.events.publishEvent(GenealogyChanged.of(changed));
	}

	private Placement place(PartnerNumber partner, PartnerNumber sponsor, PlacementRule rule, Instant at) {
		GenealogySnapshot tree = this.genealogy.snapshot(Tree.placement(rule.plan()), at);
		Placements.Position position = Placements.find(tree, tree.id(sponsor).orElseThrow(), rule);
		Integer width = (rule instanceof PlacementRule.Matrix matrix) ? matrix.width() : null;
		return writePlacement(partner, tree.number(position.parent()), rule.plan(), position.leg(), width, at);
	}

	/**
	 * Writes a placement after locking the parent, and refuses it when the position was
	 * taken meanwhile (binary: the side; matrix: the width), which rolls the transaction
	 * back.
	 */
	private Placement writePlacement(PartnerNumber partner, PartnerNumber parent, String plan, Leg leg, Integer width,
			Instant at) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("partner", partner.value());
		parameters.put("parent", parent.value());
		parameters.put("plan", plan);
		parameters.put("position", (leg != null) ? leg.name() : null);
		parameters.put("at", PartnerNodes.utc(at));
		Map<String, Object> before = this.neo4j.query(PLACE).bindAll(parameters).fetch().one().orElseThrow();
		long children = ((Number) before.get("children")).longValue();
		long atPosition = ((Number) before.get("atPosition")).longValue();
		boolean full = (leg != null) ? atPosition > 0 : children >= width;
		if (full) {
			throw new GenealogyChangeRefused(Reason.PARENT_FULL, "The position under " + parent
					+ ((leg != null) ? " on the " + leg + " side" : "") + " is taken; choose another parent or side");
		}
		return new Placement(partner, parent, plan, leg, at, null);
	}

	private void changeSponsor(PartnerNumber partner, PartnerNumber newSponsor, Instant effective) {
		endSponsorship(partner, effective);
		this.neo4j.query(START_SPONSORSHIP)
			.bindAll(Map.of("partner", partner.value(), "sponsor", newSponsor.value(), "at",
					PartnerNodes.utc(effective)))
			.run();
	}

	private void endSponsorship(PartnerNumber partner, Instant effective) {
		Optional<Map<String, Object>> ended = this.neo4j.query(END_SPONSORSHIP)
			.bindAll(Map.of("partner", partner.value(), "at", PartnerNodes.utc(effective)))
			.fetch()
			.one();
		if (ended.isPresent() && !((ZonedDateTime) ended.get().get("validFrom")).toInstant().isBefore(effective)) {
			throw new GenealogyChangeRefused(Reason.OUT_OF_ORDER,
					partner + " got its current sponsor at "
							+ ((ZonedDateTime) ended.get().get("validFrom")).toInstant()
							+ "; a change must be dated after that (got " + effective + ")");
		}
	}

	private void requireOpen(Instant effective) {
		Instant closedUntil = this.closedPeriods.closedUntil();
		if (effective.isBefore(closedUntil)) {
			throw new GenealogyChangeRefused(Reason.PERIOD_CLOSED,
					"Changes dated before " + closedUntil + " fall into a closed period (got " + effective + ")");
		}
	}

	private Partner existing(PartnerNumber number) {
		return this.partners.find(number)
			.orElseThrow(
					() -> new GenealogyChangeRefused(Reason.UNKNOWN_PARTNER, "No partner has the number " + number));
	}

	private static void requireWorking(Partner partner, String role) {
		if (partner.status() == PartnerStatus.TERMINATED) {
			throw new GenealogyChangeRefused(Reason.TERMINATED,
					"The " + role + " " + partner.number() + " has left the company");
		}
	}

}
