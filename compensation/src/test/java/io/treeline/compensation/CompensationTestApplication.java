package io.treeline.compensation;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The compensation module with the genealogy it commissions, on embedded Neo4j and
 * PostgreSQL, for its integration tests.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ComponentScan(basePackages = { "io.treeline.graph", "io.treeline.compensation" })
public class CompensationTestApplication {

}
