-- Stands for a core migration added after the retired ones (such as an outbox table).
create table tremplin_newer (id integer not null primary key);
