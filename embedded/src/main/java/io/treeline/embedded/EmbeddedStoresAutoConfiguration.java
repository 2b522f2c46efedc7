package io.treeline.embedded;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded stores and hands their addresses to Spring Boot as connection
 * details, so the Neo4j driver and the data source are built exactly as for servers.
 * Because the connection details depend on the stores, Spring stops the driver and the
 * data source (and everything using them) before it stops the stores.
 */
@AutoConfiguration(before = { Neo4jAutoConfiguration.class, DataSourceAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "treeline.embedded.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedStoresProperties.class)
public class EmbeddedStoresAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "treeline.embedded.neo4j.enabled", matchIfMissing = true)
	static class Neo4jStore {

		@Bean(destroyMethod = "close")
		EmbeddedNeo4j embeddedNeo4j(EmbeddedStoresProperties properties) {
			return EmbeddedNeo4j.start(properties.dataDir(), properties.neo4j());
		}

		@Bean
		Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j neo4j) {
			return new Neo4jConnectionDetails() {

				@Override
				public URI getUri() {
					return neo4j.boltUri();
				}

				@Override
				public AuthToken getAuthToken() {
					return AuthTokens.none();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "treeline.embedded.postgres.enabled", matchIfMissing = true)
	static class PostgresStore {

		@Bean(destroyMethod = "close")
		EmbeddedPostgreSql embeddedPostgreSql(EmbeddedStoresProperties properties) {
			return EmbeddedPostgreSql.start(properties.dataDir(), properties.postgres());
		}

		@Bean
		JdbcConnectionDetails embeddedJdbcConnectionDetails(EmbeddedPostgreSql postgres) {
			return new JdbcConnectionDetails() {

				@Override
				public String getUsername() {
					return postgres.username();
				}

				@Override
				public String getPassword() {
					return "";
				}

				@Override
				public String getJdbcUrl() {
					return postgres.jdbcUrl();
				}

			};
		}

	}

}
