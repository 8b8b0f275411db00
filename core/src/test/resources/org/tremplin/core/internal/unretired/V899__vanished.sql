-- Stands for a core migration whose script went missing without being retired: an error.
create table tremplin_vanished (id integer not null primary key);
