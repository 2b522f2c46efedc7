// Placement edges are read per plan and "as of" an instant.
CREATE RANGE INDEX placed_under_plan_valid_from IF NOT EXISTS
FOR ()-[r:PLACED_UNDER]-() ON (r.plan, r.validFrom);
