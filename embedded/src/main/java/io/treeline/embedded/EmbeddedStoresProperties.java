package io.treeline.embedded;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the embedded stores ({@code treeline.embedded.*}).
 *
 * @param enabled whether the embedded stores start; {@code false} (or the profile
 * {@code external}) means the application uses the servers named by
 * {@code spring.neo4j.uri} and {@code spring.datasource.url}
 * @param dataDir the folder that keeps both databases between restarts
 * @param neo4j the embedded Neo4j
 * @param postgres the embedded PostgreSQL
 */
@ConfigurationProperties("treeline.embedded")
public record EmbeddedStoresProperties(@DefaultValue("true") boolean enabled, @DefaultValue("data") Path dataDir,
		@DefaultValue Neo4j neo4j, @DefaultValue Postgres postgres) {

	/**
	 * Embedded Neo4j settings.
	 *
	 * @param enabled whether the embedded Neo4j starts (the PostgreSQL side may still be
	 * embedded)
	 * @param boltPort port of the Bolt connector on localhost, {@code 0} for any free
	 * port
	 * @param pageCache size of Neo4j's page cache
	 */
	public record Neo4j(@DefaultValue("true") boolean enabled, @DefaultValue("0") int boltPort,
			@DefaultValue("256MB") DataSize pageCache) {

	}

	/**
	 * Embedded PostgreSQL settings.
	 *
	 * @param enabled whether the embedded PostgreSQL starts
	 * @param port port on localhost, {@code 0} for any free port
	 * @param database name of the application's database
	 * @param server settings of the server ({@code postgresql.conf} names, e.g.
	 * {@code treeline.embedded.postgres.server[shared_buffers]=2GB}) over the embedded
	 * defaults ({@link EmbeddedPostgreSql#SERVER_DEFAULTS})
	 */
	public record Postgres(@DefaultValue("true") boolean enabled, @DefaultValue("0") int port,
			@DefaultValue("treeline") String database, Map<String, String> server) {

		public Postgres {
			server = (server != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(server)) : Map.of();
		}

	}

}
