-- Observatory, association dashboard: service heads read the indicators of their own service;
-- directors keep reading the whole association's (indicators:association). Without
-- indicators:association, the dashboard forces the service filter to the user's own service.

insert into role_permission (role_code, permission) values
    ('SERVICE_HEAD', 'indicators:read'),
    ('DIRECTOR', 'indicators:association')
    on conflict do nothing;
