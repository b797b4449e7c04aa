-- The language of the mails a participant receives: the language of the pages they were reading
-- when they gave the address (French unless they chose English). A proposal's author is mailed the
-- moderation's decision in the language they proposed in; a participant who consented to be
-- re-contacted receives workshop invitations, changes and cancellations in the language they
-- consented in. Rows written before this migration were mailed in French, which stays their language.
alter table consultation_proposal add column author_language varchar(8) not null default 'fr'
    check (author_language ~ '^[a-z]{2,3}$');
alter table consultation_participant add column recontact_language varchar(8) not null default 'fr'
    check (recontact_language ~ '^[a-z]{2,3}$');
