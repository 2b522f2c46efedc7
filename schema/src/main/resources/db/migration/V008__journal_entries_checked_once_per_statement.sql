-- Journal entries are checked once per statement, not once per row (ADR 0031).
--
-- A close adds one entry per partner in one COPY statement: a million rows at 1M
-- partners. The foreign key to journal_transactions looked its transaction up and locked
-- it once per row, although the statement trigger of V007 already refuses every entry
-- whose journal transaction was not created in the same database transaction, which an
-- entry of no journal transaction never was: the key is dropped, and the trigger names
-- such entries. Nothing else refuses less: posted rows stay append-only (V004's
-- triggers), a journal transaction is still balanced per currency by the statement that
-- adds its entries, and an entry cannot lose its journal transaction, which can be
-- neither deleted nor changed.
--
-- The trigger also reads the statement's rows once, per journal transaction and
-- currency, and checks those few sums instead of reading all rows for every check.
--
-- Accounts are compared byte by byte (collation "C"): they are only ever looked up by
-- equality, which is the same in every deterministic collation, and the index by account
-- is maintained a tenth faster without the locale's comparisons.

alter table journal_entries drop constraint journal_entries_transaction_id_fkey;

create or replace function check_journal_entries() returns trigger language plpgsql as $$
declare
    ids bigint[];
    currencies char(3)[];
    counts bigint[];
    totals numeric[];
    refused record;
begin
    select array_agg(s.transaction_id), array_agg(s.currency), array_agg(s.added), array_agg(s.total)
    into ids, currencies, counts, totals
    from (select transaction_id, currency, count(*) as added, sum(amount) as total
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

    select s.transaction_id into refused
    from (select g.transaction_id, sum(g.added) as added
          from unnest(ids, counts) as g(transaction_id, added)
          group by g.transaction_id) s
    where (select count(*) from journal_entries e where e.transaction_id = s.transaction_id) <> s.added
    limit 1;
    if found then
        raise exception 'journal transaction % has entries already: all entries of a transaction are added by one statement',
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

alter table journal_entries alter column account type varchar(80) collate "C";
