package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The daily digest: queued through the outbox per worker and day, references only, opt-out honoured. */
@PasserelleIntegrationTest
class DeadlineDigestTest {

    @Autowired
    DeadlineDigest digest;

    @Autowired
    Deadlines deadlines;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    UserAccounts accounts;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void queuesOneDigestPerWorkerAndDayWithReferencesButNoNamesAndHonoursTheOptOut() {
        PasserelleUser worker = as("intervenant");
        PasserelleUser head = as("cheffe.service");
        LocalDate today = deadlines.today();
        UUID type = catalogue.types().stream().filter(t -> t.code().equals("STAGE_CITOYENNETE")).findFirst().orElseThrow().id();
        UUID person = persons.create(new Persons.PersonData("Zéphyrin", "Récapitulatif", LocalDate.of(1985, 5, 5), null,
                null, null, null, null, null, null, null), true);
        UUID late = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "PARQUET", null, null, null,
                today.minusDays(3), today.minusDays(1)));
        measures.perform(late, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));
        String reference = measures.get(late).reference();
        // The service head has turned the digest off.
        accounts.setOwnDigest(false);
        SecurityContextHolder.clearContext();

        // As the scheduled job does it: no signed-in user, the association as the tenant.
        int queued = TenantContext.callAs(worker.organisationId(), digest::queue);
        int again = TenantContext.callAs(worker.organisationId(), digest::queue);

        assertThat(queued).isGreaterThanOrEqualTo(1);
        assertThat(again).isZero();
        List<Map<String, Object>> mails = OwnerSql.of(server).sql("""
                select o.recipient, o.subject, o.body, u.username from mail_outbox o
                join app_user u on u.email = o.recipient and u.organisation_id = o.organisation_id
                where o.kind = 'DEADLINE_DIGEST' and o.organisation_id = ?""")
                .param(worker.organisationId()).query().listOfRows();
        assertThat(mails).extracting(m -> m.get("username")).containsOnlyOnce("intervenant").doesNotContain("cheffe.service");
        Map<String, Object> mail = mails.stream().filter(m -> m.get("username").equals("intervenant")).findFirst().orElseThrow();
        assertThat((String) mail.get("subject")).startsWith("Passerelle — vos échéances du");
        assertThat((String) mail.get("body")).contains(reference, "Échéance fixée", "/caseload/deadlines")
                .doesNotContain("Zéphyrin", "Récapitulatif");
        assertThat(OwnerSql.of(server).sql("select count(*) from audit_event where action = 'digest.queued' and organisation_id = ?")
                .param(worker.organisationId()).query(Long.class).single()).isEqualTo(1);
        assertThat(head.userId()).isNotNull();
        as("cheffe.service");
        accounts.setOwnDigest(true);
    }

    private PasserelleUser as(String username) {
        return fr.passerelle.SignedIn.as(users, username);
    }
}
