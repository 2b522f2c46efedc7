package io.treeline.compensation.order;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import io.treeline.compensation.MonthlyVolume;
import io.treeline.compensation.OrderImport;
import io.treeline.compensation.OrderImportProblem;
import io.treeline.compensation.OrderImportResult;
import io.treeline.compensation.TestPartners;
import io.treeline.compensation.Volumes;
import io.treeline.graph.OrganisationLoader;
import io.treeline.graph.PartnerNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports the files of {@code src/test/resources/order-import}; their order numbers start
 * with {@code IMP-} and their partners with {@code P-IMP-}, so no other test sees them.
 */
@SpringBootTest
class ProviderOrderImportIT {

	@Autowired
	OrganisationLoader organisationLoader;

	@BeforeEach
	void partnersOfTheOrders() {
		TestPartners.ensure(this.organisationLoader, "P-IMP-B", "P-IMP-C", "P-IMP-J", "P-IMP-L");
	}

	@Autowired
	OrderImport orderImport;

	@Autowired
	Volumes volumes;

	@Autowired
	JdbcClient jdbc;

	@Test
	void importsCsvOnceAndAgainWithoutChange() throws IOException {
		OrderImportResult first = importCsv("orders.csv");
		assertThat(first.problems()).isEmpty();
		assertThat(first).isEqualTo(new OrderImportResult(List.of(), 2, 2, 2, 2, 1, 1));
		assertThat(lines("IMP-C-1")).isEqualTo(2);
		assertThat(volume("P-IMP-C")).containsExactly(
				new MonthlyVolume(YearMonth.of(2026, 3), new BigDecimal("60.0000"), new BigDecimal("54.0000")));
		OrderImportResult again = importCsv("orders.csv");
		assertThat(again).isEqualTo(new OrderImportResult(List.of(), 2, 0, 2, 0, 1, 0));
		assertThat(again.unchanged()).isTrue();
		assertThat(lines("IMP-C-1")).isEqualTo(2);
		assertThat(volume("P-IMP-C")).containsExactly(
				new MonthlyVolume(YearMonth.of(2026, 3), new BigDecimal("60.0000"), new BigDecimal("54.0000")));
		// a later file returns the rest of a recorded order by its number alone
		OrderImportResult storno = this.orderImport.importJson("storno.json", new StringReader("""
				{"orders": [{"orderNumber": "IMP-C-2", "events": [
				  {"type": "return", "stornoId": "ST-C-2", "returnedAt": "2026-04-01T10:00:00Z", "whole": true}]}]}
				"""));
		assertThat(storno).isEqualTo(new OrderImportResult(List.of(), 0, 0, 0, 0, 1, 1));
		assertThat(volume("P-IMP-C")).containsExactly(
				new MonthlyVolume(YearMonth.of(2026, 3), new BigDecimal("60.0000"), new BigDecimal("54.0000")),
				new MonthlyVolume(YearMonth.of(2026, 4), new BigDecimal("-20.0000"), new BigDecimal("-18.0000")));
	}

	@Test
	void importsJsonOnceAndAgainWithoutChange() throws IOException {
		OrderImportResult first = importJson("orders.json");
		assertThat(first).isEqualTo(new OrderImportResult(List.of(), 2, 2, 1, 1, 2, 2));
		assertThat(volume("P-IMP-J")).containsExactly(
				new MonthlyVolume(YearMonth.of(2026, 4), new BigDecimal("25.0000"), new BigDecimal("22.5000")));
		assertThat(this.jdbc
			.sql("select unit_price from order_lines l join orders o on o.id = l.order_id "
					+ "where o.order_number = 'IMP-J-1' and l.line_no = 2")
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("9.95");
		assertThat(importJson("orders.json").unchanged()).isTrue();
		assertThat(volume("P-IMP-J")).containsExactly(
				new MonthlyVolume(YearMonth.of(2026, 4), new BigDecimal("25.0000"), new BigDecimal("22.5000")));
	}

	@Test
	void refusesAFaultyFileWholeAndNamesEveryLine() throws IOException {
		OrderImportResult result = importCsv("refused.csv");
		assertThat(result.loaded()).isFalse();
		assertThat(result.problems()).extracting(OrderImportProblem::line).containsExactly(2L, 3L, 3L, 5L, 6L, 7L, 10L);
		assertThat(result.problems()).allSatisfy((problem) -> assertThat(problem.file()).isEqualTo("refused.csv"));
		assertThat(result.problems().getFirst()).hasToString("refused.csv, line 2: pv must be at least 0 (got -40)");
		assertThat(result.problems()).extracting(OrderImportProblem::message)
			.anySatisfy((message) -> assertThat(message).startsWith("orderedAt must be an ISO-8601 instant"))
			.anySatisfy((message) -> assertThat(message).startsWith("currency must be an ISO 4217 currency code"))
			.anySatisfy((message) -> assertThat(message).contains("is given differently on line 4"))
			.anySatisfy((message) -> assertThat(message).contains("no order has the number IMP-NOPE"))
			.anySatisfy((message) -> assertThat(message).contains("can only be cancelled as a whole"))
			.anySatisfy((message) -> assertThat(message).contains("is before the payment"));
		assertThat(this.jdbc.sql("select count(*) from orders where order_number like 'IMP-B-%'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void refusesAPartialReturnOfAnUnpaidOrderAtTheEventsLine() {
		OrderImportResult result = this.orderImport.importJson("late.json", new StringReader("""
				{"orders": [
				  {"orderNumber": "IMP-L-1", "partner": "P-IMP-L", "orderedAt": "2026-05-01T10:00:00Z",
				   "currency": "EUR",
				   "lines": [{"product": "A", "quantity": 1, "unitPrice": 1, "vatRate": 0, "pv": 1, "bv": 1}],
				   "events": [{"type": "payment", "paidAt": "2026-05-02T10:00:00Z"}]},
				  {"orderNumber": "IMP-L-2", "partner": "P-IMP-L", "orderedAt": "2026-05-01T10:00:00Z",
				   "currency": "EUR",
				   "lines": [{"product": "A", "quantity": 1, "unitPrice": 1, "vatRate": 0, "pv": 1, "bv": 1}],
				   "events": [{"type": "return", "stornoId": "S", "returnedAt": "2026-05-02T10:00:00Z", "lines": [2]}]}
				]}
				"""));
		assertThat(result.problems()).containsExactly(new OrderImportProblem("late.json", 9,
				"order IMP-L-2 is not paid: it can only be cancelled as a whole"));
		assertThat(this.jdbc.sql("select count(*) from orders where order_number like 'IMP-L-%'")
			.query(Integer.class)
			.single()).isZero();
	}

	private OrderImportResult importCsv(String name) throws IOException {
		try (Reader reader = resource(name)) {
			return this.orderImport.importCsv(name, reader);
		}
	}

	private OrderImportResult importJson(String name) throws IOException {
		try (Reader reader = resource(name)) {
			return this.orderImport.importJson(name, reader);
		}
	}

	private Reader resource(String name) {
		return new InputStreamReader(getClass().getResourceAsStream("/order-import/" + name), StandardCharsets.UTF_8);
	}

	private int lines(String orderNumber) {
		return this.jdbc
			.sql("select count(*) from order_lines l join orders o on o.id = l.order_id where o.order_number = :n")
			.param("n", orderNumber)
			.query(Integer.class)
			.single();
	}

	private List<MonthlyVolume> volume(String partner) {
		return this.volumes.personalByMonth(List.of(PartnerNumber.of(partner))).get(PartnerNumber.of(partner));
	}

}
