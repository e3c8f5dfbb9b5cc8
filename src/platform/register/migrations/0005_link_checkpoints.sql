-- A binary checkpoint of an instance's link index (src/domain/identity/checkpoint.ts): a restart
-- lays it out and applies only the linked records changed after `register_version`, instead of
-- reading, normalising and blocking every stored record. In parts (a county's is tens of megabytes),
-- written by one instance at a time; only the newest complete one is kept. One made under other
-- linking rules or in another format is never laid out.
CREATE TABLE link_checkpoints (
  id                bigserial PRIMARY KEY,
  -- Every linked record changed at or before this register version is in the checkpoint.
  register_version  bigint NOT NULL,
  rules             text NOT NULL,
  format            integer NOT NULL,
  parts             integer NOT NULL,
  size              bigint NOT NULL,
  sha256            text NOT NULL,
  -- Set once every part is written: a writer that stopped halfway leaves an incomplete one, never read.
  complete          boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE link_checkpoint_parts (
  checkpoint_id  bigint NOT NULL REFERENCES link_checkpoints (id) ON DELETE CASCADE,
  part           integer NOT NULL,
  bytes          bytea NOT NULL,
  PRIMARY KEY (checkpoint_id, part)
);
-- Stored as written: compressing tens of megabytes of packed columns costs more than it saves.
ALTER TABLE link_checkpoint_parts ALTER COLUMN bytes SET STORAGE EXTERNAL;
