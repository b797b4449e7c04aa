-- Large data set for bench/measures.sh, generated set-based in one transaction as the owner role
-- (which owns the tables, so row-level security does not filter its own inserts; the application
-- role stays subject to it). Run once, after the demo data, on a throw-away benchmark database;
-- bench/measures.sh replaces __PERSONS__ and __MEASURES__ with the sizes and runs it.
-- Sizes follow a Zipf-like law over the associations (a few large, many small); the flagship
-- association (the one of the demo account "intervenant", TJ-LYON) is the second largest.
-- Each association gets generated case workers (about one per 2,000 measures over five years),
-- spread over its services; the demo case worker and service head join its first service.
begin;
set local synchronous_commit = off;
set local maintenance_work_mem = '256MB';
set local work_mem = '64MB';
select setseed(0.20261123);

-- Names, most frequent first (picks are skewed towards the head of each list).
create temp table bench_last_name on commit drop as
select n as name, i from unnest(array[
  'Martin','Bernard','Thomas','Petit','Robert','Richard','Durand','Dubois','Moreau','Laurent','Simon','Michel',
  'Lefèvre','Leroy','Roux','David','Bertrand','Morel','Fournier','Girard','Bonnet','Dupont','Lambert','Fontaine',
  'Rousseau','Vincent','Müller','Lefebvre','Faure','André','Mercier','Blanc','Guérin','Boyer','Garnier','Chevalier',
  'François','Legrand','Gauthier','Garcia','Perrin','Robin','Clément','Morin','Nicolas','Henry','Roussel','Mathieu',
  'Gautier','Masson','Marchand','Duval','Denis','Dumont','Marie','Lemaire','Noël','Meyer','Dufour','Meunier',
  'Brun','Blanchard','Giraud','Joly','Rivière','Lucas','Brunet','Gaillard','Barbier','Arnaud','Martínez','Gérard',
  'Roche','Renard','Schmitt','Roy','Leroux','Colin','Vidal','Caron','Picard','Roger','Fabre','Aubert','Lemoine',
  'Renaud','Dumas','Lacroix','Olivier','Philippe','Bourgeois','Pierre','Benoît','Rey','Leclerc','Payet','Rolland',
  'Leclercq','Guillaume','Lecomte','López','Jean','Dupuy','Guillot','Hubert','Berger','Carpentier','Sánchez',
  'Dupuis','Moulin','Louis','Deschamps','Huet','Vasseur','Perez','Boucher','Fleury','Royer','Klein','Jacquet',
  'Adam','Paris','Poirier','Marty','Aubry','Guyot','Carré','Charles','Renault','Charpentier','Ménard','Maillard',
  'Baron','Bertin','Bailly','Hervé','Schneider','Fernández','Le Gall','Collet','Léger','Bouvier','Julien','Prévost',
  'Millet','Perrot','Daniel','Le Roux','Cousin','Germain','Breton','Besson','Langlois','Rémy','Le Goff','Pelletier',
  'Lévêque','Perrier','Leblanc','Barré','Lebrun','Marchal','Weber','Mallet','Hamon','Boulanger','Jacob','Monnier',
  'Michaud','Rodríguez','Guichard','Gillet','Étienne','Grondin','Poulain','Tessier','Chevallier','Collin','Chauvin',
  'Da Silva','Bouchet','Gay','Lemaître','Bénard','Maréchal','Humbert','Reynaud','Antoine','Hoarau','Perret',
  'Barthélemy','Cordier','Pichon','Lejeune','Gilbert','Lamy','Delaunay','Pasquier','Carlier','Laporte','Benali',
  'Haddad','Diallo','Traoré','N''Diaye','Nguyen','Mansouri','Belkacem','Cissé','Koné','Ferreira','Dos Santos',
  'Pereira','Rodrigues','Martins','Gomes','Lopes','Fernandes','Tran','Le','Pham','Bensaïd','Boukhari','Amrani',
  'Ouattara','Camara','Sylla','Diop','Ba','Sow','Fall','Keita','Bakayoko','Yilmaz','Kaya','Demir','Öztürk',
  'Dupré','Bouchard','Texier','Marchetti','Santini','Costa','Rossi','Ferrari','Romano','Colombo','Ricci'
]) with ordinality as t(n, i);

create temp table bench_first_name on commit drop as
select n as name, i from unnest(array[
  'Lucas','Hugo','Léa','Emma','Nathan','Inès','Yanis','Chloé','Mohamed','Sarah','Enzo','Manon','Kévin','Camille',
  'Théo','Jade','Mathis','Lina','Rayan','Zoé','Karim','Julie','Maxime','Aïcha','Dylan','Océane','Bastien','Nora',
  'Jérôme','Sandrine','Frédéric','Nadia','Sébastien','Céline','Mehdi','Élodie','Thomas','Marie','Nicolas','Laura',
  'Julien','Anaïs','Alexandre','Pauline','Anthony','Marine','Romain','Mélanie','Jordan','Audrey','Quentin','Émilie',
  'Florian','Caroline','Kylian','Sabrina','Bilal','Fatima','Samir','Yasmine','Ibrahim','Amina','Moussa','Awa',
  'Adama','Mariam','Sofiane','Myriam','Christophe','Nathalie','Stéphane','Isabelle','Laurent','Valérie','Patrick',
  'Sylvie','Philippe','Catherine','Éric','Sophie','Olivier','Stéphanie','David','Christine','Cédric','Aurélie',
  'Grégory','Virginie','Loïc','Jessica','Mickaël','Vanessa','Jonathan','Cindy','Arnaud','Émeline','Joël','Josiane',
  'François','Françoise','Ahmed','Khadija','Walid','Salomé','Gaël','Maëlys','Noé','Anaëlle','Raphaël','Héloïse'
]) with ordinality as t(n, i);

-- 1. How many persons, measures and case workers each association gets.
create temp table bench_org on commit drop as
with flagship as (select organisation_id as id from app_user where username = 'intervenant'),
ranked as (
    select o.id, o.city, o.departement_code,
           row_number() over (order by case when o.id = (select id from flagship) then 1 else 0 end desc,
                                       md5(o.id::text)) as pos
    from organisation o where o.kind = 'ASSOCIATION'
),
-- the flagship takes rank 2; every other association keeps its (stable, pseudo-random) order
ranks as (select id, city, departement_code, case when pos = 1 then 2 when pos = 2 then 1 else pos end as rank from ranked),
weighted as (select *, power(rank, -0.8) / sum(power(rank, -0.8)) over () as share from ranks)
select id, city, departement_code, rank,
       greatest(1, round(share * __MEASURES__))::int as n_measures,
       greatest(1, round(share * __PERSONS__))::int as n_persons
from weighted;
-- rounding leaves a remainder: the largest association absorbs it, so the totals are exact
update bench_org set n_measures = n_measures + (__MEASURES__ - (select sum(n_measures) from bench_org)),
                     n_persons = n_persons + (__PERSONS__ - (select sum(n_persons) from bench_org))
where rank = 1;
alter table bench_org add column n_workers int;
update bench_org set n_workers = greatest(2, round(n_measures / 2000.0))::int;
alter table bench_org add primary key (id);

-- 2. Case workers: the existing ones (demo accounts) plus generated ones, spread over the services.
update app_user u set service_id = (select s.id from service s where s.organisation_id = u.organisation_id
                                    order by s.name limit 1)
where u.username in ('intervenant', 'cheffe.service');

create temp table bench_new_user on commit drop as
select gen_random_uuid() as id, o.id as org, g.w,
       (select array_agg(s.id order by s.name) from service s where s.organisation_id = o.id) as services,
       (select name from bench_first_name order by random() + g.w * 0 limit 1) as first_name,
       (select name from bench_last_name where i <= 120 order by random() + g.w * 0 limit 1) as last_name
from bench_org o
cross join lateral generate_series(1, o.n_workers - (select count(*) from app_user u join user_role r on r.user_id = u.id
                                                   where u.organisation_id = o.id and r.role_code = 'CASE_WORKER')::int) g(w);

insert into app_user (id, organisation_id, service_id, username, email, display_name, password_hash, enabled)
select n.id, n.org, n.services[1 + (n.w % array_length(n.services, 1))],
       'bench.' || left(md5(n.org::text), 6) || '.' || n.w,
       'bench.' || left(md5(n.org::text), 6) || '.' || n.w || '@bench.passerelle.invalid',
       n.first_name || ' ' || n.last_name,
       -- a hash of an unguessable random text: these accounts cannot sign in
       '{noop}' || md5(random()::text || clock_timestamp()::text), true
from bench_new_user n;
insert into user_role (user_id, organisation_id, role_code) select id, org, 'CASE_WORKER' from bench_new_user;

create temp table bench_worker on commit drop as
select u.organisation_id as org, u.id,
       row_number() over (partition by u.organisation_id order by u.username) as k
from app_user u join user_role r on r.user_id = u.id and r.role_code = 'CASE_WORKER'
where u.enabled;
create index on bench_worker (org, k);
create temp table bench_worker_count on commit drop as select org, count(*)::int as n from bench_worker group by org;

-- 3. Catalogue and courts of each association, as cumulative probability ranges.
create temp table bench_type on commit drop as
with weights(code, weight) as (values
    ('ESR', 14), ('EP', 4), ('CJSE', 10), ('MEDIATION_PENALE', 8), ('STAGE_CITOYENNETE', 6), ('STAGE_STUPEFIANTS', 6),
    ('STAGE_VIOLENCES_COUPLE', 7), ('STAGE_PARENTALITE', 2), ('STAGE_SEXISME', 1), ('STAGE_ACHAT_ACTES_SEXUELS', 1),
    ('EVICTION_CONJOINT', 3), ('PLACEMENT_EXTERIEUR', 3), ('TIG', 8), ('SURSIS_PROBATOIRE', 7), ('PREPARATION_SORTIE', 2),
    ('REPARATION_PENALE', 8), ('MESURE_INTERET_EDUCATIF', 1), ('STAGE_FORMATION_CIVIQUE', 2), ('MJIE', 3),
    ('MEDIATION_MINEURS', 2), ('JUSTICE_RESTAURATIVE', 2)),
typed as (
    select t.organisation_id as org, t.id, t.field, t.first_interview_days, coalesce(w.weight, 1) as weight, t.position
    from measure_type t left join weights w on w.code = t.code
    where t.active
)
select org, id, field, first_interview_days,
       (sum(weight) over (partition by org order by position) - weight)::float8 / sum(weight) over (partition by org) as lo,
       sum(weight) over (partition by org order by position)::float8 / sum(weight) over (partition by org) as hi
from typed;
create index on bench_type (org);

create temp table bench_court on commit drop as
with candidates as (
    select o.id as org, c.code, case when c.seat_city = o.city then 3.0 else 1.0 end as weight
    from bench_org o join judicial_court c on c.departement_code = o.departement_code
)
select org, code,
       (sum(weight) over (partition by org order by weight desc, code) - weight) / sum(weight) over (partition by org) as lo,
       sum(weight) over (partition by org order by weight desc, code) / sum(weight) over (partition by org) as hi
from candidates;
-- an association whose departement has no court of its own uses the Paris one
insert into bench_court select o.id, 'TJ-PARIS', 0, 1 from bench_org o
where not exists (select 1 from bench_court c where c.org = o.id);
create index on bench_court (org);

-- 4. Measures, drafted with their random draws: received over the last five years, every person
-- has at least one, the rest go to persons at random (some have several measures).
create temp table bench_m on commit drop as
select o.id as org, g.i,
       case when g.i <= o.n_persons then g.i else 1 + floor(random() * o.n_persons)::int end as k,
       current_date - floor(random() * 1826)::int as received_on,
       random() as r_type, random() as r_court, random() as r_status, random() as r_worker, random() as r_due,
       random() as r_outcome, random() as r_prescriber
from bench_org o cross join lateral generate_series(1, o.n_measures) g(i);

-- 5. Persons: created with their first measure, names skewed towards the frequent ones.
create temp table bench_p on commit drop as
select b.org, b.k, gen_random_uuid() as id, b.first_received,
       1 + floor(power(random(), 2.2) * (select count(*) from bench_last_name))::int as last_i,
       1 + floor(power(random(), 1.6) * (select count(*) from bench_first_name))::int as first_i,
       random() as r
from (select org, k, min(received_on) as first_received from bench_m group by org, k) b;
create index on bench_p (org, k);

insert into person (id, organisation_id, reference, last_name, first_name, birth_date, sex, housing, employment,
                    created_at, updated_at)
select p.id, p.org,
       'P-' || extract(year from p.first_received) || '-' || lpad((coalesce(rc.last_value, 0) + row_number() over (
           partition by p.org, extract(year from p.first_received) order by p.first_received, p.k))::text, 6, '0'),
       l.name, f.name,
       date '1958-01-01' + floor(p.r * 18000)::int,
       case when p.r * 1000 - floor(p.r * 1000) < 0.82 then 'M' else 'F' end,
       (array['Logement personnel', 'Hébergé(e) par un tiers', 'CHRS', 'Sans domicile', 'Foyer jeunes travailleurs'])
           [1 + floor(random() * 5)::int],
       (array['CDI', 'CDD / intérim', 'Sans emploi', 'Formation', 'Scolarisé(e)', 'Retraite'])[1 + floor(random() * 6)::int],
       p.first_received + time '09:00' + random() * interval '8 hours',
       p.first_received + time '09:00' + random() * interval '8 hours'
from bench_p p
join bench_last_name l on l.i = p.last_i
join bench_first_name f on f.i = p.first_i
left join reference_counter rc on rc.organisation_id = p.org and rc.kind = 'P'
                              and rc.year = extract(year from p.first_received);

-- 6. Measures, with a status that depends on their age, and their reception in the timeline.
create temp table bench_measure on commit drop as
select gen_random_uuid() as id, m.org, m.k, m.i, m.received_on, t.id as type_id, t.field, t.first_interview_days,
       c.code as court_code, m.r_worker, m.r_due, m.r_outcome, m.r_prescriber,
       case
           when current_date - m.received_on < 20 then
               case when m.r_status < 0.35 then 'RECEIVED' when m.r_status < 0.65 then 'ASSIGNED' else 'IN_PROGRESS' end
           when current_date - m.received_on < 180 then
               case when m.r_status < 0.03 then 'RECEIVED' when m.r_status < 0.08 then 'ASSIGNED'
                    when m.r_status < 0.68 then 'IN_PROGRESS' when m.r_status < 0.73 then 'SUSPENDED'
                    when m.r_status < 0.88 then 'ENDED' else 'CLOSED' end
           when current_date - m.received_on < 365 then
               case when m.r_status < 0.01 then 'ASSIGNED' when m.r_status < 0.35 then 'IN_PROGRESS'
                    when m.r_status < 0.40 then 'SUSPENDED' when m.r_status < 0.60 then 'ENDED' else 'CLOSED' end
           when current_date - m.received_on < 730 then
               case when m.r_status < 0.08 then 'IN_PROGRESS' when m.r_status < 0.10 then 'SUSPENDED'
                    when m.r_status < 0.20 then 'ENDED' else 'CLOSED' end
           else case when m.r_status < 0.01 then 'IN_PROGRESS' when m.r_status < 0.04 then 'ENDED' else 'CLOSED' end
       end as status
from bench_m m
join bench_type t on t.org = m.org and m.r_type >= t.lo and m.r_type < t.hi
join bench_court c on c.org = m.org and m.r_court >= c.lo and m.r_court < c.hi;

insert into measure (id, organisation_id, reference, person_id, measure_type_id, court_code, prescriber_type,
                     parquet_number, received_on, due_on, status, outcome, assigned_user_id, created_at)
select m.id, m.org,
       'M-' || extract(year from m.received_on) || '-' || lpad((coalesce(rc.last_value, 0) + row_number() over (
           partition by m.org, extract(year from m.received_on) order by m.received_on, m.i))::text, 6, '0'),
       p.id, m.type_id, m.court_code,
       case m.field
           when 'PRE_SENTENCE' then (array['PARQUET', 'PARQUET', 'PARQUET', 'JUGE_INSTRUCTION', 'JLD',
                                           'TRIBUNAL_CORRECTIONNEL'])[1 + floor(m.r_prescriber * 6)::int]
           when 'POST_SENTENCE' then (array['JAP', 'JAP', 'SPIP', 'TRIBUNAL_CORRECTIONNEL'])[1 + floor(m.r_prescriber * 4)::int]
           when 'MINORS' then (array['JUGE_DES_ENFANTS', 'JUGE_DES_ENFANTS', 'PARQUET', 'TRIBUNAL_POUR_ENFANTS'])
                              [1 + floor(m.r_prescriber * 4)::int]
           else 'AUTRE'
       end,
       case when m.r_prescriber * 10 - floor(m.r_prescriber * 10) < 0.5
            then to_char(m.received_on, 'YY') || '/' || lpad(floor(m.r_due * 100000)::int::text, 5, '0') end,
       m.received_on,
       case when m.r_due < 0.33 then m.received_on + 90 + floor(m.r_due * 3 * 275)::int end,
       m.status,
       case when m.status in ('ENDED', 'CLOSED') then
           case when m.r_outcome < 0.60 then 'COMPLETED' when m.r_outcome < 0.70 then 'LIFTED_BY_MAGISTRATE'
                when m.r_outcome < 0.80 then 'BREACHES_REPORTED' when m.r_outcome < 0.87 then 'REVOKED'
                when m.r_outcome < 0.95 then 'NOT_PRESENTED' when m.r_outcome < 0.98 then 'TRANSFERRED'
                else 'CANCELLED_BY_MAGISTRATE' end end,
       case when m.status <> 'RECEIVED' then w.id end,
       m.received_on + time '08:30' + m.r_outcome * interval '9 hours'
from bench_measure m
join bench_p p on p.org = m.org and p.k = m.k
join bench_worker_count wc on wc.org = m.org
join bench_worker w on w.org = m.org and w.k = 1 + floor(m.r_worker * wc.n)::int
left join reference_counter rc on rc.organisation_id = m.org and rc.kind = 'M' and rc.year = extract(year from m.received_on);

insert into measure_transition (id, organisation_id, measure_id, action, from_status, to_status, occurred_at,
                                effective_on, reason)
select gen_random_uuid(), m.organisation_id, m.id, null, null, 'RECEIVED', m.created_at, m.received_on, 'saisine'
from measure m join bench_measure b on b.id = m.id;

-- 7. Reference counters continue after the generated references.
insert into reference_counter (organisation_id, kind, year, last_value)
select organisation_id, left(reference, 1), split_part(reference, '-', 2)::int, max(split_part(reference, '-', 3)::int)
from (select organisation_id, reference from person union all select organisation_id, reference from measure) r
group by 1, 2, 3
on conflict (organisation_id, kind, year) do update set last_value = greatest(reference_counter.last_value, excluded.last_value);

commit;
analyze person, measure, measure_transition, app_user, user_role, reference_counter, service;
