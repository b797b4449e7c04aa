-- The association admin imports the caseload: they may read it (the caseload and the measures, not
-- the persons' files nor health details), to check what an import brought in ("this import").
insert into role_permission (role_code, permission) values ('ASSOCIATION_ADMIN', 'measure:read');
