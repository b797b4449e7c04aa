package fr.passerelle.demo;

import fr.passerelle.documents.PdfDocuments;
import fr.passerelle.documents.SpreadsheetFormat;
import fr.passerelle.documents.SpreadsheetWriter;
import fr.passerelle.network.Meetings;
import fr.passerelle.network.Resources;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The demo resource library: real files (PDF rendered by the application's PDF writer, an XLSX by
 * its spreadsheet writer) at each access level — public guides, members' documents, a body's
 * document — and the board meeting's minutes attached to it. Written by {@link DemoMeetings}, in
 * its transaction, as the federation's staff, when the library is empty.
 */
@Component
class DemoResources {

    private final Resources resources;
    private final Meetings meetings;
    private final PdfDocuments pdf;

    DemoResources(Resources resources, Meetings meetings, PdfDocuments pdf) {
        this.resources = resources;
        this.meetings = meetings;
        this.pdf = pdf;
    }

    /** Writes the documents unless the library holds some already; returns how many it holds. */
    long seed() {
        Resources.Query all = Resources.Query.of("", null, null, null, null, null, 0);
        if (resources.search(all).page().total() > 0) {
            return 0;
        }
        publish("Guide du contrôle judiciaire socio-éducatif", "Le guide de la mesure pour les équipes et les partenaires.",
                "guide, pré-sentenciel, contrôle judiciaire", Resources.Access.PUBLIC, null, List.of(
                        "Le contrôle judiciaire socio-éducatif est ordonné par un magistrat avant le jugement.",
                        "L’association accompagne la personne : logement, emploi, soins, obligations fixées par le juge.",
                        "Les rapports au magistrat rendent compte du respect des obligations et de la situation."));
        publish("Charte des engagements réciproques", "La charte que chaque membre signe en adhérant.",
                "charte, adhésion", Resources.Access.PUBLIC, null, List.of(
                        "Les associations membres partagent les valeurs de la fédération et ses règles déontologiques.",
                        "La fédération représente ses membres, les informe et les forme."));
        publish("Stages de citoyenneté : modèle de programme", "Un programme de stage sur deux jours, à adapter.",
                "stage, modèle, alternatives aux poursuites", Resources.Access.MEMBERS, null, List.of(
                        "Premier jour : les valeurs de la République, la loi et la sanction, le rôle de la victime.",
                        "Second jour : la responsabilité, la citoyenneté active, l’évaluation du stage."));
        publishSheet();
        UUID commission = meetings.bodies().stream().filter(b -> b.kind() == Meetings.Kind.COMMISSION).findFirst()
                .map(Meetings.Body::id).orElse(null);
        if (commission != null) {
            publish("Enquêtes sociales rapides : note sur les délais", "Note de travail de la commission.",
                    "enquête sociale rapide, délais", Resources.Access.BODY, commission, List.of(
                            "Les délais entre la saisine et la remise du rapport varient selon les juridictions.",
                            "La commission propose un relevé commun des délais pour l’année prochaine."));
        }
        meetings.meetings(null).stream().filter(m -> m.title().equals("Conseil du trimestre")).findFirst()
                .ifPresent(board -> resources.publish(new Resources.ResourceInput("Rapport d’activité présenté au conseil",
                        "Le rapport présenté en séance.", "rapport d’activité, conseil", Resources.Access.BODY, board.bodyId()),
                        board.id(), "rapport-activite.pdf", render("Rapport d’activité présenté au conseil", List.of(
                                "L’activité des associations membres progresse : mesures pré-sentencielles, stages, médiations.",
                                "Le centre de formation a accueilli plus de huit cents professionnels."))));
        return resources.search(all).page().total();
    }

    private void publish(String title, String description, String tags, Resources.Access access, UUID body,
            List<String> paragraphs) {
        resources.publish(new Resources.ResourceInput(title, description, tags, access, body), null,
                slug(title) + ".pdf", render(title, paragraphs));
    }

    private void publishSheet() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.write(SpreadsheetFormat.XLSX, "Délais", List.of("Juridiction", "Délai médian (jours)"),
                List.of(List.of("TJ de Lyon", "21"), List.of("TJ de Marseille", "28"), List.of("TJ de Grenoble", "19")), out);
        resources.publish(new Resources.ResourceInput("Tableau des délais d’enquête par juridiction",
                "Les délais médians relevés par les membres.", "enquête sociale rapide, délais, tableau",
                Resources.Access.MEMBERS, null), null, "delais-enquetes.xlsx", out.toByteArray());
    }

    private byte[] render(String title, List<String> paragraphs) {
        return pdf.render("demo/resource-pdf", Map.of("title", title, "paragraphs", paragraphs));
    }

    private static String slug(String title) {
        return java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
