-- Orders credited to partners, their lines with PV and BV, and their status events.
create table orders (
    id             bigint generated always as identity primary key,
    order_number   varchar(64)  not null unique,
    partner_number varchar(32)  not null,
    ordered_at     timestamptz  not null,
    currency       char(3)      not null,
    recorded_at    timestamptz  not null default now()
);

create index orders_by_partner on orders (partner_number, ordered_at);

create table order_lines (
    order_id   bigint        not null references orders (id),
    line_no    integer       not null check (line_no > 0),
    product    varchar(64)   not null,
    quantity   numeric(19,4) not null check (quantity > 0),
    unit_price numeric(19,4) not null check (unit_price >= 0),
    vat_rate   numeric(7,4)  not null check (vat_rate >= 0),
    pv         numeric(19,4) not null check (pv >= 0),
    bv         numeric(19,4) not null check (bv >= 0),
    primary key (order_id, line_no)
);

create table order_events (
    id          bigint generated always as identity primary key,
    order_id    bigint       not null references orders (id),
    kind        varchar(16)  not null check (kind in ('PAID')),
    occurred_at timestamptz  not null,
    recorded_at timestamptz  not null default now(),
    unique (order_id, kind)
);

create index order_events_by_time on order_events (kind, occurred_at);
