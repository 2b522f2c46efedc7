package io.treeline.graph;

import java.time.Instant;

/**
 * A partner waiting unplaced in its sponsor's holding tank.
 *
 * @param partner the waiting partner
 * @param sponsor the sponsor who may place it
 * @param plan the binary plan
 * @param since when it entered the tank (its enrolment)
 * @param deadline when the fallback places it, unless the sponsor did
 * @param fallbackLeg the leg the fallback uses, {@code null} for the weaker leg
 */
public record WaitingPartner(PartnerNumber partner, PartnerNumber sponsor, String plan, Instant since, Instant deadline,
		Leg fallbackLeg) {

}
