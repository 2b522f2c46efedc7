package io.treeline.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j database inside the application's JVM whose Bolt connector listens on localhost
 * only, so that the Neo4j Java Driver talks to it exactly as to a server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	static final String PORT_SETTING = "treeline.embedded.neo4j.bolt-port";

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	private final DatabaseManagementService service;

	private final URI boltUri;

	private EmbeddedNeo4j(DatabaseManagementService service, URI boltUri) {
		this.service = service;
		this.boltUri = boltUri;
	}

	/**
	 * Starts Neo4j on the files below {@code dataDir/neo4j}, creating them on first use.
	 * @param dataDir the data folder of the application
	 * @param settings port and memory settings
	 * @return the running database
	 * @throws EmbeddedStoreException if the folder, the port or the store lock is taken
	 */
	public static EmbeddedNeo4j start(Path dataDir, EmbeddedStoresProperties.Neo4j settings) {
		Path home = DataFolders.prepare(dataDir, "neo4j");
		int port = Ports.freeOrRequested(settings.boltPort(), PORT_SETTING, "Neo4j");
		long started = System.nanoTime();
		DatabaseManagementService service;
		try {
			service = new DatabaseManagementServiceBuilder(home).setConfig(BoltConnector.enabled, true)
				.setConfig(BoltConnector.listen_address, new SocketAddress("localhost", port))
				// the application closes its driver before the database, so nothing is
				// left to wait for (the defaults hold every stop for ten seconds)
				.setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
				.setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
				.setConfig(HttpConnector.enabled, false)
				.setConfig(HttpsConnector.enabled, false)
				.setConfig(GraphDatabaseSettings.pagecache_memory, settings.pageCache().toBytes())
				.setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
				.build();
		}
		catch (RuntimeException ex) {
			throw new EmbeddedStoreException(
					"The embedded Neo4j could not start on %s (is another Treeline using it?): %s. Set %s to another folder or stop the other process."
						.formatted(home, rootMessage(ex), DataFolders.SETTING),
					DataFolders.SETTING, ex);
		}
		URI uri = URI.create("bolt://localhost:" + port);
		logger.info("Embedded Neo4j started in {} ms at {} (files in {})", (System.nanoTime() - started) / 1_000_000,
				uri, home);
		return new EmbeddedNeo4j(service, uri);
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	/**
	 * Returns the Bolt address of the database.
	 * @return {@code bolt://localhost:<port>}
	 */
	public URI boltUri() {
		return this.boltUri;
	}

	/**
	 * Returns the database management service, for tests that need to inspect the store.
	 * @return the running service
	 */
	public DatabaseManagementService service() {
		return this.service;
	}

	@Override
	public void close() {
		long started = System.nanoTime();
		this.service.shutdown();
		logger.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

}
