package io.treeline.graph.snapshot;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MappedListTest {

	@Test
	void makesOnlyTheElementsThatAreRead() {
		AtomicInteger made = new AtomicInteger();
		List<String> list = new MappedList<>(1_000_000, (i) -> {
			made.incrementAndGet();
			return "level " + (i + 1);
		});
		assertThat(list).hasSize(1_000_000);
		assertThat(list.subList(0, 3)).containsExactly("level 1", "level 2", "level 3");
		assertThat(made).hasValue(3);
		assertThat(new MappedList<>(2, (i) -> "level " + (i + 1))).isEqualTo(List.of("level 1", "level 2"));
	}

	@Test
	void refusesIndexesOutsideAndChanges() {
		List<String> list = new MappedList<>(2, Integer::toString);
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.get(2));
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> list.get(-1));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> list.add("3"));
	}

}
