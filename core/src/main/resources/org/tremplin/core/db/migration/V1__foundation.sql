-- Tremplin foundation schema. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
-- Never edit a released migration: add V2, V3...

create table tremplin_school (
  id          uuid primary key,
  name        varchar(200) not null,
  departement varchar(3)   not null,
  created_at  timestamp with time zone not null
);

create table tremplin_programme_template (
  template_id      varchar(64) not null,
  template_version integer     not null,
  body             text        not null,
  imported_at      timestamp with time zone not null,
  primary key (template_id, template_version)
);

create table tremplin_cohort (
  id               uuid primary key,
  school_id        uuid         not null references tremplin_school (id),
  name             varchar(200) not null,
  first_day        date         not null,
  last_day         date         not null,
  template_id      varchar(64)  not null,
  template_version integer      not null,
  capacity         integer      not null,
  created_at       timestamp with time zone not null,
  foreign key (template_id, template_version)
    references tremplin_programme_template (template_id, template_version),
  check (last_day >= first_day),
  check (capacity between 1 and 24)
);
create index tremplin_cohort_school on tremplin_cohort (school_id);

create table tremplin_cohort_closure (
  cohort_id uuid not null references tremplin_cohort (id),
  first_day date not null,
  last_day  date not null,
  primary key (cohort_id, first_day),
  check (last_day >= first_day)
);

create table tremplin_learner (
  id          uuid primary key,
  given_name  varchar(100) not null,
  family_name varchar(100) not null,
  created_at  timestamp with time zone not null
);

create table tremplin_enrolment_event (
  cohort_id   uuid         not null references tremplin_cohort (id),
  learner_id  uuid         not null references tremplin_learner (id),
  seq         integer      not null,
  kind        varchar(16)  not null,
  event_date  date         not null,
  reason      varchar(500) not null,
  recorded_by varchar(200) not null,
  recorded_at timestamp with time zone not null,
  primary key (cohort_id, learner_id, seq)
);

-- Attendance is append-only: a correction inserts the next version.
create table tremplin_attendance (
  cohort_id     uuid         not null references tremplin_cohort (id),
  learner_id    uuid         not null references tremplin_learner (id),
  half_day_date date         not null,
  part          varchar(2)   not null,
  version       integer      not null,
  mark          varchar(24)  not null,
  late_minutes  integer      not null,
  recorded_by   varchar(200) not null,
  recorded_at   timestamp with time zone not null,
  reason        varchar(500) not null,
  primary key (cohort_id, half_day_date, part, learner_id, version),
  check (version >= 1),
  check (part in ('AM', 'PM'))
);
create index tremplin_attendance_learner
  on tremplin_attendance (cohort_id, learner_id, half_day_date);

create table tremplin_evidence (
  id          uuid          primary key,
  cohort_id   uuid          not null references tremplin_cohort (id),
  learner_id  uuid          not null references tremplin_learner (id),
  competency  varchar(32)   not null,
  criterion   varchar(32)   not null,
  source      varchar(32)   not null,
  result      varchar(24)   not null,
  assessor    varchar(200)  not null,
  assessed_on date          not null,
  comment     varchar(2000) not null,
  recorded_at timestamp with time zone not null
);
create index tremplin_evidence_learner on tremplin_evidence (cohort_id, learner_id);

create table tremplin_block_milestone (
  cohort_id    uuid         not null references tremplin_cohort (id),
  learner_id   uuid         not null references tremplin_learner (id),
  block_code   varchar(32)  not null,
  kind         varchar(32)  not null,
  completed_on date         not null,
  recorded_by  varchar(200) not null,
  recorded_at  timestamp with time zone not null,
  primary key (cohort_id, learner_id, block_code, kind)
);
