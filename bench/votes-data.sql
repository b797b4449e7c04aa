-- A published consultation of the demo public body with 1,000 accepted proposals (bench/votes.sh,
-- bench/crash-votes.sh). Run as the owner role.
insert into consultation (id, organisation_id, slug, question, status, opened_at, proposal_stem)
select '00000000-0000-4000-8000-00000000b0fe', id, 'bench-votes', 'Comment mieux accompagner la réinsertion ?',
       'OPEN', now(), 'Il faut'
from organisation where kind = 'PUBLIC_BODY' order by id limit 1;

insert into consultation_participant (id, organisation_id, consultation_id, created_at)
select ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, c.organisation_id, c.id, now()
from consultation c, generate_series(1, 200) g where c.slug = 'bench-votes';

insert into consultation_proposal (id, organisation_id, consultation_id, participant_id, author_email, text, status,
                                   keywords, created_at, moderated_at)
select gen_random_uuid(), c.organisation_id, c.id, ('00000000-0000-4000-9000-' || lpad(to_hex(1 + g % 200), 12, '0'))::uuid,
       'auteur' || g || '@exemple.org', 'Il faut la proposition numéro ' || g || ' sur la réinsertion', 'ACCEPTED',
       array['mot' || (g % 97), 'theme' || (g % 13)], now() - make_interval(secs => 1000 - g), now()
from consultation c, generate_series(1, 1000) g where c.slug = 'bench-votes';

analyze consultation, consultation_participant, consultation_proposal;
