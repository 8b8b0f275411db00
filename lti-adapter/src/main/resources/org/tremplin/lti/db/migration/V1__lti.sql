-- LTI 1.3 tool-side state shared by every node (LTI.md §1.5, §2.8, §3, §8).

-- Login states between the OIDC login and the launch; taken once (select + delete in one
-- transaction, the delete count decides which node wins).
create table tremplin_lti_login_state (
  state             varchar(200)  not null primary key,
  issuer            varchar(500)  not null, -- the registration's key: issuer and client id
  client_id         varchar(500)  not null,
  nonce             varchar(200)  not null,
  target_link_uri   varchar(2000) not null,
  deployment_hint   varchar(255),
  expires_at        timestamp with time zone not null,
  created_at        timestamp with time zone not null
);
create index tremplin_lti_login_state_expires on tremplin_lti_login_state (expires_at);

-- Nonces of accepted id_tokens, kept until the token's exp: the primary key makes a replay fail
-- on any node.
create table tremplin_lti_nonce (
  issuer     varchar(500) not null,
  nonce      varchar(500) not null,
  expires_at timestamp with time zone not null,
  primary key (issuer, nonce)
);
create index tremplin_lti_nonce_expires on tremplin_lti_nonce (expires_at);

-- The tool's own signing keys (RSA), published at /lti/jwks until retired past an overlap window.
create table tremplin_lti_tool_key (
  kid         varchar(64)  not null primary key,
  private_key varchar(4000) not null, -- PKCS#8, base64
  public_key  varchar(2000) not null, -- X.509 SubjectPublicKeyInfo, base64
  alg         varchar(16)  not null,
  created_at  timestamp with time zone not null,
  active_from timestamp with time zone not null,
  retired_at  timestamp with time zone
);

-- App sessions opened by a launch (LTI.md §3, last bullet): only the SHA-256 of the token is kept.
create table tremplin_lti_session (
  token_hash varchar(64)  not null primary key, -- hex SHA-256 of the opaque token
  actor_id   varchar(200) not null,
  roles      varchar(2000) not null, -- JSON array of role names
  cohort_id  uuid,
  created_at timestamp with time zone not null,
  expires_at timestamp with time zone not null
);
create index tremplin_lti_session_expires on tremplin_lti_session (expires_at);
