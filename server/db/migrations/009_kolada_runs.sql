-- Runs of the Kolada fetch: one at a time across every server process (the partial unique index), its
-- report kept per indicator as it goes, so that a run cut short is resumed where it stopped.
CREATE TABLE kolada_runs (
  id uuid PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now(),
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  running boolean NOT NULL DEFAULT true,
  started_by text NOT NULL,
  report jsonb NOT NULL DEFAULT '{"indicators": []}'
);
CREATE UNIQUE INDEX kolada_runs_one_running ON kolada_runs (running) WHERE running;
