-- Coaching: meetings, barriers with their status history, action plans, referrals, immersions.
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

create table tremplin_coaching_meeting (
  id                uuid primary key,
  cohort_id         uuid          not null references tremplin_cohort (id),
  learner_id        uuid          not null references tremplin_learner (id),
  planned_for       timestamp     not null,
  status            varchar(16)   not null,
  missed_by         varchar(16)   not null,
  note              varchar(2000) not null,
  confidential_note varchar(4000) not null,
  planned_by        varchar(200)  not null,
  updated_by        varchar(200)  not null,
  updated_at        timestamp with time zone not null,
  check (status in ('PLANNED', 'HELD', 'MISSED')),
  check ((status = 'MISSED') = (missed_by <> ''))
);
create index tremplin_coaching_meeting_learner
  on tremplin_coaching_meeting (cohort_id, learner_id);

create table tremplin_barrier (
  id          uuid primary key,
  cohort_id   uuid          not null references tremplin_cohort (id),
  learner_id  uuid          not null references tremplin_learner (id),
  category    varchar(32)   not null,
  severity    varchar(16)   not null,
  opened_on   date          not null,
  description varchar(2000) not null
);
create index tremplin_barrier_learner on tremplin_barrier (cohort_id, learner_id);

-- Append-only: the newest change (highest seq) is the current status.
create table tremplin_barrier_status (
  barrier_id  uuid          not null references tremplin_barrier (id),
  seq         integer       not null,
  status      varchar(16)   not null,
  changed_on  date          not null,
  note        varchar(2000) not null,
  recorded_by varchar(200)  not null,
  recorded_at timestamp with time zone not null,
  primary key (barrier_id, seq)
);

create table tremplin_objective (
  id         uuid primary key,
  cohort_id  uuid         not null references tremplin_cohort (id),
  learner_id uuid         not null references tremplin_learner (id),
  title      varchar(200) not null,
  barrier_id uuid         references tremplin_barrier (id),
  set_on     date         not null,
  set_by     varchar(200) not null,
  set_at     timestamp with time zone not null
);
create index tremplin_objective_learner on tremplin_objective (cohort_id, learner_id);

create table tremplin_action (
  id           uuid primary key,
  objective_id uuid         not null references tremplin_objective (id),
  description  varchar(500) not null,
  owned_by     varchar(16)  not null,
  due_on       date         not null,
  status       varchar(16)  not null,
  updated_by   varchar(200) not null,
  updated_at   timestamp with time zone not null,
  check (status in ('TODO', 'DONE', 'CANCELLED'))
);
create index tremplin_action_objective on tremplin_action (objective_id);

create table tremplin_referral (
  id          uuid primary key,
  cohort_id   uuid         not null references tremplin_cohort (id),
  learner_id  uuid         not null references tremplin_learner (id),
  partner     varchar(32)  not null,
  referred_on date         not null,
  purpose     varchar(500) not null,
  recorded_by varchar(200) not null,
  recorded_at timestamp with time zone not null
);
create index tremplin_referral_learner on tremplin_referral (cohort_id, learner_id);

create table tremplin_immersion (
  id                uuid primary key,
  cohort_id         uuid         not null references tremplin_cohort (id),
  learner_id        uuid         not null references tremplin_learner (id),
  objective         varchar(32)  not null,
  host_organisation varchar(200) not null,
  tutor             varchar(200) not null,
  first_day         date         not null,
  last_day          date         not null,
  recorded_by       varchar(200) not null,
  recorded_at       timestamp with time zone not null,
  check (last_day >= first_day)
);
create index tremplin_immersion_learner on tremplin_immersion (cohort_id, learner_id);
