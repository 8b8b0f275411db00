-- Erased (anonymised) learners keep their rows for aggregate reports; identifying text is blanked.
alter table tremplin_learner add column erased_at timestamp with time zone;
