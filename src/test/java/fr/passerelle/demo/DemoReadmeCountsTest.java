package fr.passerelle.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.BulkCases;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The numbers the README gives about the demo data are the ones the generators make: every number
 * is read from the README and compared with what the demo loader returned at start-up, or with what
 * its generators make for the default settings. Changing the demo data without the README (or the
 * other way round) fails here.
 */
@PasserelleIntegrationTest
class DemoReadmeCountsTest {

    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six");
    private static final DemoProperties DEFAULTS = new DemoProperties(null, true, null, null, null);

    @Autowired
    DemoDataRunner runner;

    @Autowired
    Organisations organisations;

    @Autowired
    UserAccounts users;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    Clock clock;

    @Test
    void theReadmeStatesTheRegionsAssociationsServicesAndAccountsTheLoaderMade() throws IOException {
        String readme = readme();
        DemoDataGenerator.Generated generated = runner.generated();
        assertThat(generated).as("the demo data is generated at this test context's start").isNotNull();

        assertThat(number(readme, "(\\d+) network regions")).isEqualTo(generated.regions());
        int associations = number(readme, "([\\d,]+) associations spread");
        assertThat(associations).isEqualTo(generated.associations()).isEqualTo(DEFAULTS.associations());
        Matcher services = find(readme, "(\\w+) to (\\w+) services each");
        assertThat(NUMBER_WORDS.indexOf(services.group(1))).isEqualTo(generated.fewestServices());
        assertThat(NUMBER_WORDS.indexOf(services.group(2))).isEqualTo(generated.mostServices());

        int accounts = number(readme, "the (\\d+) accounts above");
        List<String> table = accountTable(readme);
        assertThat(table).hasSize(accounts).containsExactlyElementsOf(
                DemoAccounts.ALL.stream().map(DemoAccounts.DemoAccount::username).toList());
        assertThat(generated.accounts()).isEqualTo(accounts);
        long ofAssociations = DemoAccounts.ALL.stream().filter(a -> a.home() == DemoAccounts.Home.ASSOCIATION
                || a.home() == DemoAccounts.Home.SECOND_ASSOCIATION).count();
        assertThat(generated.accountsInAService()).isEqualTo(ofAssociations);
    }

    @Test
    void theDemoStaffOfLyonShareAServiceSoMyServiceShowsTheirColleagues() {
        UUID lyon = DemoDataGenerator.demoId(DemoDataGenerator.FLAGSHIP_COURT);
        UUID worker = userId("intervenant");
        List<UUID> service = TenantContext.callAs(lyon, () -> tx.execute(s -> users.sameServiceAs(worker)));
        assertThat(service).contains(worker, userId("cheffe.service"), userId("intervenant.mfa"));
    }

    @Test
    void everyBilledTypeOfTheDemoCataloguesHasATariff() {
        List<UUID> demo = demoAssociations();
        long priced = owner().sql("select count(*) from measure_type where organisation_id in (:ids) and billing_mode <> 'NONE'")
                .param("ids", demo).query(Long.class).single();
        long unpriced = owner().sql("""
                select count(*) from measure_type
                where organisation_id in (:ids) and billing_mode <> 'NONE' and tariff is null""")
                .param("ids", demo).query(Long.class).single();
        assertThat(priced).isPositive();
        assertThat(unpriced).isZero();
        assertThat(runner.generated().pricedTypes()).isEqualTo(priced);
    }

    @Test
    void theReadmeStatesTheLyonCaseloadTheGeneratorMakes() throws IOException {
        String readme = readme();
        Matcher intro = find(readme, "comes with\\s+(\\d+) persons and (\\d+) measures");
        Matcher section = find(readme, "caseload \\((\\d+) persons, (\\d+) measures");
        assertThat(intro.group(1)).isEqualTo(section.group(1));
        assertThat(intro.group(2)).isEqualTo(section.group(2));
        int persons = Integer.parseInt(section.group(1));
        assertThat(persons).isEqualTo(DEFAULTS.casePersons());

        // The Lyon caseload, made the same way in a fresh association with Lyon's two case workers.
        UUID org = organisations.create(new Organisations.OrganisationData(OrganisationKind.ASSOCIATION,
                "Association comptes " + UUID.randomUUID(), "Lyon", "69", null, false, true), null);
        DemoCaseData.Made made = TenantContext.callAs(org, () -> tx.execute(s -> {
            for (String login : List.of("w1", "w2")) {
                users.create(new UserAccounts.NewUser(login + "." + org.toString().substring(0, 8), "Intervenant " + login,
                        login + "." + org + "@example.org", DemoAccounts.PASSWORD, null, List.of(Roles.CASE_WORKER),
                        true, true));
            }
            return runner.caseData().generate(persons, new Random(DemoDataGenerator.CASE_SEED), LocalDate.now(clock));
        }));
        assertThat(made.persons()).isEqualTo(persons);
        assertThat(made.measures()).isEqualTo(Integer.parseInt(section.group(2)));
    }

    @Test
    void theReadmeStatesTheVolumesTheBackgroundGeneratorMakes() throws IOException {
        String readme = readme();
        Matcher volumes = find(readme, "and (\\d+) persons\\s+with about (\\w+) measures each and their history:\\s+"
                + "about ([\\d,]+) persons and ([\\d,]+) measures in all");
        int perAssociation = Integer.parseInt(volumes.group(1));
        assertThat(perAssociation).isEqualTo(DEFAULTS.personsPerAssociation());

        UUID lyon = DemoDataGenerator.demoId(DemoDataGenerator.FLAGSHIP_COURT);
        Set<UUID> demo = Set.copyOf(demoAssociations());
        LocalDate today = LocalDate.now(clock);
        long persons = 0;
        long measures = 0;
        for (Map.Entry<UUID, List<String>> target : runner.volumes().targets(lyon).entrySet()) {
            if (!demo.contains(target.getKey())) {
                continue; // an association of another test
            }
            List<BulkCases.CaseRow> rows = TenantContext.callAs(target.getKey(), () -> tx.execute(s ->
                    runner.volumes().plannedRows(target.getKey(), target.getValue(), perAssociation, today)));
            persons += rows.stream().map(BulkCases.CaseRow::personId).distinct().count();
            measures += rows.size();
        }
        assertThat(NUMBER_WORDS.indexOf(volumes.group(2))).isEqualTo(Math.round((double) measures / persons));
        assertAbout(volumes.group(3), persons);
        assertAbout(volumes.group(4), measures);
    }

    /** "About N": N is the real count rounded, within 1 %. */
    private static void assertAbout(String stated, long real) {
        long value = Long.parseLong(stated.replace(",", ""));
        assertThat((double) Math.abs(value - real)).as("README says about %s, the generator makes %d", stated, real)
                .isLessThanOrEqualTo(real * 0.01);
    }

    /** Reads across associations (row-level security would show none). */
    private org.springframework.jdbc.core.simple.JdbcClient owner() {
        return OwnerSql.of(server);
    }

    private List<UUID> demoAssociations() {
        return owner().sql("select code from judicial_court").query(String.class).list().stream()
                .map(DemoDataGenerator::demoId).filter(id -> organisations.find(id).isPresent()).toList();
    }

    private UUID userId(String username) {
        return owner().sql("select id from app_user where username = ?").param(username).query(UUID.class).single();
    }

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    private static List<String> accountTable(String readme) {
        String section = readme.substring(readme.indexOf("## Demo accounts"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        List<String> usernames = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(section);
        while (row.find()) {
            usernames.add(row.group(1));
        }
        return usernames;
    }

    private static int number(String text, String regex) {
        return Integer.parseInt(find(text, regex).group(1).replace(",", ""));
    }

    private static Matcher find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("the README says /%s/", regex).isTrue();
        return matcher;
    }
}
