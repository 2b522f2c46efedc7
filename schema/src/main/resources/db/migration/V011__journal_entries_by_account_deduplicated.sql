-- Journal entries are found by account through an index of the account alone (ADR 0044).
--
-- The index of V004 held (account, transaction_id): every entry a key of its own of some
-- 40 bytes, although accounts are only ever looked up by equality and the entries of an
-- account are ordered by their transaction's booking, not by the index. A close adds one
-- entry per partner who earned, in account order, and each lands between the entries of
-- the same account from earlier periods, so it wrote to nearly every leaf page. With the
-- account alone, PostgreSQL's B-tree deduplication keeps one key per account with a list
-- of its entries: after four closes of a million partners the index took 37 instead of
-- 133 MB, and adding a close's 392,740 entries by COPY took 1.3-1.8 s instead of
-- 1.8-2.5 s (0.9-1.1 s without the index).

drop index journal_entries_by_account;

create index journal_entries_by_account on journal_entries (account);
