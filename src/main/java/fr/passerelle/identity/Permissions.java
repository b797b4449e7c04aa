package fr.passerelle.identity;

/**
 * Names of the permissions checked by the application. Roles map to permissions in the
 * {@code role_permission} table so that roles stay configurable.
 */
public final class Permissions {

    public static final String USER_MANAGE = "user:manage";
    public static final String SERVICE_MANAGE = "service:manage";
    public static final String ORGANISATION_MANAGE = "organisation:manage";
    public static final String AUDIT_READ = "audit:read";
    public static final String AUDIT_VERIFY = "audit:verify";
    public static final String REFERENCE_READ = "reference:read";
    public static final String REFERENCE_EDIT = "reference:edit";
    /** Settings of the association's catalogue of measure types (labels, deadlines, tariffs). */
    public static final String CATALOGUE_MANAGE = "catalogue:manage";
    /** Billing to courts: monthly statements (mémoires de frais de justice) and their payment. */
    public static final String BILLING_MANAGE = "billing:manage";
    /** Swagger UI, the interactive API documentation (association administrators). */
    public static final String API_EXPLORE = "api:explore";

    /** An association's public profile in the network directory: submitting changes (admins, directors). */
    public static final String PROFILE_EDIT = "profile:edit";
    /** The federation's validation of the associations' profile changes. */
    public static final String NETWORK_VALIDATE = "network:validate";
    /** Membership applications: reading them and giving the regional opinion (federation staff). */
    public static final String MEMBERSHIP_REVIEW = "membership:review";
    /** Membership applications decided, members' status changed (federation administrators). */
    public static final String MEMBERSHIP_DECIDE = "membership:decide";
    /** The network's bodies and their meetings: members, invitations, attendance, minutes, decisions. */
    public static final String MEETING_MANAGE = "meeting:manage";
    /** The network's resource library: documents published, new versions, access, withdrawal. */
    public static final String LIBRARY_MANAGE = "library:manage";
    /** The network's forum: categories created, posts hidden, threads locked or moved, reports handled. */
    public static final String FORUM_MODERATE = "forum:moderate";
    /** The network's surveys: built, sent to a target, reminded, closed, analysed, exported, published. */
    public static final String SURVEY_MANAGE = "survey:manage";
    /** An association's answer to a survey: prepared (directors, service heads, administrators). */
    public static final String SURVEY_ANSWER = "survey:answer";
    /** An association's answer to a survey: submitted to the federation (the director). */
    public static final String SURVEY_SUBMIT = "survey:submit";
    /** The whole network read by the federation (directory, members). */
    public static final String NETWORK_READ = "network:read";

    private Permissions() {}
}
