-- Platform storage login variant (LTI.md §1.6): the login's lti_storage_target when the binding was
-- also written to the platform's storage; null for a cookie-only login. The launch then may read
-- the binding back from there instead of the cookie.
alter table tremplin_lti_login_state add column storage_target varchar(255);
