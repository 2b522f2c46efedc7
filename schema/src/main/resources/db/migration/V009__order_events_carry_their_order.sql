-- An order event carries what a run needs of its order: number, partner and order date
-- (ADR 0036).
--
-- A close reads the events of its period, some two million at a million partners. Joined
-- with orders, PostgreSQL hashed every order ever recorded to find the few it needed (the
-- whole orders table, a history that only grows), spilled the hash to disk, and the read
-- was most of a close's load phase. With these columns the read is one range of
-- order_events.
--
-- An order's number, partner and date, and an event's order and copies of them, were
-- never changed once recorded; the triggers below make that a rule of the database, so
-- the copies cannot drift from their order. The statements that add events take the
-- values from orders in the same statement (the database does not compare them on insert:
-- a lookup per event would cost the ingest more than the read gains).

alter table order_events add column order_number varchar(64);
alter table order_events add column partner_number varchar(32);
alter table order_events add column ordered_at timestamptz;

update order_events e
set order_number = o.order_number, partner_number = o.partner_number, ordered_at = o.ordered_at
from orders o
where o.id = e.order_id;

alter table order_events alter column order_number set not null;
alter table order_events alter column partner_number set not null;
alter table order_events alter column ordered_at set not null;

-- One function for both tables: the triggers name the columns and fire only when one of
-- them changes; both tables have the three columns the message names.
create or replace function refuse_order_change() returns trigger language plpgsql as $$
begin
    raise exception '% of order % of partner % placed at %: a recorded order is not changed',
        tg_table_name, old.order_number, old.partner_number, old.ordered_at
        using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger orders_not_changed before update of order_number, partner_number, ordered_at on orders
    for each row
    when ((new.order_number, new.partner_number, new.ordered_at)
          is distinct from (old.order_number, old.partner_number, old.ordered_at))
    execute function refuse_order_change();

create trigger order_events_order_not_changed
    before update of order_id, order_number, partner_number, ordered_at on order_events
    for each row
    when ((new.order_id, new.order_number, new.partner_number, new.ordered_at)
          is distinct from (old.order_id, old.order_number, old.partner_number, old.ordered_at))
    execute function refuse_order_change();
