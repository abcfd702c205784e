-- A counter that moves whenever anything a signed-in person's rights are worked out from changes: their
-- sessions, their account, their grants, the unit tree. A server keeps each session's rights in memory
-- for a short while and trusts them only as long as this counter has not moved, so a revoked grant, a
-- deactivated account or a signed-out device takes effect on the very next request, on every process.
CREATE TABLE access_generation (
  id integer PRIMARY KEY CHECK (id = 1),
  value bigint NOT NULL
);
INSERT INTO access_generation (id, value) VALUES (1, 0);

CREATE FUNCTION bump_access_generation() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE access_generation SET value = value + 1 WHERE id = 1; RETURN NULL; END $$;

CREATE TRIGGER grants_change_access AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grants FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER sessions_end_access AFTER DELETE OR TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
-- A sliding expiry moves expires_at forward on every hour of use; only a shortened one is a change of rights.
CREATE TRIGGER sessions_shorten_access AFTER UPDATE ON sessions FOR EACH ROW WHEN (NEW.expires_at < OLD.expires_at OR NEW.user_id <> OLD.user_id) EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER users_change_access AFTER UPDATE ON users FOR EACH ROW
  WHEN ((NEW.active, NEW.name, NEW.email, NEW.scope_version) IS DISTINCT FROM (OLD.active, OLD.name, OLD.email, OLD.scope_version))
  EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER users_delete_access AFTER DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER units_insert_access AFTER INSERT ON records FOR EACH ROW WHEN (NEW.entity = 'unit') EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER units_update_access AFTER UPDATE ON records FOR EACH ROW
  WHEN ((NEW.entity = 'unit' OR OLD.entity = 'unit') AND (NEW.data, NEW.deleted, NEW.entity) IS DISTINCT FROM (OLD.data, OLD.deleted, OLD.entity))
  EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER units_delete_access AFTER DELETE ON records FOR EACH ROW WHEN (OLD.entity = 'unit') EXECUTE FUNCTION bump_access_generation();

-- Each commit that moves either counter says so, so an embedded database's server can keep both in memory
-- (server/db/heads.ts) and answer "anything new?" without a query.
CREATE FUNCTION notify_heads() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('malbild_heads', TG_TABLE_NAME || ':' || NEW.value); RETURN NULL; END $$;
CREATE TRIGGER change_counter_notify AFTER UPDATE ON change_counter FOR EACH ROW EXECUTE FUNCTION notify_heads();
CREATE TRIGGER access_generation_notify AFTER UPDATE ON access_generation FOR EACH ROW EXECUTE FUNCTION notify_heads();
