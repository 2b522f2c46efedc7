package io.treeline.portal.genealogy;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.treeline.graph.GenealogyChangeRefused;
import io.treeline.graph.HoldingTanks;
import io.treeline.graph.ImportProblem;
import io.treeline.graph.ImportResult;
import io.treeline.graph.OrganisationImport;
import io.treeline.graph.Leg;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.graph.Partners;
import io.treeline.graph.Placement;
import io.treeline.graph.PlacementRule;
import io.treeline.graph.TreeChanges;
import io.treeline.graph.WaitingPartner;
import io.treeline.portal.organisation.CompanyPlacementPlans;
import io.treeline.portal.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The genealogy mutations of the GraphQL API ({@code genealogy-changes.graphqls}).
 * Refused changes and malformed input come back as typed errors in the payload.
 */
@Controller
class GenealogyChangeGraphQlController {

	private final TreeChanges changes;

	private final Partners partners;

	private final OrganisationImport organisationImport;

	private final HoldingTanks holdingTanks;

	private final CompanyPlacementPlans placementPlans;

	GenealogyChangeGraphQlController(TreeChanges changes, Partners partners, OrganisationImport organisationImport,
			HoldingTanks holdingTanks, CompanyPlacementPlans placementPlans) {
		this.holdingTanks = holdingTanks;
		this.placementPlans = placementPlans;
		this.changes = changes;
		this.partners = partners;
		this.organisationImport = organisationImport;
	}

	@QueryMapping
	List<WaitingPartner> holdingTank(@Argument String sponsor, @Argument String plan) {
		return this.holdingTanks.waiting(PartnerNumber.of(sponsor), plan);
	}

	/** Importing an organisation is for administrators, as on the upload screen. */
	@MutationMapping
	@RolesAllowed(Roles.ADMIN)
	ImportOrganisationPayload importOrganisation(@Argument ImportOrganisationInput input) {
		ImportResult result = this.organisationImport.importCsv(new StringReader(input.partners()),
				new StringReader(input.sponsorships()),
				(input.placements() != null) ? new StringReader(input.placements()) : null,
				this.placementPlans.current());
		return new ImportOrganisationPayload(result.loaded(), result.partners(), result.sponsorships(),
				result.placements(), result.problems(), result.problemCount());
	}

	@MutationMapping
	EnrolPartnerPayload enrolPartner(@Argument EnrolPartnerInput input) {
		return attempt(() -> {
			Partner partner = new Partner(PartnerNumber.of(input.number()), input.firstName(), input.lastName(),
					input.email(), input.city(), input.country(), input.language(), PartnerStatus.ACTIVE,
					(input.joinedAt() != null) ? input.joinedAt() : Instant.now());
			Placement placement = this.changes.enrol(partner, PartnerNumber.of(input.sponsor()),
					(input.placement() != null) ? input.placement().toRule() : null);
			return new EnrolPartnerPayload(partner, placement, List.of());
		}, (errors) -> new EnrolPartnerPayload(null, null, errors));
	}

	@MutationMapping
	PlacePartnerPayload placePartner(@Argument PlacePartnerInput input) {
		return attempt(() -> new PlacePartnerPayload(
				this.changes.place(PartnerNumber.of(input.number()), PartnerNumber.of(input.parent()), input.plan(),
						input.leg(), input.width(), (input.effective() != null) ? input.effective() : Instant.now()),
				List.of()), (errors) -> new PlacePartnerPayload(null, errors));
	}

	@MutationMapping
	PartnerPayload movePartner(@Argument MovePartnerInput input) {
		return attempt(() -> {
			PartnerNumber partner = PartnerNumber.of(input.number());
			this.changes.moveSponsor(partner, PartnerNumber.of(input.newSponsor()),
					(input.effective() != null) ? input.effective() : Instant.now());
			return new PartnerPayload(this.partners.find(partner).orElseThrow(), List.of());
		}, (errors) -> new PartnerPayload(null, errors));
	}

	@MutationMapping
	PartnerPayload terminatePartner(@Argument TerminatePartnerInput input) {
		return attempt(() -> {
			PartnerNumber partner = PartnerNumber.of(input.number());
			this.changes.terminate(partner, (input.effective() != null) ? input.effective() : Instant.now());
			return new PartnerPayload(this.partners.find(partner).orElseThrow(), List.of());
		}, (errors) -> new PartnerPayload(null, errors));
	}

	@SchemaMapping(typeName = "PlacementResult")
	Partner parent(Placement placement) {
		return this.partners.find(placement.parent()).orElseThrow();
	}

	private static <T> T attempt(Supplier<T> change, Function<List<GenealogyError>, T> refused) {
		try {
			return change.get();
		}
		catch (GenealogyChangeRefused ex) {
			return refused.apply(List.of(new GenealogyError(ex.reason().name(), ex.getMessage())));
		}
		catch (IllegalArgumentException ex) {
			return refused.apply(List.of(new GenealogyError("INVALID_INPUT", ex.getMessage())));
		}
	}

	record EnrolPartnerInput(String number, String firstName, String lastName, String email, String city,
			String country, String language, String sponsor, Instant joinedAt, PlacementInput placement) {
	}

	record PlacementInput(String plan, String rule, Leg leg, Integer width, Integer days) {

		PlacementRule toRule() {
			return switch (this.rule) {
				case "CHOSEN_LEG" -> new PlacementRule.ChosenLeg(this.plan, require(this.leg, "leg"));
				case "WEAKER_LEG" -> new PlacementRule.WeakerLeg(this.plan);
				case "MATRIX" -> new PlacementRule.Matrix(this.plan, require(this.width, "width"));
				case "HOLDING_TANK" -> new PlacementRule.HoldingTank(this.plan, require(this.days, "days"), this.leg);
				default -> throw new IllegalArgumentException("Unknown placement rule " + this.rule);
			};
		}

		private <T> T require(T value, String field) {
			if (value == null) {
				throw new IllegalArgumentException("placement." + field + " is required for the rule " + this.rule);
			}
			return value;
		}

	}

	record PlacePartnerInput(String number, String parent, String plan, Leg leg, Integer width, Instant effective) {
	}

	record PlacePartnerPayload(Placement placement, List<GenealogyError> errors) {
	}

	record MovePartnerInput(String number, String newSponsor, Instant effective) {
	}

	record TerminatePartnerInput(String number, Instant effective) {
	}

	record ImportOrganisationInput(String partners, String sponsorships, String placements) {
	}

	record ImportOrganisationPayload(boolean imported, int partners, int sponsorships, int placements,
			List<ImportProblem> problems, int problemCount) {
	}

	record EnrolPartnerPayload(Partner partner, Placement placement, List<GenealogyError> errors) {
	}

	record PartnerPayload(Partner partner, List<GenealogyError> errors) {
	}

	record GenealogyError(String code, String message) {
	}

}
