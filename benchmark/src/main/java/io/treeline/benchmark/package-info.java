/**
 * The benchmark command: generates a company of a chosen size, loads it through the
 * product and reports genealogy queries and commission runs beside naive baselines.
 */
package io.treeline.benchmark;
