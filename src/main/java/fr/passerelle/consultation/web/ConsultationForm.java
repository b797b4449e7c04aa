package fr.passerelle.consultation.web;

import fr.passerelle.consultation.Consultations;
import fr.passerelle.consultation.ProfileQuestionKind;
import fr.passerelle.consultation.RefusalReason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The organiser's form. Themes are typed one per line; the two usual profile questions are
 * checkboxes (the professional question defines the segment); other questions with choices are
 * typed one per line as "Question? : choice 1, choice 2".
 */
public class ConsultationForm {

    private String slug = "";
    private String question = "";
    private String description = "";
    private String proposalStem = "";
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startsOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endsOn;
    private String charter = "";
    private Set<RefusalReason> refusalReasons = EnumSet.allOf(RefusalReason.class);
    private boolean themesRequired;
    private String themes = "";
    private boolean askProfessional = true;
    private boolean askDepartement = true;
    private String profileQuestions = "";

    /** Labels of the two usual questions, in the organiser's language (from the message files). */
    Consultations.Settings settings(String professionalLabel, String departementLabel) {
        List<Consultations.ProfileQuestion> questions = new ArrayList<>();
        if (askProfessional) {
            questions.add(Consultations.ProfileQuestion.of(Consultations.PROFESSIONAL_QUESTION, professionalLabel,
                    ProfileQuestionKind.YES_NO, List.of(), true));
        }
        if (askDepartement) {
            questions.add(Consultations.ProfileQuestion.of(Consultations.DEPARTEMENT_QUESTION, departementLabel,
                    ProfileQuestionKind.DEPARTEMENT, List.of(), false));
        }
        int n = 1;
        for (String line : lines(profileQuestions)) {
            int colon = line.lastIndexOf(':');
            String label = colon < 0 ? line : line.substring(0, colon).trim();
            List<String> choices = colon < 0 ? List.of() : Arrays.stream(line.substring(colon + 1).split(","))
                    .map(String::trim).filter(c -> !c.isEmpty()).toList();
            questions.add(Consultations.ProfileQuestion.of("Q" + n++, label, ProfileQuestionKind.CHOICE, choices, false));
        }
        return new Consultations.Settings(slug, question, description, proposalStem, startsOn, endsOn, charter,
                refusalReasons, themesRequired, lines(themes), questions);
    }

    static ConsultationForm of(Consultations.Consultation c) {
        ConsultationForm f = new ConsultationForm();
        f.slug = c.slug();
        f.question = c.question();
        f.description = c.description();
        f.proposalStem = c.proposalStem() == null ? "" : c.proposalStem();
        f.startsOn = c.startsOn();
        f.endsOn = c.endsOn();
        f.charter = c.charter();
        f.refusalReasons = c.refusalReasons().isEmpty() ? EnumSet.noneOf(RefusalReason.class) : EnumSet.copyOf(c.refusalReasons());
        f.themesRequired = c.themesRequired();
        f.themes = c.themes().stream().map(Consultations.Theme::label).collect(Collectors.joining("\n"));
        f.askProfessional = c.profileQuestions().stream().anyMatch(q -> q.code().equals(Consultations.PROFESSIONAL_QUESTION));
        f.askDepartement = c.profileQuestions().stream().anyMatch(q -> q.code().equals(Consultations.DEPARTEMENT_QUESTION));
        f.profileQuestions = c.profileQuestions().stream().filter(q -> q.kind() == ProfileQuestionKind.CHOICE)
                .map(q -> q.label() + " : " + String.join(", ", q.choices())).collect(Collectors.joining("\n"));
        return f;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    public String getSlug() { return slug; }
    public void setSlug(String slug) { this.slug = slug; }
    public String getQuestion() { return question; }
    public void setQuestion(String question) { this.question = question; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getProposalStem() { return proposalStem; }
    public void setProposalStem(String proposalStem) { this.proposalStem = proposalStem; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
    public String getCharter() { return charter; }
    public void setCharter(String charter) { this.charter = charter; }
    public Set<RefusalReason> getRefusalReasons() { return refusalReasons; }
    public void setRefusalReasons(Set<RefusalReason> refusalReasons) { this.refusalReasons = refusalReasons; }
    public boolean isThemesRequired() { return themesRequired; }
    public void setThemesRequired(boolean themesRequired) { this.themesRequired = themesRequired; }
    public String getThemes() { return themes; }
    public void setThemes(String themes) { this.themes = themes; }
    public boolean isAskProfessional() { return askProfessional; }
    public void setAskProfessional(boolean askProfessional) { this.askProfessional = askProfessional; }
    public boolean isAskDepartement() { return askDepartement; }
    public void setAskDepartement(boolean askDepartement) { this.askDepartement = askDepartement; }
    public String getProfileQuestions() { return profileQuestions; }
    public void setProfileQuestions(String profileQuestions) { this.profileQuestions = profileQuestions; }
}
