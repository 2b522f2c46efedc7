package io.treeline.portal.genealogy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.portal.GraphQlTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The genealogy mutations over HTTP, on an installation without the demo company.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "treeline.demo.enabled=false")
class GenealogyChangeGraphQlIT {

	private static final String ENROL = """
			mutation($input: EnrolPartnerInput!) {
			  enrolPartner(input: $input) {
			    partner { number status sponsor { number } }
			    placement { parent { number } plan leg }
			    errors { code message }
			  }
			}
			""";

	@LocalServerPort
	int port;

	@Autowired
	OrganisationLoader loader;

	GraphQlTestClient client;

	@BeforeEach
	void founderAndClient() {
		this.loader
			.load(new Organisation(List.of(new Partner(PartnerNumber.of("G-ROOT"), "Gina", "Gründer", null, "Berlin",
					"DE", "de", PartnerStatus.ACTIVE, Instant.parse("2026-01-01T00:00:00Z"))), List.of(), List.of()));
		this.client = GraphQlTestClient.signedIn(this.port);
	}

	@Test
	@SuppressWarnings("unchecked")
	void enrolsAndPlacesOnTheChosenLegThenRefusesTheSameNumber() {
		Map<String, Object> input = Map.of("number", "G-0001", "firstName", "Lena", "lastName", "Links", "country",
				"DE", "language", "de", "sponsor", "G-ROOT", "joinedAt", "2026-02-01T10:00:00Z", "placement",
				Map.of("plan", "binary", "rule", "CHOSEN_LEG", "leg", "LEFT"));
		Map<String, Object> payload = data(ENROL, input, "enrolPartner");
		assertThat(payload.get("errors")).isEqualTo(List.of());
		assertThat(payload.get("partner"))
			.isEqualTo(Map.of("number", "G-0001", "status", "ACTIVE", "sponsor", Map.of("number", "G-ROOT")));
		assertThat(payload.get("placement"))
			.isEqualTo(Map.of("parent", Map.of("number", "G-ROOT"), "plan", "binary", "leg", "LEFT"));
		Map<String, Object> again = data(ENROL, input, "enrolPartner");
		assertThat(again.get("partner")).isNull();
		assertThat((List<Map<String, Object>>) again.get("errors")).extracting((e) -> e.get("code"))
			.containsExactly("DUPLICATE_NUMBER");
	}

	@Test
	@SuppressWarnings("unchecked")
	void placesAPartnerFromTheHoldingTankAndRefusesATakenPosition() {
		for (String[] partner : new String[][] { { "G-0020", "2026-02-01T00:00:00Z" },
				{ "G-0021", "2026-02-02T00:00:00Z" } }) {
			Map<String, Object> enrolled = data(ENROL,
					Map.of("number", partner[0], "firstName", "Vor", "lastName", "Nach", "country", "DE", "language",
							"de", "sponsor", "G-ROOT", "joinedAt", partner[1], "placement",
							Map.of("plan", "holding", "rule", "HOLDING_TANK", "days", 14)),
					"enrolPartner");
			assertThat(enrolled.get("errors")).isEqualTo(List.of());
			assertThat(enrolled.get("placement")).isNull();
		}
		String tank = "{ holdingTank(sponsor: \"G-ROOT\", plan: \"holding\") { partner deadline fallbackLeg } }";
		assertThat(waiting(tank)).extracting((w) -> w.get("partner"), (w) -> w.get("deadline"))
			.containsExactly(tuple("G-0020", "2026-02-15T00:00:00Z"), tuple("G-0021", "2026-02-16T00:00:00Z"));
		String place = """
				mutation($input: PlacePartnerInput!) {
				  placePartner(input: $input) { placement { parent { number } leg } errors { code } }
				}
				""";
		Map<String, Object> placed = data(place, Map.of("number", "G-0020", "parent", "G-ROOT", "plan", "holding",
				"leg", "LEFT", "effective", "2026-02-03T00:00:00Z"), "placePartner");
		assertThat(placed.get("placement")).isEqualTo(Map.of("parent", Map.of("number", "G-ROOT"), "leg", "LEFT"));
		Map<String, Object> taken = data(place, Map.of("number", "G-0021", "parent", "G-ROOT", "plan", "holding", "leg",
				"LEFT", "effective", "2026-02-04T00:00:00Z"), "placePartner");
		assertThat((List<Map<String, Object>>) taken.get("errors")).extracting((e) -> e.get("code"))
			.containsExactly("PARENT_FULL");
		assertThat(waiting(tank)).extracting((w) -> w.get("partner")).containsExactly("G-0021");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> waiting(String query) {
		Map<String, Object> response = this.client.post(query, Map.of());
		assertThat(response.get("errors")).isNull();
		return (List<Map<String, Object>>) ((Map<String, Object>) response.get("data")).get("holdingTank");
	}

	@Test
	@SuppressWarnings("unchecked")
	void reportsMalformedInputAsATypedError() {
		Map<String, Object> payload = data(ENROL,
				Map.of("number", "G-0002", "firstName", "Max", "lastName", "Mangel", "country", "DE", "language", "de",
						"sponsor", "G-ROOT", "placement", Map.of("plan", "binary", "rule", "CHOSEN_LEG")),
				"enrolPartner");
		assertThat((List<Map<String, Object>>) payload.get("errors")).singleElement()
			.satisfies((error) -> assertThat(error).containsEntry("code", "INVALID_INPUT")
				.containsEntry("message", "placement.leg is required for the rule CHOSEN_LEG"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void movesAndTerminatesAndRefusesACycle() {
		enrol("G-0010", "G-ROOT", "2026-02-01T00:00:00Z");
		enrol("G-0011", "G-0010", "2026-02-02T00:00:00Z");
		Map<String, Object> cycle = data(
				"""
						mutation { movePartner(input: {number: "G-0010", newSponsor: "G-0011", effective: "2026-03-01T00:00:00Z"}) {
						  partner { number } errors { code } } }
						""",
				Map.of(), "movePartner");
		assertThat((List<Map<String, Object>>) cycle.get("errors")).extracting((e) -> e.get("code"))
			.containsExactly("CYCLE");
		Map<String, Object> terminated = data("""
				mutation { terminatePartner(input: {number: "G-0010", effective: "2026-03-01T00:00:00Z"}) {
				  partner { number status } errors { code } } }
				""", Map.of(), "terminatePartner");
		assertThat(terminated.get("partner")).isEqualTo(Map.of("number", "G-0010", "status", "TERMINATED"));
		Map<String, Object> child = data(
				"{ partner(number: \"G-0011\") { sponsor(asOf: \"2026-03-02T00:00:00Z\") { number } } }", Map.of(),
				"partner");
		assertThat(child.get("sponsor")).isEqualTo(Map.of("number", "G-ROOT"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void importsCsvTextAndReportsProblemsWithTheirLines() {
		String mutation = """
				mutation($input: ImportOrganisationInput!) {
				  importOrganisation(input: $input) { imported partners sponsorships problemCount problems { file line message } }
				}
				""";
		Map<String, Object> refused = data(mutation,
				Map.of("partners",
						"number,firstName,lastName,email,city,country,language,status,joinedAt\n"
								+ "G-I1,Ina,Import,,Jena,DE,de,ACTIVE,2026-01-10T00:00:00Z\n",
						"sponsorships", "partner,sponsor,validFrom,validTo\nG-I1,G-NOBODY,2026-01-10T00:00:00Z,\n"),
				"importOrganisation");
		assertThat(refused.get("imported")).isEqualTo(false);
		assertThat(refused.get("problemCount")).isEqualTo(1);
		assertThat((List<Map<String, Object>>) refused.get("problems")).singleElement()
			.satisfies((problem) -> assertThat(problem).containsEntry("file", "sponsorships").containsEntry("line", 2));
		Map<String, Object> imported = data(mutation,
				Map.of("partners",
						"number,firstName,lastName,email,city,country,language,status,joinedAt\n"
								+ "G-I1,Ina,Import,,Jena,DE,de,ACTIVE,2026-01-10T00:00:00Z\n",
						"sponsorships", "partner,sponsor,validFrom,validTo\nG-I1,G-ROOT,2026-01-10T00:00:00Z,\n"),
				"importOrganisation");
		assertThat(imported).containsEntry("imported", true).containsEntry("partners", 1);
		Map<String, Object> partner = data("{ partner(number: \"G-I1\") { sponsor { number } } }", Map.of(), "partner");
		assertThat(partner.get("sponsor")).isEqualTo(Map.of("number", "G-ROOT"));
	}

	private void enrol(String number, String sponsor, String joinedAt) {
		Map<String, Object> payload = data(ENROL, Map.of("number", number, "firstName", "Vor", "lastName", "Nach",
				"country", "DE", "language", "de", "sponsor", sponsor, "joinedAt", joinedAt), "enrolPartner");
		assertThat(payload.get("errors")).isEqualTo(List.of());
	}

	private Map<String, Object> data(String query, Map<String, Object> input, String field) {
		return this.client.data(query, input.isEmpty() ? Map.of() : Map.of("input", input), field);
	}

}
