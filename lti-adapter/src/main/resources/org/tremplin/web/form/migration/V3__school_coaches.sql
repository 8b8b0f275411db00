-- The coaches a school knows (h24): each person who opened Tremplin with a coach grant in one of the
-- school's courses (or for its learners), so that the manager assigns a referent coach by choosing
-- a name instead of typing a person id. Their names are in tremplin_web_person. Pseudonymous ids
-- only; nothing about the learners they follow.
create table tremplin_web_school_coach (
  school_id  uuid          not null,
  person_id  varchar(200)  not null,
  seen_at    timestamp with time zone not null,
  primary key (school_id, person_id)
);
