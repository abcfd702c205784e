-- Sign-in through the region's identity provider (OpenID Connect).
--
-- A sign-in on its way: written when the browser is sent to the provider, taken (once) when it comes
-- back. In the database rather than one process's memory, so the browser may come back to any of several
-- server processes. Only a hash of the state is kept, the key the browser holds in a cookie; the PKCE
-- verifier and the nonce stay here and never reach the browser. Rows past `expires_at` are worth nothing.
CREATE TABLE oidc_sign_ins (
  state_hash text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  return_path text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_sign_ins_expires ON oidc_sign_ins (expires_at);

-- Who the person is at the provider when that is not their e-mail address (an HSA-id, Entra ID's object
-- id): the value of the configured claim, set by an administrator or by the sign-in that created them.
ALTER TABLE users ADD COLUMN external_id text;
CREATE UNIQUE INDEX users_external_id ON users (lower(external_id));

-- The ID token a session began with, handed back to the provider's end-session endpoint as its hint.
ALTER TABLE sessions ADD COLUMN id_token text;
