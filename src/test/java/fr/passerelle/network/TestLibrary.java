package fr.passerelle.network;

import fr.passerelle.OwnerSql;
import fr.passerelle.SignedIn;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.UUID;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Many documents at once, written as the owner with their search vectors built as the application
 * builds them: for the searches that find more than {@link Resources#COUNT_CAP} documents. They are a
 * body's (seen by its members and the federation only) and dated 2001, so that they come after every
 * other document in the order of recency.
 */
public final class TestLibrary {

    private TestLibrary() {}

    /**
     * A new working group whose only member is {@code member}'s organisation and user, created by the
     * federation's staff (who stay signed in).
     */
    public static UUID bodyWith(Meetings meetings, UserDetailsService users, String member, String name) {
        var user = SignedIn.as(users, member);
        SignedIn.as(users, "equipe.federale");
        UUID body = meetings.createBody(Meetings.Kind.WORKING_GROUP, name, null, null);
        meetings.addMember(body, user.organisationId(), user.userId(), Meetings.MemberRole.MEMBER);
        return body;
    }

    /**
     * Writes {@code count} documents of the body whose text holds {@code word}; the first {@code titled}
     * hold {@code titleWord} in their title, the first {@code extra} hold {@code extraWord} in their text
     * and the first {@code tagged} have the tag {@code tag}. Document g is updated at 2001-01-01 plus g
     * minutes (the last one is the newest).
     */
    public static void insert(EmbeddedPostgresServer server, UUID body, int count, String word, int titled,
            String titleWord, int extra, String extraWord, int tagged, String tag) {
        OwnerSql.of(server).sql("""
                with d as (
                    select gen_random_uuid() as id, g,
                           case when g <= :titled then 'Document ' || :titleWord || ' ' || g else 'Document ' || g end as title,
                           case when g <= :tagged then array[:tag]::varchar(40)[] else '{}'::varchar(40)[] end as tags,
                           'Texte ' || :word || case when g <= :extra then ' ' || :extraWord else '' end as body,
                           timestamptz '2001-01-01 00:00:00+00' + make_interval(mins => g) as at
                    from generate_series(1, :count) g),
                r as (
                    insert into network_resource (id, title, tags, access_level, body_id, filename, media_type, size_bytes,
                        search_head, search, created_at, updated_at)
                    select id, title, tags, 'BODY', :body, 'document-' || g || '.pdf', 'application/pdf', 1000,
                           setweight(to_tsvector('french_unaccent', title), 'A')
                               || setweight(to_tsvector('french_unaccent', array_to_string(tags, ' ')), 'B'),
                           strip(setweight(to_tsvector('french_unaccent', title), 'A')
                               || setweight(to_tsvector('french_unaccent', array_to_string(tags, ' ')), 'B')
                               || to_tsvector('french_unaccent', body)),
                           at, at
                    from d returning id)
                insert into network_resource_version (resource_id, version, filename, media_type, size_bytes, sha256,
                    content, extracted_text, uploaded_at)
                select id, 1, 'document-' || g || '.pdf', 'application/pdf', 1000, repeat('0', 64), '\\x00'::bytea, body, at
                from d""")
                .param("count", count).param("word", word).param("titled", titled).param("titleWord", titleWord)
                .param("extra", extra).param("extraWord", extraWord).param("tagged", tagged).param("tag", tag)
                .param("body", body)
                .update();
    }
}
