-- Programme templates of a school (issue 13, item 4): a template id imported or copied by a school's
-- administrator belongs to that school; its versions stay in tremplin_programme_template. Ids with
-- no row here (the bundled "ecole-du-web", or one imported network-wide) are the network's.
create table tremplin_school_template (
  template_id varchar(64)  not null primary key,
  school_id   uuid         not null references tremplin_school (id),
  created_by  varchar(200) not null,
  created_at  timestamp with time zone not null
);
create index tremplin_school_template_school on tremplin_school_template (school_id);
