-- Early-warning alerts and per-school thresholds.
create table tremplin_alert (
  id          uuid         primary key,
  cohort_id   uuid         not null references tremplin_cohort (id),
  learner_id  uuid         not null references tremplin_learner (id),
  kind        varchar(40)  not null,
  situation   varchar(200) not null,
  evidence    text         not null,
  raised_on   date         not null,
  status      varchar(16)  not null,
  changed_by  varchar(200) not null,
  changed_at  timestamp with time zone not null
);
create index tremplin_alert_learner on tremplin_alert (learner_id, status);

create table tremplin_risk_thresholds (
  school_id  uuid primary key references tremplin_school (id),
  body       text         not null,
  changed_by varchar(200) not null,
  changed_at timestamp with time zone not null
);
