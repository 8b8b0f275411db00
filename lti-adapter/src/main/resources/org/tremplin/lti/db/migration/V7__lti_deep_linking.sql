-- Deep Linking 2.0 (LTI.md §4): a trainer's LtiDeepLinkingRequest waits here between the launch
-- and the choice on the picker page, so any node can sign the response. Reached by an opaque
-- request token of which only the SHA-256 is stored; single use; purged once expired.
create table tremplin_lti_deep_linking (
  request_hash  varchar(64)   not null primary key, -- hex SHA-256 of the opaque request token
  person_id     varchar(200)  not null,             -- the trainer who launched it
  issuer        varchar(500)  not null,
  client_id     varchar(500)  not null,
  deployment_id varchar(255)  not null,
  cohort_id     uuid          not null,
  settings      varchar(20000) not null,            -- JSON of deep_linking_settings, data included
  locale        varchar(35)   not null,
  created_at    timestamp with time zone not null,
  expires_at    timestamp with time zone not null
);
create index tremplin_lti_deep_linking_expires on tremplin_lti_deep_linking (expires_at);
