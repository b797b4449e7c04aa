-- Large data set for bench/partners.sh, generated set-based in one transaction as the owner role
-- (which owns the tables, so row-level security does not filter its own inserts; the application
-- role stays subject to it). Run once, after the demo data, on a throw-away benchmark database;
-- bench/partners.sh replaces __SITES__, __PLACES__ and __BOOKINGS_PER_PLACE__ and runs it.
-- Sizes follow a Zipf-like law over the associations (a few with many partner sites, many with
-- few); the flagship association (the one of the demo account "intervenant", around Lyon) is the
-- second largest. Each partner has one to three sites around its association's town; places go to
-- sites at random, except the flagship's first generated site, which has exactly 30 places (the
-- site of the calendar measured, with the fixed id 00000000-0000-4000-8000-000000000030).
-- Each place gets a chain of bookings that never overlap (the exclusion constraint is checked):
-- departed in the past, arrived around today, confirmed in the future; about 50 booked days per
-- place, 2 million booking-days for 40,000 places. Bookings name random person ids (the person
-- table is another module's, and neither the search nor the calendar reads it beyond a label
-- lookup by id); their events are not generated (neither page reads them).
begin;
set local synchronous_commit = off;
set local maintenance_work_mem = '256MB';
set local work_mem = '64MB';
select setseed(0.20261208);

create temp table bench_org on commit drop as
with flagship as (select organisation_id as id from app_user where username = 'intervenant'),
ranked as (
    select o.id, o.departement_code,
           row_number() over (order by case when o.id = (select id from flagship) then 1 else 0 end desc,
                                       md5(o.id::text)) as pos
    from organisation o where o.kind = 'ASSOCIATION'
),
ranks as (select id, departement_code, case when pos = 1 then 2 when pos = 2 then 1 else pos end as rank,
                 pos = 1 as flagship from ranked),
weighted as (select *, power(rank, -0.8) / sum(power(rank, -0.8)) over () as share from ranks)
select id, coalesce(departement_code, '69') as dep, rank, flagship,
       greatest(1, round(share * __SITES__))::int as n_sites,
       -- the association's town: Lyon for the flagship, elsewhere a point of mainland France
       case when flagship then 45.757 else 43.5 + random() * 5.5 end as lat,
       case when flagship then 4.832 else -0.8 + random() * 7.5 end as lon
from weighted;
update bench_org set n_sites = n_sites + (__SITES__ - (select sum(n_sites) from bench_org)) where rank = 1;
alter table bench_org add column n_partners int;
update bench_org set n_partners = greatest(1, ceil(n_sites / 1.6))::int;

-- 1. Partners (1.6 sites each on average), with one partnership level assessment each.
create temp table bench_partner on commit drop as
select gen_random_uuid() as id, o.id as org, p.n
from bench_org o, generate_series(1, o.n_partners) as p(n);
create index on bench_partner (org, n);
insert into partner (id, organisation_id, name, partner_type, description, created_at, created_by, updated_at)
select p.id, p.org, 'Partenaire banc d’essai ' || p.n,
       (array['CHRS', 'CHU', 'CSAPA', 'CAARUD', 'ACT', 'LHSS', 'LAM', 'SIAO', 'SPIP', 'PJJ', 'MISSION_LOCALE',
              'FRANCE_TRAVAIL', 'CMP_EPSM', 'HOSPITAL', 'SOCIAL_LANDLORD', 'EMPLOYER_SIAE', 'OTHER'])[1 + p.n % 17],
       'Structure partenaire générée pour le banc d’essai', now(), gen_random_uuid(), now()
from bench_partner p;
insert into partner_level_assessment (id, organisation_id, partner_id, level, assessed_on, assessed_by,
                                      assessed_by_name, created_at)
select gen_random_uuid(), p.org, p.id, 1 + floor(random() * 4)::int, current_date - floor(random() * 700)::int,
       gen_random_uuid(), 'Banc d’essai', now()
from bench_partner p;

-- 2. Sites, numbered over all associations (for the places' random draw).
create temp table bench_site on commit drop as
select case when o.flagship and s.n = 1 then '00000000-0000-4000-8000-000000000030'::uuid else gen_random_uuid() end
           as id,
       o.id as org, s.n, o.flagship, p.id as partner_id,
       o.lat + (random() - 0.5) * 0.6 as lat, o.lon + (random() - 0.5) * 0.8 as lon, o.dep,
       -- the calendar's site first: the random draw of the other places starts at 2
       row_number() over (order by o.flagship and s.n = 1 desc, o.id, s.n) as gi
from bench_org o
cross join generate_series(1, o.n_sites) as s(n)
join bench_partner p on p.org = o.id and p.n = 1 + (s.n - 1) % o.n_partners;
create unique index on bench_site (gi);
insert into partner_site (id, organisation_id, partner_id, name, address, postcode, city, departement_code, latitude,
                          longitude, created_at)
select id, org, partner_id, 'Site ' || n, n || ' rue du Banc d’essai', dep || '000', 'Ville ' || dep, dep, lat, lon, now()
from bench_site;

-- 3. Places: 30 on the calendar's site, the others drawn at random over the other sites.
create temp table bench_place on commit drop as
select gen_random_uuid() as id, s.org, s.id as site_id, k
from generate_series(1, 30) as k
join bench_site s on s.id = '00000000-0000-4000-8000-000000000030'::uuid
union all
select gen_random_uuid(), s.org, s.id, 30 + k
from (select k, 2 + floor(random() * ((select count(*) from bench_site) - 1))::int as gi
      from generate_series(1, __PLACES__ - 30) as k) as draw
join bench_site s on s.gi = draw.gi;
insert into partner_place (id, organisation_id, site_id, label, kind, created_at, created_by)
select id, org, site_id, 'Place ' || k,
       case when random() < 0.6 then 'INDIVIDUAL' when random() < 0.6 then 'SHARED' else 'PE_RESERVED' end,
       now(), gen_random_uuid()
from bench_place;

-- 4. Bookings: per place a chain starting 30 to 90 days ago, each 15 to 35 days long, with 0 to
-- 40 days free between two; a booking ends before the next one starts, so none overlaps.
create temp table bench_booking on commit drop as
with recursive chain as (
    select p.id as place_id, p.org, 1 as k,
           current_date - 30 - floor(random() * 60)::int as starts_on, 15 + floor(random() * 21)::int as days
    from bench_place p
    union all
    select c.place_id, c.org, c.k + 1, c.starts_on + c.days + floor(random() * 41)::int,
           15 + floor(random() * 21)::int
    from chain c where c.k < __BOOKINGS_PER_PLACE__
)
select place_id, org, starts_on, starts_on + days as ends_on from chain;
insert into place_booking (id, organisation_id, place_id, person_id, starts_on, ends_on, status, arrived_on,
                           departed_on, departure_reason, created_at, created_by)
select gen_random_uuid(), org, place_id, gen_random_uuid(), starts_on, ends_on,
       case when ends_on <= current_date then 'DEPARTED' when starts_on <= current_date then 'ARRIVED'
            else 'CONFIRMED' end,
       case when starts_on <= current_date then starts_on end,
       case when ends_on <= current_date then ends_on end,
       case when ends_on <= current_date then 'Fin de prise en charge' end,
       now(), gen_random_uuid()
from bench_booking;
commit;
