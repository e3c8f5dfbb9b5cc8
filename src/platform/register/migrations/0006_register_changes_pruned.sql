-- register_changes is pruned (src/platform/register/prune.ts): rows older than a window are deleted,
-- and `changes_from` says up to which version they are gone. An instance that last read the register
-- before it cannot be told what changed since, so it re-reads the whole id map.
ALTER TABLE register_changes ADD COLUMN at timestamptz NOT NULL DEFAULT now();
ALTER TABLE register_version ADD COLUMN changes_from bigint NOT NULL DEFAULT 0;
