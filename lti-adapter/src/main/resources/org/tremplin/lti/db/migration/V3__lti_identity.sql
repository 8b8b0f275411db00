-- LTI identities and course links (LTI.md §3): who a platform user is in Tremplin, which cohort a
-- course (context) is linked to, and which school a platform serves.

-- (issuer, client_id, sub) → a Tremplin person id (the actor id of audit trails), and the learner
-- record when the person is a learner of a cohort.
create table tremplin_lti_person (
  issuer     varchar(500) not null,
  client_id  varchar(500) not null,
  sub        varchar(255) not null,
  person_id  varchar(200) not null,
  learner_id uuid,
  created_at timestamp with time zone not null,
  primary key (issuer, client_id, sub)
);
create index tremplin_lti_person_person on tremplin_lti_person (person_id);
create index tremplin_lti_person_learner on tremplin_lti_person (learner_id);

-- A course of the platform (issuer, client_id, deployment, context.id) → one cohort.
create table tremplin_lti_context (
  issuer        varchar(500) not null,
  client_id     varchar(500) not null,
  deployment_id varchar(255) not null,
  context_id    varchar(255) not null,
  cohort_id     uuid not null references tremplin_cohort (id),
  linked_by     varchar(200) not null,
  linked_at     timestamp with time zone not null,
  primary key (issuer, client_id, deployment_id, context_id)
);
create index tremplin_lti_context_cohort on tremplin_lti_context (cohort_id);

-- The school a platform registration serves (courses of that platform link to its cohorts).
create table tremplin_lti_platform_school (
  issuer    varchar(500) not null,
  client_id varchar(500) not null,
  school_id uuid not null references tremplin_school (id),
  primary key (issuer, client_id)
);

-- App sessions now carry the actor's grants (role and scope), the display name, the language and,
-- for a trainer's first launch from an unlinked course, that course. Sessions are short-lived:
-- the table is recreated empty.
drop table tremplin_lti_session;
create table tremplin_lti_session (
  token_hash    varchar(64)    not null primary key, -- hex SHA-256 of the opaque token
  person_id     varchar(200)   not null,
  display_name  varchar(500)   not null,
  grants        varchar(100000) not null, -- JSON array of {role, scope, school, cohort, learner}
  cohort_id     uuid,
  pending_link  varchar(2000), -- JSON of the unlinked course a trainer may link
  locale        varchar(35)    not null,
  created_at    timestamp with time zone not null,
  expires_at    timestamp with time zone not null
);
create index tremplin_lti_session_expires on tremplin_lti_session (expires_at);
