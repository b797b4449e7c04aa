-- The federation's staff and administrators keep the network's resource library.
insert into role_permission (role_code, permission) values
    ('FEDERATION_STAFF', 'library:manage'),
    ('FEDERATION_ADMIN', 'library:manage');
