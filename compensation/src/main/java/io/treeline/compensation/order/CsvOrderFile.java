package io.treeline.compensation.order;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.OrderReturn;
import io.treeline.graph.PartnerNumber;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV format of the order import: one row per order line (the order's columns
 * repeated), per payment and per storno, told apart by the column {@code record}.
 */
final class CsvOrderFile {

	static final List<String> COLUMNS = List.of("record", "orderNumber", "line", "partner", "orderedAt", "currency",
			"product", "quantity", "unitPrice", "vatRate", "pv", "bv", "paidAt", "returnedAt", "stornoId", "returns");

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setTrim(true)
		.setIgnoreEmptyLines(true)
		.get();

	private final ImportFields fields;

	private final Map<String, Draft> drafts = new LinkedHashMap<>();

	private final List<Located<ImportedEvent>> events = new ArrayList<>();

	private CsvOrderFile(String file) {
		this.fields = new ImportFields(file);
	}

	static ImportedFile read(String file, Reader reader) {
		return new CsvOrderFile(file).read(reader);
	}

	private ImportedFile read(Reader reader) {
		try (CSVParser parser = FORMAT.parse(reader)) {
			List<String> header = parser.getHeaderNames();
			List<String> missing = new ArrayList<>(List.of("record", "orderNumber"));
			missing.removeAll(header);
			if (!missing.isEmpty()) {
				this.fields.problem(1, "the header lacks the columns " + String.join(", ", missing));
				return result();
			}
			List<String> unknown = new ArrayList<>(header);
			unknown.removeAll(COLUMNS);
			if (!unknown.isEmpty()) {
				this.fields.problem(1, "the header has unknown columns " + String.join(", ", unknown) + " (known are "
						+ String.join(", ", COLUMNS) + ")");
			}
			for (CSVRecord row : parser) {
				row(new Row(row, row.getRecordNumber() + 1));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the order file " + this.fields.file(), ex);
		}
		catch (IllegalArgumentException | IllegalStateException | UncheckedIOException ex) {
			this.fields.problem(1, "not a readable CSV file: " + ex.getMessage());
		}
		return result();
	}

	private void row(Row row) {
		String kind = ImportFields.lower(this.fields.text(row, "record", 16));
		String orderNumber = this.fields.text(row, "orderNumber", 64);
		if (kind == null) {
			return;
		}
		switch (kind) {
			case "line" -> line(row, orderNumber);
			case "payment" -> {
				Instant paidAt = this.fields.instant(row, "paidAt");
				if (orderNumber != null && paidAt != null) {
					this.events.add(new Located<>(row.line, new ImportedEvent.Payment(orderNumber, paidAt)));
				}
			}
			case "return" -> storno(row, orderNumber);
			default -> this.fields.problem(row.line,
					"record must be line, payment or return (got '" + row.text("record") + "')");
		}
	}

	private void line(Row row, String orderNumber) {
		Integer lineNo = this.fields.lineNumber(row, "line");
		PartnerNumber partner = this.fields.partner(row, "partner");
		Instant orderedAt = this.fields.instant(row, "orderedAt");
		String currency = this.fields.currency(row, "currency");
		OrderLine line = this.fields.orderLine(row);
		if (orderNumber == null || lineNo == null || partner == null || orderedAt == null || currency == null
				|| line == null) {
			return;
		}
		Draft draft = this.drafts.get(orderNumber);
		if (draft == null) {
			draft = new Draft(row.line, orderNumber, partner, orderedAt, currency, new TreeMap<>());
			this.drafts.put(orderNumber, draft);
		}
		else if (!draft.partner().equals(partner) || !draft.orderedAt().equals(orderedAt)
				|| !draft.currency().equals(currency)) {
			this.fields.problem(row.line,
					"order " + orderNumber + " has another partner, orderedAt or currency on line " + draft.line()
							+ "; the order's columns must be the same on all its lines");
			return;
		}
		Located<OrderLine> before = draft.lines().get(lineNo);
		if (before == null) {
			draft.lines().put(lineNo, new Located<>(row.line, line));
		}
		else if (!ImportFields.sameLine(before.value(), line)) {
			this.fields.problem(row.line,
					"line " + lineNo + " of order " + orderNumber + " is given differently on line " + before.line());
		}
	}

	private void storno(Row row, String orderNumber) {
		Instant returnedAt = this.fields.instant(row, "returnedAt");
		String stornoId = this.fields.text(row, "stornoId", 128);
		OrderReturn returned = returns(row);
		if (orderNumber != null && returnedAt != null && stornoId != null && returned != null) {
			this.events
				.add(new Located<>(row.line, new ImportedEvent.Return(orderNumber, stornoId, returned, returnedAt)));
		}
	}

	private OrderReturn returns(Row row) {
		String value = this.fields.text(row, "returns", 400);
		if (value == null) {
			return null;
		}
		String lower = ImportFields.lower(value);
		if (lower.equals("whole")) {
			return new OrderReturn.Whole();
		}
		if (lower.startsWith("fraction:")) {
			return this.fields.share(new Part(row, value.substring("fraction:".length()).trim()), "returns");
		}
		if (lower.startsWith("lines:")) {
			List<Integer> lines = new ArrayList<>();
			for (String number : value.substring("lines:".length()).split(";")) {
				Integer lineNo = this.fields.lineNumber(new Part(row, number.trim()), "returns");
				if (lineNo == null) {
					return null;
				}
				lines.add(lineNo);
			}
			return new OrderReturn.Lines(lines);
		}
		this.fields.problem(row.line, "returns must be whole, lines:1;3 or fraction:0.25 (got '" + value + "')");
		return null;
	}

	private ImportedFile result() {
		List<Located<NewOrder>> orders = new ArrayList<>();
		for (Draft draft : this.drafts.values()) {
			List<Integer> numbers = new ArrayList<>(draft.lines().keySet());
			if (numbers.getLast() != numbers.size()) {
				this.fields.problem(draft.line(), "order " + draft.orderNumber() + " has the lines " + numbers
						+ "; its lines are numbered 1, 2, 3 and so on without gaps");
				continue;
			}
			orders.add(new Located<>(draft.line(), new NewOrder(draft.orderNumber(), draft.partner(), draft.orderedAt(),
					draft.currency(), draft.lines().values().stream().map(Located::value).toList())));
		}
		return new ImportedFile(this.fields.file(), this.fields.problems(), orders, this.events);
	}

	/** An order whose lines are being read. */
	private record Draft(long line, String orderNumber, PartnerNumber partner, Instant orderedAt, String currency,
			TreeMap<Integer, Located<OrderLine>> lines) {
	}

	/** A CSV row. */
	private record Row(CSVRecord record, long line) implements ImportRecord {

		@Override
		public String text(String field) {
			if (!this.record.isMapped(field)) {
				return null;
			}
			String value = this.record.isSet(field) ? this.record.get(field) : null;
			return (value == null || value.isEmpty()) ? null : value;
		}

		@Override
		public long line(String field) {
			return this.line;
		}

		@Override
		public String name(String field) {
			return field;
		}

	}

	/** A part of a field, e.g. one of the line numbers in {@code returns}. */
	private record Part(Row row, String value) implements ImportRecord {

		@Override
		public String text(String field) {
			return this.value.isEmpty() ? null : this.value;
		}

		@Override
		public long line(String field) {
			return this.row.line();
		}

		@Override
		public String name(String field) {
			return field;
		}

	}

}
