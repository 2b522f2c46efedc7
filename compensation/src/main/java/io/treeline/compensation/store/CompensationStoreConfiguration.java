package io.treeline.compensation.store;

import javax.sql.DataSource;

import io.treeline.compensation.CompanySettings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The PostgreSQL side of the application: its transaction manager. The schema itself is
 * migrated by Flyway from the schema module's {@code db/migration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CompanySettings.class)
public class CompensationStoreConfiguration {

	/** Bean name of the JDBC transaction manager. */
	public static final String TRANSACTION_MANAGER = "compensationTransactionManager";

	@Bean(TRANSACTION_MANAGER)
	JdbcTransactionManager compensationTransactionManager(DataSource dataSource) {
		return new JdbcTransactionManager(dataSource);
	}

}
