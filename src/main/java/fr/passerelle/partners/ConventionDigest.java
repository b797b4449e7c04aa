package fr.passerelle.partners;

import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.DigestContribution;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The conventions about to end, in the daily digest of those who renew them: the digest's
 * recipients holding a role granted {@code partner:manage} (service heads, directors).
 */
@Component
class ConventionDigest implements DigestContribution {

    /** The roles granted {@code partner:manage}. */
    static final Set<String> MANAGING_ROLES = Set.of(Roles.SERVICE_HEAD, Roles.DIRECTOR);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PartnerConventions conventions;
    private final UserAccounts users;
    private final MessageSource messages;

    ConventionDigest(PartnerConventions conventions, UserAccounts users, MessageSource messages) {
        this.conventions = conventions;
        this.users = users;
        this.messages = messages;
    }

    @Override
    public Map<UUID, Section> sections(LocalDate today, List<UserAccounts.DigestRecipient> recipients) {
        List<PartnerConventions.Convention> ending = conventions.expiringSoon();
        if (ending.isEmpty()) {
            return Map.of();
        }
        Set<UUID> managers = users.withAnyRole(MANAGING_ROLES).stream().map(UserAccounts.Recipient::id)
                .collect(Collectors.toSet());
        Section section = new Section(text("convention.digest.title", ending.size(), conventions.alertDays()),
                ending.stream().map(c -> text("convention.digest.line", c.endsOn().format(DAY), c.partnerName(),
                        text("convention.object." + c.object()), c.reference(), c.daysLeft(today))).toList());
        Map<UUID, Section> sections = new LinkedHashMap<>();
        recipients.stream().filter(r -> managers.contains(r.id())).forEach(r -> sections.put(r.id(), section));
        return sections;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.FRENCH);
    }
}
