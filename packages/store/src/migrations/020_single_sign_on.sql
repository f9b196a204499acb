-- Single sign-on (OpenID Connect, as NHS Care Identity Service 2 uses): which staff account an
-- identity at a provider is. The provider's subject identifier ("sub") is unique only within its
-- issuer, so the pair is the key; an account has at most one identity per provider. Linked by an
-- administrator (`continuity user link-sso`), never by a matching name or email.
CREATE TABLE app_user_identity (
  issuer    text        NOT NULL,
  subject   text        NOT NULL,
  user_id   text        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer, subject),
  UNIQUE (user_id, issuer)
);

-- A sign-in begun at the provider and not yet back: the browser holds a random token in a cookie,
-- this table its hash with the state, nonce and PKCE verifier. Taken (deleted) when the browser comes
-- back, so an answer from the provider is accepted at most once; rows left by sign-ins never finished
-- expire after minutes and are cleared as new ones begin.
CREATE TABLE sso_attempt (
  token_hash    text        PRIMARY KEY,
  state         text        NOT NULL,
  nonce         text        NOT NULL,
  code_verifier text        NOT NULL,
  return_to     text        NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX sso_attempt_by_expiry ON sso_attempt (expires_at);
