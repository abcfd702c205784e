-- Every mutation a device sent, by the id the device chose, with the answer it got: a mutation delivered
-- again (a retry after a lost answer, two tabs, a restart) is answered from here and applied only once.
CREATE TABLE applied_mutations (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL,
  device_id text NOT NULL,
  name text NOT NULL,
  result jsonb,
  received_at timestamptz NOT NULL DEFAULT now()
);
