package io.treeline.compensation.calculation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.CommissionLineList;
import io.treeline.compensation.plan.PlanRules;
import io.treeline.compensation.plan.PlanRules.Binary;

/**
 * Computes one period of one plan: qualification, the period-aggregate components, the
 * order-based lines of every payment under the conditions of its order date, and the
 * reversal of every return. Pure: everything it needs comes in through
 * {@link Conditions}; the same inputs give the same lines in the same order.
 */
public final class PeriodCalculation {

	private PeriodCalculation() {
	}

	/**
	 * Computes a period.
	 * @param period the period's label
	 * @param start its first instant
	 * @param end the first instant after it
	 * @param version the plan version in force at its start
	 * @param rules that version's rules
	 * @param sales the payments and returns whose commission period this is
	 * @param previous the previous period's state
	 * @param population the partners
	 * @param conditions trees, versions, earlier periods and closed lines
	 * @return the period's state and lines
	 */
	public static Outcome compute(String period, Instant start, Instant end, int version, PlanRules rules,
			List<Sale> sales, PeriodState previous, Population population, Conditions conditions) {
		return compute(period, start, end, version, rules, sales, previous, population, conditions, null);
	}

	/**
	 * Computes a period and hands its lines over in parts while they are made
	 * ({@link CommissionLineList.Builder#publishing}), so that another thread can hash
	 * them meanwhile.
	 * @param period the period's label
	 * @param start its first instant
	 * @param end the first instant after it
	 * @param version the plan version in force at its start
	 * @param rules that version's rules
	 * @param sales the payments and returns whose commission period this is
	 * @param previous the previous period's state
	 * @param population the partners
	 * @param conditions trees, versions, earlier periods and closed lines
	 * @param parts receives the lines in parts, or {@code null}
	 * @return the period's state and lines
	 */
	public static Outcome compute(String period, Instant start, Instant end, int version, PlanRules rules,
			List<Sale> sales, PeriodState previous, Population population, Conditions conditions,
			Consumer<CommissionLineList> parts) {
		int size = population.size();
		// sorted once, when they were read, unless they come as a plain list
		Sales inOrder = Sales.of(sales);
		PeriodState state = Qualification.qualify(period, version, rules, inOrder, size, conditions::sponsorTree,
				previous);
		Lines lines = new Lines(population, parts);
		if (rules.payout() instanceof Binary binary) {
			PeriodCommissions.binary(state, binary, inOrder, conditions::placementTree, previous, lines);
		}
		// the orders a return of this period touches, and each sale's (none for most
		// sales): looked up by order number only for the sales whose order a return
		// gives back (ADR 0031, 0047)
		Map<String, ReturnedOrder> returnedNow = new HashMap<>();
		for (int i = 0; i < inOrder.size(); i++) {
			Sale sale = inOrder.orderReturned(i) ? inOrder.get(i) : null;
			if (sale != null && sale.returned()) {
				returnedNow.computeIfAbsent(sale.orderNumber(), (order) -> new ReturnedOrder()).completed |= sale
					.completes();
			}
		}
		ReturnedOrder[] returnOf = returnedNow.isEmpty() ? null : new ReturnedOrder[inOrder.size()];
		for (int i = 0; returnOf != null && i < returnOf.length; i++) {
			if (!inOrder.orderReturned(i)) {
				continue;
			}
			Sale sale = inOrder.get(i);
			ReturnedOrder returned = returnedNow.get(sale.orderNumber());
			returnOf[i] = returned;
			if (returned != null && !sale.returned()) {
				returned.paid = true;
			}
		}
		// paid orders dated before the plan's first version: they earn nothing in it
		Set<String> beforeFirstVersion = new TreeSet<>();
		// kept as objects only for the orders a return of this period reverses
		Map<String, List<CommissionLine>> originalsThisRun = new HashMap<>();
		Map<String, Map<Reversals.LineKey, Reversals.Reversed>> reversedByOrder = new HashMap<>();
		OrderCommissions orders = new OrderCommissions(lines);
		for (int i = 0; i < inOrder.size(); i++) {
			Sale sale = inOrder.get(i);
			ReturnedOrder returned = (returnOf != null) ? returnOf[i] : null;
			// paid and returned in full within the period: its commissions were never
			// closed, so the return simply removes them
			if (returned != null && returned.completed && returned.paid) {
				continue;
			}
			if (!sale.returned()) {
				Conditions.Version atOrder = conditions.versionAt(sale.orderedAt());
				if (atOrder == null) {
					beforeFirstVersion.add(sale.orderNumber());
					continue;
				}
				// an order dated after its payment counts with this period's conditions
				PeriodState orderPeriod = sale.orderedAt().isBefore(start) ? conditions.stateAt(sale.orderedAt())
						: state;
				int before = lines.size();
				orders.commission(sale, atOrder.number(), atOrder.rules(), orderPeriod,
						conditions.sponsorTree(sale.orderedAt()), conditions.placementTree(sale.orderedAt()));
				if (returned != null) {
					originalsThisRun.computeIfAbsent(sale.orderNumber(), (order) -> new ArrayList<>())
						.addAll(lines.range(before, lines.size()));
				}
			}
			else {
				List<CommissionLine> originals = new ArrayList<>(conditions.closedOriginals(sale.orderNumber()));
				originals.addAll(originalsThisRun.getOrDefault(sale.orderNumber(), List.of()));
				Map<Reversals.LineKey, Reversals.Reversed> reversed = reversedByOrder
					.computeIfAbsent(sale.orderNumber(), (order) -> new HashMap<>(conditions.closedReversals(order)));
				Reversals.reverse(sale, originals, reversed, lines);
			}
		}
		if (rules.bonuses().pool() != null) {
			PeriodCommissions.pool(state, rules.bonuses().pool(), inOrder, population, lines);
		}
		PeriodCommissions.rankAdvancement(state, previous, lines);
		if (rules.bonuses().matching() != null) {
			PeriodCommissions.matching(state, rules.bonuses().matching(), conditions.sponsorTree(end.minusNanos(1)),
					lines);
		}
		return new Outcome(state, lines.build(), beforeFirstVersion);
	}

	/** What the returns of a period do to an order. */
	private static final class ReturnedOrder {

		/** Whether a return gives back the rest of the order. */
		boolean completed;

		/** Whether the order is paid in the same period. */
		boolean paid;

	}

	/**
	 * What a computation needs from outside.
	 */
	public interface Conditions {

		/**
		 * Returns the sponsor tree at an instant; instants sharing a tree return the same
		 * object.
		 * @param at the instant
		 * @return the tree
		 */
		TreeAt sponsorTree(Instant at);

		/**
		 * Returns the plan's placement tree at an instant.
		 * @param at the instant
		 * @return the tree, {@code null} if the plan has none
		 */
		TreeAt placementTree(Instant at);

		/**
		 * Returns the plan version in force at an instant.
		 * @param at the instant
		 * @return the version, {@code null} before the first one
		 */
		Version versionAt(Instant at);

		/**
		 * Returns the state of the period that contains an instant (closed: as recorded;
		 * open: computed).
		 * @param at the instant
		 * @return the state, empty before the plan's first period
		 */
		PeriodState stateAt(Instant at);

		/**
		 * Returns the original order-based lines of an order in closed runs of the plan.
		 * @param orderNumber the order
		 * @return the lines
		 */
		List<CommissionLine> closedOriginals(String orderNumber);

		/**
		 * Returns what closed runs have reversed of an order's lines.
		 * @param orderNumber the order
		 * @return reversed sums by original line
		 */
		Map<Reversals.LineKey, Reversals.Reversed> closedReversals(String orderNumber);

		/**
		 * A plan version.
		 *
		 * @param number the version number
		 * @param rules its rules
		 */
		record Version(int number, PlanRules rules) {

		}

	}

	/**
	 * The result of a period.
	 *
	 * @param state what every partner reached
	 * @param lines the commission lines
	 * @param beforeFirstVersion paid orders dated before the plan's first version, which
	 * earn nothing in it
	 */
	public record Outcome(PeriodState state, CommissionLineList lines, Set<String> beforeFirstVersion) {

	}

}
