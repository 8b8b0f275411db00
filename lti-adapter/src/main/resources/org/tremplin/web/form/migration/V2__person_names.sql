-- The name each person had at the platform when they last wrote through a form (ADR 0010), so that
-- pages can say who recorded or corrected something (attendance history: who, when, why) instead
-- of a pseudonymous person id. Trainers' and managers' names, never learners' files.
create table tremplin_web_person (
  person_id    varchar(200) not null primary key,
  display_name varchar(500) not null,
  updated_at   timestamp with time zone not null
);
