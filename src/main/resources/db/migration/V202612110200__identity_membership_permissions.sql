-- Membership of the federation: the federation's staff review applications and give the regional
-- opinion; its administrators decide them and change members' status.
insert into role_permission (role_code, permission) values
    ('FEDERATION_STAFF', 'membership:review'),
    ('FEDERATION_ADMIN', 'membership:review'),
    ('FEDERATION_ADMIN', 'membership:decide');
