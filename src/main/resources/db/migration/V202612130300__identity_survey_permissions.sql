-- Surveys: the federation's staff and administrators build, send and analyse the network's surveys;
-- an association's director, service heads and administrators prepare its answer, which only the
-- director submits.
insert into role_permission (role_code, permission) values
    ('FEDERATION_STAFF', 'survey:manage'),
    ('FEDERATION_ADMIN', 'survey:manage'),
    ('DIRECTOR', 'survey:answer'),
    ('SERVICE_HEAD', 'survey:answer'),
    ('ASSOCIATION_ADMIN', 'survey:answer'),
    ('DIRECTOR', 'survey:submit');
