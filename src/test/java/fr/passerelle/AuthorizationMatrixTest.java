package fr.passerelle;

import fr.passerelle.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.PasserelleUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;

/**
 * Every registered endpoint × every role (and anonymous) × own and foreign organisation.
 * Adding an endpoint without adding its line to {@link #MATRIX} fails the build.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** The demo consultation of the public body (published). */
    static final String DEMO_CONSULTATION = "reinsertion-2026";

    /** One line per endpoint: method, path, who may use it, and the path variables for own and foreign data. */
    static final List<Rule> MATRIX = List.of(
            Rule.get("/login").open(),
            Rule.get("/").signedIn(),
            Rule.get("/mfa/enrol").mfaPending(),
            Rule.post("/mfa/enrol").mfaPending(),
            Rule.get("/mfa/verify").mfaPending(),
            Rule.post("/mfa/verify").mfaPending(),
            Rule.get("/mfa/recovery-codes").mfaPending(),
            Rule.post("/mfa/recovery-codes").mfaPending(),
            Rule.get("/login/unlock").open(),
            Rule.post("/login/unlock").open().param("username", "nobody-at-all"),
            Rule.get("/login/unlock/{token}").open().vars(Ids::unknown),
            Rule.post("/login/unlock/{token}").open().vars(Ids::unknown),
            Rule.get("/account/sessions").signedIn(),
            Rule.post("/account/sessions/{id}/sign-out").signedIn().vars(Ids::unknown),
            Rule.post("/account/sessions/sign-out-everywhere").signedIn(),
            Rule.get("/account/password").signedIn(),
            Rule.post("/account/password").signedIn(),
            Rule.get("/admin/users").requires("user:manage"),
            Rule.get("/admin/users/new").requires("user:manage"),
            Rule.post("/admin/users").requires("user:manage"),
            Rule.get("/admin/users/{id}").requires("user:manage").tenant(Ids::ownUser, Ids::foreignUser),
            Rule.post("/admin/users/{id}").requires("user:manage").tenant(Ids::ownUser, Ids::foreignUser),
            Rule.post("/admin/users/{id}/password").requires("user:manage").tenant(Ids::ownUser, Ids::foreignUser),
            Rule.post("/admin/users/{id}/mfa-reset").requires("user:manage").tenant(Ids::ownUser, Ids::foreignUser),
            Rule.get("/admin/services").requires("service:manage"),
            Rule.post("/admin/services").requires("service:manage"),
            Rule.post("/admin/services/{id}/rename").requires("service:manage").tenant(Ids::ownService, Ids::foreignService)
                    .param("name", "Service renommé"),
            Rule.post("/admin/services/{id}/delete").requires("service:manage").tenant(Ids::unknown, Ids::foreignService),
            Rule.get("/admin/organisations").requires("organisation:manage"),
            Rule.get("/admin/organisations/new").requires("organisation:manage"),
            Rule.post("/admin/organisations").requires("organisation:manage"),
            Rule.get("/admin/organisations/{id}").requires("organisation:manage").vars(Ids::anyOrganisation),
            Rule.post("/admin/organisations/{id}").requires("organisation:manage").vars(Ids::anyOrganisation),
            Rule.get("/admin/audit").requires("audit:read"),
            Rule.post("/admin/audit/verify").requires("audit:verify"),
            Rule.get("/reference/courts").requires("reference:read"),
            Rule.get("/observatory/national").requires("observatory:national"),
            Rule.get("/observatory/national/export").requires("observatory:national"),
            Rule.get("/observatory/national/key-figures.pdf").requires("observatory:national"),
            Rule.get("/reference/courts/{code}").requires("reference:edit").vars(p -> "TJ-LYON"),
            Rule.post("/reference/courts/{code}").requires("reference:edit").vars(p -> "TJ-LYON"),
            Rule.get("/caseload").requires("measure:read"),
            Rule.get("/caseload/summary").requires("measure:read"),
            Rule.get("/caseload/urgent-incidents").requires("measure:read"),
            Rule.get("/reports/queue").requires("report:validate|ROLE_DIRECTOR"),
            Rule.get("/reports/queue/summary").requires("report:validate|ROLE_DIRECTOR"),
            Rule.get("/caseload/export").requires("measure:read"),
            Rule.get("/caseload/deadlines").requires("measure:read"),
            // Issue 16 item 3: conventions with partners.
            Rule.get("/partners/conventions").requires("partner:read"),
            Rule.get("/partners/conventions/expiring").requires("partner:read"),
            Rule.get("/partners/conventions/new").requires("partner:manage"),
            Rule.post("/partners/conventions").requires("partner:manage"),
            Rule.get("/partners/conventions/{id}").requires("partner:read").tenant(Ids::ownConvention, Ids::foreignConvention),
            Rule.get("/partners/conventions/{id}/edit").requires("partner:manage").tenant(Ids::ownConvention, Ids::foreignConvention),
            Rule.post("/partners/conventions/{id}").requires("partner:manage").tenant(Ids::ownConvention, Ids::foreignConvention),
            Rule.post("/partners/conventions/{id}/archive").requires("partner:manage")
                    .tenant(Ids::ownConvention, Ids::foreignConvention).param("archived", "false"),
            Rule.post("/partners/conventions/{id}/document").requires("partner:manage")
                    .tenant(Ids::ownConvention, Ids::foreignConvention),
            Rule.get("/partners/conventions/{id}/document").requires("partner:read")
                    .tenant(Ids::ownConvention, Ids::foreignConvention),
            Rule.get("/partners/{id}/conventions").requires("partner:read")
                    .tenant(Ids::ownConventionPartner, Ids::foreignConventionPartner),
            Rule.get("/api/v1/conventions").requires("partner:read"),
            Rule.get("/api/v1/conventions/{id}").requires("partner:read").tenant(Ids::ownConvention, Ids::foreignConvention),
            Rule.get("/agenda").requires("measure:read"),
            Rule.post("/measures/{id}/deadlines").requires("measure:write").tenant(Ids::ownMeasure, Ids::foreignMeasure),
            Rule.post("/reports/{id}/due-date").requires("report:write").tenant(Ids::ownReport, Ids::foreignReport),
            Rule.post("/account/digest").requires("measure:read"),
            Rule.get("/admin/outbox").requires("audit:read"),
            Rule.get("/persons").requires("person:read"),
            Rule.get("/persons/new").requires("person:write"),
            Rule.post("/persons").requires("person:write"),
            Rule.get("/persons/{id}").requires("person:read").tenant(Ids::ownPerson, Ids::foreignPerson),
            Rule.get("/persons/{id}/edit").requires("person:write").tenant(Ids::ownPerson, Ids::foreignPerson),
            Rule.post("/persons/{id}").requires("person:write").tenant(Ids::ownPerson, Ids::foreignPerson),
            Rule.post("/persons/{id}/consents").requires("person:write").tenant(Ids::ownPerson, Ids::foreignPerson),
            Rule.post("/persons/consents/{id}/withdraw").requires("person:write")
                    .tenant(Ids::ownConsent, Ids::foreignConsent),
            Rule.post("/persons/{id}/health").requires("person:health").tenant(Ids::ownPerson, Ids::foreignPerson),
            Rule.get("/persons/{id}/measures/new").requires("measure:write").tenant(Ids::ownPerson, Ids::foreignPerson),
            Rule.post("/persons/{id}/measures").requires("measure:write").tenant(Ids::ownPerson, Ids::foreignPerson),
            Rule.get("/measures/{id}").requires("measure:read").tenant(Ids::ownMeasure, Ids::foreignMeasure),
            Rule.get("/measures/{id}/timeline").requires("measure:read").tenant(Ids::ownMeasure, Ids::foreignMeasure),
            Rule.post("/measures/{id}/transitions").requires("measure:write").tenant(Ids::ownMeasure, Ids::foreignMeasure)
                    .param("action", "SUSPEND"),
            Rule.post("/measures/{id}/appointments").requires("measure:write").tenant(Ids::ownMeasure, Ids::foreignMeasure),
            Rule.post("/appointments/{id}/attendance").requires("measure:write")
                    .tenant(Ids::ownAppointment, Ids::foreignAppointment),
            Rule.post("/measures/{id}/obligations").requires("measure:write").tenant(Ids::ownMeasure, Ids::foreignMeasure),
            Rule.post("/obligations/{id}").requires("measure:write")
                    .tenant(Ids::ownObligation, Ids::foreignObligation).param("status", "MET"),
            Rule.post("/measures/{id}/quantities").requires("measure:write").tenant(Ids::ownMeasure, Ids::foreignMeasure),
            Rule.post("/measures/{id}/incidents").requires("measure:write").tenant(Ids::ownMeasure, Ids::foreignMeasure),
            Rule.post("/incidents/{id}/report").requires("measure:write").tenant(Ids::ownIncident, Ids::foreignIncident),
            Rule.post("/incidents/{id}/incident-report").requires("report:write")
                    .tenant(Ids::ownIncident, Ids::foreignIncident),
            Rule.post("/quantities/{id}").requires("measure:write").tenant(Ids::ownQuantity, Ids::foreignQuantity),
            Rule.post("/quantities/{id}/delete").requires("measure:write").tenant(Ids::ownQuantity, Ids::foreignQuantity),
            Rule.post("/measures/{id}/reports").requires("report:write").tenant(Ids::ownMeasure, Ids::foreignMeasure),
            Rule.get("/reports/{id}").requires("report:write").tenant(Ids::ownReport, Ids::foreignReport),
            Rule.post("/reports/{id}").requires("report:write").tenant(Ids::ownReport, Ids::foreignReport),
            Rule.post("/reports/{id}/moves").requires("report:write").tenant(Ids::ownReport, Ids::foreignReport)
                    .param("move", "SEND"),
            Rule.get("/reports/{id}/pdf").requires("report:write").tenant(Ids::ownReport, Ids::foreignReport),
            Rule.get("/account/calendar").requires("measure:read"),
            Rule.post("/account/calendar").requires("measure:read"),
            Rule.post("/account/calendar/revoke").requires("measure:read"),
            Rule.get("/calendar/{token}.ics").open(),
            Rule.get("/reference/courts-of-appeal").requires("reference:read"),
            // The map of the network's offer: published profiles and courts, public.
            Rule.get("/reseau/carte").open(),
            Rule.get("/reseau/carte/donnees").open(),
            Rule.get("/reference/courts-of-appeal/{code}").requires("reference:edit").vars(p -> "CA-LYON"),
            Rule.post("/reference/courts-of-appeal/{code}").requires("reference:edit").vars(p -> "CA-LYON"),
            // Network directory: an association's public profile, the federation's validation, the public pages.
            Rule.get("/network/profile").requires("profile:edit"),
            Rule.get("/network/profile/edit").requires("profile:edit"),
            Rule.get("/network/profile/fees").requires("profile:edit"),
            Rule.get("/network/profile/fees/{id}/pdf").requires("profile:edit").vars(Ids::unknown),
            Rule.post("/network/profile").requires("profile:edit").param("postcode", "69"),
            Rule.get("/network/changes").requires("network:validate"),
            Rule.get("/network/changes/{id}").requires("network:validate").vars(Ids::anyProfileChange),
            Rule.post("/network/changes/{id}/approve").requires("network:validate").vars(Ids::unknown),
            Rule.post("/network/changes/{id}/reject").requires("network:validate").vars(Ids::unknown)
                    .param("reason", "Adresse à vérifier"),
            Rule.get("/reseau/annuaire").open(),
            // Membership: the public application form, the federation's review, decision and members' status.
            Rule.get("/reseau/adhesion").open(),
            Rule.post("/reseau/adhesion").open().param("name", "Structure").param("siret", "123"),
            Rule.get("/reseau/adhesion/envoyee").open().param("reference", "ADH-2026-0001"),
            Rule.get("/network/membership").requires("membership:review"),
            Rule.get("/network/membership/summary").requires("membership:review"),
            Rule.get("/network/membership/{id}").requires("membership:review").vars(Ids::anyApplication),
            Rule.post("/network/membership/{id}/opinion").requires("membership:review").vars(Ids::unknown)
                    .param("rowVersion", "0").param("opinion", "FAVOURABLE").param("text", "Avis."),
            Rule.post("/network/membership/{id}/decision").requires("membership:decide").vars(Ids::unknown)
                    .param("rowVersion", "0").param("decision", "REFUSE").param("reason", "Motif."),
            Rule.get("/network/members").requires("membership:review"),
            Rule.get("/network/members/{id}").requires("membership:review").vars(Ids::anyAssociation),
            Rule.post("/network/members/{id}/status").requires("membership:decide").vars(Ids::unknown)
                    .param("status", "SUSPENDED").param("since", "2026-01-01").param("reason", "Motif."),
            Rule.post("/network/members/{id}/figures").requires("membership:decide").vars(Ids::unknown)
                    .param("year", "2026").param("annualBudget", "100000").param("staff", "2"),
            // Bodies and meetings: members see their own (row-level security), the federation runs them.
            Rule.get("/network/meetings").signedIn(),
            Rule.get("/network/meetings/upcoming").signedIn(),
            Rule.post("/network/bodies").requires("meeting:manage").param("kind", "WORKING_GROUP").param("name", ""),
            Rule.get("/network/bodies/{id}").signedIn().vars(Ids::unknown),
            Rule.post("/network/bodies/{id}/members").requires("meeting:manage").vars(Ids::unknown)
                    .param("organisationId", UUID.randomUUID().toString()),
            Rule.post("/network/bodies/{id}/members/{userId}/remove").requires("meeting:manage").vars(Ids::unknown),
            Rule.post("/network/bodies/{id}/meetings").requires("meeting:manage").vars(Ids::unknown).param("title", ""),
            Rule.get("/network/meetings/{id}").signedIn().vars(Ids::unknown),
            Rule.post("/network/meetings/{id}/reply").signedIn().vars(Ids::unknown).param("reply", "YES"),
            Rule.post("/network/meetings/{id}/invite").requires("meeting:manage").vars(Ids::unknown),
            Rule.post("/network/meetings/{id}/attendance").requires("meeting:manage").vars(Ids::unknown).param("rowVersion", "0"),
            Rule.post("/network/meetings/{id}/minutes").requires("meeting:manage").vars(Ids::unknown).param("rowVersion", "0")
                    .param("minutes", "Compte rendu."),
            Rule.post("/network/meetings/{id}/decisions").requires("meeting:manage").vars(Ids::unknown).param("text", "D."),
            Rule.post("/network/meetings/{id}/cancel").requires("meeting:manage").vars(Ids::unknown).param("rowVersion", "0"),
            // Resource library: readers by row-level security, the federation's staff keep it; public page open.
            Rule.get("/network/resources").signedIn(),
            Rule.get("/network/resources/new").requires("library:manage"),
            Rule.post("/network/resources").requires("library:manage").param("title", "Guide").param("access", "PUBLIC"),
            Rule.get("/network/resources/{id}").signedIn().vars(Ids::unknown),
            Rule.get("/network/resources/{id}/file").signedIn().vars(Ids::unknown),
            Rule.post("/network/resources/{id}").requires("library:manage").vars(Ids::unknown).param("rowVersion", "0")
                    .param("title", "Guide").param("access", "PUBLIC"),
            Rule.post("/network/resources/{id}/versions").requires("library:manage").vars(Ids::unknown).param("rowVersion", "0"),
            Rule.post("/network/resources/{id}/withdraw").requires("library:manage").vars(Ids::unknown).param("rowVersion", "0")
                    .param("reason", "Périmé."),
            Rule.get("/reseau/ressources").open(),
            Rule.get("/reseau/ressources/{id}/fichier").open().vars(Ids::unknown),
            // Forum: readers and writers by row-level security, the federation's staff moderate.
            Rule.get("/network/forum").signedIn(),
            Rule.post("/network/forum/mail-mode").signedIn().param("mode", ""),
            Rule.post("/network/forum/categories").requires("forum:moderate").param("name", ""),
            Rule.get("/network/forum/categories/{id}").signedIn().vars(Ids::unknown),
            Rule.post("/network/forum/categories/{id}/threads").signedIn().vars(Ids::unknown).param("title", "Sujet"),
            Rule.get("/network/forum/threads/{id}").signedIn().vars(Ids::unknown),
            Rule.post("/network/forum/threads/{id}/posts").signedIn().vars(Ids::unknown).param("body", "Texte"),
            Rule.post("/network/forum/threads/{id}/subscription").signedIn().vars(Ids::unknown),
            Rule.post("/network/forum/posts/{id}/report").signedIn().vars(Ids::unknown)
                    .param("threadId", UUID.randomUUID().toString()).param("reason", "Motif"),
            Rule.post("/network/forum/posts/{id}/hide").requires("forum:moderate").vars(Ids::unknown)
                    .param("threadId", UUID.randomUUID().toString()).param("reason", "Motif"),
            Rule.get("/network/forum/reports").requires("forum:moderate"),
            Rule.post("/network/forum/reports/{id}/dismiss").requires("forum:moderate").vars(Ids::unknown),
            Rule.post("/network/forum/threads/{id}/lock").requires("forum:moderate").vars(Ids::unknown).param("rowVersion", "0")
                    .param("reason", "Motif"),
            Rule.post("/network/forum/threads/{id}/move").requires("forum:moderate").vars(Ids::unknown).param("rowVersion", "0"),
            // Surveys: the federation's staff build and follow them; an association's people answer, its director submits.
            Rule.get("/surveys").requires("survey:manage|survey:answer"),
            Rule.get("/surveys/running").requires("survey:manage|survey:answer"),
            Rule.post("/surveys").requires("survey:manage").param("title", ""),
            Rule.get("/surveys/{id}").requires("survey:manage|survey:answer").vars(Ids::unknown),
            Rule.post("/surveys/{id}").requires("survey:manage").vars(Ids::unknown).param("rowVersion", "0"),
            Rule.post("/surveys/{id}/questions").requires("survey:manage").vars(Ids::unknown).param("label", "Q"),
            Rule.get("/surveys/{id}/questions/{questionId}").requires("survey:manage").vars(u -> UUID.randomUUID().toString()),
            Rule.post("/surveys/{id}/questions/{questionId}").requires("survey:manage").vars(u -> UUID.randomUUID().toString())
                    .param("label", "Q"),
            Rule.post("/surveys/{id}/questions/{questionId}/move").requires("survey:manage")
                    .vars(u -> UUID.randomUUID().toString()).param("up", "true"),
            Rule.post("/surveys/{id}/questions/{questionId}/delete").requires("survey:manage")
                    .vars(u -> UUID.randomUUID().toString()),
            Rule.post("/surveys/{id}/open").requires("survey:manage").vars(Ids::unknown).param("rowVersion", "0"),
            Rule.post("/surveys/{id}/close").requires("survey:manage").vars(Ids::unknown).param("rowVersion", "0"),
            Rule.post("/surveys/{id}/remind").requires("survey:manage").vars(Ids::unknown),
            Rule.post("/surveys/{id}/publish").requires("survey:manage").vars(Ids::unknown),
            Rule.get("/surveys/{id}/results").requires("survey:manage").vars(Ids::unknown),
            Rule.get("/surveys/{id}/export").requires("survey:manage").vars(Ids::unknown),
            Rule.get("/surveys/{id}/answer").requires("survey:answer").vars(Ids::unknown),
            Rule.post("/surveys/{id}/answer").requires("survey:answer").vars(Ids::unknown).param("rowVersion", "-1"),
            Rule.post("/surveys/{id}/answer/reopen").requires("survey:submit").vars(Ids::unknown).param("rowVersion", "0"),
            Rule.get("/reseau/enquetes").open(),
            Rule.get("/reseau/enquetes/{id}").open().vars(Ids::unknown),
            Rule.get("/network/fees").requires("membership:review"),
            Rule.post("/network/fees/rule").requires("membership:decide").param("year", "2099").param("basis", "BUDGET")
                    .param("dueDate", "2099-13-01"),
            Rule.post("/network/fees/issue").requires("membership:decide").param("year", "2098"),
            Rule.post("/network/fees/remind").requires("membership:decide").param("year", "2098"),
            Rule.get("/network/fees/calls/{id}").requires("membership:review").vars(Ids::anyFeeCall),
            Rule.get("/network/fees/calls/{id}/pdf").requires("membership:review").vars(Ids::anyFeeCall),
            Rule.post("/network/fees/calls/{id}/payments").requires("membership:decide").vars(Ids::unknown)
                    .param("paidOn", "2026-01-01").param("amount", "1").param("method", "TRANSFER"),
            Rule.get("/reseau/associations/{id}").open().vars(Ids::anyOrganisation),
            Rule.get("/imports").requires("import:run"),
            Rule.post("/imports").requires("import:run"),
            Rule.get("/imports/export").requires("import:run&person:read&measure:read"),
            Rule.get("/imports/{id}").requires("import:run").tenant(Ids::ownImport, Ids::foreignImport),
            Rule.get("/imports/{id}/progress").requires("import:run").tenant(Ids::ownImport, Ids::foreignImport),
            Rule.post("/imports/{id}/mapping").requires("import:run").tenant(Ids::ownImport, Ids::foreignImport),
            Rule.post("/imports/{id}/commit").requires("import:run").tenant(Ids::ownImport, Ids::foreignImport),
            Rule.post("/imports/{id}/values").requires("import:run").tenant(Ids::ownImport, Ids::foreignImport),
            Rule.post("/imports/choices/forget").requires("import:run").param("field", "STATUS").param("value", "x"),
            Rule.get("/imports/{id}/errors.xlsx").requires("import:run").tenant(Ids::ownImport, Ids::foreignImport),
            // Partners (issue 16): the directory, partnership levels and exchanges.
            Rule.get("/partners").requires("partner:read"),
            Rule.get("/partners/export").requires("partner:read"),
            Rule.get("/partners/new").requires("partner:manage"),
            Rule.post("/partners").requires("partner:manage"),
            Rule.get("/partners/{id}").requires("partner:read").tenant(Ids::ownPartner, Ids::foreignPartner),
            Rule.get("/partners/{id}/edit").requires("partner:manage").tenant(Ids::ownPartner, Ids::foreignPartner),
            Rule.post("/partners/{id}").requires("partner:manage").tenant(Ids::ownPartner, Ids::foreignPartner),
            Rule.post("/partners/{id}/archive").requires("partner:manage").tenant(Ids::unknown, Ids::foreignPartner),
            Rule.post("/partners/{id}/sites").requires("partner:manage").tenant(Ids::unknown, Ids::foreignPartner),
            Rule.post("/partners/sites/{siteId}/delete").requires("partner:manage")
                    .tenant(Ids::unknown, Ids::foreignPartnerSite).param("partnerId", UUID.randomUUID().toString()),
            Rule.post("/partners/{id}/contacts").requires("partner:manage").tenant(Ids::unknown, Ids::foreignPartner),
            Rule.post("/partners/contacts/{contactId}/delete").requires("partner:manage")
                    .tenant(Ids::unknown, Ids::foreignPartnerContact).param("partnerId", UUID.randomUUID().toString()),
            Rule.post("/partners/{id}/levels").requires("partner:manage").tenant(Ids::unknown, Ids::foreignPartner),
            Rule.post("/partners/{id}/exchanges").requires("partner:read").tenant(Ids::unknown, Ids::foreignPartner),
            Rule.get("/partners/exchanges/review").requires("partner:manage"),
            Rule.post("/partners/exchanges/{exchangeId}/reviewed").requires("partner:manage")
                    .tenant(Ids::unknown, Ids::foreignPartnerExchange),
            // Issue 16 item 1: the import of a partner list; editing sites and contacts.
            Rule.get("/partners/import").requires("partner:manage"),
            Rule.post("/partners/import").requires("partner:manage"),
            Rule.get("/partners/import/{id}").requires("partner:manage").tenant(Ids::unknown, Ids::foreignImport),
            Rule.post("/partners/import/{id}/check").requires("partner:manage").tenant(Ids::unknown, Ids::foreignImport),
            Rule.post("/partners/import/{id}/run").requires("partner:manage").tenant(Ids::unknown, Ids::foreignImport),
            Rule.post("/partners/sites/{siteId}").requires("partner:manage").tenant(Ids::unknown, Ids::foreignPartnerSite)
                    .param("partnerId", UUID.randomUUID().toString()).param("name", "Site"),
            Rule.post("/partners/contacts/{contactId}").requires("partner:manage")
                    .tenant(Ids::unknown, Ids::foreignPartnerContact).param("partnerId", UUID.randomUUID().toString())
                    .param("fullName", "Contact"),
            // Issue 16 item 8: the association's partner sites as a private layer of the map.
            Rule.get("/partners/map-layer.json").requires("partner:read"),
            Rule.get("/admin/catalogue").requires("catalogue:manage"),
            Rule.get("/admin/catalogue/{id}").requires("catalogue:manage").tenant(Ids::ownMeasureType, Ids::foreignMeasureType),
            Rule.post("/admin/catalogue/{id}").requires("catalogue:manage").tenant(Ids::ownMeasureType, Ids::foreignMeasureType),
            Rule.post("/admin/catalogue/{id}/active").requires("catalogue:manage")
                    .tenant(Ids::ownMeasureType, Ids::foreignMeasureType).param("active", "true"),
            Rule.post("/admin/catalogue/{id}/delete").requires("catalogue:manage").tenant(Ids::unknown, Ids::foreignMeasureType),
            Rule.post("/admin/catalogue/{id}/tariff/reset").requires("catalogue:manage")
                    .tenant(Ids::unknown, Ids::foreignMeasureType),
            Rule.get("/indicators").requires("indicators:read"),
            Rule.get("/indicators/export").requires("indicators:read"),
            Rule.get("/indicators/key-figures.pdf").requires("indicators:read"),
            Rule.get("/billing").requires("billing:manage"),
            Rule.post("/billing").requires("billing:manage"),
            Rule.get("/billing/{id}").requires("billing:manage").tenant(Ids::ownStatement, Ids::foreignStatement),
            Rule.post("/billing/{id}/regenerate").requires("billing:manage").tenant(Ids::ownStatement, Ids::foreignStatement),
            Rule.post("/billing/{id}/delete").requires("billing:manage").tenant(Ids::unknown, Ids::foreignStatement),
            Rule.post("/billing/{id}/send").requires("billing:manage").tenant(Ids::ownStatement, Ids::foreignStatement),
            Rule.post("/billing/{id}/pay").requires("billing:manage").tenant(Ids::ownStatement, Ids::foreignStatement),
            Rule.get("/billing/{id}/pdf").requires("billing:manage").tenant(Ids::ownStatement, Ids::foreignStatement),
            Rule.get("/billing/{id}/csv").requires("billing:manage").tenant(Ids::ownStatement, Ids::foreignStatement),
            // The good-practice library (issue 17 item 1): everyone reads, the federation writes (unknown
            // sheets for the writes, so that the matrix changes no real sheet).
            Rule.get("/practices").requires("practice:read"),
            Rule.get("/practices/compare").requires("practice:read").param("a", "chantier-passerelle")
                    .param("b", "parcours-citoyen"),
            Rule.get("/practices/new").requires("practice:edit"),
            Rule.post("/practices").requires("practice:edit"),
            Rule.get("/practices/{code}").requires("practice:read").vars(u -> "chantier-passerelle"),
            Rule.get("/practices/{code}/versions").requires("practice:read").vars(u -> "chantier-passerelle"),
            Rule.get("/practices/{code}/versions/{version}").requires("practice:read").vars(u -> "1"),
            Rule.get("/practices/{code}/pdf").requires("practice:read").vars(u -> "chantier-passerelle"),
            Rule.get("/practices/{code}/edit").requires("practice:edit").vars(u -> "chantier-passerelle"),
            Rule.post("/practices/{code}").requires("practice:edit").vars(u -> "no-such-sheet"),
            Rule.post("/practices/{code}/withdraw").requires("practice:edit").vars(u -> "no-such-sheet"),
            Rule.post("/practices/{code}/republish").requires("practice:edit").vars(u -> "no-such-sheet"),
            Rule.get("/practices/proposals").requires("practice:propose|practice:edit"),
            Rule.get("/practices/proposals/new").requires("practice:propose"),
            Rule.post("/practices/proposals").requires("practice:propose"),
            Rule.get("/practices/proposals/{id}").requires("practice:propose|practice:edit").vars(Ids::unknown),
            Rule.post("/practices/proposals/{id}/accept").requires("practice:edit").vars(Ids::unknown),
            Rule.post("/practices/proposals/{id}/refuse").requires("practice:edit").vars(Ids::unknown),
            // Local programmes (issue 17 items 2 to 7): the running organisation only; beneficiaries for the
            // signed members of the group (the demo lead signed the demo programmes).
            Rule.get("/programmes").requires("programme:read"),
            Rule.get("/programmes/new").requires("programme:lead").param("sheet", "chantier-passerelle"),
            Rule.post("/programmes").requires("programme:lead").param("sheet", "no-such-sheet"),
            Rule.get("/programmes/{id}").requires("programme:read").tenant(Ids::ownProgramme, Ids::foreignProgramme),
            Rule.get("/programmes/{id}/edit").requires("programme:lead").tenant(Ids::ownProgramme, Ids::foreignProgramme),
            Rule.post("/programmes/{id}").requires("programme:lead").vars(Ids::unknown),
            Rule.post("/programmes/{id}/close").requires("programme:lead").vars(Ids::unknown),
            Rule.get("/programmes/{id}/group").requires("programme:read").tenant(Ids::ownProgramme, Ids::foreignProgramme),
            Rule.post("/programmes/{id}/members").requires("programme:lead").vars(Ids::unknown),
            Rule.post("/programmes/{id}/members/{member}/leave").requires("programme:lead").vars(Ids::unknown),
            Rule.post("/programmes/{id}/members/{member}/signature").requires("programme:lead").vars(Ids::unknown),
            Rule.post("/programmes/{id}/charter/sign").requires("programme:beneficiaries").vars(Ids::unknown),
            Rule.post("/programmes/{id}/charter").requires("programme:lead").vars(Ids::unknown),
            Rule.post("/programmes/{id}/meetings").requires("programme:lead").vars(Ids::unknown),
            Rule.get("/programmes/{id}/money").requires("programme:read").tenant(Ids::ownProgramme, Ids::foreignProgramme),
            Rule.post("/programmes/{id}/budget").requires("programme:lead").vars(Ids::unknown),
            Rule.post("/programmes/{id}/budget/{line}/delete").requires("programme:lead").vars(Ids::unknown),
            Rule.post("/programmes/{id}/fundings").requires("programme:lead").vars(Ids::unknown),
            Rule.get("/programmes/{id}/indicators").requires("programme:read").tenant(Ids::ownProgramme, Ids::foreignProgramme),
            Rule.get("/programmes/{id}/indicators/export").requires("programme:read")
                    .tenant(Ids::ownProgramme, Ids::foreignProgramme),
            Rule.get("/programmes/{id}/report.pdf").requires("programme:read").tenant(Ids::ownProgramme, Ids::foreignProgramme),
            Rule.get("/programmes/{id}/beneficiaries").requires("programme:beneficiaries")
                    .tenant(Ids::ownProgramme, Ids::foreignProgramme),
            Rule.post("/programmes/{id}/beneficiaries").requires("programme:beneficiaries").vars(Ids::unknown),
            Rule.get("/programmes/{id}/beneficiaries/{beneficiary}").requires("programme:beneficiaries").vars(Ids::unknown),
            Rule.post("/programmes/{id}/beneficiaries/{beneficiary}/decision").requires("programme:beneficiaries").vars(Ids::unknown),
            Rule.post("/programmes/{id}/beneficiaries/{beneficiary}/consent").requires("programme:beneficiaries").vars(Ids::unknown),
            Rule.post("/programmes/{id}/beneficiaries/{beneficiary}/contract").requires("programme:beneficiaries").vars(Ids::unknown),
            Rule.post("/programmes/{id}/beneficiaries/{beneficiary}/contacts").requires("programme:beneficiaries").vars(Ids::unknown),
            Rule.post("/programmes/{id}/beneficiaries/{beneficiary}/orientations").requires("programme:beneficiaries")
                    .vars(Ids::unknown),
            Rule.post("/programmes/{id}/beneficiaries/{beneficiary}/exit").requires("programme:beneficiaries").vars(Ids::unknown),
            Rule.get("/programmes/{id}/sessions").requires("programme:read").tenant(Ids::ownProgramme, Ids::foreignProgramme),
            Rule.post("/programmes/{id}/sessions").requires("programme:lead").vars(Ids::unknown),
            Rule.get("/programmes/{id}/sessions/{session}").requires("programme:beneficiaries").vars(Ids::unknown),
            Rule.post("/programmes/{id}/sessions/{session}").requires("programme:beneficiaries").vars(Ids::unknown),
            Rule.get("/observatory/programmes").requires("programme:network"),
            // Places and bookings of partner sites (issue 16 item 4): partner:manage edits places, case workers book.
            Rule.get("/places").requires("partner:read"),
            Rule.get("/places/sites/{id}").requires("partner:read").tenant(Ids::ownPartnerSite, Ids::foreignPartnerSite),
            Rule.get("/places/sites/{id}/calendar").requires("partner:read")
                    .tenant(Ids::ownPartnerSite, Ids::foreignPartnerSite),
            Rule.post("/places/sites/{id}/places").requires("partner:manage")
                    .tenant(Ids::ownPartnerSite, Ids::foreignPartnerSite),
            Rule.post("/places/{id}").requires("partner:manage").tenant(Ids::ownPlace, Ids::foreignPlace),
            Rule.post("/places/{id}/archive").requires("partner:manage").tenant(Ids::unknown, Ids::foreignPlace),
            Rule.post("/places/{id}/convention").requires("partner:manage").tenant(Ids::unknown, Ids::foreignPlace),
            Rule.post("/places/{id}/out-of-service").requires("partner:manage").tenant(Ids::ownPlace, Ids::foreignPlace),
            Rule.post("/places/out-of-service/{id}/delete").requires("partner:manage").vars(Ids::unknown),
            Rule.get("/places/{id}/book").requires("partner:read&measure:write").tenant(Ids::ownPlace, Ids::foreignPlace),
            Rule.post("/places/{id}/book").requires("partner:read&measure:write").tenant(Ids::ownPlace, Ids::foreignPlace),
            Rule.get("/bookings/{id}").requires("partner:read&measure:read").tenant(Ids::ownBooking, Ids::foreignBooking),
            Rule.post("/bookings/{id}/transitions").requires("partner:read&measure:write")
                    .tenant(Ids::ownBooking, Ids::foreignBooking),
            // Orientations of persons to partners (issue 16 item 6): reading names the person, sending writes for them.
            Rule.get("/referrals").requires("partner:read&person:read"),
            Rule.get("/referrals/new").requires("partner:read&person:write"),
            Rule.get("/referrals/of-person/{id}").requires("partner:read&person:read").tenant(Ids::ownPerson, Ids::foreignPerson),
            Rule.post("/referrals").requires("partner:read&person:write"),
            Rule.get("/referrals/{id}").requires("partner:read&person:read").tenant(Ids::ownReferral, Ids::foreignReferral),
            // The PDF of a referral sharing health also needs person:health: an unknown id keeps the line role-only.
            Rule.get("/referrals/{id}/document").requires("partner:read&person:read")
                    .tenant(Ids::unknown, Ids::foreignReferral),
            Rule.post("/referrals/{id}/transitions").requires("partner:read&person:write")
                    .tenant(Ids::ownReferral, Ids::foreignReferral),
            Rule.get("/api/v1/referrals").requires("partner:read&person:read"),
            Rule.post("/api/v1/referrals").requires("partner:read&person:write").json("{}"),
            Rule.get("/api/v1/referrals/figures").requires("partner:read").param("from", "2026-01-01")
                    .param("until", "2026-06-30"),
            Rule.get("/api/v1/referrals/{id}").requires("partner:read&person:read")
                    .tenant(Ids::ownReferral, Ids::foreignReferral),
            Rule.post("/api/v1/referrals/{id}/transitions").requires("partner:read&person:write")
                    .tenant(Ids::ownReferral, Ids::foreignReferral).json("{}"),
            // Issue 16 item 9: places and bookings over the REST API, with the pages' permissions.
            Rule.get("/api/v1/places/sites/{id}").requires("partner:read").tenant(Ids::ownPartnerSite, Ids::foreignPartnerSite),
            Rule.get("/api/v1/places/sites/{id}/calendar").requires("partner:read")
                    .tenant(Ids::ownPartnerSite, Ids::foreignPartnerSite),
            Rule.get("/api/v1/places/search").requires("partner:read"),
            Rule.get("/api/v1/bookings").requires("partner:read&measure:read"),
            Rule.post("/api/v1/bookings").requires("partner:read&measure:write").json("{}"),
            Rule.get("/api/v1/bookings/{id}").requires("partner:read&measure:read").tenant(Ids::ownBooking, Ids::foreignBooking),
            Rule.post("/api/v1/bookings/{id}/confirm").requires("partner:read&measure:write")
                    .tenant(Ids::unknown, Ids::foreignBooking),
            Rule.post("/api/v1/bookings/{id}/arrival").requires("partner:read&measure:write")
                    .tenant(Ids::unknown, Ids::foreignBooking).json("{}"),
            Rule.post("/api/v1/bookings/{id}/no-show").requires("partner:read&measure:write")
                    .tenant(Ids::unknown, Ids::foreignBooking).json("{}"),
            Rule.post("/api/v1/bookings/{id}/departure").requires("partner:read&measure:write")
                    .tenant(Ids::unknown, Ids::foreignBooking).json("{}"),
            Rule.post("/api/v1/bookings/{id}/extension").requires("partner:read&measure:write")
                    .tenant(Ids::unknown, Ids::foreignBooking).json("{}"),
            Rule.post("/api/v1/bookings/{id}/cancellation").requires("partner:read&measure:write")
                    .tenant(Ids::unknown, Ids::foreignBooking).json("{}"),
            Rule.post("/api/v1/bookings/{id}/absences").requires("partner:read&measure:write")
                    .tenant(Ids::unknown, Ids::foreignBooking).json("{}"),
            // Personal API tokens and the REST API (session-authenticated here; see ApiTest for bearer tokens).
            Rule.get("/account/tokens").signedIn(),
            Rule.post("/account/tokens").signedIn(),
            Rule.post("/account/tokens/{id}/revoke").signedIn().vars(Ids::unknown),
            Rule.get("/v3/api-docs").signedIn(),
            Rule.get("/v3/api-docs.yaml").signedIn(),
            Rule.get("/v3/api-docs/swagger-config").signedIn(),
            Rule.get("/swagger-ui.html").requires("api:explore"),
            Rule.get("/api/v1/persons").requires("person:read"),
            Rule.post("/api/v1/persons").requires("person:write").json("{}"),
            Rule.get("/api/v1/persons/{id}").requires("person:read").tenant(Ids::ownPerson, Ids::foreignPerson),
            Rule.put("/api/v1/persons/{id}").requires("person:write").tenant(Ids::ownPerson, Ids::foreignPerson)
                    .json("{\"lastName\":\"Matrice\",\"firstName\":\"Test\"}"),
            Rule.put("/api/v1/persons/{id}/health").requires("person:health").tenant(Ids::ownPerson, Ids::foreignPerson)
                    .json("{\"healthNotes\":\"Suivi\"}"),
            Rule.get("/api/v1/partners").requires("partner:read"),
            Rule.get("/api/v1/partners/{id}").requires("partner:read").tenant(Ids::ownPartner, Ids::foreignPartner),
            Rule.get("/api/v1/measures").requires("measure:read"),
            Rule.post("/api/v1/measures").requires("measure:write").json("{}"),
            Rule.get("/api/v1/measures/{id}").requires("measure:read").tenant(Ids::ownMeasure, Ids::foreignMeasure),
            Rule.get("/api/v1/measures/{id}/timeline").requires("measure:read").tenant(Ids::ownMeasure, Ids::foreignMeasure),
            Rule.post("/api/v1/measures/{id}/actions").requires("measure:write")
                    .tenant(Ids::ownMeasure, Ids::foreignMeasure).json("{\"action\":\"SUSPEND\"}"),
            Rule.get("/api/v1/measures/{id}/appointments").requires("measure:read")
                    .tenant(Ids::ownMeasure, Ids::foreignMeasure),
            Rule.post("/api/v1/measures/{id}/appointments").requires("measure:write")
                    .tenant(Ids::ownMeasure, Ids::foreignMeasure).json("{}"),
            Rule.get("/api/v1/appointments/{id}").requires("measure:read")
                    .tenant(Ids::ownAppointment, Ids::foreignAppointment),
            Rule.post("/api/v1/appointments/{id}/attendance").requires("measure:write")
                    .tenant(Ids::ownAppointment, Ids::foreignAppointment).json("{\"attendance\":\"PRESENT\"}"),
            Rule.get("/api/v1/measures/{id}/reports").requires("report:write").tenant(Ids::ownMeasure, Ids::foreignMeasure),
            Rule.post("/api/v1/measures/{id}/reports").requires("report:write")
                    .tenant(Ids::ownMeasure, Ids::foreignMeasure).json("{\"kind\":\"STAGE\"}"),
            Rule.get("/api/v1/reports/{id}").requires("report:write").tenant(Ids::ownReport, Ids::foreignReport),
            Rule.put("/api/v1/reports/{id}/text").requires("report:write").tenant(Ids::ownReport, Ids::foreignReport)
                    .json("{\"body\":\"Texte\"}"),
            Rule.post("/api/v1/reports/{id}/moves").requires("report:write").tenant(Ids::ownReport, Ids::foreignReport)
                    .json("{\"move\":\"SEND\"}"),
            Rule.get("/api/v1/reports/{id}/pdf").requires("report:write").tenant(Ids::ownReport, Ids::foreignReport),
            // Consultation: the organiser's pages, then the public pages (no account needed).
            Rule.get("/consultations").requires("consultation:manage"),
            Rule.get("/consultations/new").requires("consultation:manage"),
            Rule.post("/consultations").requires("consultation:manage"),
            Rule.get("/consultations/{id}").requires("consultation:manage")
                    .tenant(Ids::ownConsultation, Ids::foreignConsultation),
            Rule.post("/consultations/{id}").requires("consultation:manage")
                    .tenant(Ids::ownConsultation, Ids::foreignConsultation),
            Rule.post("/consultations/{id}/publish").requires("consultation:manage")
                    .tenant(Ids::ownConsultation, Ids::foreignConsultation),
            Rule.post("/consultations/{id}/close").requires("consultation:manage")
                    .tenant(Ids::unknown, Ids::foreignConsultation),
            Rule.post("/consultations/{id}/publish-results").requires("consultation:manage")
                    .tenant(Ids::unknown, Ids::foreignConsultation),
            // Consultation: moderation, results and analysis (organisers have consultation:analyse too).
            Rule.get("/moderation").requires("consultation:moderate"),
            Rule.get("/moderation/{id}").requires("consultation:moderate")
                    .tenant(Ids::ownConsultation, Ids::foreignConsultation),
            Rule.post("/moderation/{id}/next").requires("consultation:moderate")
                    .tenant(Ids::unknown, Ids::foreignConsultation),
            Rule.post("/moderation/{id}/bulk").requires("consultation:moderate")
                    .tenant(Ids::unknown, Ids::foreignConsultation).param("decision", "POSTPONE"),
            Rule.get("/moderation/proposals/{proposalId}").requires("consultation:moderate")
                    .tenant(Ids::ownProposal, Ids::foreignProposal),
            Rule.post("/moderation/proposals/{proposalId}/lock").requires("consultation:moderate")
                    .tenant(Ids::ownProposal, Ids::foreignProposal),
            Rule.post("/moderation/proposals/{proposalId}/accept").requires("consultation:moderate")
                    .tenant(Ids::unknown, Ids::foreignProposal),
            Rule.post("/moderation/proposals/{proposalId}/refuse").requires("consultation:moderate")
                    .tenant(Ids::unknown, Ids::foreignProposal).param("reason", "OFF_TOPIC"),
            Rule.post("/moderation/proposals/{proposalId}/postpone").requires("consultation:moderate")
                    .tenant(Ids::unknown, Ids::foreignProposal),
            Rule.post("/moderation/proposals/{proposalId}/themes").requires("consultation:moderate")
                    .tenant(Ids::unknown, Ids::foreignProposal),
            Rule.get("/results").requires("consultation:analyse"),
            Rule.get("/consultations/{id}/results").requires("consultation:analyse")
                    .tenant(Ids::ownConsultation, Ids::foreignConsultation),
            Rule.post("/consultations/{id}/analysis").requires("consultation:analyse")
                    .tenant(Ids::unknown, Ids::foreignConsultation),
            Rule.get("/consultations/{id}/analysis/progress").requires("consultation:analyse")
                    .tenant(Ids::ownConsultation, Ids::foreignConsultation),
            Rule.get("/consultations/{id}/results/proposals.csv").requires("consultation:analyse")
                    .tenant(Ids::ownConsultation, Ids::foreignConsultation),
            Rule.get("/consultations/{id}/results/votes.csv").requires("consultation:analyse")
                    .tenant(Ids::ownConsultation, Ids::foreignConsultation),
            Rule.get("/consultations/{id}/results/report.pdf").requires("consultation:analyse")
                    .tenant(Ids::ownConsultation, Ids::foreignConsultation),
            Rule.get("/consultations/{id}/workshops").requires("consultation:manage")
                    .tenant(Ids::ownConsultation, Ids::foreignConsultation),
            Rule.post("/consultations/{id}/workshops/ideas").requires("consultation:manage")
                    .tenant(Ids::unknown, Ids::foreignConsultation),
            Rule.post("/consultations/{id}/workshops/sessions").requires("consultation:manage")
                    .tenant(Ids::unknown, Ids::foreignConsultation),
            Rule.post("/consultations/{id}/workshops/sessions/{sessionId}/invite").requires("consultation:manage")
                    .tenant(Ids::unknown, Ids::foreignConsultation),
            Rule.post("/consultations/{id}/workshops/sheets").requires("consultation:manage")
                    .tenant(Ids::unknown, Ids::foreignConsultation),
            Rule.get("/consultations/{id}/workshops/sheets.csv").requires("consultation:manage")
                    .tenant(Ids::ownConsultation, Ids::foreignConsultation),
            Rule.post("/consultations/{id}/workshops/sessions/{sessionId}").requires("consultation:manage")
                    .tenant(Ids::unknown, Ids::foreignConsultation),
            Rule.post("/consultations/{id}/workshops/sessions/{sessionId}/cancel").requires("consultation:manage")
                    .tenant(Ids::unknown, Ids::foreignConsultation),
            Rule.get("/consultations/{id}/workshops/sheets.pdf").requires("consultation:manage")
                    .tenant(Ids::ownConsultation, Ids::foreignConsultation),
            Rule.get("/consultations/{id}/workshops/sheets/{sheetId}.pdf").requires("consultation:manage")
                    .tenant(Ids::ownConsultation, Ids::foreignConsultation),
            Rule.get("/c/{slug}/results").open().vars(p -> DEMO_CONSULTATION),
            Rule.get("/c/{slug}").open().vars(p -> DEMO_CONSULTATION),
            Rule.get("/c/{slug}/propose").open().vars(p -> DEMO_CONSULTATION),
            Rule.post("/c/{slug}/propose").open().vars(p -> DEMO_CONSULTATION),
            Rule.get("/c/{slug}/propose/done").open().vars(p -> DEMO_CONSULTATION),
            Rule.get("/c/{slug}/mine").open().vars(p -> DEMO_CONSULTATION),
            Rule.get("/c/{slug}/vote").open().vars(p -> DEMO_CONSULTATION),
            Rule.post("/c/{slug}/vote").open().vars(p -> DEMO_CONSULTATION),
            Rule.post("/c/{slug}/qualify").open().vars(p -> DEMO_CONSULTATION),
            Rule.get("/c/{slug}/profile").open().vars(p -> DEMO_CONSULTATION),
            Rule.post("/c/{slug}/profile").open().vars(p -> DEMO_CONSULTATION),
            Rule.get("/c/{slug}/sequence.json").open().vars(p -> DEMO_CONSULTATION),
            Rule.post("/c/{slug}/votes").open().vars(p -> DEMO_CONSULTATION).json("{}"),
            Rule.post("/c/{slug}/proof").open().vars(p -> DEMO_CONSULTATION).json("{}"));

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    List<RouterFunctionMapping> routerMappings;

    /** Lists "METHOD /path" for each route of a router function. */
    private record RouteLister(Set<String> registered) implements RouterFunctions.Visitor {
        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
            Set<String> methods = new TreeSet<>();
            Set<String> paths = new TreeSet<>();
            predicate.accept(new RequestPredicates.Visitor() {
                @Override public void method(Set<org.springframework.http.HttpMethod> m) {
                    m.forEach(x -> methods.add(x.name()));
                }
                @Override public void path(String pattern) {
                    paths.add(pattern);
                }
                @Override public void pathExtension(String extension) {}
                @Override public void header(String name, String value) {}
                @Override public void param(String name, String value) {}
                @Override public void version(String version) {}
                @Override public void startAnd() {}
                @Override public void and() {}
                @Override public void endAnd() {}
                @Override public void startOr() {}
                @Override public void or() {}
                @Override public void endOr() {}
                @Override public void startNegate() {}
                @Override public void endNegate() {}
                @Override public void unknown(RequestPredicate p) {}
            });
            methods.forEach(m -> paths.forEach(p -> registered.add(m + " " + p)));
        }

        @Override public void resources(java.util.function.Function<org.springframework.web.servlet.function.ServerRequest, java.util.Optional<org.springframework.core.io.Resource>> lookup) {}
        @Override public void attributes(Map<String, Object> attributes) {}
        @Override public void startNested(RequestPredicate predicate) {}
        @Override public void endNested(RequestPredicate predicate) {}
        @Override public void unknown(RouterFunction<?> routerFunction) {}
    }

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    static Ids ids;
    final Map<String, PasserelleUser> principals = new LinkedHashMap<>();

    @BeforeAll
    void givenOneDemoAccountPerRole() {
        for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
            if (!account.username().equals("intervenant.mfa")) {
                principals.put(account.username(), (PasserelleUser) users.loadUserByUsername(account.username()));
            }
        }
        ids = new Ids(jdbc, tx, principals);
        givenAPersonWithAMeasureInEachAssociationOfTheDemoAccounts();
    }

    @Autowired
    fr.passerelle.measures.Persons persons;

    @Autowired
    fr.passerelle.measures.Measures measures;

    @Autowired
    fr.passerelle.measures.MeasureCatalogue catalogue;

    @Autowired
    fr.passerelle.measures.Appointments appointments;

    @Autowired
    fr.passerelle.measures.FollowUp followUp;

    @Autowired
    fr.passerelle.measures.Reports reports;

    @Autowired
    fr.passerelle.measures.Billing billing;

    private void givenAPersonWithAMeasureInEachAssociationOfTheDemoAccounts() {
        principals.values().stream().filter(p -> p.organisationKind() == fr.passerelle.identity.OrganisationKind.ASSOCIATION)
                .map(PasserelleUser::organisationId).distinct().forEach(org -> fr.passerelle.shared.TenantContext.runAs(org, () -> {
                    UUID person = persons.create(new fr.passerelle.measures.Persons.PersonData("Matrice", "Test " + org,
                            java.time.LocalDate.of(1990, 1, 1), "X", null, null, null, null, null, null, null), true);
                    UUID measure = measures.create(person, new fr.passerelle.measures.Measures.Mandate(
                            catalogue.types().get(0).id(), "TJ-LYON", "PARQUET", null, null, null,
                            java.time.LocalDate.now(TestDates.PARIS), null));
                    followUp.addObligation(measure, "Obligation de soins");
                    tx.executeWithoutResult(s -> jdbc.sql("""
                            insert into measure_quantity_entry (id, organisation_id, measure_id, entry_date, quantity)
                            values (?, ?, ?, ?, 1)""")
                            .params(UUID.randomUUID(), org, measure, java.time.LocalDate.now(TestDates.PARIS)).update());
                    persons.addConsent(person, "Échange d'informations", "CSAPA", java.time.LocalDate.now(TestDates.PARIS));
                    SecurityContextHolder.getContext().setAuthentication(
                            new UsernamePasswordAuthenticationToken("matrix-setup", null,
                                    List.of(new SimpleGrantedAuthority("report:write"))));
                    reports.create(measure, fr.passerelle.measures.ReportKind.INITIAL);
                    SecurityContextHolder.getContext().setAuthentication(
                            new UsernamePasswordAuthenticationToken("matrix-setup", null,
                                    List.of(new SimpleGrantedAuthority("billing:manage"))));
                    givenADraftStatement();
                    SecurityContextHolder.clearContext();
                    followUp.recordIncident(measure, java.time.LocalDate.now(TestDates.PARIS), fr.passerelle.measures.IncidentKind.ABSENCE,
                            "Absent à la convocation");
                    appointments.schedule(measure, new fr.passerelle.measures.Appointments.Schedule(
                            java.time.LocalDateTime.now(TestDates.PARIS).plusDays(1), 60, fr.passerelle.measures.AppointmentKind.OFFICE, null));
                    UUID consultation = UUID.randomUUID();
                    UUID participant = UUID.randomUUID();
                    tx.executeWithoutResult(s -> {
                        jdbc.sql("""
                                insert into consultation (id, organisation_id, slug, question)
                                values (?, ?, ?, 'Une consultation d’une autre organisation ?')""")
                                .param(consultation).param(org).param("matrice-" + UUID.randomUUID()).update();
                        jdbc.sql("insert into consultation_participant (id, organisation_id, consultation_id) values (?, ?, ?)")
                                .params(participant, org, consultation).update();
                        jdbc.sql("""
                                insert into consultation_proposal (id, organisation_id, consultation_id, participant_id,
                                                                   author_email, text)
                                values (?, ?, ?, ?, 'auteur@exemple.org', 'Il faut une proposition d’une autre organisation')""")
                                .params(UUID.randomUUID(), org, consultation, participant).update();
                    });
                    tx.executeWithoutResult(s -> jdbc.sql("""
                            insert into import_job (id, organisation_id, file_name, file_format, file_size, charset,
                                                    separator, headers, status)
                            values (?, ?, 'matrice.csv', 'CSV', 10, 'UTF-8', ';', '["Nom", "Prénom"]', 'UPLOADED')""")
                            .param(UUID.randomUUID()).param(org).update());
                }));
    }

    /** An empty draft statement (an old month, so that it takes no measure other tests may bill). */
    private void givenADraftStatement() {
        try {
            billing.generate("TJ-LYON", java.time.YearMonth.of(2020, 1));
        } catch (fr.passerelle.shared.BusinessException alreadyThere) {
            // Another run of the fixture in the same database made it already.
        }
    }

    @Test
    void everyRegisteredEndpointIsInTheMatrix() {
        Set<String> registered = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of("GET") : info.getMethodsCondition().getMethods().stream().map(Enum::name)
                            .collect(java.util.stream.Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/error")) {
                    methods.forEach(m -> registered.add(m + " " + pattern));
                }
            }
        }
        // Functional routes (served by their own handler mappings) count as endpoints too.
        for (RouterFunctionMapping mapping : routerMappings) {
            if (mapping.getRouterFunction() != null) {
                mapping.getRouterFunction().accept(new RouteLister(registered));
            }
        }
        Set<String> covered = new TreeSet<>();
        MATRIX.forEach(rule -> covered.add(rule.method().name() + " " + rule.path()));
        assertThat(covered).as("endpoints in the authorization matrix").containsAll(registered);
        assertThat(registered).as("matrix lines that match no endpoint").containsAll(covered);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAgainstEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : MATRIX) {
            tests.add(DynamicTest.dynamicTest(rule + " as anonymous", () -> checkAnonymous(rule)));
            for (Map.Entry<String, PasserelleUser> entry : principals.entrySet()) {
                tests.add(DynamicTest.dynamicTest(rule + " as " + entry.getKey(), () -> checkSignedIn(rule, entry.getValue())));
            }
            if (rule.foreign() != null) {
                principals.values().stream().filter(p -> rule.permits(p, false)).forEach(p -> tests.add(
                        DynamicTest.dynamicTest(rule + " foreign data as " + p.getUsername(), () -> checkForeign(rule, p))));
            }
            if (rule.method() != HttpMethod.GET && rule.access() != Access.OPEN) {
                tests.add(DynamicTest.dynamicTest(rule + " without CSRF token", () -> checkCsrf(rule)));
            }
        }
        return tests.stream();
    }

    @Test
    void prometheusMetricsAnswerOnlyLocalClients() throws Exception {
        assertThat(mvc.perform(request(HttpMethod.GET, "/actuator/prometheus").with(r -> {
            r.setRemoteAddr("203.0.113.9");
            return r;
        })).andReturn().getResponse().getStatus()).isIn(302, 403);
        assertThat(mvc.perform(request(HttpMethod.GET, "/actuator/prometheus")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(request(HttpMethod.GET, "/actuator/health/readiness")).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    private void checkAnonymous(Rule rule) throws Exception {
        MvcResult result = perform(rule, null, rule.ownPath(null), true);
        if (rule.access() == Access.OPEN) {
            assertThat(result.getResponse().getStatus()).isNotIn(401, 403).isLessThan(500);
            assertThat(String.valueOf(result.getResponse().getRedirectedUrl())).doesNotContain("/login");
        } else if (rule.api()) {
            assertThat(result.getResponse().getStatus()).as("the API answers, never redirects").isEqualTo(401);
            assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        } else {
            assertRedirectsTo(result, "/login");
        }
    }

    private void checkSignedIn(Rule rule, PasserelleUser user) throws Exception {
        MvcResult result = perform(rule, user, rule.ownPath(user), true);
        int status = result.getResponse().getStatus();
        if (rule.permits(user, false)) {
            assertThat(status).as("status for an allowed user").isNotIn(401, 403).isLessThan(500);
            assertThat(String.valueOf(result.getResponse().getRedirectedUrl())).doesNotContain("/login", "/mfa");
        } else {
            assertThat(status).as("status for a user without the right").isEqualTo(403);
        }
    }

    private void checkForeign(Rule rule, PasserelleUser user) throws Exception {
        MvcResult result = perform(rule, user, rule.foreignPath(user), true);
        assertThat(result.getResponse().getStatus()).as("another organisation's data").isEqualTo(404);
    }

    private void checkCsrf(Rule rule) throws Exception {
        PasserelleUser allowed = principals.values().stream().filter(p -> rule.permits(p, false)).findFirst()
                .orElse(principals.values().iterator().next());
        MvcResult result = perform(rule, allowed, rule.ownPath(allowed), false);
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
    }

    private MvcResult perform(Rule rule, PasserelleUser user, String path, boolean withCsrf) throws Exception {
        MockHttpServletRequestBuilder request = request(rule.method(), path);
        rule.params().forEach(request::param);
        if (rule.json() != null) {
            request.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(rule.json());
        }
        if (withCsrf) {
            request.with(csrf());
        }
        if (user != null) {
            // Loaded afresh: an earlier line (a second factor reset of oneself) may have ended the sessions
            // opened with the account as it was (its security stamp).
            PasserelleUser current = (PasserelleUser) users.loadUserByUsername(user.getUsername());
            Authentication auth = UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities());
            request.with(authentication(auth));
        }
        return mvc.perform(request).andReturn();
    }

    private static void assertRedirectsTo(MvcResult result, String target) {
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith(target);
    }

    // ----- The role -> permission table, pinned (issue 14, item 17) -----
    // The matrix above asks each demo account whether it holds a permission, and those permissions
    // come from the database. So the roles' grants are written here and compared with the database:
    // a migration that grants or revokes a permission fails this test until the table below says so.

    /**
     * Every role and exactly the permissions it grants. A migration that adds a permission to a role
     * (or a new role) must add it here too, in the same change; a grant nobody wrote here is a
     * failure, not a detail (e.g. {@code person:health} to a role that must not read health details).
     */
    static final Map<String, Set<String>> ROLE_PERMISSIONS = Map.ofEntries(
            Map.entry("CASE_WORKER", Set.of("measure:read", "measure:write", "partner:read", "person:health", "person:read",
                    "person:write", "practice:read", "programme:beneficiaries", "programme:read", "reference:read",
                    "report:write")),
            Map.entry("SERVICE_HEAD", Set.of("import:run", "indicators:read", "measure:assign", "measure:read", "survey:answer",
                    "measure:write", "partner:manage", "partner:read", "person:health", "person:read", "person:write", "practice:propose",
                    "practice:read", "programme:beneficiaries", "programme:lead", "programme:read", "reference:read",
                    "report:validate", "report:write")),
            Map.entry("DIRECTOR", Set.of("billing:manage", "catalogue:manage", "indicators:association", "survey:answer",
                    "survey:submit",
                    "indicators:read", "measure:assign", "measure:read", "partner:manage", "partner:read", "person:read",
                    "practice:propose", "practice:read", "profile:edit", "programme:lead", "programme:read",
                    "reference:read")),
            Map.entry("ASSOCIATION_ADMIN", Set.of("api:explore", "audit:read", "audit:verify", "catalogue:manage", "survey:answer",
                    "import:run", "practice:read", "profile:edit", "reference:read", "service:manage", "user:manage")),
            Map.entry("FEDERATION_STAFF", Set.of("forum:moderate", "library:manage", "meeting:manage", "survey:manage", "membership:review", "network:read", "network:validate", "observatory:national",
                    "practice:edit", "practice:read", "programme:network", "reference:read")),
            Map.entry("FEDERATION_ADMIN", Set.of("audit:read", "audit:verify", "forum:moderate", "library:manage", "meeting:manage",
                    "survey:manage", "membership:decide",
                    "membership:review",
                    "network:read", "network:validate",
                    "observatory:national", "organisation:manage", "practice:edit", "practice:read", "programme:network",
                    "reference:edit",
                    "reference:read", "user:manage")),
            Map.entry("CONSULTATION_ORGANISER", Set.of("audit:read", "consultation:analyse", "consultation:manage",
                    "practice:read", "user:manage")),
            Map.entry("MODERATOR", Set.of("consultation:moderate")),
            Map.entry("ANALYST", Set.of("consultation:analyse", "practice:read")),
            Map.entry("PARTICIPANT", Set.of("consultation:participate")),
            Map.entry("PROGRAMME_LEAD", Set.of("practice:propose", "practice:read", "programme:beneficiaries",
                    "programme:lead", "programme:read")),
            Map.entry("LOCAL_AUTHORITY_ADMIN", Set.of("audit:read", "audit:verify", "practice:read", "programme:read",
                    "user:manage")));

    @Test
    void everyRoleGrantsExactlyThePinnedPermissions() {
        Map<String, Set<String>> granted = new java.util.TreeMap<>();
        jdbc.sql("select r.code, rp.permission from role r left join role_permission rp on rp.role_code = r.code")
                .query((rs, row) -> {
                    Set<String> permissions = granted.computeIfAbsent(rs.getString(1), role -> new TreeSet<>());
                    if (rs.getString(2) != null) {
                        permissions.add(rs.getString(2));
                    }
                    return row;
                }).list();

        List<String> differences = grantsDifferences(ROLE_PERMISSIONS, granted);

        assertThat(differences).as(String.join("\n", differences)).isEmpty();
    }

    @Test
    void everyDemoAccountHoldsThePinnedPermissionsOfItsRoles() {
        for (PasserelleUser user : principals.values()) {
            Set<String> pinned = new TreeSet<>();
            user.roles().forEach(role -> pinned.addAll(ROLE_PERMISSIONS.getOrDefault(role, Set.of())));
            assertThat(new TreeSet<>(user.permissions())).as(user.getUsername() + " " + user.roles()).isEqualTo(pinned);
        }
    }

    @Test
    void aGrantThatIsNotPinnedIsReportedWithWhatToDo() {
        Map<String, Set<String>> granted = new java.util.TreeMap<>(ROLE_PERMISSIONS);
        granted.put("PARTICIPANT", Set.of("consultation:participate", "person:health"));
        granted.put("ANALYST", Set.of());
        granted.put("AUDITOR", Set.of("audit:read"));

        assertThat(grantsDifferences(ROLE_PERMISSIONS, granted)).containsExactly(
                "ANALYST: consultation:analyse is pinned here but not granted by the database",
                "ANALYST: practice:read is pinned here but not granted by the database",
                "AUDITOR: audit:read is granted by the database but not pinned here",
                "PARTICIPANT: person:health is granted by the database but not pinned here",
                ROLE_PERMISSIONS_HELP);
    }

    static final String ROLE_PERMISSIONS_HELP = "If a migration meant this change, write it in"
            + " AuthorizationMatrixTest.ROLE_PERMISSIONS (one entry per role, its permissions in a Set.of)"
            + " and give the endpoints it opens their lines in MATRIX; otherwise the migration grants too much.";

    /** One line per grant that the database and the pinned table disagree on, then what to do. */
    static List<String> grantsDifferences(Map<String, Set<String>> pinned, Map<String, Set<String>> granted) {
        Set<String> roles = new TreeSet<>(pinned.keySet());
        roles.addAll(granted.keySet());
        List<String> differences = new ArrayList<>();
        for (String role : roles) {
            Set<String> expected = pinned.getOrDefault(role, Set.of());
            Set<String> actual = granted.getOrDefault(role, Set.of());
            new TreeSet<>(actual).stream().filter(p -> !expected.contains(p)).forEach(p -> differences.add(
                    role + ": " + p + " is granted by the database but not pinned here"));
            new TreeSet<>(expected).stream().filter(p -> !actual.contains(p)).forEach(p -> differences.add(
                    role + ": " + p + " is pinned here but not granted by the database"));
        }
        if (!differences.isEmpty()) {
            differences.add(ROLE_PERMISSIONS_HELP);
        }
        return differences;
    }

    /** Who may use an endpoint. */
    enum Access { OPEN, SIGNED_IN, MFA_PENDING, PERMISSION }

    /** One line of the matrix. */
    record Rule(HttpMethod method, String path, Access access, String permission,
            Function<PasserelleUser, String> own, Function<PasserelleUser, String> foreign, Map<String, String> params,
            String json) {

        static Rule get(String path) {
            return new Rule(HttpMethod.GET, path, Access.SIGNED_IN, null, null, null, Map.of(), null);
        }

        static Rule post(String path) {
            return new Rule(HttpMethod.POST, path, Access.SIGNED_IN, null, null, null, Map.of(), null);
        }

        static Rule put(String path) {
            return new Rule(HttpMethod.PUT, path, Access.SIGNED_IN, null, null, null, Map.of(), null);
        }

        /** A JSON request body (REST API), valid enough that a refusal of the input does not hide the check. */
        Rule json(String body) {
            return new Rule(method, path, access, permission, own, foreign, params, body);
        }

        boolean api() {
            return path.startsWith("/api/");
        }

        Rule open() {
            return new Rule(method, path, Access.OPEN, null, own, foreign, params, json);
        }

        Rule signedIn() {
            return new Rule(method, path, Access.SIGNED_IN, null, own, foreign, params, json);
        }

        /** Only between a correct password and the second factor: fully signed-in users are refused. */
        Rule mfaPending() {
            return new Rule(method, path, Access.MFA_PENDING, null, own, foreign, params, json);
        }

        Rule requires(String permission) {
            return new Rule(method, path, Access.PERMISSION, permission, own, foreign, params, json);
        }

        Rule vars(Function<PasserelleUser, String> value) {
            return new Rule(method, path, access, permission, value, foreign, params, json);
        }

        Rule tenant(Function<PasserelleUser, String> ownValue, Function<PasserelleUser, String> foreignValue) {
            return new Rule(method, path, access, permission, ownValue, foreignValue, params, json);
        }

        /** A request parameter sent with the request (so that a refusal of the input does not hide the check). */
        Rule param(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(params);
            all.put(name, value);
            return new Rule(method, path, access, permission, own, foreign, all, json);
        }

        boolean permits(PasserelleUser user, boolean mfaPending) {
            return switch (access) {
                case OPEN -> true;
                case SIGNED_IN -> !mfaPending;
                case MFA_PENDING -> mfaPending;
                // "a|ROLE_B": the permission a, or the role B; "a&b": both permissions a and b.
                case PERMISSION -> !mfaPending && java.util.Arrays.stream(permission.split("\\|")).anyMatch(any ->
                        java.util.Arrays.stream(any.split("&")).allMatch(p ->
                                p.startsWith("ROLE_") ? user.hasRole(p.substring(5)) : user.hasPermission(p)));
            };
        }

        String ownPath(PasserelleUser user) {
            return expand(own, user);
        }

        String foreignPath(PasserelleUser user) {
            return expand(foreign, user);
        }

        private String expand(Function<PasserelleUser, String> value, PasserelleUser user) {
            if (!path.contains("{")) {
                return path;
            }
            String v = user == null || value == null ? UUID.randomUUID().toString() : value.apply(user);
            return path.replaceAll("\\{[^}]+}", v);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Identifiers of data in the signed-in user's organisation and in another one. */
    record Ids(JdbcClient jdbc, TransactionTemplate tx, Map<String, PasserelleUser> principals) {

        static String ownUser(PasserelleUser user) {
            return user.userId().toString();
        }

        static String foreignUser(PasserelleUser user) {
            return ids.principals().values().stream()
                    .filter(p -> !p.organisationId().equals(user.organisationId()))
                    .findFirst().orElseThrow().userId().toString();
        }

        static String ownService(PasserelleUser user) {
            return ids.serviceOf(user.organisationId(), true);
        }

        static String foreignService(PasserelleUser user) {
            return ids.serviceOf(user.organisationId(), false);
        }

        static String ownConsultation(PasserelleUser user) {
            return ids.rowOf("consultation", user.organisationId(), true);
        }

        static String foreignConsultation(PasserelleUser user) {
            return ids.rowOf("consultation", user.organisationId(), false);
        }

        static String ownProposal(PasserelleUser user) {
            return ids.rowOf("consultation_proposal", user.organisationId(), true);
        }

        static String foreignProposal(PasserelleUser user) {
            return ids.rowOf("consultation_proposal", user.organisationId(), false);
        }

        static String ownConvention(PasserelleUser user) {
            return ids.rowOf("partner_convention", user.organisationId(), true);
        }

        static String foreignConvention(PasserelleUser user) {
            return ids.rowOf("partner_convention", user.organisationId(), false);
        }

        static String ownConventionPartner(PasserelleUser user) {
            return ids.rowOf("partner", user.organisationId(), true);
        }

        static String foreignConventionPartner(PasserelleUser user) {
            return ids.rowOf("partner", user.organisationId(), false);
        }

        static String ownPerson(PasserelleUser user) {
            return ids.rowOf("person", user.organisationId(), true);
        }

        static String foreignPerson(PasserelleUser user) {
            return ids.rowOf("person", user.organisationId(), false);
        }

        static String ownMeasure(PasserelleUser user) {
            return ids.rowOf("measure", user.organisationId(), true);
        }

        static String foreignMeasure(PasserelleUser user) {
            return ids.rowOf("measure", user.organisationId(), false);
        }

        static String ownAppointment(PasserelleUser user) {
            return ids.rowOf("appointment", user.organisationId(), true);
        }

        static String foreignAppointment(PasserelleUser user) {
            return ids.rowOf("appointment", user.organisationId(), false);
        }

        static String ownObligation(PasserelleUser user) {
            return ids.rowOf("measure_obligation", user.organisationId(), true);
        }

        static String foreignObligation(PasserelleUser user) {
            return ids.rowOf("measure_obligation", user.organisationId(), false);
        }

        static String ownIncident(PasserelleUser user) {
            return ids.rowOf("measure_incident", user.organisationId(), true);
        }

        static String foreignIncident(PasserelleUser user) {
            return ids.rowOf("measure_incident", user.organisationId(), false);
        }

        static String ownQuantity(PasserelleUser user) {
            return ids.rowOf("measure_quantity_entry", user.organisationId(), true);
        }

        static String foreignQuantity(PasserelleUser user) {
            return ids.rowOf("measure_quantity_entry", user.organisationId(), false);
        }

        static String ownReport(PasserelleUser user) {
            return ids.rowOf("report", user.organisationId(), true);
        }

        static String foreignReport(PasserelleUser user) {
            return ids.rowOf("report", user.organisationId(), false);
        }

        static String ownConsent(PasserelleUser user) {
            return ids.rowOf("person_consent", user.organisationId(), true);
        }

        static String foreignConsent(PasserelleUser user) {
            return ids.rowOf("person_consent", user.organisationId(), false);
        }

        static String ownImport(PasserelleUser user) {
            // A caseload import: the caseload pages do not open a partner list's file.
            return ids.rowOf("import_job where purpose = 'CASELOAD'", user.organisationId(), true);
        }

        static String foreignImport(PasserelleUser user) {
            return ids.rowOf("import_job", user.organisationId(), false);
        }

        static String ownMeasureType(PasserelleUser user) {
            return ids.rowOf("measure_type", user.organisationId(), true);
        }

        static String foreignMeasureType(PasserelleUser user) {
            return ids.rowOf("measure_type", user.organisationId(), false);
        }

        static String ownPartner(PasserelleUser user) {
            return ids.rowOf("partner", user.organisationId(), true);
        }

        static String foreignPartner(PasserelleUser user) {
            return ids.rowOf("partner", user.organisationId(), false);
        }

        static String foreignPartnerSite(PasserelleUser user) {
            return ids.rowOf("partner_site", user.organisationId(), false);
        }

        static String foreignPartnerContact(PasserelleUser user) {
            return ids.rowOf("partner_contact", user.organisationId(), false);
        }

        static String foreignPartnerExchange(PasserelleUser user) {
            return ids.rowOf("partner_exchange", user.organisationId(), false);
        }

        static String ownStatement(PasserelleUser user) {
            return ids.rowOf("billing_statement", user.organisationId(), true);
        }

        static String foreignStatement(PasserelleUser user) {
            return ids.rowOf("billing_statement", user.organisationId(), false);
        }

        /** A profile change as the federation sees them all (the demo's change of the Marseille association). */
        static String anyProfileChange(PasserelleUser user) {
            return ids.rowOf("association_profile_change", user.organisationId(), true);
        }

        static String ownPartnerSite(PasserelleUser user) {
            return ids.rowOf("partner_site", user.organisationId(), true);
        }

        static String ownPlace(PasserelleUser user) {
            return ids.rowOf("partner_place", user.organisationId(), true);
        }

        static String foreignPlace(PasserelleUser user) {
            return ids.rowOf("partner_place", user.organisationId(), false);
        }

        static String ownBooking(PasserelleUser user) {
            return ids.rowOf("place_booking", user.organisationId(), true);
        }

        static String foreignBooking(PasserelleUser user) {
            return ids.rowOf("place_booking", user.organisationId(), false);
        }

        static String ownReferral(PasserelleUser user) {
            return ids.rowOf("partner_referral", user.organisationId(), true);
        }

        static String foreignReferral(PasserelleUser user) {
            return ids.rowOf("partner_referral", user.organisationId(), false);
        }

        /** The demo programme of the user's organisation (signed by the demo lead), if any. */
        static String ownProgramme(PasserelleUser user) {
            return fr.passerelle.shared.TenantContext.callAs(user.organisationId(), () -> ids.tx().execute(s -> ids.jdbc().sql(
                    "select id from programme where title like 'Chantier passerelle du Mas%' order by id limit 1")
                    .query(UUID.class).optional().map(UUID::toString).orElse(UUID.randomUUID().toString())));
        }

        /** A programme of the demo local authority, seen from another organisation. */
        static String foreignProgramme(PasserelleUser user) {
            UUID localAuthority = ids.principals().values().stream()
                    .filter(p -> p.organisationKind() == fr.passerelle.identity.OrganisationKind.LOCAL_AUTHORITY)
                    .map(PasserelleUser::organisationId).findFirst().orElseThrow();
            if (localAuthority.equals(user.organisationId())) {
                return UUID.randomUUID().toString();
            }
            return ownProgramme(principalOf(localAuthority));
        }

        private static PasserelleUser principalOf(UUID organisation) {
            return ids.principals().values().stream().filter(p -> p.organisationId().equals(organisation)).findFirst()
                    .orElseThrow();
        }

        static String anyApplication(PasserelleUser user) {
            return ids.federationRow("membership_application");
        }

        static String anyFeeCall(PasserelleUser user) {
            return ids.federationRow("membership_fee_call");
        }

        static String anyAssociation(PasserelleUser user) {
            return ids.principals().values().stream()
                    .filter(p -> p.organisationKind() == fr.passerelle.identity.OrganisationKind.ASSOCIATION)
                    .map(p -> p.organisationId().toString()).findFirst().orElseThrow();
        }

        static String unknown(PasserelleUser user) {
            return UUID.randomUUID().toString();
        }

        static String anyOrganisation(PasserelleUser user) {
            return user.organisationId().toString();
        }

        String serviceOf(UUID organisationId, boolean own) {
            return rowOf("service", organisationId, own);
        }

        /** A row of a tenant table, read as its organisation would (row-level security applies to the test too). */
        /** A row of a table that the federation reads (any, or a random id when there is none). */
        String federationRow(String table) {
            UUID federation = principals.values().stream()
                    .filter(p -> p.organisationKind() == fr.passerelle.identity.OrganisationKind.FEDERATION)
                    .map(PasserelleUser::organisationId).findFirst().orElseThrow();
            return fr.passerelle.shared.TenantContext.callAs(federation, () -> tx.execute(s -> jdbc.sql(
                    "select id from " + table + " order by id limit 1").query(UUID.class).optional().map(UUID::toString)
                    .orElse(UUID.randomUUID().toString())));
        }

        String rowOf(String table, UUID organisationId, boolean own) {
            // Another association that holds data: one of the demo accounts' associations.
            UUID target = own ? organisationId : principals.values().stream()
                    .filter(p -> p.organisationKind() == fr.passerelle.identity.OrganisationKind.ASSOCIATION)
                    .map(PasserelleUser::organisationId).filter(org -> !org.equals(organisationId))
                    .findFirst().orElseThrow();
            return fr.passerelle.shared.TenantContext.callAs(target, () -> tx.execute(s -> jdbc.sql(
                    "select id from " + table + " order by id limit 1").query(UUID.class).optional().map(UUID::toString)
                    .orElse(UUID.randomUUID().toString())));
        }
    }
}
