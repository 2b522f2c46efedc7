package io.treeline.portal.compensation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.treeline.graph.Organisation;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.Partner;
import io.treeline.graph.PartnerNumber;
import io.treeline.graph.PartnerStatus;
import io.treeline.portal.GraphQlTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The compensation and order API over HTTP, on an installation without the demo company:
 * a unilevel plan (10%, 5%, active at 50 PV) over a sponsor tree enrolled through the
 * API, orders recorded and paid in February 2026, preview, close, commissions with their
 * explanations, career history, the ledger, and a storno reversed in March. Every name
 * carries a random suffix, so the test is independent of other tests' data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "treeline.demo.enabled=false")
class CompensationGraphQlIT {

	private static final String UNILEVEL = """
			{"type":"UNILEVEL","levelRates":["0.10","0.05"],"minPersonalPv":"50"}""";

	private static final String CREATE_PLAN = """
			mutation($input: CreatePlanInput!) {
			  createPlan(input: $input) {
			    plan { name type periodLength firstPeriod versions { plan number effectiveFrom document } }
			    version { number }
			    errors { code field message }
			  }
			}
			""";

	private static final String RECORD_ORDER = """
			mutation($input: RecordOrderInput!) {
			  recordOrder(input: $input) { orderNumber recorded errors { code field message } }
			}
			""";

	private static final String PAY_ORDER = """
			mutation($input: PayOrderInput!) {
			  payOrder(input: $input) { orderNumber recorded errors { code field message } }
			}
			""";

	private static final String RETURN_ORDER = """
			mutation($input: ReturnOrderInput!) {
			  returnOrder(input: $input) { orderNumber recorded errors { code field message } }
			}
			""";

	private static final String RECORD_ORDER_EVENTS = """
			mutation($input: RecordOrderEventsInput!) {
			  recordOrderEvents(input: $input) { recorded recordedCount errors { code field message } }
			}
			""";

	private static final String CLOSE_RUN = """
			mutation($input: CloseRunInput!) {
			  closeRun(input: $input) {
			    run { period { label closed } closed total hash lineCount }
			    errors { code field message }
			  }
			}
			""";

	@LocalServerPort
	int port;

	@Autowired
	OrganisationLoader loader;

	@Autowired
	CompensationGraphQlController controller;

	@Autowired
	OrderGraphQlController orderController;

	/** The holder method security reads (Vaadin's, one per application context). */
	@Autowired
	SecurityContextHolderStrategy securityContexts;

	GraphQlTestClient client;

	String suffix;

	@BeforeEach
	void signIn() {
		this.client = GraphQlTestClient.signedIn(this.port);
		this.suffix = UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void forgetAuthentication() {
		this.securityContexts.clearContext();
	}

	@Test
	@SuppressWarnings("unchecked")
	void closesAUnilevelPeriodAndExplainsTheCommissionsCareerAndLedger() {
		// A
		// ├── B (40 PV, inactive) ── C (100 PV) ── D (200 PV, lines 120 + 80)
		// └── E (order unpaid)
		String a = partner("A");
		String b = partner("B");
		String c = partner("C");
		String d = partner("D");
		String e = partner("E");
		this.loader.load(new Organisation(List.of(new Partner(PartnerNumber.of(a), "Anna", "Anfang", null, "Berlin",
				"DE", "de", PartnerStatus.ACTIVE, Instant.parse("2026-01-01T00:00:00Z"))), List.of(), List.of()));
		enrol(b, a);
		enrol(c, b);
		enrol(d, c);
		enrol(e, a);
		String plan = "it-unilevel-" + this.suffix;

		Map<String, Object> created = input(CREATE_PLAN, Map.of("name", plan, "type", "UNILEVEL", "periodLength",
				"MONTHLY", "firstPeriod", "2026-02", "effectiveFrom", "2026-02-01", "document", UNILEVEL),
				"createPlan");
		assertThat(created.get("errors")).isEqualTo(List.of());
		assertThat((Map<String, Object>) created.get("plan")).containsEntry("name", plan)
			.containsEntry("type", "UNILEVEL")
			.containsEntry("periodLength", "MONTHLY")
			.containsEntry("firstPeriod", "2026-02");
		assertThat((List<Map<String, Object>>) ((Map<String, Object>) created.get("plan")).get("versions"))
			.singleElement()
			.satisfies((version) -> assertThat(version).containsEntry("plan", plan)
				.containsEntry("number", 1)
				.containsEntry("effectiveFrom", "2026-02-01")
				.containsKey("document"));
		assertThat(
				this.client.data("query($name: String!) { plan(name: $name) { name } }", Map.of("name", plan), "plan"))
			.isEqualTo(Map.of("name", plan));

		order(order("A"), a, line("60"));
		order(order("B"), b, line("40"));
		order(order("C"), c, line("100"));
		order(order("D"), d, line("120"), line("80"));
		order(order("E"), e, line("100"));
		for (String paid : List.of("A", "B", "C", "D")) {
			Map<String, Object> payment = input(PAY_ORDER,
					Map.of("orderNumber", order(paid), "paidAt", "2026-02-10T10:00:00Z"), "payOrder");
			assertThat(payment).containsEntry("recorded", true).containsEntry("errors", List.of());
		}
		assertThat(input(PAY_ORDER, Map.of("orderNumber", order("A"), "paidAt", "2026-02-11T10:00:00Z"), "payOrder"))
			.containsEntry("recorded", false)
			.containsEntry("errors", List.of());

		// D's 200 BV: C 10% = 20.00, B inactive is compressed, A 5% = 10.00; C's 100: A
		// 10% = 10.00; B's 40: A 10% = 4.00; E's order is not paid
		Map<String, Object> preview = this.client.data("""
				query($plan: String!, $partner: String!) {
				  previewRun(plan: $plan, period: "2026-02") {
				    period { plan label start end closed } closed total hash lineCount
				    lines(partner: $partner) { amount }
				    results(partner: $partner) { partner active personalPv groupPv }
				  }
				}
				""", Map.of("plan", plan, "partner", a), "previewRun");
		assertThat(preview).containsEntry("closed", false);
		assertThat(decimal(preview.get("total"))).isEqualByComparingTo("44.00");
		assertThat((Map<String, Object>) preview.get("period")).containsEntry("label", "2026-02")
			.containsEntry("start", "2026-01-31T23:00:00Z")
			.containsEntry("end", "2026-02-28T23:00:00Z")
			.containsEntry("closed", false);
		assertThat(sum((List<Map<String, Object>>) preview.get("lines"))).isEqualByComparingTo("24.00");
		assertThat((List<Map<String, Object>>) preview.get("results")).singleElement().satisfies((result) -> {
			assertThat(result).containsEntry("partner", a).containsEntry("active", true);
			assertThat(decimal(result.get("personalPv"))).isEqualByComparingTo("60");
			// groupPv is only summed over the downline when a rank needs it (no ranks
			// here)
			assertThat(result).containsKey("groupPv");
		});
		assertThat(list("{ runStatus { plan period closing phase startedAt message } }", Map.of(), "runStatus"))
			.isNotNull();

		Map<String, Object> closed = input(CLOSE_RUN, Map.of("plan", plan, "period", "2026-02"), "closeRun");
		assertThat(closed.get("errors")).isEqualTo(List.of());
		Map<String, Object> run = (Map<String, Object>) closed.get("run");
		assertThat(run).containsEntry("closed", true)
			.containsEntry("hash", preview.get("hash"))
			.containsEntry("lineCount", preview.get("lineCount"))
			.containsEntry("period", Map.of("label", "2026-02", "closed", true));
		assertThat(decimal(run.get("total"))).isEqualByComparingTo("44.00");

		List<Map<String, Object>> commissions = list("""
				query($partner: String!, $plan: String!) {
				  commissions(partner: $partner, plan: $plan, period: "2026-02") {
				    partner component reversal orderNumber sourcePartner planVersion level base rate amount explanation
				  }
				}
				""", Map.of("partner", a, "plan", plan), "commissions");
		assertThat(commissions).hasSize(3)
			.allSatisfy((line) -> assertThat(line).containsEntry("partner", a)
				.containsEntry("component", "UNILEVEL")
				.containsEntry("reversal", false)
				.containsEntry("planVersion", 1));
		assertThat(sum(commissions)).isEqualByComparingTo("24.00");
		assertThat(commissions).filteredOn((line) -> order("D").equals(line.get("orderNumber")))
			.singleElement()
			.satisfies((line) -> {
				assertThat(line).containsEntry("sourcePartner", d).containsEntry("level", 2);
				assertThat(decimal(line.get("base"))).isEqualByComparingTo("200");
				assertThat(decimal(line.get("rate"))).isEqualByComparingTo("0.05");
				assertThat(decimal(line.get("amount"))).isEqualByComparingTo("10.00");
				assertThat((String) line.get("explanation")).isEqualTo("Unilevel Ebene 2 auf Auftrag " + order("D")
						+ " von " + d + " (Planversion 1): 200.00 × 0.05 = 10.00 EUR");
			});

		List<Map<String, Object>> career = list("""
				query($partner: String!, $plan: String!) {
				  careerHistory(partner: $partner, plan: $plan) {
				    period { label } achievedRank paidAsRank highestRank personalPv groupPv active
				  }
				}
				""", Map.of("partner", c, "plan", plan), "careerHistory");
		assertThat(career).singleElement().satisfies((step) -> {
			assertThat(step).containsEntry("period", Map.of("label", "2026-02")).containsEntry("active", true);
			assertThat(decimal(step.get("personalPv"))).isEqualByComparingTo("100");
			assertThat(step).containsKey("groupPv");
		});
		assertThat(list("""
				query($partner: String!, $plan: String!) { careerHistory(partner: $partner, plan: $plan) { active } }
				""", Map.of("partner", b, "plan", plan), "careerHistory")).containsExactly(Map.of("active", false));

		Map<String, Object> ledger = this.client.data("""
				query($partner: String!) {
				  ledger(partner: $partner) {
				    partner account balances { amount currency }
				    entries { transactionId key description bookedAt account amount currency }
				  }
				}
				""", Map.of("partner", a), "ledger");
		assertThat(ledger).containsEntry("partner", a).containsEntry("account", "commission-payable:" + a);
		assertThat((List<Map<String, Object>>) ledger.get("balances")).singleElement().satisfies((balance) -> {
			assertThat(balance).containsEntry("currency", "EUR");
			assertThat(decimal(balance.get("amount"))).isEqualByComparingTo("24.00");
		});
		assertThat((List<Map<String, Object>>) ledger.get("entries")).singleElement().satisfies((entry) -> {
			assertThat(entry).containsEntry("key", "commission-run:" + plan + ":2026-02")
				.containsEntry("description", "Provisionslauf " + plan + " 2026-02")
				.containsEntry("bookedAt", "2026-02-28T22:59:59.999999Z")
				.containsEntry("account", "commission-payable:" + a)
				.containsEntry("currency", "EUR")
				.containsKey("transactionId");
			assertThat(decimal(entry.get("amount"))).isEqualByComparingTo("-24.00");
		});

		// closing again answers the stored run; a later period cannot be closed before
		// March
		assertThat(input(CLOSE_RUN, Map.of("plan", plan, "period", "2026-02"), "closeRun").get("run")).isEqualTo(run);
		assertThat((List<Map<String, Object>>) input(CLOSE_RUN, Map.of("plan", plan, "period", "2026-04"), "closeRun")
			.get("errors")).singleElement()
			.satisfies((error) -> assertThat(error).containsEntry("code", "INVALID_PLAN")
				.containsEntry("field", "period"));
		assertThat(list("query($plan: String!) { periods(plan: $plan) { label closed } }", Map.of("plan", plan),
				"periods"))
			.startsWith(Map.of("label", "2026-02", "closed", true), Map.of("label", "2026-03", "closed", false))
			.contains(Map.of("label", "2026-11", "closed", false));

		// D returns line 2 (80 of 200 BV) in March: 40% of the February lines is reversed
		Map<String, Object> storno = Map.of("orderNumber", order("D"), "returnedAt", "2026-03-10T09:00:00Z",
				"returnKey", "R-" + this.suffix, "lineNumbers", List.of(2));
		assertThat(input(RETURN_ORDER, storno, "returnOrder")).containsEntry("recorded", true)
			.containsEntry("errors", List.of());
		assertThat(input(RETURN_ORDER, storno, "returnOrder")).containsEntry("recorded", false)
			.containsEntry("errors", List.of());
		Map<String, Object> march = this.client.data(
				"""
						query($plan: String!, $partner: String!) {
						  previewRun(plan: $plan, period: "2026-03") { total lines(partner: $partner) { reversal amount explanation } }
						}
						""",
				Map.of("plan", plan, "partner", c), "previewRun");
		assertThat(decimal(march.get("total"))).isEqualByComparingTo("-12.00");
		assertThat((List<Map<String, Object>>) march.get("lines")).singleElement().satisfies((line) -> {
			assertThat(line).containsEntry("reversal", true);
			assertThat(decimal(line.get("amount"))).isEqualByComparingTo("-8.00");
			assertThat((String) line.get("explanation")).startsWith("Storno: Unilevel Ebene 1");
		});

		// refusals name the field and change nothing
		assertThat(error(PAY_ORDER, Map.of("orderNumber", "NO-" + this.suffix), "payOrder")).containsEntry("field",
				"orderNumber");
		assertThat(error(RETURN_ORDER, Map.of("orderNumber", order("C"), "returnKey", "R2-" + this.suffix,
				"lineNumbers", List.of(1), "fraction", "0.5"), "returnOrder"))
			.containsEntry("field", "fraction");
		assertThat(error(RETURN_ORDER,
				Map.of("orderNumber", order("C"), "returnKey", "R3-" + this.suffix, "fraction", "1.5"), "returnOrder"))
			.containsEntry("field", "fraction");
		assertThat(error(RETURN_ORDER,
				Map.of("orderNumber", order("C"), "returnKey", "R4-" + this.suffix, "lineNumbers", List.of(7)),
				"returnOrder"))
			.containsEntry("field", "lineNumbers");
	}

	@Test
	@SuppressWarnings("unchecked")
	void refusesAnInvalidPlanDocumentNamingTheFieldAndStoresNothing() {
		String plan = "it-invalid-" + this.suffix;
		Map<String, Object> refused = input(CREATE_PLAN,
				Map.of("name", plan, "type", "UNILEVEL", "periodLength", "MONTHLY", "firstPeriod", "2026-02",
						"effectiveFrom", "2026-02-01", "document",
						"{\"type\":\"UNILEVEL\",\"levelRates\":[\"0.10\",\"1.5\"],\"minPersonalPv\":\"50\"}"),
				"createPlan");
		assertThat(refused).containsEntry("plan", null).containsEntry("version", null);
		assertThat((List<Map<String, Object>>) refused.get("errors")).singleElement().satisfies((error) -> {
			assertThat(error).containsEntry("code", "INVALID_PLAN").containsEntry("field", "document.levelRates[1]");
			assertThat((String) error.get("message")).startsWith("levelRates[1] must be a fraction from 0 to 1");
		});
		assertThat(
				this.client.data("query($name: String!) { plan(name: $name) { name } }", Map.of("name", plan), "plan"))
			.isNull();

		assertThat(error(CREATE_PLAN,
				Map.of("name", plan, "type", "UNILEVEL", "periodLength", "MONTHLY", "firstPeriod", "2026-13",
						"effectiveFrom", "2026-02-01", "document", UNILEVEL),
				"createPlan"))
			.containsEntry("field", "firstPeriod");
		assertThat(error(CREATE_PLAN,
				Map.of("name", plan, "type", "BINARY", "periodLength", "MONTHLY", "firstPeriod", "2026-02",
						"effectiveFrom", "2026-02-01", "document", UNILEVEL),
				"createPlan"))
			.containsEntry("field", "document.type");
		assertThat(
				error("""
						mutation($input: CreatePlanVersionInput!) { createPlanVersion(input: $input) { errors { code field message } } }
						""",
						Map.of("plan", plan, "effectiveFrom", "2026-03-01", "document", UNILEVEL), "createPlanVersion"))
			.containsEntry("field", "plan");
		assertThat(error(RECORD_ORDER,
				Map.of("orderNumber", "BAD-" + this.suffix, "partner", "NOBODY-" + this.suffix, "orderedAt",
						"2026-02-05T10:00:00Z", "currency", "EUR", "lines", List.of(line("10"))),
				"recordOrder"))
			.containsEntry("field", "partner");
		Map<String, Object> zero = Map.of("product", "X", "quantity", "0", "unitPrice", "1", "vatRate", "0.19", "pv",
				"1", "bv", "1");
		Map<String, Object> errors = input(RECORD_ORDER, Map.of("orderNumber", "BAD-" + this.suffix, "partner", "P-x",
				"orderedAt", "2026-02-05T10:00:00Z", "currency", "euro", "lines", List.of(line("10"), zero)),
				"recordOrder");
		assertThat((List<Map<String, Object>>) errors.get("errors")).extracting((error) -> error.get("field"))
			.containsExactlyInAnyOrder("partner", "lines[1].quantity", "currency");
		assertThat(errors).containsEntry("recorded", false);
	}

	@Test
	void refusesMutationsWithoutLoginAndStaffOnlyFieldsToOtherRoles() {
		RestClient anonymous = RestClient.create("http://localhost:" + this.port + "/graphql");
		HttpStatus status = anonymous.post()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("query", CLOSE_RUN, "variables", Map.of("input", Map.of("plan", "any", "period", "2026-02"))))
			.exchange((request, response) -> HttpStatus.valueOf(response.getStatusCode().value()));
		assertThat(status).isEqualTo(HttpStatus.UNAUTHORIZED);

		// a partner role, once it may reach /graphql, is refused by each staff-only field
		this.securityContexts.getContext()
			.setAuthentication(new TestingAuthenticationToken("partner", "secret", "ROLE_PARTNER"));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> this.controller.ledger("P-0000001"));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.controller.closeRun(new CompensationGraphQlController.CloseRunInput("any", "x")));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> this.orderController
			.recordOrderEvents(new OrderGraphQlController.RecordOrderEventsInput(List.of())));
		this.securityContexts.getContext()
			.setAuthentication(new TestingAuthenticationToken("staff", "secret", "ROLE_STAFF"));
		assertThat(this.controller.runStatus()).isNotNull();
	}

	@Test
	void creditsACustomersOrderToThePartnerWhoBroughtThem() {
		String a = partner("A");
		this.loader.load(new Organisation(List.of(new Partner(PartnerNumber.of(a), "Anna", "Anfang", null, "Berlin",
				"DE", "de", PartnerStatus.ACTIVE, Instant.parse("2026-01-01T00:00:00Z"))), List.of(), List.of()));
		String customer = "K-" + this.suffix;
		String register = """
				mutation($input: RegisterCustomerInput!) {
				  registerCustomer(input: $input) { customer { number partner name } registered errors { field message } }
				}
				""";
		assertThat(input(register, Map.of("number", customer, "partner", a, "name", "Karl Kunde"), "registerCustomer"))
			.containsEntry("registered", true)
			.containsEntry("customer", Map.of("number", customer, "partner", a, "name", "Karl Kunde"));
		assertThat(
				error(register, Map.of("number", customer, "partner", "CG-nobody", "name", "Karl"), "registerCustomer"))
			.containsEntry("field", "partner");
		Map<String, Object> recorded = input(RECORD_ORDER, Map.of("orderNumber", order("K1"), "customer", customer,
				"orderedAt", "2026-02-05T10:00:00Z", "currency", "EUR", "lines", List.of(line("80.00"))),
				"recordOrder");
		assertThat(recorded).containsEntry("recorded", true).containsEntry("errors", List.of());
		assertThat(error(RECORD_ORDER,
				Map.of("orderNumber", order("K2"), "customer", "K-unknown", "orderedAt", "2026-02-05T10:00:00Z",
						"currency", "EUR", "lines", List.of(line("80.00"))),
				"recordOrder"))
			.containsEntry("field", "customer")
			.containsEntry("message", "No customer has the number K-unknown; register the customer first");
		assertThat(this.client.data("""
				query($n: String!) {
				  order(orderNumber: $n) { partner customer lines { bv } events { kind } }
				}""", Map.of("n", order("K1")), "order")).containsEntry("partner", a)
			.containsEntry("customer", customer)
			.containsEntry("lines", List.of(Map.of("bv", "80.0000")))
			.containsEntry("events", List.of());
		assertThat(this.client.data("query($n: String!) { customer(number: $n) { partner } }", Map.of("n", customer),
				"customer"))
			.containsEntry("partner", a);
	}

	@Test
	@SuppressWarnings("unchecked")
	void recordsManyOrderEventsInOneCallOrNoneOfThem() {
		String a = partner("A");
		this.loader.load(new Organisation(List.of(new Partner(PartnerNumber.of(a), "Anna", "Anfang", null, "Berlin",
				"DE", "de", PartnerStatus.ACTIVE, Instant.parse("2026-01-01T00:00:00Z"))), List.of(), List.of()));
		String x = order("X");
		String y = order("Y");
		Map<String, Object> orderX = Map.of("order", Map.of("orderNumber", x, "partner", a, "orderedAt",
				"2026-02-05T10:00:00Z", "currency", "EUR", "lines", List.of(line("50"), line("30"))));
		Map<String, Object> payX = Map.of("payment", Map.of("orderNumber", x, "paidAt", "2026-02-06T10:00:00Z"));
		Map<String, Object> stornoX = Map.of("storno", Map.of("orderNumber", x, "returnedAt", "2026-02-07T10:00:00Z",
				"returnKey", "S-1", "lineNumbers", List.of(2)));
		Map<String, Object> orderY = Map.of("order", Map.of("orderNumber", y, "partner", a, "orderedAt",
				"2026-02-05T11:00:00Z", "currency", "EUR", "lines", List.of(line("20"))));
		Map<String, Object> payY = Map.of("payment", Map.of("orderNumber", y, "paidAt", "2026-02-06T11:00:00Z"));
		String orderQuery = "query($n: String!) { order(orderNumber: $n) { events { kind lineNumbers } } }";

		// the last event pays an unknown order: nothing of the list is recorded
		Map<String, Object> refused = input(RECORD_ORDER_EVENTS,
				Map.of("events", List.of(orderX, payX, stornoX, Map.of("payment", Map.of("orderNumber", "NO-" + x)))),
				"recordOrderEvents");
		assertThat(refused).containsEntry("recorded", List.of()).containsEntry("recordedCount", 0);
		assertThat((List<Map<String, Object>>) refused.get("errors")).singleElement().satisfies((error) -> {
			assertThat(error).containsEntry("code", "INVALID_INPUT")
				.containsEntry("field", "events[3].payment.orderNumber");
			assertThat((String) error.get("message")).startsWith("Event 3 of the batch (payment of order NO-" + x + ")")
				.endsWith("No order has the number NO-" + x);
		});
		assertThat(this.client.data(orderQuery, Map.of("n", x), "order")).isNull();

		// malformed events are named by their place in the list
		Map<String, Object> badLine = Map.of("product", "ART-1", "quantity", "0", "unitPrice", "1", "vatRate", "0.19",
				"pv", "1", "bv", "1");
		Map<String, Object> malformed = input(RECORD_ORDER_EVENTS, Map.of("events", List.of(
				Map.of("order",
						Map.of("orderNumber", y, "partner", a, "orderedAt", "2026-02-05T11:00:00Z", "currency", "EUR",
								"lines", List.of(badLine))),
				Map.of("payment", Map.of("orderNumber", y), "storno", Map.of("orderNumber", y, "returnKey", "S-2")))),
				"recordOrderEvents");
		assertThat((List<Map<String, Object>>) malformed.get("errors")).extracting((error) -> error.get("field"))
			.containsExactly("events[0].order.lines[0].quantity", "events[1]");

		// an order, its payment and a storno of its second line in one call; paying X
		// again records nothing
		Map<String, Object> recorded = input(RECORD_ORDER_EVENTS,
				Map.of("events", List.of(orderX, payX, stornoX, orderY, payY, payX)), "recordOrderEvents");
		assertThat(recorded).containsEntry("recorded", List.of(true, true, true, true, true, false))
			.containsEntry("recordedCount", 5)
			.containsEntry("errors", List.of());
		assertThat(this.client.data(orderQuery, Map.of("n", x), "order")).containsEntry("events",
				List.of(Map.of("kind", "PAID", "lineNumbers", List.of()),
						Map.of("kind", "RETURNED", "lineNumbers", List.of(2))));
		assertThat(this.client.data(orderQuery, Map.of("n", y), "order")).containsEntry("events",
				List.of(Map.of("kind", "PAID", "lineNumbers", List.of())));
	}

	private void enrol(String number, String sponsor) {
		Map<String, Object> payload = input("""
				mutation($input: EnrolPartnerInput!) { enrolPartner(input: $input) { errors { code message } } }
				""", Map.of("number", number, "firstName", "Vor", "lastName", "Nach", "country", "DE", "language", "de",
				"sponsor", sponsor, "joinedAt", "2026-01-15T00:00:00Z"), "enrolPartner");
		assertThat(payload.get("errors")).isEqualTo(List.of());
	}

	@SafeVarargs
	private void order(String number, String partner, Map<String, Object>... lines) {
		Map<String, Object> payload = input(RECORD_ORDER, Map.of("orderNumber", number, "partner", partner, "orderedAt",
				"2026-02-05T10:00:00Z", "currency", "EUR", "lines", List.of(lines)), "recordOrder");
		assertThat(payload).containsEntry("orderNumber", number)
			.containsEntry("recorded", true)
			.containsEntry("errors", List.of());
	}

	private static Map<String, Object> line(String volume) {
		return Map.of("product", "ART-1", "quantity", "1", "unitPrice", volume, "vatRate", "0.19", "pv", volume, "bv",
				volume);
	}

	private String partner(String name) {
		return "CG-" + name + "-" + this.suffix;
	}

	private String order(String name) {
		return "CO-" + name + "-" + this.suffix;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> error(String mutation, Map<String, Object> input, String field) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) input(mutation, input, field).get("errors");
		assertThat(errors).as("errors of " + field).isNotEmpty();
		return errors.get(0);
	}

	private Map<String, Object> input(String mutation, Map<String, Object> input, String field) {
		return this.client.data(mutation, Map.of("input", input), field);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> list(String query, Map<String, Object> variables, String field) {
		Map<String, Object> response = this.client.post(query, variables);
		assertThat(response.get("errors")).as("errors").isNull();
		return (List<Map<String, Object>>) ((Map<String, Object>) response.get("data")).get(field);
	}

	private static BigDecimal sum(List<Map<String, Object>> lines) {
		return lines.stream().map((line) -> decimal(line.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static BigDecimal decimal(Object value) {
		return new BigDecimal((String) value);
	}

}
