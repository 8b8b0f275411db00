-- Stands for a core migration that later moved to a module (as the LTI tables did, ADR 0005).
create table tremplin_moved_out (id integer not null primary key, label varchar(50) not null);
