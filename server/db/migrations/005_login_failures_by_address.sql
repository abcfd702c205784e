-- Failed sign-ins are counted per e-mail address and client address: five wrong passwords lock that
-- e-mail for that address only, so nobody can lock someone else out by knowing their e-mail.
ALTER TABLE login_failures ADD COLUMN address text NOT NULL DEFAULT '';
DROP INDEX login_failures_email;
CREATE INDEX login_failures_email ON login_failures (email, address, at);
