package io.treeline.compensation.run;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SegmentTasksTest {

	@Test
	void bothThreadsWorkAndTheResultsKeepTheirOrder() throws Exception {
		SegmentTasks<Integer> tasks = new SegmentTasks<>(() -> prepared(500, -1));
		Thread encoder = new Thread(tasks::run);
		encoder.start();

		List<Integer> results = tasks.join();

		encoder.join();
		assertThat(results).containsExactlyElementsOf(IntStream.range(0, 500).map((i) -> i * i).boxed().toList());
	}

	@Test
	void theJoiningThreadPreparesAndWorksAloneWhenTheEncoderIsBusy() {
		SegmentTasks<Integer> tasks = new SegmentTasks<>(() -> prepared(20, -1));

		assertThat(tasks.join()).hasSize(20).startsWith(0, 1, 4, 9);
		// the encoder coming late finds nothing left
		tasks.run();
	}

	@Test
	void aFailingTaskFailsTheJoin() throws Exception {
		SegmentTasks<Integer> tasks = new SegmentTasks<>(() -> prepared(100, 42));
		Thread encoder = new Thread(tasks::run);
		encoder.start();

		assertThatIllegalStateException().isThrownBy(tasks::join).withMessage("task 42 failed");
		encoder.join();
	}

	@Test
	void aFailingPreparationFailsTheJoin() {
		SegmentTasks<Integer> tasks = new SegmentTasks<>(() -> {
			throw new IllegalStateException("no tasks");
		});
		tasks.run();

		assertThatIllegalStateException().isThrownBy(tasks::join).withMessage("no tasks");
	}

	@Test
	void drainsInTaskOrderInBatchesWhileTheEncoderWorks() throws Exception {
		SegmentTasks<Integer> tasks = new SegmentTasks<>(() -> prepared(500, -1));
		Thread encoder = new Thread(tasks::run);
		encoder.start();
		List<List<Integer>> batches = new ArrayList<>();

		tasks.drain(64, batches::add);

		encoder.join();
		assertThat(batches).hasSize(8).allSatisfy((batch) -> assertThat(batch.size()).isBetween(1, 64));
		assertThat(batches.subList(0, 7)).allSatisfy((batch) -> assertThat(batch).hasSize(64));
		assertThat(batches.stream().flatMap(List::stream).toList())
			.containsExactlyElementsOf(IntStream.range(0, 500).map((i) -> i * i).boxed().toList());
	}

	@Test
	void theDrainingThreadWorksAloneWhenTheEncoderIsBusy() {
		SegmentTasks<Integer> tasks = new SegmentTasks<>(() -> prepared(10, -1));
		List<Integer> drained = new ArrayList<>();

		tasks.drain(3, drained::addAll);

		assertThat(drained).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81);
		tasks.run();
	}

	@Test
	void aFailingTaskFailsTheDrainAfterTheBatchesBeforeIt() throws Exception {
		SegmentTasks<Integer> tasks = new SegmentTasks<>(() -> prepared(100, 42));
		List<Integer> drained = new ArrayList<>();

		assertThatIllegalStateException().isThrownBy(() -> tasks.drain(10, drained::addAll))
			.withMessage("task 42 failed");
		assertThat(drained).hasSize(40);
	}

	private static SegmentTasks.Prepared<Integer> prepared(int count, int failing) {
		return new SegmentTasks.Prepared<>() {

			@Override
			public int count() {
				return count;
			}

			@Override
			public Integer task(int index) {
				if (index == failing) {
					throw new IllegalStateException("task " + index + " failed");
				}
				return index * index;
			}

		};
	}

}
