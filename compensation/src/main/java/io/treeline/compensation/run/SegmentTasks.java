package io.treeline.compensation.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Encoding work of a close that whoever is free does: an encoder thread prepares it
 * (sorts the lines) and encodes segment after segment while the close's thread hashes and
 * books the ledger; when that thread needs the segments it encodes the ones left
 * alongside, so that both cores encode once the critical path is free. Neither thread
 * claims a task more than a bounded number of results ahead of a thread that drains them,
 * or beyond a number of bytes of results held, so that a close holds some segments at a
 * time, not all of a run's gigabytes (ADRs 0039 and 0048). Used once.
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

	/** Results {@link #drain} has handed over; they are handed over in task order. */
	private int handedOver;

	/**
	 * How many tasks may be claimed, by any thread, beyond the results {@link #drain} has
	 * handed over; {@link #join}, which takes all results at once, lifts it. At least
	 * one, so that the task a drain waits for can always be claimed.
	 */
	private int lead;

	/**
	 * How many bytes of results done and not handed over yet allow a task beyond the
	 * {@link #lead}: results are held by their size, not their number, so a drain that
	 * cannot take any for a while (a close booking its ledger) leaves room to run ahead.
	 */
	private final long bytesAhead;

	private final ToLongFunction<T> size;

	/** Bytes of the results done and not handed over yet. */
	private long held;

	private boolean abandoned;

	/**
	 * Creates the work whose encoder thread runs ahead as far as it gets.
	 * @param preparation makes the tasks; runs once, on whichever thread comes first
	 */
	SegmentTasks(Supplier<Prepared<T>> preparation) {
		this(preparation, Integer.MAX_VALUE);
	}

	/**
	 * Creates the work.
	 * @param preparation makes the tasks; runs once, on whichever thread comes first
	 * @param lead how many tasks the encoder thread may be ahead of the results
	 * {@link #drain} has handed over; {@link #join} lifts the limit
	 */
	SegmentTasks(Supplier<Prepared<T>> preparation, int lead) {
		this(preparation, lead, 0, (result) -> 0);
	}

	/**
	 * Creates the work with room to run ahead by size.
	 * @param preparation makes the tasks; runs once, on whichever thread comes first
	 * @param lead how many tasks may be claimed beyond the results {@link #drain} has
	 * handed over in any case; {@link #join} lifts the limit
	 * @param bytesAhead beyond the lead, a task may be claimed while the results done and
	 * not handed over take fewer bytes than this
	 * @param size the bytes a result takes
	 */
	SegmentTasks(Supplier<Prepared<T>> preparation, int lead, long bytesAhead, ToLongFunction<T> size) {
		if (lead < 1) {
			throw new IllegalArgumentException("The encoder's lead must be at least one task, not " + lead);
		}
		if (bytesAhead < 0) {
			throw new IllegalArgumentException("The bytes held ahead cannot be negative: " + bytesAhead);
		}
		this.preparation = preparation;
		this.lead = lead;
		this.bytesAhead = bytesAhead;
		this.size = size;
	}

	/**
	 * Prepares the work unless another thread does, and does tasks until none is left,
	 * keeping within its lead; runs on the encoder thread. Does nothing once the work has
	 * been abandoned, and stops after the preparation or the task under way when it is.
	 */
	void run() {
		synchronized (this) {
			if (this.abandoned) {
				return;
			}
		}
		prepare();
		Prepared<T> tasks = this.prepared;
		if (tasks == null) {
			return;
		}
		while (true) {
			synchronized (this) {
				// the next task is beyond the lead and the bytes allowed until a drain
				// takes a result
				while (!this.abandoned && this.failure == null && this.next.get() < tasks.count()
						&& !mayClaim(this.next.get())) {
					await();
				}
				if (this.abandoned || this.failure != null) {
					return;
				}
			}
			int claimed = claim(tasks);
			if (claimed >= 0) {
				runTask(tasks, claimed);
			}
			else if (this.next.get() >= tasks.count()) {
				return;
			}
		}
	}

	/**
	 * Tells the encoder thread that nobody takes the results any more (the close failed):
	 * it stops after the task under way instead of waiting for a drain that never comes.
	 * Harmless once everything has been handed over.
	 */
	void abandon() {
		synchronized (this) {
			this.abandoned = true;
			notifyAll();
		}
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
		catch (RuntimeException | Error ex) {
			this.failure = failure(ex);
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
		synchronized (this) {
			this.lead = Integer.MAX_VALUE;
			notifyAll();
		}
		Prepared<T> tasks = ready();
		work();
		synchronized (this) {
			while (this.failure == null && this.done < tasks.count()) {
				await();
			}
			if (this.failure != null) {
				throw this.failure;
			}
			@SuppressWarnings("unchecked")
			List<T> all = (List<T>) new ArrayList<>(Arrays.asList(this.results));
			return all;
		}
	}

	/**
	 * Hands the results over in task order, a batch at a time, each batch as soon as its
	 * results are done, and does the tasks left on this thread while the next result is
	 * not done yet. A result handed over is no longer held here: a close inserts its
	 * segments while the rest are encoded, instead of holding all of them (ADR 0035).
	 * @param batchSize results per batch
	 * @param batches receives each batch, on this thread
	 */
	void drain(int batchSize, Consumer<List<T>> batches) {
		Prepared<T> tasks = ready();
		List<T> batch = new ArrayList<>(batchSize);
		for (int index = 0; index < tasks.count(); index++) {
			batch.add(take(tasks, index));
			if (batch.size() == batchSize) {
				batches.accept(batch);
				batch = new ArrayList<>(batchSize);
			}
		}
		if (!batch.isEmpty()) {
			batches.accept(batch);
		}
	}

	/** Returns a task's result once it is done, doing other tasks meanwhile. */
	private T take(Prepared<T> tasks, int index) {
		while (true) {
			synchronized (this) {
				if (this.failure != null) {
					throw this.failure;
				}
				@SuppressWarnings("unchecked")
				T result = (T) this.results[index];
				if (result != null) {
					this.results[index] = null;
					this.held -= this.size.applyAsLong(result);
					this.handedOver = index + 1;
					notifyAll();
					return result;
				}
			}
			// within the lead too: what this thread makes ahead is held like the
			// encoder's
			int claimed = claim(tasks);
			if (claimed >= 0) {
				runTask(tasks, claimed);
				continue;
			}
			synchronized (this) {
				while (this.failure == null && this.results[index] == null) {
					await();
				}
			}
		}
	}

	/**
	 * Claims the next task if there is one within the lead of the results handed over,
	 * else returns -1.
	 */
	private int claim(Prepared<T> tasks) {
		for (int claimed = this.next.get(); claimed < tasks.count(); claimed = this.next.get()) {
			synchronized (this) {
				if (!mayClaim(claimed)) {
					return -1;
				}
			}
			if (this.next.compareAndSet(claimed, claimed + 1)) {
				return claimed;
			}
		}
		return -1;
	}

	/**
	 * Tells whether a task may be claimed: within the lead of the results handed over, or
	 * while the results held take fewer bytes than allowed. Holding the lock.
	 */
	private boolean mayClaim(int task) {
		return (long) task - this.handedOver < this.lead || this.held < this.bytesAhead;
	}

	/** Prepares the tasks unless another thread does, and waits until they are. */
	private Prepared<T> ready() {
		// the encoder thread may be busy with another close's work
		prepare();
		try {
			this.ready.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the segments were encoded", ex);
		}
		if (this.failure != null) {
			throw this.failure;
		}
		return this.prepared;
	}

	private void await() {
		try {
			wait();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the segments were encoded", ex);
		}
	}

	private void work() {
		Prepared<T> tasks = this.prepared;
		if (tasks == null) {
			return;
		}
		for (int index = claim(tasks); index >= 0 && this.failure == null; index = claim(tasks)) {
			runTask(tasks, index);
		}
	}

	private void runTask(Prepared<T> tasks, int index) {
		try {
			T result = tasks.task(index);
			long bytes = this.size.applyAsLong(result);
			synchronized (this) {
				this.results[index] = result;
				this.held += bytes;
				this.done++;
				notifyAll();
			}
		}
		catch (RuntimeException | Error ex) {
			synchronized (this) {
				this.failure = failure(ex);
				notifyAll();
			}
		}
	}

	/**
	 * The failure the waiting threads throw: an error too (e.g. out of memory on the
	 * encoder thread), or the close would wait for a result that never comes.
	 */
	private static RuntimeException failure(Throwable ex) {
		return (ex instanceof RuntimeException runtime) ? runtime
				: new IllegalStateException("Encoding the segments failed: " + ex, ex);
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
