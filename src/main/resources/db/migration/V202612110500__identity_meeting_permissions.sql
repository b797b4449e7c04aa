-- The federation's staff and administrators run the network's bodies and their meetings.
insert into role_permission (role_code, permission) values
    ('FEDERATION_STAFF', 'meeting:manage'),
    ('FEDERATION_ADMIN', 'meeting:manage');
