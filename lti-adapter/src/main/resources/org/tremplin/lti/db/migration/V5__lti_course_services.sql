-- LTI Advantage service endpoints and the course roster (LTI.md §5, §6).

-- The service endpoints a course's launches carry, as last seen: NRPS memberships, AGS line item
-- container and scopes. Nulls when the launch did not offer the service.
create table tremplin_lti_course_services (
  issuer          varchar(500)  not null,
  client_id       varchar(500)  not null,
  deployment_id   varchar(255)  not null,
  context_id      varchar(255)  not null,
  memberships_url varchar(2000),
  nrps_versions   varchar(500)  not null,
  lineitems_url   varchar(2000),
  ags_scopes      varchar(4000) not null, -- space-separated
  seen_at         timestamp with time zone not null,
  primary key (issuer, client_id, deployment_id, context_id)
);

-- The AGS line item a resource link's launches carry (its own gradebook column).
create table tremplin_lti_link_services (
  issuer           varchar(500)  not null,
  client_id        varchar(500)  not null,
  deployment_id    varchar(255)  not null,
  context_id       varchar(255)  not null,
  resource_link_id varchar(255)  not null,
  lineitem_url     varchar(2000) not null,
  seen_at          timestamp with time zone not null,
  primary key (issuer, client_id, deployment_id, context_id, resource_link_id)
);

-- The roster of a linked course as Tremplin last read it (NRPS): when, with what result, and the
-- 'differences' link the platform offered for the next read.
create table tremplin_lti_roster (
  issuer          varchar(500)  not null,
  client_id       varchar(500)  not null,
  deployment_id   varchar(255)  not null,
  context_id      varchar(255)  not null,
  cohort_id       uuid          not null references tremplin_cohort (id),
  attempted_at    timestamp with time zone not null, -- last attempt (throttles trainer launches)
  read_at         timestamp with time zone,          -- last complete read
  outcome         varchar(20)   not null,            -- NEVER (row made, not tried), SYNCED, NO_SERVICE, FAILED
  failure         varchar(500),                      -- the error code (and platform answer) of a failure
  differences_url varchar(2000),
  members         integer       not null,
  learners        integer       not null,
  joined          integer       not null,
  left_out        integer       not null,
  inactive        integer       not null,
  primary key (issuer, client_id, deployment_id, context_id)
);

-- One member of a linked course as the platform listed them. Never deleted by a sync: a member gone
-- from the course is flagged 'GONE' (their learner record and history stay). E-mail and
-- lis_person_sourcedid only when the platform shares them (matching across platform users).
create table tremplin_lti_roster_member (
  issuer        varchar(500)  not null,
  client_id     varchar(500)  not null,
  deployment_id varchar(255)  not null,
  context_id    varchar(255)  not null,
  sub           varchar(255)  not null,
  roles         varchar(4000) not null, -- space-separated role URIs as listed
  status        varchar(10)   not null, -- ACTIVE, INACTIVE, DELETED, GONE
  email         varchar(320),
  email_key     varchar(320), -- the e-mail in lower case, for matching
  sourcedid     varchar(255),
  learner_id    uuid,
  waiting       boolean       not null, -- a learner left out: the cohort was full
  first_seen_at timestamp with time zone not null,
  last_seen_at  timestamp with time zone not null,
  primary key (issuer, client_id, deployment_id, context_id, sub)
);
create index tremplin_lti_roster_member_learner on tremplin_lti_roster_member (learner_id);
create index tremplin_lti_roster_member_email on tremplin_lti_roster_member (email_key);
create index tremplin_lti_roster_member_sourcedid on tremplin_lti_roster_member (issuer, sourcedid);
