/**
 * The genealogy: partners and their time-stamped sponsor and placement trees, kept in
 * Neo4j. This package is the module's API; the only module that talks to Neo4j.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "cypher")
package io.treeline.graph;
