package fr.passerelle.programmes;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.io.ClassPathResource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads at start the good-practice sheets of the national référencement from the resource
 * {@value #RESOURCE} (derived once from the SG-CIPD's document by {@code tools/practice-sheets},
 * then reviewed by hand): a sheet whose code is not in the library yet is added as version 1, origin
 * RESOURCE; a sheet already there is left as it is (the federation's versions are the library's
 * truth). Safe when several nodes start at once: a code is inserted once ({@code on conflict do
 * nothing}) and only the node that inserted it writes its first version.
 */
@Component
class PracticeSheetResource {

    static final String RESOURCE = "programmes/good-practice-sheets.json";
    private static final Logger log = LoggerFactory.getLogger(PracticeSheetResource.class);

    private final JdbcClient jdbc;
    private final PracticeLibrary library;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PracticeSheetResource(JdbcClient jdbc, PracticeLibrary library, JsonMapper json, TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.library = library;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Source(String title, String publisher, String strategy) {

        String cited() {
            return title + " — " + publisher + ", " + strategy;
        }
    }

    record Sheet(String code, Integer number, String title, String axis, String theme, List<String> publics,
            Integer ageMin, Integer ageMax, List<String> carriers, List<String> fundings, Map<String, String> sections,
            List<PracticeSheet.ExtraSection> extraSections, List<String> indicators,
            List<PracticeSheet.ReferenceAction> referenceActions) {

        PracticeLibrary.SheetInput input() {
            return new PracticeLibrary.SheetInput(title, axis, theme, publics, ageMin, ageMax, carriers, fundings,
                    sections, indicators, null);
        }
    }

    record File(Source source, List<Sheet> sheets) {}

    /** The sheets of the resource, checked against the vocabularies (a bad resource stops the start). */
    File read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            File file = json.readValue(in, File.class);
            for (Sheet sheet : file.sheets()) {
                try {
                    library.validate(sheet.input(), false);
                } catch (RuntimeException refused) {
                    throw new IllegalStateException("good-practice sheet " + sheet.code() + " of " + RESOURCE
                            + " is refused: " + refused.getMessage(), refused);
                }
            }
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** First among the start-up listeners: others (the demo programmes) run from the sheets. */
    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    void load() {
        File file = read();
        int added = transactions.execute(status -> {
            int count = 0;
            for (Sheet sheet : file.sheets()) {
                UUID id = UUID.randomUUID();
                java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now(clock));
                int inserted = jdbc.sql("""
                        insert into practice_sheet (id, code, number, origin, status, current_version, created_at,
                                                    updated_at)
                        values (?, ?, ?, 'RESOURCE', 'PUBLISHED', 1, ?, ?) on conflict do nothing""")
                        .params(id, sheet.code(), sheet.number(), now, now).update();
                if (inserted == 1) {
                    library.insertVersion(id, 1, sheet.input(), sheet.extraSections(), sheet.referenceActions(),
                            file.source().cited());
                    count++;
                }
            }
            return count;
        });
        if (added > 0) {
            log.info("Good-practice library: {} sheets added from {}", added, RESOURCE);
        }
    }
}
