-- A meeting's notes are listed by their meeting (the meeting's own PDF reads them so): notes written
-- before the parent column was filled for them get it from the meeting they name.
UPDATE records SET parent_id = (data->>'meetingId')::uuid
 WHERE entity = 'meetingNote' AND parent_id IS NULL AND data ? 'meetingId';
