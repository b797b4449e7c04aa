-- A member association's director and service heads propose good-practice sheets from their own
-- actions to the federation's library.
insert into role_permission (role_code, permission) values
    ('SERVICE_HEAD', 'practice:propose'),
    ('DIRECTOR', 'practice:propose');
