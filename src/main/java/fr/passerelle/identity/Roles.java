package fr.passerelle.identity;

import java.util.List;
import java.util.Map;

/** The role codes and which kind of organisation each belongs to. */
public final class Roles {

    public static final String CASE_WORKER = "CASE_WORKER";
    public static final String SERVICE_HEAD = "SERVICE_HEAD";
    public static final String DIRECTOR = "DIRECTOR";
    public static final String ASSOCIATION_ADMIN = "ASSOCIATION_ADMIN";
    public static final String FEDERATION_STAFF = "FEDERATION_STAFF";
    public static final String FEDERATION_ADMIN = "FEDERATION_ADMIN";
    public static final String CONSULTATION_ORGANISER = "CONSULTATION_ORGANISER";
    public static final String MODERATOR = "MODERATOR";
    public static final String ANALYST = "ANALYST";
    public static final String PARTICIPANT = "PARTICIPANT";
    public static final String PROGRAMME_LEAD = "PROGRAMME_LEAD";
    public static final String LOCAL_AUTHORITY_ADMIN = "LOCAL_AUTHORITY_ADMIN";

    private static final Map<OrganisationKind, List<String>> BY_KIND = Map.of(
            OrganisationKind.ASSOCIATION, List.of(CASE_WORKER, SERVICE_HEAD, DIRECTOR, ASSOCIATION_ADMIN, PROGRAMME_LEAD),
            OrganisationKind.FEDERATION, List.of(FEDERATION_STAFF, FEDERATION_ADMIN),
            OrganisationKind.PUBLIC_BODY, List.of(CONSULTATION_ORGANISER, MODERATOR, ANALYST, PARTICIPANT),
            // A programme lead runs prevention programmes in a local authority or in an association.
            OrganisationKind.LOCAL_AUTHORITY, List.of(PROGRAMME_LEAD, LOCAL_AUTHORITY_ADMIN));

    private Roles() {}

    public static List<String> forKind(OrganisationKind kind) {
        return BY_KIND.get(kind);
    }

    /** The role that administers an organisation of the given kind. */
    public static String adminRoleFor(OrganisationKind kind) {
        return switch (kind) {
            case ASSOCIATION -> ASSOCIATION_ADMIN;
            case FEDERATION -> FEDERATION_ADMIN;
            case PUBLIC_BODY -> CONSULTATION_ORGANISER;
            case LOCAL_AUTHORITY -> LOCAL_AUTHORITY_ADMIN;
        };
    }
}
