-- Customers belong to the partner who brought them (Kundenschutz); a customer's order is
-- credited to that partner.
create table customers (
    customer_number varchar(64)  primary key,
    partner_number  varchar(32)  not null,
    name            varchar(200) not null,
    email           varchar(254),
    registered_at   timestamptz  not null default now()
);

create index customers_by_partner on customers (partner_number);

alter table orders add column customer_number varchar(64) references customers (customer_number);

-- The events of one order (payment, returns), read whenever an event is recorded.
create index order_events_by_order on order_events (order_id);
