-- What funders count about a learner (issue 14), and the read-side indexes of the yearly review.
-- Facts and certification results append versions; the newest counts.

create table tremplin_funder_facts (
  learner_id           uuid         not null references tremplin_learner (id),
  version              integer      not null,
  declared_on          date         not null,
  sex                  varchar(16)  not null,
  birth_date           date         not null,
  diploma_level        integer      not null,
  qpv_resident         boolean      not null,
  neet_at_entry        boolean      not null,
  jobseeker_registered boolean      not null,
  recorded_by          varchar(200) not null,
  recorded_at          timestamp with time zone not null,
  primary key (learner_id, version),
  check (version >= 1),
  check (diploma_level between 0 and 8),
  check (sex in ('FEMALE', 'MALE', 'NOT_DECLARED'))
);

-- blocks: the block codes obtained, separated by commas (a partial result only).
create table tremplin_certification_result (
  learner_id  uuid         not null references tremplin_learner (id),
  version     integer      not null,
  session_on  date         not null,
  outcome     varchar(16)  not null,
  blocks      varchar(500) not null,
  recorded_by varchar(200) not null,
  recorded_at timestamp with time zone not null,
  primary key (learner_id, version),
  check (version >= 1),
  check (outcome in ('FULL_TITLE', 'PARTIAL', 'FAILED', 'ABSENT'))
);

-- Test accounts (an LMS student view, a trainer's trial learner): no report counts them.
create table tremplin_test_account (
  learner_id uuid         primary key references tremplin_learner (id),
  marked_by  varchar(200) not null,
  marked_at  timestamp with time zone not null
);

-- The yearly review reads a school's entries and exits by date.
create index tremplin_enrolment_event_date on tremplin_enrolment_event (kind, event_date);
create index tremplin_exit_left_on on tremplin_exit (left_on);
