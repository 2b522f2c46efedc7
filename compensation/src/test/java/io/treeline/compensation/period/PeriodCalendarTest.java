package io.treeline.compensation.period;

import java.time.Instant;
import java.time.ZoneId;

import io.treeline.compensation.InvalidPlanException;
import io.treeline.compensation.PeriodLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PeriodCalendarTest {

	private final PeriodCalendar months = new PeriodCalendar(PeriodLength.MONTHLY, ZoneId.of("Europe/Berlin"));

	private final PeriodCalendar weeks = new PeriodCalendar(PeriodLength.WEEKLY, ZoneId.of("Europe/Berlin"));

	@Test
	void monthsStartAtMidnightInTheCompanysZone() {
		assertThat(this.months.start("2026-01")).isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
		assertThat(this.months.end("2026-03")).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
		assertThat(this.months.labelOf(Instant.parse("2026-01-31T23:30:00Z"))).isEqualTo("2026-02");
		assertThat(this.months.next("2026-12")).isEqualTo("2027-01");
		assertThat(this.months.previous("2026-01")).isEqualTo("2025-12");
	}

	@Test
	void weeksAreIsoWeeksFromMonday() {
		assertThat(this.weeks.firstDay("2026-W01")).hasToString("2025-12-29");
		assertThat(this.weeks.next("2026-W53")).isEqualTo("2027-W01");
		assertThat(this.weeks.canonical("2026-w03")).isEqualTo("2026-W03");
		assertThat(this.weeks.labelOf(Instant.parse("2027-01-01T12:00:00Z"))).isEqualTo("2026-W53");
	}

	@Test
	void refusesLabelsOfAnotherCalendar() {
		assertThatExceptionOfType(InvalidPlanException.class).isThrownBy(() -> this.months.firstDay("2026-W01"))
			.withMessage("period: '2026-W01' is not a month such as 2026-01");
		assertThatExceptionOfType(InvalidPlanException.class).isThrownBy(() -> this.weeks.firstDay("2025-W53"))
			.withMessage("period: '2025-W53' is not an ISO week such as 2026-W03");
	}

}
