-- Workshop sessions may be changed (date, place, capacity) and cancelled. A cancelled session
-- stays listed (with who cancelled it and when); its invitations stay as a record, and the
-- participants it had invited may be invited to another session.
alter table consultation_workshop_session add column updated_at timestamptz not null default now();
alter table consultation_workshop_session add column cancelled_at timestamptz;
alter table consultation_workshop_session add column cancelled_by uuid;
