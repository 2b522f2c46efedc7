-- A journal transaction's entries are numbered 1 to n by the one statement that adds them
-- (ADR 0040).
--
-- V007 refuses entries for a journal transaction that has entries already by counting,
-- for every journal transaction a statement touches, all of its entries in the table: a
-- close adds one entry per partner, and the count read every entry it had just added
-- again. Now the statement must number each journal transaction's entries from 1 to
-- the number it adds: entries of one transaction are unique by number (the primary key),
-- so a later statement's entry 1 is refused as a duplicate, and a statement that numbers
-- from elsewhere is refused here. Both refuse what the count refused; the numbers are
-- checked from the sums this trigger computes anyway, without reading the table.

create or replace function check_journal_entries() returns trigger language plpgsql as $$
declare
    ids bigint[];
    currencies char(3)[];
    counts bigint[];
    totals numeric[];
    firsts integer[];
    lasts integer[];
    refused record;
begin
    select array_agg(s.transaction_id), array_agg(s.currency), array_agg(s.added), array_agg(s.total),
           array_agg(s.first_no), array_agg(s.last_no)
    into ids, currencies, counts, totals, firsts, lasts
    from (select transaction_id, currency, count(*) as added, sum(amount) as total,
                 min(entry_no) as first_no, max(entry_no) as last_no
          from inserted
          group by transaction_id, currency) s;

    select g.transaction_id, t.id is null as missing into refused
    from unnest(ids) as g(transaction_id)
    left join journal_transactions t on t.id = g.transaction_id
    where t.id is null or t.created_xact <> pg_current_xact_id()
    limit 1;
    if found and refused.missing then
        raise exception 'journal transaction % does not exist: entries belong to a journal transaction',
            refused.transaction_id
            using errcode = 'foreign_key_violation';
    end if;
    if found then
        raise exception 'journal transaction % is posted already: add a new transaction instead',
            refused.transaction_id
            using errcode = 'integrity_constraint_violation';
    end if;

    -- entries are unique by (transaction_id, entry_no): n of them from 1 to n are 1 to n
    select s.transaction_id into refused
    from (select g.transaction_id, sum(g.added) as added, min(g.first_no) as first_no, max(g.last_no) as last_no
          from unnest(ids, counts, firsts, lasts) as g(transaction_id, added, first_no, last_no)
          group by g.transaction_id) s
    where s.first_no <> 1 or s.last_no <> s.added
    limit 1;
    if found then
        raise exception 'journal transaction % has entries already, or its entries are not numbered from 1: all entries of a transaction are added by one statement, numbered 1 to n',
            refused.transaction_id
            using errcode = 'integrity_constraint_violation';
    end if;

    select g.transaction_id into refused
    from unnest(ids, counts) as g(transaction_id, added)
    group by g.transaction_id
    having sum(g.added) < 2
    limit 1;
    if found then
        raise exception 'journal transaction % needs at least two entries', refused.transaction_id
            using errcode = 'check_violation';
    end if;

    select g.transaction_id, g.currency, g.total into refused
    from unnest(ids, currencies, totals) as g(transaction_id, currency, total)
    where g.total <> 0
    limit 1;
    if found then
        raise exception 'journal transaction % does not balance: % % left over',
            refused.transaction_id, refused.total, refused.currency
            using errcode = 'check_violation';
    end if;
    return null;
end;
$$;
