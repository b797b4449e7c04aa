-- Network benchmark data (issue 18), run as the owner role on a database with the demo data:
-- __DOCUMENTS__ documents in the resource library (the demo's and generated ones: a French title,
-- tags, a description and about 1,500 characters of text drawn from the vocabulary of the measures,
-- a third public, a third for the members, a third for the pre-sentencing commission), each with one
-- version and its search vectors built as the application builds them; and a forum thread of 200
-- replies in the "Pratiques professionnelles" category, written by the demo directors of Lyon and
-- Marseille in turn, numbered by the forum's own trigger.
\set ON_ERROR_STOP on
begin;

create temporary table bench_words (n int primary key, word text not null);
insert into bench_words
select row_number() over (), w from unnest(array[
    'contrôle', 'judiciaire', 'socio-éducatif', 'enquête', 'sociale', 'rapide', 'médiation', 'pénale', 'stage',
    'citoyenneté', 'réparation', 'travail', 'intérêt', 'général', 'placement', 'extérieur', 'justice', 'restaurative',
    'victimes', 'mineurs', 'insertion', 'logement', 'emploi', 'santé', 'addictions', 'famille', 'délais', 'rapport',
    'magistrat', 'juridiction', 'association', 'partenaires', 'formation', 'évaluation', 'guide', 'modèle',
    'protocole', 'convention', 'bilan', 'statistiques', 'accompagnement', 'obligations', 'soins', 'audience',
    'parquet', 'probation', 'sortie', 'détention', 'hébergement', 'ressources', 'pratiques', 'équipes', 'réseau',
    'fédération', 'année', 'suivi', 'entretien', 'personne', 'mesure', 'mesures']) w;

create temporary table bench_tags (n int primary key, tag text not null);
insert into bench_tags
select row_number() over (), t from unnest(array['guide', 'modèle', 'pré-sentenciel', 'post-sentenciel', 'mineurs',
    'victimes', 'formation', 'statistiques', 'protocole', 'convention', 'rapport', 'bilan']) t;

create temporary table bench_docs as
with params as (
    select (select id from network_body where kind = 'COMMISSION' order by name limit 1) as commission,
           (select count(*) from bench_words) as words, (select count(*) from bench_tags) as tags
)
select gen_random_uuid() as id, g,
       case g % 3 when 0 then 'PUBLIC' when 1 then 'MEMBERS' else 'BODY' end as access_level,
       case g % 3 when 2 then p.commission end as body_id,
       initcap((select word from bench_words where n = 1 + (g * 7) % p.words)) || ' '
           || (select word from bench_words where n = 1 + (g * 13) % p.words) || ' et '
           || (select word from bench_words where n = 1 + (g * 29) % p.words) || ' — document ' || g as title,
       array[(select tag from bench_tags where n = 1 + g % p.tags),
             (select tag from bench_tags where n = 1 + (g / 7) % p.tags)]::varchar(40)[] as tags,
       (select string_agg(word, ' ') from (select w.word from generate_series(1, 20) i
            join bench_words w on w.n = 1 + ((g * 31 + i * 17) % p.words)) x) as description,
       (select string_agg(word, ' ') from (select w.word from generate_series(1, 180) i
            join bench_words w on w.n = 1 + ((g * 7919 + i * 104729 + (i * i % 97) * g) % p.words)) x) as body
from params p, generate_series(1, greatest(0, __DOCUMENTS__ - (select count(*) from network_resource))) g;

insert into network_resource (id, title, description, tags, access_level, body_id, filename, media_type, size_bytes,
    download_count, search, created_at, created_by_name, updated_at)
select id, title, description, (select array_agg(distinct t) from unnest(tags) t), access_level, body_id,
       'document-' || g || '.pdf', 'application/pdf', 1000 + g % 50000, g % 37, ''::tsvector,
       now() - make_interval(days => (g % 1500)::int), 'Équipe fédérale (banc d''essai)', now() - make_interval(days => (g % 1500)::int)
from bench_docs;

insert into network_resource_version (resource_id, version, filename, media_type, size_bytes, sha256, content,
    extracted_text, uploaded_at, uploaded_by_name)
select id, 1, 'document-' || g || '.pdf', 'application/pdf', 1000 + g % 50000,
       encode(sha256(convert_to(body, 'UTF8')), 'hex'), convert_to('%PDF-1.7 banc d''essai ' || g, 'UTF8'), body,
       now() - make_interval(days => (g % 1500)::int), 'Équipe fédérale (banc d''essai)'
from bench_docs;

update network_resource r set search_head = x.head,
    search = strip(x.head || to_tsvector('french_unaccent', left(x.text, 200000)))
from (select d.id, v.extracted_text as text,
             setweight(to_tsvector('french_unaccent', d.title), 'A')
             || setweight(to_tsvector('french_unaccent', array_to_string(d.tags, ' ')), 'B')
             || setweight(to_tsvector('french_unaccent', coalesce(d.description, '')), 'B') as head
      from network_resource d
      join network_resource_version v on v.resource_id = d.id and v.version = d.current_version
      where d.id in (select id from bench_docs)) x
where r.id = x.id;

-- The forum thread: 1 question and 200 replies.
create temporary table bench_authors as
select u.id as user_id, u.organisation_id, u.display_name, o.name as organisation_name, row_number() over (order by u.username) as n
from app_user u join organisation o on o.id = u.organisation_id
where u.username in ('directrice', 'admin.marseille');

insert into forum_thread (id, category_id, title, author_user_id, author_organisation_id, author_name,
    author_organisation_name, created_at, last_post_at)
select gen_random_uuid(), (select id from forum_category where name = 'Pratiques professionnelles'),
       'Banc d''essai : un sujet de 200 réponses', a.user_id, a.organisation_id, a.display_name, a.organisation_name,
       now() - interval '30 days', now() - interval '30 days'
from bench_authors a where a.n = 1;

insert into forum_post (id, thread_id, number, author_user_id, author_organisation_id, author_name,
    author_organisation_name, body_markdown, body_html, search, created_at)
select gen_random_uuid(), t.id, 0, a.user_id, a.organisation_id, a.display_name, a.organisation_name, x.body,
       '<p>' || replace(x.body, E'\n\n', '</p><p>') || '</p>',
       setweight(to_tsvector('french_unaccent', t.title), 'A') || setweight(to_tsvector('french_unaccent', x.body), 'B'),
       now() - interval '30 days' + make_interval(mins => i * 10)
from generate_series(0, 200) i
join forum_thread t on t.title = 'Banc d''essai : un sujet de 200 réponses'
join bench_authors a on a.n = 1 + i % 2
cross join lateral (select 'Réponse ' || i || E' : ' || string_agg(w.word, ' ') || E'\n\n'
                           || 'Nous avons suivi ce protocole avec nos partenaires pendant l''année.' as body
                    from generate_series(1, 60) k join bench_words w on w.n = 1 + ((i * 11 + k * 7) % 60)) x
order by i;

commit;
