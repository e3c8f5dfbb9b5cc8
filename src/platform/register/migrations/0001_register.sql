-- The child register: hub ids, which records each id holds, merged ids and where split records went,
-- and the data stewards' decisions. A hub id, once issued, never changes meaning: it is ACTIVE (it
-- names a child), MERGED (id_redirects says which id survived) or RETIRED (its records are gone, or
-- crossed a restriction line an old id must not follow).

CREATE TABLE hub_ids (
  hub_id      text PRIMARY KEY,
  status      text NOT NULL CHECK (status IN ('ACTIVE', 'MERGED', 'RETIRED')),
  -- A restricted child's id and a visible child's id are never the same id, nor redirect to each other.
  restricted  boolean NOT NULL,
  issued_at   timestamptz NOT NULL DEFAULT now(),
  changed_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  system    text NOT NULL CHECK (system IN ('lcs', 'eyes', 'lift', 'frontdoor')),
  local_id  text NOT NULL,
  hub_id    text NOT NULL REFERENCES hub_ids (hub_id),
  PRIMARY KEY (system, local_id)
);
CREATE INDEX memberships_by_hub_id ON memberships (hub_id);

CREATE TABLE id_redirects (
  from_hub_id  text PRIMARY KEY REFERENCES hub_ids (hub_id),
  to_hub_id    text NOT NULL REFERENCES hub_ids (hub_id),
  at           timestamptz NOT NULL DEFAULT now()
);

-- Records of `from_hub_id` that went to another child when its cluster split.
CREATE TABLE id_splits (
  from_hub_id  text NOT NULL REFERENCES hub_ids (hub_id),
  to_hub_id    text NOT NULL REFERENCES hub_ids (hub_id),
  records      integer NOT NULL CHECK (records > 0),
  at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (from_hub_id, to_hub_id)
);

CREATE TABLE review_decisions (
  id               bigserial PRIMARY KEY,
  kind             text NOT NULL CHECK (kind IN ('CONFIRM', 'REJECT', 'SPLIT')),
  -- CONFIRM and REJECT: a record of each child; SPLIT: the record taken out, and one it was with.
  system           text NOT NULL,
  local_id         text NOT NULL,
  other_system     text NOT NULL,
  other_local_id   text NOT NULL,
  -- The hub ids as the steward saw them (for the audit and the decision list).
  hub_id           text NOT NULL,
  other_hub_id     text,
  reason           text NOT NULL CHECK (length(reason) > 0),
  decided_by       text NOT NULL,
  decided_at       timestamptz NOT NULL DEFAULT now(),
  reversed_by      text,
  reversed_at      timestamptz,
  reversal_reason  text
);

-- Bumped by every change to the register, so other instances know to re-read it.
CREATE TABLE register_version (
  singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version    bigint NOT NULL
);
INSERT INTO register_version (version) VALUES (0);
