package io.treeline.portal.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GraphQlAdmissionTest {

	@Test
	void runsAtMostTheAdmittedNumberAtOnceAndTheOthersInTheOrderTheyCame() throws Exception {
		GraphQlAdmission admission = new GraphQlAdmission(1, Duration.ofSeconds(30));
		CountDownLatch firstRunning = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		List<String> ran = new CopyOnWriteArrayList<>();
		Thread first = new Thread(() -> call(admission, () -> {
			ran.add("first");
			firstRunning.countDown();
			await(releaseFirst);
		}));
		first.start();
		assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
		Thread[] waiting = new Thread[3];
		for (int i = 0; i < waiting.length; i++) {
			String name = "waiting-" + i;
			waiting[i] = new Thread(() -> call(admission, () -> ran.add(name)));
			waiting[i].start();
			int queued = i + 1;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (admission.waiting() < queued && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
		}
		assertThat(admission.waiting()).isEqualTo(3);
		assertThat(ran).containsExactly("first");
		releaseFirst.countDown();
		first.join(10_000);
		for (Thread thread : waiting) {
			thread.join(10_000);
		}
		assertThat(ran).containsExactly("first", "waiting-0", "waiting-1", "waiting-2");
		assertThat(admission.waiting()).isZero();
	}

	@Test
	void answersBusyWithoutRunningARequestThatWaitedTooLong() throws Exception {
		GraphQlAdmission admission = new GraphQlAdmission(1, Duration.ofMillis(50));
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread holder = new Thread(() -> call(admission, () -> {
			running.countDown();
			await(release);
		}));
		holder.start();
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
		List<String> ran = new CopyOnWriteArrayList<>();
		MockHttpServletResponse response = call(admission, () -> ran.add("late"));
		release.countDown();
		holder.join(10_000);

		assertThat(ran).isEmpty();
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(response.getContentAsString()).contains("The server is busy", "SERVICE_UNAVAILABLE");
		assertThat(call(admission, () -> ran.add("later")).getStatus()).isEqualTo(200);
		assertThat(ran).containsExactly("later");
	}

	@Test
	void refusesToAdmitNone() {
		assertThatIllegalArgumentException().isThrownBy(() -> new GraphQlAdmission(0, Duration.ofSeconds(1)))
			.withMessageContaining("At least one GraphQL request");
	}

	private static MockHttpServletResponse call(GraphQlAdmission admission, Runnable work) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			admission.doFilter(new MockHttpServletRequest("POST", "/graphql"), response, (req, res) -> work.run());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return response;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
