package io.treeline.compensation.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@Timeout(60)
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

	@Test
	void theEncoderStaysWithinItsLeadOfTheDrain() throws Exception {
		AtomicInteger encoded = new AtomicInteger();
		SegmentTasks<Integer> tasks = new SegmentTasks<>(() -> counted(100, encoded), 5);
		Thread encoder = new Thread(tasks::run);
		encoder.start();

		awaitState(encoder, Thread.State.WAITING);
		Thread.sleep(100);
		assertThat(encoded).hasValue(5);
		List<Integer> drained = new ArrayList<>();
		tasks.drain(7, (batch) -> {
			// handed over so far: those before and this batch
			assertThat(encoded.get()).isLessThanOrEqualTo(drained.size() + batch.size() + 5);
			drained.addAll(batch);
		});

		encoder.join();
		assertThat(drained).containsExactlyElementsOf(IntStream.range(0, 100).map((i) -> i * i).boxed().toList());
		assertThat(encoded).hasValue(100);
	}

	@Test
	void theEncoderRunsBeyondItsLeadWhileTheResultsHeldTakeFewerBytesThanAllowed() throws Exception {
		AtomicInteger encoded = new AtomicInteger();
		// a result of task i takes i bytes; 100 bytes may be held beyond a lead of 3:
		// tasks 0 to 14 hold 105 bytes, so the encoder stops after 15
		SegmentTasks<Integer> tasks = new SegmentTasks<>(() -> tasks(200, (index) -> {
			encoded.incrementAndGet();
			return index;
		}), 3, 100, (result) -> result);
		Thread encoder = new Thread(tasks::run);
		encoder.start();

		awaitState(encoder, Thread.State.WAITING);
		Thread.sleep(100);
		assertThat(encoded).hasValue(15);
		List<Integer> drained = new ArrayList<>();
		tasks.drain(4, drained::addAll);

		encoder.join();
		assertThat(drained).containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
		assertThat(encoded).hasValue(200);
	}

	@Test
	void anAbandonedWorkReleasesTheWaitingEncoder() throws Exception {
		AtomicInteger encoded = new AtomicInteger();
		SegmentTasks<Integer> tasks = new SegmentTasks<>(() -> counted(100, encoded), 3);
		Thread encoder = new Thread(tasks::run);
		encoder.start();
		awaitState(encoder, Thread.State.WAITING);

		tasks.abandon();

		encoder.join(10_000);
		assertThat(encoder.isAlive()).isFalse();
		assertThat(encoded).hasValue(3);
		// an encoder reaching abandoned work does nothing
		SegmentTasks<Integer> late = new SegmentTasks<>(() -> counted(10, encoded), 3);
		late.abandon();
		late.run();
		assertThat(encoded).hasValue(3);
	}

	@Test
	void aJoinLiftsTheLead() throws Exception {
		SegmentTasks<Integer> tasks = new SegmentTasks<>(() -> prepared(50, -1), 1);
		Thread encoder = new Thread(tasks::run);
		encoder.start();
		awaitState(encoder, Thread.State.WAITING);

		assertThat(tasks.join()).hasSize(50).startsWith(0, 1, 4, 9);
		encoder.join(10_000);
		assertThat(encoder.isAlive()).isFalse();
	}

	@Test
	void anErrorInATaskOnTheEncoderFailsTheDrainInsteadOfLeavingItWaiting() throws Exception {
		SegmentTasks<Integer> tasks = new SegmentTasks<>(() -> tasks(10, (index) -> {
			if (Thread.currentThread().getName().equals("encoder")) {
				throw new OutOfMemoryError("Java heap space");
			}
			return index;
		}));
		Thread encoder = new Thread(tasks::run, "encoder");
		encoder.start();
		encoder.join();

		assertThatIllegalStateException().isThrownBy(() -> tasks.drain(3, (batch) -> {
		}))
			.withMessage("Encoding the segments failed: java.lang.OutOfMemoryError: Java heap space")
			.withCauseInstanceOf(OutOfMemoryError.class);
	}

	@Test
	void aLeadBelowOneOrNegativeBytesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SegmentTasks<>(() -> prepared(1, -1), 0))
			.withMessage("The encoder's lead must be at least one task, not 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SegmentTasks<>(() -> prepared(1, -1), 1, -1, (result) -> 1))
			.withMessage("The bytes held ahead cannot be negative: -1");
	}

	private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
		long until = System.nanoTime() + 10_000_000_000L;
		while (thread.getState() != state) {
			assertThat(System.nanoTime()).as("%s reaching %s", thread.getName(), state).isLessThan(until);
			Thread.sleep(5);
		}
	}

	/** Squares, counting the tasks begun. */
	private static SegmentTasks.Prepared<Integer> counted(int count, AtomicInteger encoded) {
		return tasks(count, (index) -> {
			encoded.incrementAndGet();
			return index * index;
		});
	}

	/** Squares, one task failing unless {@code failing} is -1. */
	private static SegmentTasks.Prepared<Integer> prepared(int count, int failing) {
		return tasks(count, (index) -> {
			if (index == failing) {
				throw new IllegalStateException("task " + index + " failed");
			}
			return index * index;
		});
	}

	private static SegmentTasks.Prepared<Integer> tasks(int count, IntFunction<Integer> task) {
		return new SegmentTasks.Prepared<>() {

			@Override
			public int count() {
				return count;
			}

			@Override
			public Integer task(int index) {
				return task.apply(index);
			}

		};
	}

}
