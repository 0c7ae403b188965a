-- The audit chain is linked asynchronously (docs/decisions/0005-audit-chain-linked-asynchronously.md). Owner: audit/.
-- An audited transaction inserts its event without prev_hash and hash: the row is pending. A chainer, holding the
-- chain's advisory lock in a short transaction of its own, links pending rows in the order it finds them by setting
-- chain_seq (the row's position in the chain, 1, 2, 3, …), prev_hash and hash. seq stays the order of occurrence.

alter table audit_events
  alter column prev_hash drop not null,
  alter column hash drop not null,
  add column chain_seq bigint unique;

-- The rows written so far were linked in seq order under the old lock: their chain positions follow seq. The
-- append-only trigger refuses this update, so it is off for this one statement (the migration runs in a transaction).
alter table audit_events disable trigger audit_events_no_change;
update audit_events as a set chain_seq = ordered.position
  from (select seq, row_number() over (order by seq) as position from audit_events) as ordered
  where a.seq = ordered.seq;
alter table audit_events enable trigger audit_events_no_change;

-- A row is either pending (all three empty) or linked (all three set); nothing in between.
alter table audit_events add constraint audit_events_link_check check (
  (chain_seq is null and prev_hash is null and hash is null)
  or (chain_seq is not null and prev_hash is not null and hash is not null)
);

-- The chainer's work list: few rows at any moment, read in seq order.
create index audit_events_pending_idx on audit_events (seq) where hash is null;

-- Still append-only, with one exception: the chainer links a pending row by setting chain_seq, prev_hash and hash,
-- and nothing else. Every other update, linking a row a second time, and every delete are refused. Every column but
-- the three link columns is compared, so a column added later is protected without touching this function.
create or replace function audit_events_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE'
    and old.chain_seq is null and old.prev_hash is null and old.hash is null
    and new.chain_seq is not null and new.prev_hash is not null and new.hash is not null
    and (to_jsonb(new) - 'chain_seq' - 'prev_hash' - 'hash') = (to_jsonb(old) - 'chain_seq' - 'prev_hash' - 'hash')
  then
    return new;
  end if;
  raise exception 'audit_events is append-only (only a pending event may be linked into the chain)';
end $$;
