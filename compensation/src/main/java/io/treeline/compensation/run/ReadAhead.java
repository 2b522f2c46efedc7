package io.treeline.compensation.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read a computation starts on a connection and thread of its own before it needs the
 * result, so that PostgreSQL and this side work on it while the computation's own
 * connection reads something else (ADR 0045). It only saves time: whoever claims it and
 * finds nothing reads the same for itself. The read may not get a connection soon (a pool
 * held by closes waiting for one another's lock), so a read that has not begun when its
 * result is claimed is called off rather than waited for, and a read that failed is
 * logged and read again by the claimant, where a failure then counts.
 *
 * @param <T> the result
 */
final class ReadAhead<T> {

	/** What is read: once it holds its connection it asks whether to begin. */
	@FunctionalInterface
	interface Read<T> {

		/**
		 * Reads.
		 * @param begin returns {@code false} if the read was called off meanwhile; then
		 * it reads nothing and returns {@code null}
		 * @return the result
		 */
		T read(BooleanSupplier begin);

	}

	private enum State {

		WAITING, READING, CALLED_OFF

	}

	private static final Logger logger = LoggerFactory.getLogger(ReadAhead.class);

	private final AtomicReference<State> state = new AtomicReference<>(State.WAITING);

	private final CompletableFuture<T> result;

	private final String what;

	/**
	 * Starts a read.
	 * @param what what is read, for the log
	 * @param read the read
	 * @param executor the thread it runs on
	 */
	ReadAhead(String what, Read<T> read, Executor executor) {
		this.what = what;
		this.result = CompletableFuture.supplyAsync(() -> {
			long started = System.nanoTime();
			T result = read.read(() -> this.state.compareAndSet(State.WAITING, State.READING));
			if (result != null) {
				logger.debug("Read {} ahead in {} ms", what, (System.nanoTime() - started) / 1_000_000);
			}
			return result;
		}, executor);
	}

	/**
	 * Returns the result, waiting for it if the read has begun.
	 * @return the result, or {@code null} if the read had not begun (it is called off) or
	 * failed
	 */
	T claim() {
		if (this.state.compareAndSet(State.WAITING, State.CALLED_OFF)) {
			logger.debug("Called off reading {} ahead: it had not begun", this.what);
			return null;
		}
		try {
			return this.result.join();
		}
		catch (CompletionException ex) {
			logger.warn("Reading {} ahead failed; reading it again: {}", this.what, ex.getCause().toString());
			return null;
		}
	}

}
