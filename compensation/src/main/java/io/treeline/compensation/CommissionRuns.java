package io.treeline.compensation;

import java.util.List;
import java.util.Optional;

import io.treeline.graph.PartnerNumber;

/**
 * Commission runs (domain.md §5): preview an open period as often as wanted, close it
 * once.
 */
public interface CommissionRuns {

	/**
	 * Computes an open period without storing or posting anything.
	 * @param plan the plan's name
	 * @param period the period's label
	 * @return the result
	 * @throws InvalidPlanException if the plan is unknown, the period unreadable, closed
	 * or before the plan's first period
	 */
	RunResult preview(String plan, String period);

	/**
	 * Closes the first open period of a plan: computes it, stores the lines and results,
	 * posts the ledger and locks the period, all in one database transaction. Concurrent
	 * requests for the same period produce one run; the others return it. A period that
	 * is closed already returns its stored result.
	 * @param plan the plan's name
	 * @param period the period's label; must be the plan's first open period
	 * @return the closed result
	 * @throws InvalidPlanException if the plan is unknown or the period is not the first
	 * open one
	 */
	RunResult close(String plan, String period);

	/**
	 * Returns the stored result of a closed period.
	 * @param plan the plan's name
	 * @param period the period's label
	 * @return the result, empty while the period is open
	 */
	Optional<RunResult> closed(String plan, String period);

	/**
	 * Returns the periods of a plan from its first one to the one containing today (or
	 * the first open one, if later), oldest first.
	 * @param plan the plan's name
	 * @return the periods
	 */
	List<Period> periods(String plan);

	/**
	 * Returns the closed commission lines of a partner in a period.
	 * @param partner the partner
	 * @param plan the plan's name
	 * @param period the period's label
	 * @return the lines
	 */
	List<CommissionLine> commissions(PartnerNumber partner, String plan, String period);

	/**
	 * Returns what a partner reached in every closed period of a plan.
	 * @param partner the partner
	 * @param plan the plan's name
	 * @return period labels with results, oldest first
	 */
	List<CareerStep> careerHistory(PartnerNumber partner, String plan);

	/**
	 * Returns the computations running now and the last finished or failed computation of
	 * each period (with the milliseconds of its phases), until the next one starts.
	 * @return their progress
	 */
	List<RunProgress> running();

	/**
	 * One period of a partner's career.
	 *
	 * @param period the period
	 * @param result what the partner reached
	 */
	record CareerStep(Period period, PartnerResult result) {

	}

}
