-- A trainer placed a graded activity (deep linking): the platform creates that activity's line
-- item when it receives the response. Until placed_until, a stored free-standing column of the same
-- resource id is not trusted and none is created: the publisher looks the course's line items up
-- again and keeps the activity's column once it appears (GradePublisher).
alter table tremplin_lti_line_item add column placed_until timestamp with time zone;
