package io.treeline.compensation;

import java.time.LocalDate;

/**
 * One version of a plan's rules. Never changed once created; a change is a new version.
 *
 * @param plan the plan's name
 * @param version 1, 2, ... in the order of creation
 * @param effectiveFrom the first day (company time zone) the version is in force
 * @param document the rules as a JSON document (domain.md §4)
 */
public record PlanVersion(String plan, int version, LocalDate effectiveFrom, String document) {

}
