package io.treeline.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedStoresIT {

	private static final EmbeddedStoresProperties.Neo4j NEO4J = new EmbeddedStoresProperties.Neo4j(true, 0,
			DataSize.ofMegabytes(32));

	private static final EmbeddedStoresProperties.Postgres POSTGRES = new EmbeddedStoresProperties.Postgres(true, 0,
			"treeline", Map.of("work_mem", "16MB"));

	@TempDir
	Path dataDir;

	@Test
	void keepsGraphDataAcrossRestartsAndAnswersOverBolt() {
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(this.dataDir, NEO4J); Driver driver = driver(neo4j)) {
			driver.executableQuery("CREATE (:Probe {name: 'kept'})").execute();
		}
		try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(this.dataDir, NEO4J); Driver driver = driver(neo4j)) {
			var names = driver.executableQuery("MATCH (p:Probe) RETURN p.name AS name")
				.execute()
				.records()
				.stream()
				.map((r) -> r.get("name").asString())
				.toList();
			assertThat(names).containsExactly("kept");
		}
	}

	@Test
	void runsTheServerWithTheEmbeddedDefaultsUnlessConfiguredOtherwise() throws SQLException {
		try (EmbeddedPostgreSql postgres = EmbeddedPostgreSql.start(this.dataDir, POSTGRES);
				Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
				Statement statement = connection.createStatement()) {
			assertThat(setting(statement, "work_mem")).isEqualTo("16MB");
			assertThat(setting(statement, "max_wal_size"))
				.isEqualTo(EmbeddedPostgreSql.SERVER_DEFAULTS.get("max_wal_size"));
			assertThat(setting(statement, "shared_buffers"))
				.isEqualTo(EmbeddedPostgreSql.SERVER_DEFAULTS.get("shared_buffers"));
		}
	}

	@Test
	void refusesServerSettingsItCannotPassOnAndNamesThem() {
		var spaced = new EmbeddedStoresProperties.Postgres(true, 0, "treeline", Map.of("log_line_prefix", "%m [%p] "));
		assertThatThrownBy(() -> EmbeddedPostgreSql.start(this.dataDir, spaced))
			.isInstanceOf(EmbeddedStoreException.class)
			.hasMessageContaining("treeline.embedded.postgres.server[log_line_prefix]");
		var port = new EmbeddedStoresProperties.Postgres(true, 0, "treeline", Map.of("port", "5999"));
		assertThatThrownBy(() -> EmbeddedPostgreSql.start(this.dataDir, port))
			.isInstanceOf(EmbeddedStoreException.class)
			.hasMessageContaining("treeline.embedded.postgres.port");
		var dotted = new EmbeddedStoresProperties.Postgres(true, 0, "treeline", Map.of("work.mem", "8MB"));
		assertThatThrownBy(() -> EmbeddedPostgreSql.start(this.dataDir, dotted))
			.isInstanceOf(EmbeddedStoreException.class)
			.hasMessageContaining("is not a PostgreSQL setting name");
	}

	private static String setting(Statement statement, String name) throws SQLException {
		try (ResultSet rows = statement.executeQuery("show " + name)) {
			assertThat(rows.next()).isTrue();
			return rows.getString(1);
		}
	}

	@Test
	void keepsRelationalDataAcrossRestartsAndLeavesNoServerProcessBehind() throws SQLException {
		long pid;
		try (EmbeddedPostgreSql postgres = EmbeddedPostgreSql.start(this.dataDir, POSTGRES);
				Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
				Statement statement = connection.createStatement()) {
			statement.execute("create table probe (name text)");
			statement.execute("insert into probe values ('kept')");
			pid = postmasterPid();
		}
		assertThat(exitsWithin(pid, Duration.ofSeconds(10))).as("postgres process %d ended", pid).isTrue();
		try (EmbeddedPostgreSql postgres = EmbeddedPostgreSql.start(this.dataDir, POSTGRES);
				Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select name from probe")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("kept");
		}
	}

	@Test
	void refusesAnOccupiedPortNamingTheSetting() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			var settings = new EmbeddedStoresProperties.Neo4j(true, taken.getLocalPort(), NEO4J.pageCache());
			assertThatThrownBy(() -> EmbeddedNeo4j.start(this.dataDir, settings))
				.isInstanceOf(EmbeddedStoreException.class)
				.hasMessageContaining("already in use")
				.hasMessageContaining("treeline.embedded.neo4j.bolt-port");
			var postgres = new EmbeddedStoresProperties.Postgres(true, taken.getLocalPort(), "treeline", Map.of());
			assertThatThrownBy(() -> EmbeddedPostgreSql.start(this.dataDir, postgres))
				.isInstanceOf(EmbeddedStoreException.class)
				.hasMessageContaining("treeline.embedded.postgres.port");
		}
	}

	@Test
	void refusesADataFolderThatCannotBeWrittenNamingTheSetting() throws IOException {
		Path file = Files.writeString(this.dataDir.resolve("not-a-folder"), "x");
		assertThatThrownBy(() -> EmbeddedNeo4j.start(file, NEO4J)).isInstanceOf(EmbeddedStoreException.class)
			.hasMessageContaining("cannot be written")
			.hasMessageContaining("treeline.embedded.data-dir");
		assertThat(Files.readString(file)).isEqualTo("x");
	}

	private static boolean exitsWithin(long pid, Duration timeout) {
		return ProcessHandle.of(pid).map((process) -> {
			try {
				process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
				return true;
			}
			catch (Exception ex) {
				return false;
			}
		}).orElse(true);
	}

	private long postmasterPid() {
		try {
			String firstLine = Files.readAllLines(this.dataDir.resolve("postgres/postmaster.pid")).get(0);
			return Long.parseLong(firstLine.trim());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Driver driver(EmbeddedNeo4j neo4j) {
		return GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
	}

}
