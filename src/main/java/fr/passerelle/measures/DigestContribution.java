package fr.passerelle.measures;

import fr.passerelle.identity.UserAccounts;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What another module adds to the daily digest (e.g. the partners module: the conventions about to
 * end). Every bean implementing it is asked, inside the digest's transaction of one association; a
 * recipient with no deadline but a section still gets the digest.
 */
public interface DigestContribution {

    /** The sections to add today, by recipient (absent: nothing for that recipient). */
    Map<UUID, Section> sections(LocalDate today, List<UserAccounts.DigestRecipient> recipients);

    /** A titled block of lines in the mail, in French. */
    record Section(String title, List<String> lines) {

        public Section {
            lines = List.copyOf(lines);
        }
    }
}
