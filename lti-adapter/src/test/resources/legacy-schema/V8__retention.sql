-- Which learners' data a retention rule already purged (makes the job idempotent and auditable).
create table tremplin_retention_purge (
  learner_id uuid         not null references tremplin_learner (id),
  kind       varchar(32)  not null,
  purged_at  timestamp with time zone not null,
  purged_by  varchar(200) not null,
  primary key (learner_id, kind)
);
