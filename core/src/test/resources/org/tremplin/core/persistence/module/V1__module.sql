-- A module's own table, pointing at a core table (as the LTI adapter's course links do).
create table tremplin_test_link (
  course    varchar(100) not null primary key,
  cohort_id uuid not null references tremplin_cohort (id)
);
