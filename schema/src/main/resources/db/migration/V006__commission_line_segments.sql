-- Two changes that make a close at a million partners write megabytes instead of millions of
-- rows. No released version of Treeline wrote commission runs; a database that holds some was
-- written by a development build and is refused here rather than silently changed.
do $$
begin
    if exists (select 1 from commission_runs) then
        raise exception 'commission_runs holds runs written by a development build of Treeline; '
            'their lines and consumed events cannot be converted. Restore a backup taken before '
            'that build or start from an empty database.';
    end if;
end;
$$;

-- 1. Commission lines and period results are stored in segments of a compact binary encoding (ADR 0016): a run
-- at a million partners has some ten million lines, which as rows took two minutes to write.
-- The format is documented in the compensation module (LineSegments).
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

-- What each partner reached is stored the same way, in segments sorted by partner.
drop table period_results;

create table period_result_segments (
    run_id        bigint       not null references commission_runs (id),
    segment       integer      not null check (segment >= 0),
    first_partner varchar(32)  collate "C" not null,
    last_partner  varchar(32)  collate "C" not null,
    result_count  integer      not null check (result_count > 0),
    results       bytea        not null,
    primary key (run_id, segment)
);

alter table period_result_segments alter column results set storage external;

create trigger period_result_segments_immutable before update or delete on period_result_segments
    for each row execute function refuse_change_of_posted_rows();
create trigger period_result_segments_no_truncate before truncate on period_result_segments
    for each statement execute function refuse_change_of_posted_rows();

-- 2. A run consumes the order events up to a watermark (ADR 0017) instead of naming each
-- one in run_events: every event of the plan with id <= event_watermark and occurred_at
-- before the run's end, except those it passed over (run_skipped_events: their partner was
-- not known yet). Events are inserted under a shared advisory lock (the trigger below, so
-- that every path, COPY included, takes it); a close takes the same lock exclusively while
-- it reads the watermark, so no event with a smaller id can commit after that.
drop table run_events;

alter table commission_runs add column event_watermark bigint not null;

create table run_skipped_events (
    run_id   bigint not null references commission_runs (id),
    event_id bigint not null references order_events (id),
    primary key (run_id, event_id)
);

create trigger run_skipped_events_immutable before update or delete on run_skipped_events
    for each row execute function refuse_change_of_posted_rows();

create function lock_for_event_watermark() returns trigger language plpgsql as $$
begin
    -- the key is shared with JdbcRunRecords.EVENT_WATERMARK_LOCK
    perform pg_advisory_xact_lock_shared(7262001);
    return null;
end;
$$;

create trigger order_events_watermark_lock before insert on order_events
    for each statement execute function lock_for_event_watermark();

-- (the events at or after the last run's end are found through order_events_by_time, by
-- kind and instant; an index on the instant alone made PostgreSQL answer "the latest event
-- of an order" by scanning it backwards, three times slower ingest at 100k partners)
