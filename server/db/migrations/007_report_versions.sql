-- A delårsrapport as it stood when its period was closed: each closing freezes a new version, so a
-- report approved by the nämnd can be downloaded again exactly as it was, after any later correction.
CREATE TABLE report_versions (
  plan_id uuid NOT NULL,
  period text NOT NULL,
  version integer NOT NULL,
  frozen_at timestamptz NOT NULL DEFAULT now(),
  frozen_by text NOT NULL,
  -- The units whose records the frozen report shows: only someone who may read them all gets it.
  unit_ids uuid[] NOT NULL,
  report jsonb NOT NULL,
  PRIMARY KEY (plan_id, period, version)
);
