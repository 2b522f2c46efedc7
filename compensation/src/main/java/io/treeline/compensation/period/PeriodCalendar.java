package io.treeline.compensation.period;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.treeline.compensation.InvalidPlanException;
import io.treeline.compensation.PeriodLength;

/**
 * The calendar of a plan's periods in the company's time zone: months labelled
 * {@code 2026-01}, ISO weeks (Monday to Sunday) labelled {@code 2026-W03}.
 *
 * @param length monthly or weekly
 * @param zone the company's time zone
 */
public record PeriodCalendar(PeriodLength length, ZoneId zone) {

	private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

	/**
	 * Returns the first day of the period with a label.
	 * @param label the label
	 * @return its first day
	 * @throws InvalidPlanException if the label is not one of this calendar
	 */
	public LocalDate firstDay(String label) {
		String trimmed = (label != null) ? label.strip().toUpperCase(Locale.ROOT) : "";
		if (this.length == PeriodLength.MONTHLY) {
			try {
				return YearMonth.parse(trimmed).atDay(1);
			}
			catch (DateTimeParseException ex) {
				throw new InvalidPlanException("period: '" + label + "' is not a month such as 2026-01");
			}
		}
		Matcher week = WEEK.matcher(trimmed);
		int year = week.matches() ? Integer.parseInt(week.group(1)) : 0;
		int number = week.matches() ? Integer.parseInt(week.group(2)) : 0;
		if (!week.matches() || year < 1 || number < 1
				|| number > LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)) {
			throw new InvalidPlanException("period: '" + label + "' is not an ISO week such as 2026-W03");
		}
		LocalDate januaryFourth = LocalDate.of(year, 1, 4);
		return januaryFourth.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(number - 1);
	}

	/**
	 * Returns the label of the period that contains a day.
	 * @param day the day
	 * @return the label
	 */
	public String labelOf(LocalDate day) {
		if (this.length == PeriodLength.MONTHLY) {
			return YearMonth.from(day).toString();
		}
		return String.format(Locale.ROOT, "%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
				day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/**
	 * Returns the label of the period that contains an instant.
	 * @param instant the instant
	 * @return the label
	 */
	public String labelOf(Instant instant) {
		return labelOf(LocalDate.ofInstant(instant, this.zone));
	}

	/**
	 * Returns the first instant of a period.
	 * @param label the period
	 * @return the instant
	 */
	public Instant start(String label) {
		return firstDay(label).atStartOfDay(this.zone).toInstant();
	}

	/**
	 * Returns the first instant after a period.
	 * @param label the period
	 * @return the instant
	 */
	public Instant end(String label) {
		return nextDay(firstDay(label)).atStartOfDay(this.zone).toInstant();
	}

	/**
	 * Returns the label of the following period.
	 * @param label a period
	 * @return the next period's label
	 */
	public String next(String label) {
		return labelOf(nextDay(firstDay(label)));
	}

	/**
	 * Returns the label of the preceding period.
	 * @param label a period
	 * @return the previous period's label
	 */
	public String previous(String label) {
		LocalDate first = firstDay(label);
		return labelOf((this.length == PeriodLength.MONTHLY) ? first.minusMonths(1) : first.minusWeeks(1));
	}

	/**
	 * Returns a label in its canonical spelling.
	 * @param label a label, perhaps in lower case
	 * @return the canonical label
	 */
	public String canonical(String label) {
		return labelOf(firstDay(label));
	}

	private LocalDate nextDay(LocalDate first) {
		return (this.length == PeriodLength.MONTHLY) ? first.plusMonths(1) : first.plusWeeks(1);
	}

}
