package fr.passerelle.partners;

import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo association's orientations over the past year, to partners of several types and in every
 * status (sent, accepted, refused with a reason, no answer, entered): called by the demo module as a
 * signed-in case worker, once the directory's partners exist. Written once: nothing is done when the
 * association already has referrals.
 */
@Service
public class ReferralsDemoData {

    /** The partner types referred to, the CSAPA first. */
    static final List<String> TYPES = List.of("CSAPA", "CHRS", "MISSION_LOCALE", "FRANCE_TRAVAIL", "CMP_EPSM", "SIAO",
            "ACT", "EMPLOYER_SIAE");
    private static final String[] PURPOSES = {
        "Demande de suivi en addictologie dans le cadre d’une obligation de soins.",
        "Demande d’hébergement à la sortie de détention.",
        "Accompagnement vers l’emploi et la formation.",
        "Évaluation et suivi psychologique.",
    };
    private static final String[] REFUSALS = {
        "Pas de place disponible avant plusieurs mois.",
        "La situation ne relève pas de notre structure.",
        "Critères d’âge non remplis.",
    };

    private final JdbcClient jdbc;
    private final Referrals referrals;
    private final Persons persons;
    private final Measures measures;

    ReferralsDemoData(JdbcClient jdbc, Referrals referrals, Persons persons, Measures measures) {
        this.jdbc = jdbc;
        this.referrals = referrals;
        this.persons = persons;
        this.measures = measures;
    }

    /** Seeds the current association; returns the number of referrals written (0 when already done). */
    @Transactional
    public int seed(LocalDate today, long seed) {
        if (jdbc.sql("select count(*) from partner_referral").query(Long.class).single() > 0) {
            return 0;
        }
        List<UUID> partners = new ArrayList<>();
        for (String type : TYPES) {
            jdbc.sql("""
                    select id from partner where partner_type = ? and not archived and email is not null
                    order by name limit 2""").param(type).query(UUID.class).list().forEach(partners::add);
        }
        List<UUID> people = new ArrayList<>();
        persons.search("", null, 0).items().forEach(p -> people.add(p.id()));
        if (partners.isEmpty() || people.isEmpty()) {
            return 0;
        }
        Random random = new Random(seed);
        ReferralStatus[] plan = {ReferralStatus.ENTERED, ReferralStatus.ACCEPTED, ReferralStatus.REFUSED,
            ReferralStatus.NO_ANSWER, ReferralStatus.SENT};
        int written = 0;
        for (int i = 0; i < 30; i++) {
            ReferralStatus target = plan[i % plan.length];
            UUID partner = partners.get(i % partners.size());
            UUID person = people.get(i % people.size());
            // A referral still waiting was sent in the last days; the others over the past year.
            LocalDate sentOn = target == ReferralStatus.SENT ? today.minusDays(random.nextInt(10))
                    : today.minusDays(60 + random.nextInt(300));
            UUID measure = measures.ofPerson(person).stream().map(Measures.Measure::id).findFirst().orElse(null);
            Set<Referrals.Section> shared = EnumSet.of(Referrals.Section.IDENTITY, Referrals.Section.SITUATION);
            if (measure != null && i % 2 == 0) {
                shared.add(Referrals.Section.OBLIGATIONS);
            }
            boolean health = i % 3 == 0;
            if (health) {
                shared.add(Referrals.Section.HEALTH);
            }
            UUID id = referrals.send(new Referrals.Request(partner, null, person, shared.contains(
                    Referrals.Section.OBLIGATIONS) ? measure : null, PURPOSES[i % PURPOSES.length], shared,
                    sentOn.minusDays(random.nextInt(5)), health), sentOn);
            LocalDate answeredOn = sentOn.plusDays(2 + random.nextInt(25));
            switch (target) {
                case ACCEPTED -> referrals.accept(id, answeredOn);
                case ENTERED -> {
                    referrals.accept(id, answeredOn);
                    referrals.enter(id, answeredOn.plusDays(1 + random.nextInt(20)));
                }
                case REFUSED -> referrals.refuse(id, answeredOn, REFUSALS[i % REFUSALS.length]);
                case NO_ANSWER -> referrals.markNoAnswer(id);
                case SENT -> { }
            }
            written++;
        }
        return written;
    }
}
