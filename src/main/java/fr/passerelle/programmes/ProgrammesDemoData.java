package fr.passerelle.programmes;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo local authority's two programmes, run by its prevention coordinator from two sheets of
 * the library: a chantier passerelle under way (liaison forms in every state, consents — a parent's
 * for the minors —, contracts, 20 half-days of sessions with attendance, orientations, money), and
 * a référent de parcours finished last year with every end review written. Called by the demo module
 * in the local authority's tenant, once the library is loaded; written once (nothing is done when the
 * organisation already has programmes). Rows are inserted in their final state, as the lead would
 * have recorded them over the months.
 */
@Service
public class ProgrammesDemoData {

    private static final String[][] YOUNG = {
        {"Yanis", "Belkacem", "M"}, {"Inès", "Moreau", "F"}, {"Kevin", "Da Silva", "M"}, {"Sarah", "Diallo", "F"},
        {"Mehdi", "Rahmani", "M"}, {"Lina", "Petit", "F"}, {"Dylan", "Fournier", "M"}, {"Aya", "Traoré", "F"},
        {"Enzo", "Lopez", "M"}, {"Nour", "Haddad", "F"}, {"Bilal", "Kaci", "M"}, {"Chloé", "Martin", "F"},
        {"Sofiane", "Amrani", "M"}, {"Maëlys", "Garcia", "F"}, {"Rayan", "Benali", "M"}, {"Léna", "Roux", "F"},
    };
    private static final String[] SPOTTERS = {"Collège Henri-Barbusse", "Mission locale de Vaulx-en-Velin",
        "Police municipale", "PJJ – UEMO Vaulx-en-Velin", "Service de prévention spécialisée"};

    private final JdbcClient jdbc;
    private final PracticeLibrary library;
    private final JsonMapper json;
    private final java.time.Clock clock;

    ProgrammesDemoData(JdbcClient jdbc, PracticeLibrary library, JsonMapper json, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.library = library;
        this.json = json;
    }

    /** Seeds the current organisation's programmes; returns how many were written (0 when already there). */
    @Transactional
    public int seed(UUID organisation, UUID lead, String leadName, LocalDate today) {
        if (jdbc.sql("select count(*) from programme").query(Long.class).single() > 0) {
            return 0;
        }
        Random random = new Random(17);
        LocalDate start = today.minusMonths(4).withDayOfMonth(1);
        seedProgramme(organisation, lead, leadName, "chantier-passerelle", "Chantier passerelle du Mas du Taureau",
                start, start.plusYears(1).minusDays(1), null, 12, 20, random, today);
        LocalDate past = today.minusYears(1).withDayOfMonth(1).minusMonths(6);
        seedProgramme(organisation, lead, leadName, "referent-de-parcours", "Référent de parcours – quartiers Est",
                past, past.plusMonths(10), past.plusMonths(10), 8, 12, random, today);
        return 2;
    }

    private void seedProgramme(UUID org, UUID lead, String leadName, String code, String title, LocalDate starts,
            LocalDate ends, LocalDate closed, int people, int sessions, Random random, LocalDate today) {
        // The current version as the library holds it (no signed-in reader here: read as the loader does).
        PracticeSheet sheet = library.read(code, null);
        UUID programme = UUID.randomUUID();
        List<Programmes.AdoptedIndicator> indicators = sheet.indicators().stream()
                .map(l -> new Programmes.AdoptedIndicator(l, ProgrammeMeasure.suggestFor(l).orElse(null))).toList();
        indicators = new ArrayList<>(indicators);
        indicators.add(new Programmes.AdoptedIndicator("Taux d’assiduité aux séances", ProgrammeMeasure.ASSIDUITY));
        indicators.add(new Programmes.AdoptedIndicator("Part des sorties positives", ProgrammeMeasure.POSITIVE_EXITS));
        jdbc.sql("""
                insert into programme (id, organisation_id, sheet_id, sheet_version, title, territory, departement_code, places,
                    capacity, starts_on, ends_on, objectives, indicators, charter_text, charter_changed_on, closed_on,
                    created_at, created_by_name)
                values (?, ?, ?, ?, ?, 'Vaulx-en-Velin', '69', 'Atelier municipal, 2 avenue Gabriel-Péri', ?, ?, ?, ?,
                    cast(? as jsonb), ?, ?, ?, ?, ?)""")
                .params(programme, org, sheet.id(), sheet.version(), title, people + 2, Date.valueOf(starts),
                        Date.valueOf(ends), sheet.section("objectives") == null ? "" : sheet.section("objectives"),
                        json.writeValueAsString(indicators), Programmes.defaultCharter(), Date.valueOf(starts),
                        closed == null ? null : Date.valueOf(closed), Timestamp.from(Instant.now(clock)), leadName)
                .update();
        UUID leadMember = member(programme, org, lead, leadName, "Ville de Vaulx-en-Velin", "LEAD", starts);
        UUID educator = member(programme, org, null, "Karim Benyahia", "Service de prévention spécialisée", "REFERENT", starts);
        UUID school = member(programme, org, null, "Anne Vidal", "Collège Henri-Barbusse", "SPOTTING_PARTNER", starts);
        member(programme, org, null, "Rachid Benamar", "PJJ – UEAJ Vaulx-en-Velin", "PARTNER", starts.plusDays(3));
        member(programme, org, null, "Sylvie Blanc", "Mission locale de Vaulx-en-Velin", "PARTNER", starts.plusDays(3));
        meeting(programme, org, starts.plusDays(7), "Installation du groupe opérationnel",
                "Charte signée par les membres présents. Critères d’admission arrêtés.", List.of(leadMember, educator, school));
        meeting(programme, org, starts.plusDays(35), "Examen des fiches de liaison",
                "Admissions décidées pour les premiers jeunes repérés ; deux situations en liste d’attente.",
                List.of(leadMember, educator));

        List<UUID> sessionIds = new ArrayList<>();
        List<LocalDate> sessionDays = new ArrayList<>();
        LocalDate day = starts.plusDays(42);
        while (sessionIds.size() < sessions) {
            if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY || day.getDayOfWeek() == DayOfWeek.SATURDAY) {
                UUID s = UUID.randomUUID();
                jdbc.sql("insert into programme_session (id, programme_id, organisation_id, held_on, half_day, label) "
                                + "values (?, ?, ?, ?, 'AM', 'Chantier')")
                        .params(s, programme, org, Date.valueOf(day)).update();
                sessionIds.add(s);
                sessionDays.add(day);
            }
            day = day.plusDays(1);
        }

        for (int i = 0; i < people + 3; i++) {
            String[] who = YOUNG[(i + (closed == null ? 0 : 5)) % YOUNG.length];
            boolean minor = i % 3 != 2;
            LocalDate liaison = starts.plusDays(14 + i * 2L);
            LocalDate birth = minor ? liaison.minusYears(15 + i % 3).minusDays(40L * i)
                    : liaison.minusYears(18 + i % 5).minusDays(30L * i);
            String decision = i < people ? "ADMITTED" : (i == people ? "REFUSED" : (i == people + 1 ? "WAITING" : "PENDING"));
            LocalDate decided = "PENDING".equals(decision) ? null : starts.plusDays(35);
            LocalDate consent = "ADMITTED".equals(decision) ? decided.plusDays(5) : null;
            boolean minorAtConsent = consent != null && consent.isBefore(birth.plusYears(18));
            LocalDate contractStart = consent == null ? null : consent.plusDays(2);
            boolean exited = closed != null && consent != null || (consent != null && i == 0);
            String outcome = exited ? new String[] {"TRAINING", "JOB", "SCHOOL", "GARANTIE_JEUNES", "NONE", "TRAINING",
                "OTHER", "JOB"}[i % 8] : null;
            LocalDate exitOn = exited ? (closed != null ? closed.minusDays(7 + i) : today.minusDays(10)) : null;
            UUID b = UUID.randomUUID();
            jdbc.sql("""
                    insert into programme_beneficiary (id, programme_id, organisation_id, first_name, last_name, birth_date, sex,
                        neighbourhood, liaison_from, liaison_on, liaison_reason, decision, decision_on, decision_reason,
                        consent_on, consent_by, guardian_name, referent_id, contract_starts_on, contract_ends_on,
                        contract_objectives, contract_status, exit_on, exit_outcome, exit_review, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, 'Mas du Taureau', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(b, programme, org, who[0], who[1], Date.valueOf(birth), who[2], SPOTTERS[i % SPOTTERS.length],
                            Date.valueOf(liaison), "Décrochage scolaire et premiers faits de petite délinquance signalés.",
                            decision, decided == null ? null : Date.valueOf(decided),
                            "REFUSED".equals(decision) ? "Situation relevant d’un suivi éducatif déjà en cours." : null,
                            consent == null ? null : Date.valueOf(consent),
                            consent == null ? null : (minorAtConsent ? "PARENT" : "SELF"),
                            minorAtConsent ? "Mme " + who[1] : null,
                            consent == null ? null : educator,
                            contractStart == null ? null : Date.valueOf(contractStart),
                            contractStart == null ? null : Date.valueOf(contractStart.plusMonths(6)),
                            contractStart == null ? null : "Participer au chantier, construire un projet de formation.",
                            contractStart == null ? null : (exited ? (i % 5 == 4 ? "BROKEN" : "COMPLETED") : "SIGNED"),
                            exitOn == null ? null : Date.valueOf(exitOn), outcome,
                            exited ? "Parcours mené à son terme ; relais assuré vers le droit commun." : null,
                            Timestamp.from(Instant.now(clock)))
                    .update();
            if (consent == null) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                LocalDate on = contractStart.plusDays(10L * c + 3);
                if (!on.isAfter(today)) {
                    jdbc.sql("insert into programme_contact (id, beneficiary_id, programme_id, organisation_id, kind, happened_on,"
                                    + " note, created_at, created_by_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                            .params(UUID.randomUUID(), b, programme, org, c == 1 ? "FAMILY" : "INTERVIEW", Date.valueOf(on),
                                    c == 1 ? "Rencontre avec la famille." : "Point d’étape avec le jeune.",
                                    Timestamp.from(Instant.now(clock)), "Karim Benyahia")
                            .update();
                }
            }
            if (i % 2 == 0) {
                jdbc.sql("insert into programme_orientation (id, beneficiary_id, programme_id, organisation_id, kind, service_name,"
                                + " oriented_on, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(UUID.randomUUID(), b, programme, org, i % 4 == 0 ? "TRAINING" : "HEALTH",
                                i % 4 == 0 ? "Mission locale de Vaulx-en-Velin" : "Maison des adolescents",
                                Date.valueOf(contractStart.plusDays(20)), Timestamp.from(Instant.now(clock)))
                        .update();
            }
            for (int s = 0; s < sessionIds.size(); s++) {
                LocalDate held = sessionDays.get(s);
                if (held.isAfter(today) || exitOn != null && held.isAfter(exitOn)) {
                    continue;
                }
                boolean present = random.nextInt(100) < 85;
                boolean late = present && random.nextInt(100) < 15;
                jdbc.sql("insert into programme_attendance (session_id, beneficiary_id, programme_id, organisation_id, present,"
                                + " late) values (?, ?, ?, ?, ?, ?)")
                        .params(sessionIds.get(s), b, programme, org, present, late).update();
            }
        }
        budget(programme, org, "Encadrement technique", new java.math.BigDecimal("18000"), closed != null ? 17250 : 7400);
        budget(programme, org, "Matériaux et outillage", new java.math.BigDecimal("4500"), closed != null ? 4620 : 2100);
        budget(programme, org, "Gratifications des jeunes", new java.math.BigDecimal("6000"), closed != null ? 5400 : 1800);
        funding(programme, org, "FIPD", 12000, 10000, closed != null ? 10000 : 5000);
        funding(programme, org, "COMMUNE", 9000, 9000, closed != null ? 9000 : 4500);
        funding(programme, org, "CAF", 5000, closed != null ? 4000 : 0, 0);
    }

    private UUID member(UUID programme, UUID org, UUID user, String name, String organisation, String role, LocalDate on) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into programme_member (id, programme_id, organisation_id, user_id, full_name, member_organisation,
                    group_role, charter_version, charter_signed_on, added_on)
                values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""")
                .params(id, programme, org, user, name, organisation, role, Date.valueOf(on.plusDays(7)), Date.valueOf(on))
                .update();
        return id;
    }

    private void meeting(UUID programme, UUID org, LocalDate on, String subject, String decisions, List<UUID> attendees) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into programme_meeting (id, programme_id, organisation_id, held_on, subject, decisions, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, programme, org, Date.valueOf(on), subject, decisions, Timestamp.from(Instant.now(clock))).update();
        for (UUID member : attendees) {
            jdbc.sql("insert into programme_meeting_attendance (meeting_id, member_id, programme_id, organisation_id)"
                            + " values (?, ?, ?, ?)")
                    .params(id, member, programme, org).update();
        }
    }

    private void budget(UUID programme, UUID org, String label, java.math.BigDecimal planned, int spent) {
        jdbc.sql("insert into programme_budget_line (id, programme_id, organisation_id, label, planned, spent)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), programme, org, label, planned, java.math.BigDecimal.valueOf(spent)).update();
    }

    private void funding(UUID programme, UUID org, String funder, int requested, int granted, int received) {
        jdbc.sql("insert into programme_funding (id, programme_id, organisation_id, funder, requested, granted, received)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), programme, org, funder, java.math.BigDecimal.valueOf(requested),
                        java.math.BigDecimal.valueOf(granted), java.math.BigDecimal.valueOf(received))
                .update();
    }

}
