-- How far the reconciliation scan has read each system: the newest `updatedAt` seen (the systems
-- answer `updatedSince` at or after it), and when an instance last scanned (one scans at a time).
CREATE TABLE feed_marks (
  system         text PRIMARY KEY CHECK (system IN ('lcs', 'eyes', 'lift', 'frontdoor')),
  updated_since  text
);

ALTER TABLE register_version ADD COLUMN scanned_at timestamptz;
