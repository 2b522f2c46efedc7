package io.treeline.compensation.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a close hands work to beside its own (the hash of its lines, the decoding
 * of earlier segments; ADR 0029), and the wait for that work.
 */
final class Background {

	private Background() {
	}

	/**
	 * Returns one daemon thread of its own, shared by all closes, that runs tasks in the
	 * order they are given.
	 * @param name the thread's name
	 * @return the executor
	 */
	static Executor thread(String name) {
		return Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Returns daemon threads of their own, shared by all closes, that run tasks in no
	 * particular order.
	 * @param name the threads' name, numbered from 1
	 * @param count how many threads
	 * @return the executor
	 */
	static Executor threads(String name, int count) {
		AtomicInteger made = new AtomicInteger();
		return Executors.newFixedThreadPool(count, (task) -> {
			Thread thread = new Thread(task, name + "-" + made.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Waits for work given to another thread and returns its result; a failure there is
	 * thrown here as it was thrown there.
	 * @param <T> the result's type
	 * @param work the work
	 * @return its result
	 */
	static <T> T join(CompletableFuture<T> work) {
		try {
			return work.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ex;
		}
	}

}
