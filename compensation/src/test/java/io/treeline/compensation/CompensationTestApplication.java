package io.treeline.compensation;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration;

/**
 * The compensation module alone on the embedded PostgreSQL, for its integration tests.
 */
@SpringBootApplication(exclude = Neo4jAutoConfiguration.class)
public class CompensationTestApplication {

}
