// The genealogy clock: one node whose version every genealogy change increments in its own
// transaction, so that every application node can tell cheaply whether its cached trees are
// still current (ADR 15). The constraint keeps the clock single under concurrent first
// changes and indexes the look-up by name.
CREATE CONSTRAINT genealogy_clock_name_unique IF NOT EXISTS
FOR (c:GenealogyClock) REQUIRE c.name IS UNIQUE;
