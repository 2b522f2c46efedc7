// Tree edges are read "as of" an instant; their validity bounds are indexed for the
// streams that build genealogy snapshots.
CREATE RANGE INDEX sponsored_by_valid_from IF NOT EXISTS
FOR ()-[r:SPONSORED_BY]-() ON (r.validFrom);
