package io.treeline.graph.store;

import org.neo4j.driver.Driver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;

/**
 * The Neo4j side of the application: its transaction manager, and the graph schema,
 * brought to the version of the running code before anything else uses the graph.
 */
@Configuration(proxyBeanMethods = false)
public class GraphStoreConfiguration {

	/** Bean name of the Neo4j transaction manager. */
	public static final String TRANSACTION_MANAGER = "graphTransactionManager";

	@Bean(TRANSACTION_MANAGER)
	Neo4jTransactionManager graphTransactionManager(Driver driver, DatabaseSelectionProvider databaseSelection) {
		return new Neo4jTransactionManager(driver, databaseSelection);
	}

	@Bean
	GraphSchema graphSchema(Driver driver) {
		GraphSchema schema = new GraphSchema(driver,
				SchemaMigration.onClassPath(new PathMatchingResourcePatternResolver(), GraphSchema.LOCATION));
		schema.migrate();
		return schema;
	}

}
