-- An association chooses who imports by the role it gives: the service head imports too, and then
-- opens the measures it imported ("this import") and may export the whole caseload (which also
-- needs person:read). The association admin keeps import:run but reads no person file nor measure.
insert into role_permission (role_code, permission) values ('SERVICE_HEAD', 'import:run');
