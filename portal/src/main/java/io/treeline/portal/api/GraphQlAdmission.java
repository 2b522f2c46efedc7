package io.treeline.portal.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets a fixed number of GraphQL requests run at once and the others wait in the order
 * they came. GraphQL requests are short and bound by CPU; run all at once on a few cores,
 * each takes as long as all of them together and the slowest wait longest, while in turn
 * each waits for those before it and then runs at full speed: the same throughput, the
 * same mean, a much shorter tail. A request that waits longer than the limit is answered
 * 503 with {@code Retry-After}, and nothing of it ran.
 */
public final class GraphQlAdmission implements Filter {

	private final Semaphore running;

	private final Duration maxWait;

	/**
	 * Creates the admission.
	 * @param concurrent requests run at once, at least 1
	 * @param maxWait how long a request waits for its turn at most
	 */
	public GraphQlAdmission(int concurrent, Duration maxWait) {
		if (concurrent < 1) {
			throw new IllegalArgumentException(
					"At least one GraphQL request must run at a time (got " + concurrent + ")");
		}
		this.running = new Semaphore(concurrent, true);
		this.maxWait = maxWait;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		boolean admitted;
		try {
			admitted = this.running.tryAcquire(this.maxWait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			admitted = false;
		}
		if (!admitted) {
			refuse((HttpServletResponse) response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.running.release();
		}
	}

	/**
	 * {@return how many requests wait for their turn now (an estimate)}
	 */
	public int waiting() {
		return this.running.getQueueLength();
	}

	private void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "1");
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"errors\":[{\"message\":\"The server is busy: the request waited " + this.maxWait.toMillis()
					+ " ms for its turn and was not run; send it again\",\"extensions\":{\"classification\":"
					+ "\"SERVICE_UNAVAILABLE\"}}]}");
	}

}
