/**
 * The embedded default: starts a Neo4j database with its Bolt connector on localhost and
 * a real PostgreSQL from Maven Central binaries, so the application runs with no server
 * installed; the rest of the application talks to both as to servers.
 */
package io.treeline.embedded;
