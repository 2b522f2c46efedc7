-- Commission lines are stored in segments of a compact binary encoding (ADR 0014): a run at
-- a million partners has some ten million lines, which as rows took two minutes to write.
-- The format is documented in the compensation module (LineSegments). No released version
-- wrote rows into commission_lines; a database that holds some was written by a development
-- build and is refused here rather than silently losing them.
do $$
begin
    if exists (select 1 from commission_lines) then
        raise exception 'commission_lines holds rows written by a development build of Treeline; '
            'they cannot be converted to line segments. Restore a backup taken before that build '
            'or start from an empty database.';
    end if;
end;
$$;

drop table commission_lines;

create table commission_line_segments (
    run_id      bigint       not null references commission_runs (id),
    arrangement char(1)      not null check (arrangement in ('P', 'O')),
    segment     integer      not null check (segment >= 0),
    first_key   varchar(64)  collate "C" not null,
    last_key    varchar(64)  collate "C" not null,
    line_count  integer      not null check (line_count > 0),
    lines       bytea        not null,
    primary key (run_id, arrangement, segment)
);

-- the segments are deflated already; PostgreSQL should not try again
alter table commission_line_segments alter column lines set storage external;

create trigger commission_line_segments_immutable before update or delete on commission_line_segments
    for each row execute function refuse_change_of_posted_rows();
create trigger commission_line_segments_no_truncate before truncate on commission_line_segments
    for each statement execute function refuse_change_of_posted_rows();
