-- API tokens (docs/adr/0011-setup-commands-and-api-tokens.md): server-to-server credentials, one
-- grant each (a role in one school, or in the whole network when school_id is null). Only a hash
-- of the token's secret is stored: the plaintext is shown once when the token is issued.
create table tremplin_api_token (
  id          uuid         primary key,
  secret_hash varchar(64)  not null, -- hex SHA-256 of the secret part of the token
  role        varchar(16)  not null,
  school_id   uuid         references tremplin_school (id),
  label       varchar(200) not null,
  created_by  varchar(200) not null,
  created_at  timestamp with time zone not null,
  expires_at  timestamp with time zone,
  revoked_at  timestamp with time zone,
  revoked_by  varchar(200)
);
create index tremplin_api_token_school on tremplin_api_token (school_id);
