-- The controller: builds and imports a unit's plans and keeps their reporting calendar.
ALTER TABLE grants DROP CONSTRAINT grants_role_check;
ALTER TABLE grants ADD CONSTRAINT grants_role_check CHECK (role IN ('administratör', 'controller', 'rapportör', 'läsare'));
