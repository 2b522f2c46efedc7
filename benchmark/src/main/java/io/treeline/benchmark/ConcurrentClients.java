package io.treeline.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs a number of clients at once, each on its own thread, all starting together.
 */
final class ConcurrentClients {

	private ConcurrentClients() {
	}

	/**
	 * Runs clients and waits for all of them.
	 * @param clients how many
	 * @param client what each does, given its number from 0
	 * @throws Exception what a client threw
	 */
	static void run(int clients, IntConsumer client) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				int id = c;
				running.add(pool.submit(() -> {
					start.await();
					client.accept(id);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : running) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
