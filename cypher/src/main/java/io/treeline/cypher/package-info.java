/**
 * Every Cypher statement of the product, one statement per file below
 * {@code cypher/<feature>/<methodName>.cypher}, and the loader that hands them to the
 * code that runs them.
 */
package io.treeline.cypher;
