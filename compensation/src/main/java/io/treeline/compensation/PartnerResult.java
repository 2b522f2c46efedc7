package io.treeline.compensation;

import java.math.BigDecimal;

import io.treeline.graph.PartnerNumber;

/**
 * What a partner reached in one period of a plan.
 *
 * @param partner the partner
 * @param personalPv personal PV of the period (payments minus stornos)
 * @param groupPv PV of the partner and its downline (sponsor tree of each order's date)
 * @param active whether the personal PV reached the plan's activity threshold
 * @param achievedRank the highest rank whose thresholds were met, {@code null} if none
 * @param paidAsRank the rank the partner is paid as, {@code null} if none
 * @param highestRank the highest rank ever achieved, {@code null} if none
 * @param carryLeft binary volume carried on the left leg into the next period
 * @param carryRight binary volume carried on the right leg into the next period
 */
public record PartnerResult(PartnerNumber partner, BigDecimal personalPv, BigDecimal groupPv, boolean active,
		String achievedRank, String paidAsRank, String highestRank, BigDecimal carryLeft, BigDecimal carryRight) {

}
