-- E-mail waiting to be sent, and what became of it. A reminder is queued once under its key (the same
-- first reminder is never queued twice, whichever process scheduled it), claimed by one sender at a time
-- for a bounded lease, and kept after sending so that a restart neither loses nor repeats it.
CREATE TABLE mail_queue (
  id uuid PRIMARY KEY,
  dedupe_key text NOT NULL UNIQUE,
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  claimed_by uuid,
  claimed_until timestamptz,
  sent_at timestamptz,
  failed_at timestamptz,
  last_error text
);
CREATE INDEX mail_queue_waiting ON mail_queue (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
