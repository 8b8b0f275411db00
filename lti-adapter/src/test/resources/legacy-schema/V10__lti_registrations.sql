-- LTI platform registrations made by Dynamic Registration (LTI.md §7), and the deployment ids
-- recorded for every registration, configured or dynamic (LTI.md §2.10).

-- Registrations stored by Dynamic Registration. Registrations from configuration
-- (tremplin.lti.platform.<name>.*) are not copied here; when both hold the same
-- (issuer, client_id), the configuration wins.
create table tremplin_lti_registration (
  issuer           varchar(500)  not null,
  client_id        varchar(500)  not null,
  name             varchar(500)  not null,
  auth_url         varchar(2000) not null,
  token_url        varchar(2000) not null,
  jwks_url         varchar(2000) not null,
  auto_deployments boolean       not null,
  created_at       timestamp with time zone not null,
  primary key (issuer, client_id)
);

-- Deployment ids known for a registration, beyond those in the configuration: returned by the
-- platform at Dynamic Registration (Moodle), or recorded at the first launch accepted under
-- auto-deployments (Canvas). No foreign key: a configured registration has no row in
-- tremplin_lti_registration. The primary key makes recording idempotent across nodes.
create table tremplin_lti_deployment (
  issuer        varchar(500) not null,
  client_id     varchar(500) not null,
  deployment_id varchar(255) not null,
  origin        varchar(16)  not null, -- REGISTRATION or LAUNCH
  created_at    timestamp with time zone not null,
  primary key (issuer, client_id, deployment_id)
);
