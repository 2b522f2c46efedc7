package io.treeline.compensation.order;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.treeline.compensation.OrderImportProblem;
import io.treeline.compensation.OrderReturn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderFilesTest {

	@Test
	void namesTheLineAndPathOfABadJsonField() {
		ImportedFile file = JsonOrderFile.read("bad.json", new StringReader("""
				{"orders": [
				  {"orderNumber": "J-1", "partner": "P-1", "orderedAt": "2026-05-01T10:00:00Z", "currency": "EUR",
				   "lines": [
				     {"product": "A", "quantity": 1, "unitPrice": 1, "vatRate": 0, "pv": 1, "bv": 1},
				     {"product": "B", "quantity": 1, "unitPrice": 1, "vatRate": 0,
				      "pv": -2, "bv": 1, "colour": "red"}
				   ]}
				]}
				"""));
		assertThat(file.problems()).containsExactlyInAnyOrder(
				new OrderImportProblem("bad.json", 6, "orders[0].lines[1].pv must be at least 0 (got -2)"),
				new OrderImportProblem("bad.json", 6, "orders[0].lines[1].colour is not a known field"));
		assertThat(file.orders()).isEmpty();
	}

	@Test
	void reportsInvalidJsonAtItsLine() {
		ImportedFile file = JsonOrderFile.read("broken.json",
				new StringReader("{\"orders\": [\n  {\"orderNumber\": }\n]}"));
		assertThat(file.problems()).hasSize(1);
		assertThat(file.problems().getFirst().line()).isEqualTo(2);
		assertThat(file.problems().getFirst().message()).startsWith("not valid JSON");
	}

	@Test
	void readsJsonDecimalsExactly() {
		ImportedFile file = JsonOrderFile.read("ok.json", new StringReader(
				"""
						{"orders": [{"orderNumber": "J-2", "partner": "P-1", "orderedAt": "2026-05-01T12:00:00+02:00",
						  "currency": "EUR",
						  "lines": [{"product": "A", "quantity": 3, "unitPrice": 0.1, "vatRate": "0.19", "pv": 12.3456, "bv": 1}],
						  "events": [{"type": "return", "stornoId": "S-1", "returnedAt": "2026-05-02T10:00:00Z",
						              "fraction": 0.333333333333333333}]}]}
						"""));
		assertThat(file.problems()).isEmpty();
		var line = file.orders().getFirst().value().lines().getFirst();
		assertThat(line.unitPrice()).isEqualTo(new BigDecimal("0.1"));
		assertThat(line.pv()).isEqualTo(new BigDecimal("12.3456"));
		assertThat(file.orders().getFirst().value().orderedAt()).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
		assertThat(file.events()).extracting(Located::value)
			.containsExactly(new ImportedEvent.Return("J-2", "S-1",
					new OrderReturn.Share(new BigDecimal("0.333333333333333333")),
					Instant.parse("2026-05-02T10:00:00Z")));
	}

	@Test
	void readsCsvLinesInTheirNumberedOrderAndAllKindsOfReturns() {
		ImportedFile file = CsvOrderFile.read("ok.csv", new StringReader(
				"""
						record,orderNumber,line,partner,orderedAt,currency,product,quantity,unitPrice,vatRate,pv,bv,paidAt,returnedAt,stornoId,returns
						line,C-1,2,P-1,2026-05-01T10:00:00Z,EUR,B,1,1,0,2,2,,,,
						line,C-1,1,P-1,2026-05-01T10:00:00Z,EUR,A,1,1,0,1,1,,,,
						return,C-1,,,,,,,,,,,,2026-05-03T10:00:00Z,S-1,lines:1; 2
						return,C-1,,,,,,,,,,,,2026-05-03T10:00:00Z,S-2,WHOLE
						return,C-1,,,,,,,,,,,,2026-05-03T10:00:00Z,S-3,fraction:0.25
						"""));
		assertThat(file.problems()).isEmpty();
		assertThat(file.orders().getFirst().value().lines()).extracting((line) -> line.product())
			.containsExactly("A", "B");
		assertThat(file.events()).extracting((event) -> ((ImportedEvent.Return) event.value()).returned())
			.containsExactly(new OrderReturn.Lines(List.of(1, 2)), new OrderReturn.Whole(),
					new OrderReturn.Share(new BigDecimal("0.25")));
	}

	@Test
	void refusesCsvGapsUnknownColumnsAndBadReturns() {
		ImportedFile file = CsvOrderFile.read("bad.csv", new StringReader(
				"""
						record,orderNumber,line,partner,orderedAt,currency,product,quantity,unitPrice,vatRate,pv,bv,returnedAt,stornoId,returns,colour
						line,C-1,1,P-1,2026-05-01T10:00:00Z,EUR,A,1,1,0,1,1,,,,
						line,C-1,3,P-1,2026-05-01T10:00:00Z,EUR,A,1,1,0,1,1,,,,
						return,C-1,,,,,,,,,,,2026-05-03T10:00:00Z,S-1,fraction:1.5,
						return,C-1,,,,,,,,,,,2026-05-03T10:00:00Z,S-2,all,
						payment,C-1,,,,,,,,,,,,,,
						"""));
		assertThat(file.problems()).extracting(OrderImportProblem::toString)
			.containsExactlyInAnyOrder(
					"bad.csv, line 1: the header has unknown columns colour (known are "
							+ String.join(", ", CsvOrderFile.COLUMNS) + ")",
					"bad.csv, line 2: order C-1 has the lines [1, 3]; its lines are numbered 1, 2, 3 and so on without gaps",
					"bad.csv, line 4: returns is a fraction of the order: more than 0, at most 1 (got 1.5)",
					"bad.csv, line 5: returns must be whole, lines:1;3 or fraction:0.25 (got 'all')",
					"bad.csv, line 6: paidAt is missing");
	}

}
