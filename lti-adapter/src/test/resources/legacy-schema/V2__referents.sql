-- Referent coaches: append-only assignments; the newest one is the current referent.
create table tremplin_referent (
  learner_id  uuid         not null references tremplin_learner (id),
  seq         integer      not null,
  coach_id    varchar(200) not null,
  since       date         not null,
  assigned_by varchar(200) not null,
  assigned_at timestamp with time zone not null,
  primary key (learner_id, seq)
);
create index tremplin_referent_coach on tremplin_referent (coach_id);
