package io.treeline.compensation.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.treeline.compensation.CommissionLine;
import io.treeline.compensation.Component;
import io.treeline.graph.PartnerNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadAheadTest {

	@Test
	void aReadThatHasNotBegunIsCalledOffAndThenReadsNothing() {
		List<Runnable> queued = new ArrayList<>();
		AtomicBoolean read = new AtomicBoolean();
		ReadAhead<String> ahead = new ReadAhead<>("a test", (begin) -> {
			if (!begin.getAsBoolean()) {
				return null;
			}
			read.set(true);
			return "read";
		}, queued::add);

		assertThat(ahead.claim()).isNull();
		// the read gets its thread (and connection) only now
		queued.forEach(Runnable::run);
		assertThat(read).isFalse();
	}

	@Test
	void aReadThatHasBegunIsWaitedFor() throws Exception {
		CountDownLatch begun = new CountDownLatch(1);
		CompletableFuture<Void> finish = new CompletableFuture<>();
		ReadAhead<String> ahead = new ReadAhead<>("a test", (begin) -> {
			assertThat(begin.getAsBoolean()).isTrue();
			begun.countDown();
			finish.join();
			return "read";
		}, (task) -> Thread.ofPlatform().daemon().start(task));
		assertThat(begun.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<String> claimed = CompletableFuture.supplyAsync(ahead::claim);
		Thread.sleep(100);
		assertThat(claimed).as("the claim waits for the read that has begun").isNotDone();
		finish.complete(null);
		assertThat(claimed.get(10, TimeUnit.SECONDS)).isEqualTo("read");
	}

	@Test
	void aReadThatFailedLeavesTheReadingToTheClaimant() {
		ReadAhead<String> failedReading = new ReadAhead<>("a test", (begin) -> {
			begin.getAsBoolean();
			throw new IllegalStateException("the connection broke");
		}, Runnable::run);
		ReadAhead<String> failedBeforeBeginning = new ReadAhead<>("a test", (begin) -> {
			throw new IllegalStateException("no connection within the timeout");
		}, Runnable::run);

		assertThat(failedReading.claim()).isNull();
		assertThat(failedBeforeBeginning.claim()).isNull();
	}

	@Test
	void linesReadAheadAreTakenForTheOrdersWantedAndTheOthersReadAfterwards() {
		CommissionLine a1 = line("A", "R-1");
		CommissionLine a2 = line("A", "R-2");
		CommissionLine x = line("X", "R-1");
		CommissionLine c = line("C", "R-3");
		// read ahead: A with two lines, B without lines, X (not returned now after all)
		JdbcRunRecords.OrderLines ahead = new JdbcRunRecords.OrderLines(Set.of("A", "B", "X"), List.of(a1, x, a2));
		List<Set<String>> readAfterwards = new ArrayList<>();

		List<CommissionLine> lines = ahead.linesOf(new LinkedHashSet<>(List.of("A", "B", "C")), (orders) -> {
			readAfterwards.add(orders);
			return List.of(c);
		});

		assertThat(lines).containsExactly(a1, a2, c);
		assertThat(readAfterwards).containsExactly(Set.of("C"));
		assertThat(ahead.linesOf(Set.of("A", "B"), (orders) -> {
			throw new AssertionError("nothing to read afterwards");
		})).containsExactly(a1, a2);
	}

	private static CommissionLine line(String order, String partner) {
		return new CommissionLine(PartnerNumber.of(partner), Component.UNILEVEL, false, order, null, 1, 1,
				new BigDecimal("100.0000"), new BigDecimal("0.10"), new BigDecimal("10.00"));
	}

}
