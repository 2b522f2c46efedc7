package io.treeline.compensation.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Encoding work of a close that whoever is free does: an encoder thread prepares it
 * (sorts the lines) and encodes segment after segment while the close's thread hashes and
 * books the ledger; when that thread needs the segments it encodes the ones left
 * alongside, so that both cores encode once the critical path is free. Used once.
 *
 * @param <T> the segment type
 */
final class SegmentTasks<T> {

	private final Supplier<Prepared<T>> preparation;

	private final AtomicBoolean claimed = new AtomicBoolean();

	private final CountDownLatch ready = new CountDownLatch(1);

	private final AtomicInteger next = new AtomicInteger();

	private volatile Prepared<T> prepared;

	private volatile RuntimeException failure;

	private Object[] results;

	private int done;

	/**
	 * Creates the work.
	 * @param preparation makes the tasks; runs once, on whichever thread comes first
	 */
	SegmentTasks(Supplier<Prepared<T>> preparation) {
		this.preparation = preparation;
	}

	/**
	 * Prepares the work unless another thread does, and does tasks until none is left;
	 * runs on the encoder thread.
	 */
	void run() {
		prepare();
		work();
	}

	private void prepare() {
		if (!this.claimed.compareAndSet(false, true)) {
			return;
		}
		try {
			Prepared<T> tasks = this.preparation.get();
			synchronized (this) {
				this.results = new Object[tasks.count()];
			}
			this.prepared = tasks;
		}
		catch (RuntimeException ex) {
			this.failure = ex;
		}
		finally {
			this.ready.countDown();
		}
	}

	/**
	 * Does the tasks left, waits for those under way on other threads and returns all
	 * results in task order.
	 * @return the results
	 */
	List<T> join() {
		// the encoder thread may be busy with another close's work
		prepare();
		try {
			this.ready.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the segments were encoded", ex);
		}
		work();
		synchronized (this) {
			while (this.failure == null && this.done < this.results.length) {
				try {
					wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while the segments were encoded", ex);
				}
			}
			if (this.failure != null) {
				throw this.failure;
			}
			@SuppressWarnings("unchecked")
			List<T> all = (List<T>) new ArrayList<>(Arrays.asList(this.results));
			return all;
		}
	}

	private void work() {
		Prepared<T> tasks = this.prepared;
		if (tasks == null) {
			return;
		}
		for (int index = this.next.getAndIncrement(); index < tasks.count()
				&& this.failure == null; index = this.next.getAndIncrement()) {
			try {
				T result = tasks.task(index);
				synchronized (this) {
					this.results[index] = result;
					this.done++;
					notifyAll();
				}
			}
			catch (RuntimeException ex) {
				synchronized (this) {
					this.failure = ex;
					notifyAll();
				}
			}
		}
	}

	/**
	 * Tasks by index, each runnable on any thread.
	 *
	 * @param <T> the result type
	 */
	interface Prepared<T> {

		/**
		 * Returns how many tasks there are.
		 * @return the count
		 */
		int count();

		/**
		 * Runs a task.
		 * @param index from 0 to count - 1
		 * @return its result
		 */
		T task(int index);

	}

}
