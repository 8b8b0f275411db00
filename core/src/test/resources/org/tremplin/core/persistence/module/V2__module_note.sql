alter table tremplin_test_link add column note varchar(100);
