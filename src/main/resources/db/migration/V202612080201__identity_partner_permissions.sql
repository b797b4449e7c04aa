-- Partners: every role that follows measures reads the association's partner directory (and records
-- its exchanges with them); the service head and the director keep it (partners, sites, contacts,
-- partnership levels, conventions, places) and review the exchanges.
insert into role_permission (role_code, permission) values
    ('CASE_WORKER', 'partner:read'),
    ('SERVICE_HEAD', 'partner:read'),
    ('SERVICE_HEAD', 'partner:manage'),
    ('DIRECTOR', 'partner:read'),
    ('DIRECTOR', 'partner:manage');
