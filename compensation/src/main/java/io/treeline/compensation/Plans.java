package io.treeline.compensation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Compensation plans and their versions.
 */
public interface Plans {

	/**
	 * Creates a plan with its first version.
	 * @param plan the plan
	 * @param effectiveFrom when the first version comes into force
	 * @param document the first version's rules (JSON)
	 * @return the first version
	 * @throws InvalidPlanException if the name is taken, the first period unreadable or
	 * the document invalid
	 */
	PlanVersion create(Plan plan, LocalDate effectiveFrom, String document);

	/**
	 * Adds a version to a plan. The version in force at an instant is the one with the
	 * latest effective date on or before it (of those, the newest).
	 * @param plan the plan's name
	 * @param effectiveFrom the first day it is in force; not inside a closed period
	 * @param document the rules (JSON)
	 * @return the new version
	 * @throws InvalidPlanException if the plan is unknown, the date lies in a closed
	 * period, or the document is invalid (each problem names the field)
	 */
	PlanVersion addVersion(String plan, LocalDate effectiveFrom, String document);

	/**
	 * Returns all plans.
	 * @return plans by name
	 */
	List<Plan> all();

	/**
	 * Returns a plan.
	 * @param name the plan's name
	 * @return the plan, if there is one
	 */
	Optional<Plan> find(String name);

	/**
	 * Returns the versions of a plan.
	 * @param plan the plan's name
	 * @return versions, oldest first
	 */
	List<PlanVersion> versions(String plan);

	/**
	 * Returns the version in force at an instant.
	 * @param plan the plan's name
	 * @param at the instant
	 * @return the version, empty before the first one comes into force
	 */
	Optional<PlanVersion> inForce(String plan, Instant at);

}
