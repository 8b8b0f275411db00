-- One-time submission ids of app forms (ADR 0010): recorded in the transaction of the write they
-- guard, with the address the write led to, so that a repeated post writes nothing and answers as
-- the first did. Purged after two hours by the adapter's housekeeping.
create table tremplin_web_submission (
  person_id     varchar(200)  not null, -- the Tremplin person id of the session (pseudonymous)
  submission_id varchar(64)   not null,
  next_location varchar(2000),          -- set when the write commits
  created_at    timestamp with time zone not null,
  primary key (person_id, submission_id)
);
create index tremplin_web_submission_created on tremplin_web_submission (created_at);
