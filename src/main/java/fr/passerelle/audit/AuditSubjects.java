package fr.passerelle.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the objects of the audit trail are, told by the module that owns them, so that the audit
 * page shows a reference (and a name, to viewers allowed to read it) with a link rather than a bare
 * identifier, and can find every event about one person. Implemented by the modules that own
 * audited objects (they depend on the audit module, never the reverse). Runs in the viewer's
 * organisation: row-level security limits what it finds.
 */
public interface AuditSubjects {

    /**
     * One described object.
     *
     * @param reference its human reference (a person's or measure's reference)
     * @param name the person's name when the viewer may read it, else null
     * @param link the page showing it when the viewer may open it, else null
     */
    record Subject(String reference, String name, String link) {}

    /** The identifiers, among {@code objectIds} of type {@code objectType}, this module knows, described. */
    Map<String, Subject> describe(String objectType, Collection<String> objectIds);

    /**
     * The audited objects concerning the person with this reference (by object type: the person,
     * their measures, reports...), or an empty map when this module knows no such person.
     */
    Map<String, List<String>> ofPerson(String personReference);
}
