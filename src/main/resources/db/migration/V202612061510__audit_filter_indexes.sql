-- Audit: the audit page filters by the object concerned (a person and their measures and reports)
-- and by the user who acted, newest first.
create index audit_event_object_idx on audit_event (organisation_id, object_type, object_id, seq desc);
create index audit_event_actor_idx on audit_event (organisation_id, actor_id, seq desc);
