-- The good-practice library: every member of the network and the public bodies read it; the
-- federation edits its sheets and publishes new ones.
insert into role_permission (role_code, permission) values
    ('CASE_WORKER', 'practice:read'),
    ('SERVICE_HEAD', 'practice:read'),
    ('DIRECTOR', 'practice:read'),
    ('ASSOCIATION_ADMIN', 'practice:read'),
    ('FEDERATION_STAFF', 'practice:read'),
    ('FEDERATION_STAFF', 'practice:edit'),
    ('FEDERATION_ADMIN', 'practice:read'),
    ('FEDERATION_ADMIN', 'practice:edit'),
    ('CONSULTATION_ORGANISER', 'practice:read'),
    ('ANALYST', 'practice:read');
