// Snapshots read the whole edge history in one stream, so no query seeks edges by date.
// The planner, though, used these indexes for the existence checks of the organisation
// loader and scanned every edge of the same date per row (quadratic loads). Dropped.
DROP INDEX sponsored_by_valid_from IF EXISTS;
DROP INDEX placed_under_plan_valid_from IF EXISTS;
