package io.treeline.graph;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The graph module alone on the embedded Neo4j, for its integration tests.
 */
@SpringBootApplication
public class GraphTestApplication {

}
