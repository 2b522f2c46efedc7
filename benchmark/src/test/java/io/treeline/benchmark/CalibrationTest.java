package io.treeline.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CalibrationTest {

	@Test
	void readsWalkOneCycleThroughTheWholeTable() {
		int[] table = Calibration.cycle();
		boolean[] seen = new boolean[table.length];
		int at = 0;
		int steps = 0;
		do {
			assertThat(seen[at]).as("index %d reached twice", at).isFalse();
			seen[at] = true;
			at = table[at];
			steps++;
		}
		while (at != 0);
		assertThat(steps).isEqualTo(Calibration.TABLE);
	}

	@Test
	void everyRunDoesTheSameWork() {
		assertThat(Calibration.sort()).isEqualTo(Calibration.sort());
		Calibration.Figure first = Calibration.measure();
		Calibration.Figure second = Calibration.measure();
		assertThat(second.check()).isEqualTo(first.check());
		assertThat(first.sortMillis()).isPositive();
		assertThat(first.readMillis()).isPositive();
		assertThat(first.millis()).isEqualTo(first.sortMillis() + first.readMillis());
	}

	@Test
	void stealIsTheShareOfTheProcessorsTimeGivenToOthers() {
		Calibration.CpuTicks before = Calibration.CpuTicks
			.parse("cpu  6925084 150290 669630 4531823 71193 0 26344 10282 0 0");
		// 1,000 ticks later, 50 of them stolen; guest times (the last two) are in user
		// already
		Calibration.CpuTicks after = Calibration.CpuTicks
			.parse("cpu  6925684 150290 669730 4532023 71193 0 26394 10332 400 0");
		assertThat(after.total() - before.total()).isEqualTo(1000);
		assertThat(after.stealPercentSince(before)).isCloseTo(5.0, within(1e-9));
		assertThat(before.stealPercentSince(before)).isNaN();
		// 200 idle, 50 stolen: 750 of the 1,000 ticks worked
		assertThat(after.busyPercentSince(before)).isCloseTo(75.0, within(1e-9));
	}

}
