package io.treeline.compensation.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

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
		return Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name).daemon().factory());
	}

	/**
	 * Returns daemon threads of their own, shared by all closes, that run tasks in no
	 * particular order.
	 * @param name the threads' name, numbered from 1
	 * @param count how many threads
	 * @return the executor
	 */
	static Executor threads(String name, int count) {
		return Executors.newFixedThreadPool(count, Thread.ofPlatform().name(name + "-", 1).daemon().factory());
	}

	/**
	 * Returns daemon threads of their own, shared by all closes, as many as tasks run at
	 * once (a thread idle for a minute ends): for tasks that mostly wait.
	 * @param name the threads' name, numbered from 1
	 * @return the executor
	 */
	static Executor threadsAsNeeded(String name) {
		return Executors.newCachedThreadPool(Thread.ofPlatform().name(name + "-", 1).daemon().factory());
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
