-- Housekeeping: the pruned horizon of register_changes, and when the scan last swept every system.

-- register_changes is pruned (src/platform/register/prune.ts): rows older than a window are deleted,
-- and `changes_from` says up to which version they are gone. An instance that last read the register
-- before it cannot be told what changed since, so it re-reads the whole id map.
ALTER TABLE register_changes ADD COLUMN at timestamptz NOT NULL DEFAULT now();
ALTER TABLE register_version ADD COLUMN changes_from bigint NOT NULL DEFAULT 0;

-- When an instance last read every system's whole person list (the reconciliation scan's sweep):
-- the only way to see that LCS, EYES or the front door no longer hold a person.
ALTER TABLE register_version ADD COLUMN swept_at timestamptz;
