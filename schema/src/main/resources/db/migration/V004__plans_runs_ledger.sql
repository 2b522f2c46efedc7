-- Storno events of orders: a return of the whole order, of some lines, or of a fraction.
-- Each event states the fraction of the original order it returns and the volume that
-- leaves with it; the fractions of an order add up to at most one, and the return that
-- reaches one "completes" the order. A payment states the order's whole volume.
alter table order_events drop constraint order_events_kind_check;
alter table order_events add constraint order_events_kind_check check (kind in ('PAID', 'RETURNED'));
alter table order_events drop constraint order_events_order_id_kind_key;
create unique index order_events_paid_once on order_events (order_id) where kind = 'PAID';
alter table order_events add column fraction numeric(20,18) check (fraction > 0 and fraction <= 1);
alter table order_events add column pv numeric(19,4);
alter table order_events add column bv numeric(19,4);
alter table order_events add column completes boolean not null default false;
alter table order_events add column event_key varchar(128);
create unique index order_events_by_key on order_events (order_id, event_key) where event_key is not null;
update order_events e
set pv = (select coalesce(sum(l.pv), 0) from order_lines l where l.order_id = e.order_id),
    bv = (select coalesce(sum(l.bv), 0) from order_lines l where l.order_id = e.order_id)
where e.kind = 'PAID';
alter table order_events alter column pv set not null;
alter table order_events alter column bv set not null;
alter table order_events add constraint order_events_return_has_fraction
    check ((kind = 'PAID') = (fraction is null));

create table order_returned_lines (
    event_id bigint  not null references order_events (id),
    order_id bigint  not null,
    line_no  integer not null,
    primary key (order_id, line_no),
    foreign key (order_id, line_no) references order_lines (order_id, line_no)
);

-- Compensation plans and their versions. A version is never changed: a change is a new
-- version; the version in force at an instant is the one with the latest effective date
-- on or before it, and of those the highest number.
create table plans (
    id            bigint generated always as identity primary key,
    name          varchar(64) not null unique,
    type          varchar(16) not null check (type in ('UNILEVEL', 'STAIR_STEP', 'BINARY', 'MATRIX')),
    period_length varchar(8)  not null check (period_length in ('MONTHLY', 'WEEKLY')),
    first_period  varchar(16) not null,
    created_at    timestamptz not null default now()
);

create table plan_versions (
    plan_id        bigint      not null references plans (id),
    version        integer     not null check (version > 0),
    effective_from date        not null,
    document       jsonb       not null,
    created_at     timestamptz not null default now(),
    primary key (plan_id, version)
);

-- A closed period: exactly one run per plan and period.
create table commission_runs (
    id          bigint generated always as identity primary key,
    plan_id     bigint        not null references plans (id),
    period      varchar(16)   not null,
    starts_at   timestamptz   not null,
    ends_at     timestamptz   not null,
    closed_at   timestamptz   not null default now(),
    result_hash char(64)      not null,
    total       numeric(19,4) not null,
    currency    char(3)       not null,
    unique (plan_id, period)
);

-- The bulk rows of a run (consumed events, commission lines, period results) carry no
-- foreign keys: the close writes each of them in the same transaction as its run, and
-- per-row foreign-key checks made writing millions of them by COPY several times slower.

-- The order events a closed run commissioned; each event once per plan.
create table run_events (
    plan_id  bigint not null,
    event_id bigint not null,
    run_id   bigint not null,
    primary key (plan_id, event_id)
);

create table commission_lines (
    run_id         bigint        not null,
    line_no        integer       not null,
    partner_number varchar(32)   not null,
    component      varchar(24)   not null,
    kind           varchar(8)    not null check (kind in ('ORIGINAL', 'REVERSAL')),
    order_number   varchar(64),
    source_partner varchar(32),
    plan_version   integer       not null,
    level          integer,
    base           numeric(19,4) not null,
    rate           numeric(12,8) not null,
    amount         numeric(19,4) not null,
    currency       char(3)       not null,
    primary key (run_id, line_no)
);

create index commission_lines_by_partner on commission_lines (partner_number, run_id);
create index commission_lines_by_order on commission_lines (order_number) where order_number is not null;

-- What each partner reached in a closed period.
create table period_results (
    run_id         bigint        not null,
    partner_number varchar(32)   not null,
    personal_pv    numeric(19,4) not null,
    group_pv       numeric(19,4) not null,
    active         boolean       not null,
    achieved_rank  varchar(64),
    paid_as_rank   varchar(64),
    highest_rank   varchar(64),
    carry_left     numeric(19,4) not null,
    carry_right    numeric(19,4) not null,
    primary key (run_id, partner_number)
);

create index period_results_by_partner on period_results (partner_number, run_id);

-- The double-entry ledger. Amounts are signed: debit positive, credit negative. A journal
-- transaction balances to zero per currency (checked when the database transaction
-- commits); posted rows are never updated or deleted.
create table journal_transactions (
    id              bigint generated always as identity primary key,
    idempotency_key varchar(128) not null unique,
    description     text         not null,
    booked_at       timestamptz  not null,
    run_id          bigint       references commission_runs (id),
    posted_at       timestamptz  not null default now(),
    created_xact    xid8         not null default pg_current_xact_id()
);

create table journal_entries (
    transaction_id bigint        not null references journal_transactions (id),
    entry_no       integer       not null,
    account        varchar(80)   not null,
    amount         numeric(19,4) not null,
    currency       char(3)       not null,
    primary key (transaction_id, entry_no)
);

create index journal_entries_by_account on journal_entries (account, transaction_id);

create function refuse_change_of_posted_rows() returns trigger language plpgsql as $$
begin
    raise exception '% rows are append-only: % refused', tg_table_name, tg_op
        using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger journal_transactions_append_only before update or delete on journal_transactions
    for each row execute function refuse_change_of_posted_rows();
create trigger journal_entries_append_only before update or delete on journal_entries
    for each row execute function refuse_change_of_posted_rows();
create trigger journal_transactions_no_truncate before truncate on journal_transactions
    for each statement execute function refuse_change_of_posted_rows();
create trigger journal_entries_no_truncate before truncate on journal_entries
    for each statement execute function refuse_change_of_posted_rows();
create trigger plan_versions_immutable before update or delete on plan_versions
    for each row execute function refuse_change_of_posted_rows();
create trigger commission_runs_immutable before update or delete on commission_runs
    for each row execute function refuse_change_of_posted_rows();
create trigger commission_lines_immutable before update or delete on commission_lines
    for each row execute function refuse_change_of_posted_rows();
create trigger period_results_immutable before update or delete on period_results
    for each row execute function refuse_change_of_posted_rows();
create trigger run_events_immutable before update or delete on run_events
    for each row execute function refuse_change_of_posted_rows();

-- Entries join only a journal transaction created in the same database transaction (its
-- full 64-bit transaction id, set by the database, also inside savepoints), and each
-- journal transaction is checked once, when the database transaction commits.
create function stamp_journal_transaction() returns trigger language plpgsql as $$
begin
    new.created_xact := pg_current_xact_id();
    return new;
end;
$$;

create trigger journal_transactions_stamp before insert on journal_transactions
    for each row execute function stamp_journal_transaction();

create function refuse_entries_of_earlier_transactions() returns trigger language plpgsql as $$
declare
    posted bigint;
begin
    select i.transaction_id into posted
    from inserted i
    where not exists (select 1 from journal_transactions t
                      where t.id = i.transaction_id and t.created_xact = pg_current_xact_id())
    limit 1;
    if found then
        raise exception 'journal transaction % is posted already: add a new transaction instead', posted
            using errcode = 'integrity_constraint_violation';
    end if;
    return null;
end;
$$;

create trigger journal_entries_only_while_open after insert on journal_entries
    referencing new table as inserted
    for each statement execute function refuse_entries_of_earlier_transactions();

create function check_journal_balance() returns trigger language plpgsql as $$
declare
    unbalanced record;
begin
    if (select count(*) from journal_entries where transaction_id = new.id) < 2 then
        raise exception 'journal transaction % needs at least two entries', new.id
            using errcode = 'check_violation';
    end if;
    select currency, sum(amount) as total into unbalanced
    from journal_entries
    where transaction_id = new.id
    group by currency
    having sum(amount) <> 0
    limit 1;
    if found then
        raise exception 'journal transaction % does not balance: % % left over',
            new.id, unbalanced.total, unbalanced.currency
            using errcode = 'check_violation';
    end if;
    return null;
end;
$$;

create constraint trigger journal_transactions_balance after insert on journal_transactions
    deferrable initially deferred
    for each row execute function check_journal_balance();
