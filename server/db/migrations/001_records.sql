-- Synced plan data lives in one table: each row is one record of a kind (`entity`) validated by the
-- shared valibot schema on its way in. One table makes "everything changed since N" a single indexed
-- range scan on `seq`, and the few columns queries filter on are lifted out of `data`.
CREATE TABLE records (
  id uuid PRIMARY KEY,
  entity text NOT NULL,
  plan_id uuid,
  unit_id uuid,
  parent_id uuid,
  version integer NOT NULL DEFAULT 1,
  seq bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  data jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX records_seq ON records (seq);
CREATE INDEX records_entity_plan ON records (entity, plan_id) WHERE NOT deleted;
CREATE INDEX records_parent ON records (parent_id) WHERE NOT deleted;

-- One row holding the last change sequence handed out. A writer increments it inside its transaction,
-- so the row lock makes writers commit in sequence order: a puller can never see seq N+1 before N.
CREATE TABLE change_counter (
  id integer PRIMARY KEY CHECK (id = 1),
  value bigint NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);

-- Identifies this database, so a device holding a cursor from another database knows to start over.
CREATE TABLE server_identity (
  id integer PRIMARY KEY CHECK (id = 1),
  epoch uuid NOT NULL DEFAULT gen_random_uuid()
);
INSERT INTO server_identity (id) VALUES (1);
