package io.treeline.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server, unpacked from Maven Central binaries and run as a child
 * process on localhost, with its cluster kept below {@code dataDir/postgres}.
 */
public final class EmbeddedPostgreSql implements AutoCloseable {

	static final String PORT_SETTING = "treeline.embedded.postgres.port";

	static final String USER = "postgres";

	/**
	 * Server settings of the embedded cluster unless configured otherwise (ADR 0037).
	 * PostgreSQL's own defaults are sized for a small shared machine: 128 MB of shared
	 * buffers, 4 MB of memory per sort or hash (a close's reads spilled to disk) and a
	 * checkpoint every gigabyte of WAL (a close at a million partners writes half of
	 * that). Memory is taken as it is used, not reserved.
	 */
	public static final Map<String, String> SERVER_DEFAULTS = Map.of("shared_buffers", "512MB", "work_mem", "64MB",
			"maintenance_work_mem", "256MB", "max_wal_size", "8GB", "checkpoint_timeout", "15min");

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgreSql.class);

	private final EmbeddedPostgres postgres;

	private final String database;

	private EmbeddedPostgreSql(EmbeddedPostgres postgres, String database) {
		this.postgres = postgres;
		this.database = database;
	}

	/**
	 * Starts PostgreSQL, initialising the cluster and the application's database on first
	 * use and reusing them afterwards.
	 * @param dataDir the data folder of the application
	 * @param settings port and database name
	 * @return the running server
	 * @throws EmbeddedStoreException if the folder or the port is taken
	 */
	public static EmbeddedPostgreSql start(Path dataDir, EmbeddedStoresProperties.Postgres settings) {
		Path cluster = DataFolders.prepare(dataDir, "postgres");
		int port = Ports.freeOrRequested(settings.port(), PORT_SETTING, "PostgreSQL");
		long started = System.nanoTime();
		EmbeddedPostgres postgres;
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(cluster)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(port)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("listen_addresses", "localhost");
			Map<String, String> server = new TreeMap<>(SERVER_DEFAULTS);
			server.putAll(settings.server());
			server.forEach(builder::setServerConfig);
			postgres = builder.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new EmbeddedStoreException(
					"The embedded PostgreSQL could not start on %s (is another Treeline using it?): %s. Set %s to another folder or stop the other process."
						.formatted(cluster, EmbeddedNeo4j.rootMessage(ex), DataFolders.SETTING),
					DataFolders.SETTING, ex);
		}
		EmbeddedPostgreSql server = new EmbeddedPostgreSql(postgres, settings.database());
		server.createDatabaseIfMissing();
		logger.info("Embedded PostgreSQL started in {} ms at {} (cluster in {})",
				(System.nanoTime() - started) / 1_000_000, server.jdbcUrl(), cluster);
		return server;
	}

	private void createDatabaseIfMissing() {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, this.database);
			try (ResultSet rows = exists.executeQuery()) {
				if (rows.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				// a database name cannot be a bind parameter; it comes from configuration
				// and is quoted as an identifier
				create.execute("create database \"" + this.database.replace("\"", "\"\"") + "\"");
			}
		}
		catch (SQLException ex) {
			close();
			throw new EmbeddedStoreException("The embedded PostgreSQL could not create the database '%s': %s"
				.formatted(this.database, ex.getMessage()), "treeline.embedded.postgres.database", ex);
		}
	}

	/**
	 * Returns the JDBC URL of the application's database.
	 * @return a {@code jdbc:postgresql://localhost:<port>/<database>} URL
	 */
	public String jdbcUrl() {
		return this.postgres.getJdbcUrl(USER, this.database);
	}

	/**
	 * Returns the user the application connects as.
	 * @return the superuser of the embedded cluster
	 */
	public String username() {
		return USER;
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port on localhost
	 */
	public int port() {
		return this.postgres.getPort();
	}

	@Override
	public void close() {
		long started = System.nanoTime();
		try {
			this.postgres.close();
			logger.info("Embedded PostgreSQL stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
		catch (IOException ex) {
			logger.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
	}

}
