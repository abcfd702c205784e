-- The record each mutation changed and the version it left it at: a device's later change to the record
-- builds on the same device's earlier ones, whether or not the device has pulled them back yet, and must
-- not be taken for a conflict with them.
ALTER TABLE applied_mutations ADD COLUMN record_id uuid, ADD COLUMN record_version integer;
CREATE INDEX applied_mutations_by_record ON applied_mutations (record_id, device_id) WHERE record_id IS NOT NULL;
