-- The federation's staff and administrators moderate the network's forum.
insert into role_permission (role_code, permission) values
    ('FEDERATION_STAFF', 'forum:moderate'),
    ('FEDERATION_ADMIN', 'forum:moderate');
