-- A COACH API token names its coach (docs/adr/0017-coach-api-tokens.md): the actor id of the person
-- whose caseload it reaches, and as whom it acts. Empty for every other role.
alter table tremplin_api_token add column person varchar(200) default '' not null;
