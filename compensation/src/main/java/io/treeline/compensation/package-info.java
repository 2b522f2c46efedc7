/**
 * Orders and volume, plan versions, periods, commission runs, the ledger and everything
 * financial, kept in PostgreSQL. This package is the module's API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "graph")
package io.treeline.compensation;
