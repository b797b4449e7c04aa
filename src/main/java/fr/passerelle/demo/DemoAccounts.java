package fr.passerelle.demo;

import fr.passerelle.identity.Roles;
import java.util.List;

/** The demo accounts listed in the README, all with the same password. */
public final class DemoAccounts {

    /** Password of every demo account (listed in the README; demo data is refused in production). */
    public static final String PASSWORD = "Passerelle-demo-2026";

    /** Where a demo account lives. */
    public enum Home { ASSOCIATION, SECOND_ASSOCIATION, FEDERATION, PUBLIC_BODY, LOCAL_AUTHORITY }

    /**
     * A demo account.
     *
     * @param username login name
     * @param displayName name shown in the application
     * @param role its single role
     * @param home which demo organisation it belongs to
     * @param mfaExempt whether it skips the second factor (demo accounts only)
     */
    public record DemoAccount(String username, String displayName, String role, Home home, boolean mfaExempt) {}

    public static final List<DemoAccount> ALL = List.of(
            new DemoAccount("intervenant", "Camille Martin", Roles.CASE_WORKER, Home.ASSOCIATION, true),
            new DemoAccount("cheffe.service", "Nadia Benali", Roles.SERVICE_HEAD, Home.ASSOCIATION, true),
            new DemoAccount("directrice", "Hélène Rousseau", Roles.DIRECTOR, Home.ASSOCIATION, true),
            new DemoAccount("admin.asso", "Julien Moreau", Roles.ASSOCIATION_ADMIN, Home.ASSOCIATION, true),
            new DemoAccount("intervenant.mfa", "Sofia Laurent", Roles.CASE_WORKER, Home.ASSOCIATION, false),
            new DemoAccount("admin.marseille", "Paul Girard", Roles.ASSOCIATION_ADMIN, Home.SECOND_ASSOCIATION, true),
            new DemoAccount("directeur.marseille", "Karim Mansouri", Roles.DIRECTOR, Home.SECOND_ASSOCIATION, true),
            new DemoAccount("equipe.federale", "Claire Dubois", Roles.FEDERATION_STAFF, Home.FEDERATION, true),
            new DemoAccount("admin.federation", "Marc Lefèvre", Roles.FEDERATION_ADMIN, Home.FEDERATION, true),
            new DemoAccount("organisateur", "Inès Fontaine", Roles.CONSULTATION_ORGANISER, Home.PUBLIC_BODY, true),
            new DemoAccount("moderatrice", "Léa Garnier", Roles.MODERATOR, Home.PUBLIC_BODY, true),
            new DemoAccount("analyste", "Thomas Chevalier", Roles.ANALYST, Home.PUBLIC_BODY, true),
            new DemoAccount("participant", "Lucas Bernard", Roles.PARTICIPANT, Home.PUBLIC_BODY, true),
            new DemoAccount("coordinatrice", "Amina Haddad", Roles.PROGRAMME_LEAD, Home.LOCAL_AUTHORITY, true),
            new DemoAccount("admin.ville", "Olivier Petit", Roles.LOCAL_AUTHORITY_ADMIN, Home.LOCAL_AUTHORITY, true));

    private DemoAccounts() {}
}
