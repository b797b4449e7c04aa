#!/bin/sh
# Makes the dump PreviousReleaseUpgradeTest restores: the schema of a release and a little data.
#
# Usage: make-dump.sh <database> <commit>, where <database> is a psql connection string of a new
# database on which the release's migrations have just run (and nothing else), owned by the
# migrations' role; <commit> names the release's main. Needs psql and a pg_dump of the server's
# major version or later. See docs/architecture.md, "Migrations are frozen".
set -eu
database="$1"
commit="$2"
here="$(dirname "$0")"
psql "$database" -v ON_ERROR_STOP=1 -q -1 -o /dev/null <<'SQL'
-- A little data of every kind the upgrade must keep.
insert into organisation (id, kind, name, city, departement_code, shares_statistics)
values ('0a7e1ea5-0000-4000-8000-000000000001', 'ASSOCIATION', 'Association avant mise à jour', 'Lyon', '69', true);
insert into service (id, organisation_id, name)
values ('0a7e1ea5-0000-4000-8000-000000000002', '0a7e1ea5-0000-4000-8000-000000000001', 'Service pré-sentenciel');
insert into app_user (id, organisation_id, service_id, username, email, display_name, password_hash)
values ('0a7e1ea5-0000-4000-8000-000000000003', '0a7e1ea5-0000-4000-8000-000000000001',
        '0a7e1ea5-0000-4000-8000-000000000002', 'intervenante.avant', 'intervenante.avant@exemple.org',
        'Intervenante Avant', '{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z6k8e1J6rSG6Oq6vQ3Wq9JqK');
insert into user_role (user_id, organisation_id, role_code)
values ('0a7e1ea5-0000-4000-8000-000000000003', '0a7e1ea5-0000-4000-8000-000000000001', 'CASE_WORKER');
insert into measure_type (id, organisation_id, code, position, field, label, ordered_by, tracked_quantity,
                          first_interview_days, report_types, billing_mode, tariff)
select '0a7e1ea5-0000-4000-8000-000000000004', '0a7e1ea5-0000-4000-8000-000000000001', code, position, field, label,
       ordered_by, tracked_quantity, first_interview_days, report_types, billing_mode, null
  from default_measure_type order by position limit 1;
insert into person (id, organisation_id, reference, last_name, first_name, birth_date, sex, created_by)
values ('0a7e1ea5-0000-4000-8000-000000000005', '0a7e1ea5-0000-4000-8000-000000000001', 'P-2026-00001',
        'Durand', 'Élise', '1990-04-12', 'F', '0a7e1ea5-0000-4000-8000-000000000003');
insert into measure (id, organisation_id, reference, person_id, measure_type_id, court_code, prescriber_type,
                     received_on, status, assigned_user_id, created_by)
values ('0a7e1ea5-0000-4000-8000-000000000006', '0a7e1ea5-0000-4000-8000-000000000001', 'M-2026-00001',
        '0a7e1ea5-0000-4000-8000-000000000005', '0a7e1ea5-0000-4000-8000-000000000004', 'TJ-LYON', 'PARQUET',
        '2026-11-02', 'RECEIVED', '0a7e1ea5-0000-4000-8000-000000000003', '0a7e1ea5-0000-4000-8000-000000000003');
insert into measure_transition (id, organisation_id, measure_id, to_status, occurred_at, actor_id, actor_name)
values ('0a7e1ea5-0000-4000-8000-000000000007', '0a7e1ea5-0000-4000-8000-000000000001',
        '0a7e1ea5-0000-4000-8000-000000000006', 'RECEIVED', '2026-11-02 09:00:00+01',
        '0a7e1ea5-0000-4000-8000-000000000003', 'Intervenante Avant');
select audit_append('0a7e1ea5-0000-4000-8000-000000000001', '0a7e1ea5-0000-4000-8000-000000000003',
                    'Intervenante Avant', 'measure.created', 'measure', '0a7e1ea5-0000-4000-8000-000000000006',
                    '{"reference": "M-2026-00001"}'::jsonb, 'release-dump', '127.0.0.1');
SQL
{
    printf '%s\n' "-- The schema and a little data of the previous release (main $commit), as pg_dump wrote it" \
        "-- (plain SQL, --no-owner --inserts) by make-dump.sh beside this file, without its \\restrict lines." \
        "-- PreviousReleaseUpgradeTest restores it into a new database and migrates it to the current" \
        "-- migrations. The user's password hash matches no password: it cannot sign in."
    pg_dump --no-owner --inserts --rows-per-insert=100 "$database" | grep -v '^\\restrict\|^\\unrestrict'
} > "$here/passerelle-$commit.sql"
