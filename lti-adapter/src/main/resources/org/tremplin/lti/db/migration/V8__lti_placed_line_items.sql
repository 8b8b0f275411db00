-- A trainer placed a graded activity (deep linking): the platform creates that activity's line
-- item when it receives the response. Until placed_until, a stored free-standing column of the same
-- resource id is not trusted and none is created: the publisher looks the course's line items up
-- again and keeps the activity's column once it appears (GradePublisher). A table of its own, so
-- that neither a concurrent creation claim nor a forgotten line item can drop the mark.
create table tremplin_lti_placed_line_item (
  line_items   varchar(2000) not null, -- the course's line item container URL (AGS claim)
  resource_id  varchar(255)  not null, -- competency:<code>
  tag          varchar(255)  not null, -- tremplin
  placed_until timestamp with time zone not null,
  primary key (line_items, resource_id, tag)
);
