-- Resource library search at 20,000 documents: the words of a document's text are kept without their
-- positions (matching needs none), which makes each row several times narrower for the scans of a
-- frequent word's matches; the title, tags and description keep theirs in a small vector of their
-- own, which the relevance order reads.
alter table network_resource add column search_head tsvector not null default ''::tsvector;
update network_resource set
    search_head = setweight(to_tsvector('french_unaccent', title), 'A')
        || setweight(to_tsvector('french_unaccent', array_to_string(tags, ' ')), 'B')
        || setweight(to_tsvector('french_unaccent', coalesce(description, '')), 'B'),
    search = strip(search);
