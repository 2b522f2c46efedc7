-- A journal transaction's entries are added by one statement and balanced there.
--
-- Until now the balance was checked by a deferred constraint trigger when the database
-- transaction committed. `SET CONSTRAINTS ... IMMEDIATE` fires such a trigger early, and
-- entries added to the same journal transaction after it had fired were never checked:
-- an unbalanced transaction could be committed. Now the statement that adds entries
-- checks the balance of every journal transaction it touches and refuses entries for a
-- journal transaction that has entries already; the deferred trigger only checks that a
-- journal transaction got its entries at all. Whenever a check fires, nothing can be
-- added after it.

drop trigger journal_entries_only_while_open on journal_entries;
drop function refuse_entries_of_earlier_transactions();
drop trigger journal_transactions_balance on journal_transactions;
drop function check_journal_balance();

create function check_journal_entries() returns trigger language plpgsql as $$
declare
    refused record;
begin
    select i.transaction_id into refused
    from inserted i
    where not exists (select 1 from journal_transactions t
                      where t.id = i.transaction_id and t.created_xact = pg_current_xact_id())
    limit 1;
    if found then
        raise exception 'journal transaction % is posted already: add a new transaction instead',
            refused.transaction_id
            using errcode = 'integrity_constraint_violation';
    end if;

    select s.transaction_id into refused
    from (select transaction_id, count(*) as added from inserted group by transaction_id) s
    where (select count(*) from journal_entries e where e.transaction_id = s.transaction_id) <> s.added
    limit 1;
    if found then
        raise exception 'journal transaction % has entries already: all entries of a transaction are added by one statement',
            refused.transaction_id
            using errcode = 'integrity_constraint_violation';
    end if;

    select transaction_id into refused
    from inserted
    group by transaction_id
    having count(*) < 2
    limit 1;
    if found then
        raise exception 'journal transaction % needs at least two entries', refused.transaction_id
            using errcode = 'check_violation';
    end if;

    select transaction_id, currency, sum(amount) as total into refused
    from inserted
    group by transaction_id, currency
    having sum(amount) <> 0
    limit 1;
    if found then
        raise exception 'journal transaction % does not balance: % % left over',
            refused.transaction_id, refused.total, refused.currency
            using errcode = 'check_violation';
    end if;
    return null;
end;
$$;

create trigger journal_entries_checked after insert on journal_entries
    referencing new table as inserted
    for each statement execute function check_journal_entries();

create function check_journal_has_entries() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from journal_entries where transaction_id = new.id) then
        raise exception 'journal transaction % needs at least two entries', new.id
            using errcode = 'check_violation';
    end if;
    return null;
end;
$$;

create constraint trigger journal_transactions_have_entries after insert on journal_transactions
    deferrable initially deferred
    for each row execute function check_journal_has_entries();
