// The genealogy changes: one node per version of the genealogy clock naming the partners the
// change touched, so that an application node whose trees are a few versions behind reads
// only those partners again instead of whole trees (ADR 21). The constraint indexes the
// look-up of the versions after a node's own.
CREATE CONSTRAINT genealogy_change_version_unique IF NOT EXISTS
FOR (c:GenealogyChange) REQUIRE c.version IS UNIQUE;
