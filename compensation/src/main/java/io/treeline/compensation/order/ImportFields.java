package io.treeline.compensation.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.treeline.compensation.NewOrder;
import io.treeline.compensation.OrderImportProblem;
import io.treeline.compensation.OrderLine;
import io.treeline.compensation.OrderReturn;
import io.treeline.graph.PartnerNumber;

/**
 * Reads the fields of import records into domain values, shared by the CSV and the JSON
 * format. Every method reports what is wrong as a problem at the field's line and returns
 * {@code null} then, so a record yields all its problems at once.
 */
final class ImportFields {

	private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies()
		.stream()
		.map(Currency::getCurrencyCode)
		.collect(Collectors.toUnmodifiableSet());

	private final String file;

	private final List<OrderImportProblem> problems;

	ImportFields(String file) {
		this.file = file;
		this.problems = new ArrayList<>();
	}

	String file() {
		return this.file;
	}

	List<OrderImportProblem> problems() {
		return this.problems;
	}

	void problem(long line, String message) {
		this.problems.add(new OrderImportProblem(this.file, line, message));
	}

	String text(ImportRecord record, String field, int maxLength) {
		String value;
		try {
			value = record.text(field);
		}
		catch (IllegalArgumentException ex) {
			problem(record.line(field), record.name(field) + " " + ex.getMessage());
			return null;
		}
		if (value == null) {
			problem(record.line(field), record.name(field) + " is missing");
			return null;
		}
		if (value.length() > maxLength) {
			problem(record.line(field),
					record.name(field) + " has more than " + maxLength + " characters (" + value.length() + ")");
			return null;
		}
		return value;
	}

	String optionalText(ImportRecord record, String field) {
		try {
			return record.text(field);
		}
		catch (IllegalArgumentException ex) {
			problem(record.line(field), record.name(field) + " " + ex.getMessage());
			return null;
		}
	}

	PartnerNumber partner(ImportRecord record, String field) {
		String value = text(record, field, 32);
		if (value == null) {
			return null;
		}
		try {
			return PartnerNumber.of(value);
		}
		catch (IllegalArgumentException ex) {
			problem(record.line(field), record.name(field) + ": " + ex.getMessage());
			return null;
		}
	}

	Instant instant(ImportRecord record, String field) {
		String value = text(record, field, 64);
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			problem(record.line(field), record.name(field)
					+ " must be an ISO-8601 instant with offset, e.g. 2026-01-01T10:00:00+01:00 (got '" + value + "')");
			return null;
		}
	}

	String currency(ImportRecord record, String field) {
		String value = text(record, field, 16);
		if (value == null) {
			return null;
		}
		if (!value.matches("[A-Z]{3}") || !CURRENCIES.contains(value)) {
			problem(record.line(field),
					record.name(field) + " must be an ISO 4217 currency code such as EUR (got '" + value + "')");
			return null;
		}
		return value;
	}

	/**
	 * Reads a decimal of at most 15 digits before and {@code scale} after the point.
	 * @param record the record
	 * @param field the field
	 * @param scale the most digits after the point
	 * @param positive whether it must be more than 0 rather than at least 0
	 * @return the value or {@code null}
	 */
	BigDecimal decimal(ImportRecord record, String field, int scale, boolean positive) {
		String value = text(record, field, 40);
		if (value == null) {
			return null;
		}
		BigDecimal number;
		try {
			number = new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			problem(record.line(field),
					record.name(field) + " must be a decimal number with a point, e.g. 12.50 (got '" + value + "')");
			return null;
		}
		if (number.signum() < 0 || (positive && number.signum() == 0)) {
			problem(record.line(field), record.name(field) + " must be " + (positive ? "more than 0" : "at least 0")
					+ " (got " + number.toPlainString() + ")");
			return null;
		}
		BigDecimal stripped = number.stripTrailingZeros();
		if (stripped.scale() > scale || stripped.precision() - stripped.scale() > 15) {
			problem(record.line(field), record.name(field) + " must have at most 15 digits before and " + scale
					+ " after the point (got " + number.toPlainString() + ")");
			return null;
		}
		return number;
	}

	Integer lineNumber(ImportRecord record, String field) {
		String value = text(record, field, 10);
		if (value == null) {
			return null;
		}
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problem(record.line(field), record.name(field) + " must be a line number from 1 (got '" + value + "')");
		return null;
	}

	/**
	 * Reads the fields of an order line.
	 * @param record the record
	 * @return the line or {@code null}
	 */
	OrderLine orderLine(ImportRecord record) {
		String product = text(record, "product", 64);
		BigDecimal quantity = decimal(record, "quantity", 4, true);
		BigDecimal unitPrice = decimal(record, "unitPrice", 4, false);
		BigDecimal vatRate = decimal(record, "vatRate", 4, false);
		BigDecimal pv = decimal(record, "pv", 4, false);
		BigDecimal bv = decimal(record, "bv", 4, false);
		if (vatRate != null && vatRate.compareTo(BigDecimal.ONE) >= 0) {
			problem(record.line("vatRate"),
					record.name("vatRate") + " is a fraction, e.g. 0.19 for 19% (got " + vatRate.toPlainString() + ")");
			return null;
		}
		if (product == null || quantity == null || unitPrice == null || vatRate == null || pv == null || bv == null) {
			return null;
		}
		return new OrderLine(product, quantity, unitPrice, vatRate, pv, bv);
	}

	/**
	 * Reads a fraction of an order, more than 0 and at most 1.
	 * @param record the record
	 * @param field the field
	 * @return the share or {@code null}
	 */
	OrderReturn.Share share(ImportRecord record, String field) {
		BigDecimal fraction = decimal(record, field, 18, true);
		if (fraction == null) {
			return null;
		}
		if (fraction.compareTo(BigDecimal.ONE) > 0) {
			problem(record.line(field), record.name(field) + " is a fraction of the order: more than 0, at most 1 (got "
					+ fraction.toPlainString() + ")");
			return null;
		}
		return new OrderReturn.Share(fraction);
	}

	static String lower(String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * Compares two orders by their content, decimals by value.
	 * @param first one order
	 * @param second the other
	 * @return whether they are the same order
	 */
	static boolean sameOrder(NewOrder first, NewOrder second) {
		if (!first.orderNumber().equals(second.orderNumber()) || !first.partner().equals(second.partner())
				|| !first.orderedAt().equals(second.orderedAt()) || !first.currency().equals(second.currency())
				|| first.lines().size() != second.lines().size()) {
			return false;
		}
		for (int i = 0; i < first.lines().size(); i++) {
			if (!sameLine(first.lines().get(i), second.lines().get(i))) {
				return false;
			}
		}
		return true;
	}

	static boolean sameLine(OrderLine first, OrderLine second) {
		return first.product().equals(second.product()) && first.quantity().compareTo(second.quantity()) == 0
				&& first.unitPrice().compareTo(second.unitPrice()) == 0
				&& first.vatRate().compareTo(second.vatRate()) == 0 && first.pv().compareTo(second.pv()) == 0
				&& first.bv().compareTo(second.bv()) == 0;
	}

	static boolean sameEvent(ImportedEvent first, ImportedEvent second) {
		if (first instanceof ImportedEvent.Return a && second instanceof ImportedEvent.Return b) {
			boolean sameReturn = switch (a.returned()) {
				case OrderReturn.Share share -> b.returned() instanceof OrderReturn.Share other
						&& share.fraction().compareTo(other.fraction()) == 0;
				case OrderReturn.Lines lines -> b.returned() instanceof OrderReturn.Lines other
						&& Set.copyOf(lines.lineNumbers()).equals(Set.copyOf(other.lineNumbers()));
				case OrderReturn.Whole whole -> b.returned() instanceof OrderReturn.Whole;
			};
			return sameReturn && a.at().equals(b.at()) && a.orderNumber().equals(b.orderNumber());
		}
		return first.equals(second);
	}

}
