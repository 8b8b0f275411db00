-- The school's own learner reference (the key of its spreadsheets) and the learner's e-mail, as
-- imports give them (issue 14, imports). One reference per learner, unique within the school.
create table tremplin_learner_reference (
  learner_id uuid         primary key references tremplin_learner (id),
  school_id  uuid         not null references tremplin_school (id),
  reference  varchar(64)  not null,
  email      varchar(254) not null,
  unique (school_id, reference)
);
