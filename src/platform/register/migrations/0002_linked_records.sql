-- What an instance needs to answer without re-reading the four systems: every linked record's
-- identifying fields (as its connector mapped them), the linker's cluster it is in and whether that
-- cluster is withheld, and for an LCS record its restriction. `version` is the register version
-- that last changed the record's fields, so other instances read only what changed; a record
-- removed upstream stays as a row without fields until the next full load.
CREATE TABLE linked_records (
  system       text NOT NULL CHECK (system IN ('lcs', 'eyes', 'lift', 'frontdoor')),
  local_id     text NOT NULL,
  record       jsonb,
  restriction  jsonb,
  -- The linker's id for the record's cluster (before stewards' decisions), to lay the links again.
  linked_with  text,
  restricted   boolean NOT NULL DEFAULT false,
  version      bigint NOT NULL,
  PRIMARY KEY (system, local_id)
);
CREATE INDEX linked_records_by_version ON linked_records (version);

-- The hub ids each register version changed ('*': all of them), so other instances re-read only those.
CREATE TABLE register_changes (
  version  bigint NOT NULL,
  hub_id   text NOT NULL
);
CREATE INDEX register_changes_by_version ON register_changes (version);

-- Set once a full load has written every record: until then an instance links from the systems.
ALTER TABLE register_version ADD COLUMN records_complete boolean NOT NULL DEFAULT false;
