-- Sign-in attempts per client address, in the database rather than one process's memory, so that the
-- per-address limit holds however many server processes share the load. Rows older than the window are
-- worth nothing and are removed by the cleanup job.
CREATE TABLE sign_in_attempts (
  address text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_attempts_address ON sign_in_attempts (address, at);
