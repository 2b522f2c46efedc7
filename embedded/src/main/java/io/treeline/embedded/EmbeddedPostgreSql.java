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
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

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
	 * buffers, 4 MB of memory per sort or hash (a close's reads spilled to disk) and
	 * checkpoints at most a gigabyte of WAL apart (a close at a million partners writes
	 * half of that, at ten million several gigabytes). Memory is taken as it is used, not
	 * reserved.
	 */
	public static final Map<String, String> SERVER_DEFAULTS = Map.of("shared_buffers", "512MB", "work_mem", "64MB",
			"maintenance_work_mem", "256MB", "max_wal_size", "8GB", "checkpoint_timeout", "15min");

	static final String SERVER_SETTING = "treeline.embedded.postgres.server";

	private static final Pattern SETTING_NAME = Pattern.compile("[a-z][a-z0-9_]*");

	private static final Pattern SETTING_VALUE = Pattern.compile("[A-Za-z0-9.,:/+_-]+");

	private static final Set<String> RESERVED = Set.of("port", "listen_addresses", "data_directory",
			"unix_socket_directories", "hba_file", "config_file");

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
		Map<String, String> serverSettings = new TreeMap<>(SERVER_DEFAULTS);
		serverSettings.putAll(checked(settings.server()));
		EmbeddedPostgres postgres;
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(cluster)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(port)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("listen_addresses", "localhost");
			serverSettings.forEach(builder::setServerConfig);
			postgres = builder.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new EmbeddedStoreException(
					("The embedded PostgreSQL could not start on %s (is another Treeline using it?): %s. Set %s to another "
							+ "folder or stop the other process"
							+ (settings.server().isEmpty() ? "."
									: ", and check the server settings given (%s[...]: %s).".formatted(SERVER_SETTING,
											settings.server().keySet())))
						.formatted(cluster, EmbeddedNeo4j.rootMessage(ex), DataFolders.SETTING),
					DataFolders.SETTING, ex);
		}
		EmbeddedPostgreSql server = new EmbeddedPostgreSql(postgres, settings.database());
		server.createDatabaseIfMissing();
		logger.info("Embedded PostgreSQL started in {} ms at {} (cluster in {})",
				(System.nanoTime() - started) / 1_000_000, server.jdbcUrl(), cluster);
		return server;
	}

	/**
	 * Refuses server settings that the embedded server cannot take as they are: the
	 * settings go to the server through {@code pg_ctl}'s option string, where a space or
	 * a quote would split or end a value, and the port and addresses are the embedded
	 * store's own.
	 */
	private static Map<String, String> checked(Map<String, String> server) {
		for (Map.Entry<String, String> setting : server.entrySet()) {
			String name = setting.getKey();
			String value = setting.getValue();
			String property = SERVER_SETTING + "[" + name + "]";
			if (!SETTING_NAME.matcher(name).matches()) {
				throw new EmbeddedStoreException(
						"%s: '%s' is not a PostgreSQL setting name (lower-case letters, digits "
								+ "and underscores; in environment variables and YAML give the name in brackets)"
									.formatted(property, name),
						property);
			}
			if (RESERVED.contains(name)) {
				throw new EmbeddedStoreException("%s: the embedded PostgreSQL sets %s itself; use %s instead"
					.formatted(property, name, name.equals("port") ? PORT_SETTING : DataFolders.SETTING), property);
			}
			if (value == null || !SETTING_VALUE.matcher(value).matches()) {
				throw new EmbeddedStoreException(
						"%s: '%s' cannot be given to the embedded PostgreSQL (letters, digits and . , : / + - _ only)"
							.formatted(property, value),
						property);
			}
		}
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
