package fr.passerelle.programmes.web;

import fr.passerelle.programmes.PracticeLibrary;
import fr.passerelle.programmes.PracticeSheet;
import fr.passerelle.programmes.PracticeVocabulary;
import fr.passerelle.shared.FieldRefusal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The federation's form of a sheet (a new one, or the next version of one). */
public class PracticeSheetForm {

    private String title;
    private String axis;
    private String theme;
    private List<String> publics = new ArrayList<>();
    private String ageMin;
    private String ageMax;
    private List<String> carriers = new ArrayList<>();
    private List<String> fundings = new ArrayList<>();
    private Map<String, String> sections = new LinkedHashMap<>();
    private String indicators;
    private String changeNote;
    private int version;
    private String actionName;
    private String actionPlace;

    static PracticeSheetForm of(PracticeSheet sheet) {
        PracticeSheetForm form = new PracticeSheetForm();
        form.title = sheet.title();
        form.axis = sheet.axis();
        form.theme = sheet.theme();
        form.publics = new ArrayList<>(sheet.publics());
        form.ageMin = sheet.ageMin() == null ? null : sheet.ageMin().toString();
        form.ageMax = sheet.ageMax() == null ? null : sheet.ageMax().toString();
        form.carriers = new ArrayList<>(sheet.carriers());
        form.fundings = new ArrayList<>(sheet.fundings());
        form.sections = new LinkedHashMap<>(sheet.sections());
        form.indicators = String.join("\n", sheet.indicators());
        form.version = sheet.version();
        return form;
    }

    PracticeLibrary.SheetInput input() {
        Map<String, String> texts = new LinkedHashMap<>();
        PracticeVocabulary.SECTIONS.keySet().forEach(key -> texts.put(key, sections.get(key)));
        return new PracticeLibrary.SheetInput(title, axis, theme, publics, age("ageMin", ageMin), age("ageMax", ageMax),
                carriers, fundings, texts, indicators == null ? List.of() : Arrays.asList(indicators.split("\\R")),
                changeNote);
    }

    private static Integer age(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new FieldRefusal(field, "practice.age.invalid");
        }
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getAxis() { return axis; }
    public void setAxis(String axis) { this.axis = axis; }
    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme; }
    public List<String> getPublics() { return publics; }
    public void setPublics(List<String> publics) { this.publics = publics == null ? new ArrayList<>() : publics; }
    public String getAgeMin() { return ageMin; }
    public void setAgeMin(String ageMin) { this.ageMin = ageMin; }
    public String getAgeMax() { return ageMax; }
    public void setAgeMax(String ageMax) { this.ageMax = ageMax; }
    public List<String> getCarriers() { return carriers; }
    public void setCarriers(List<String> carriers) { this.carriers = carriers == null ? new ArrayList<>() : carriers; }
    public List<String> getFundings() { return fundings; }
    public void setFundings(List<String> fundings) { this.fundings = fundings == null ? new ArrayList<>() : fundings; }
    public Map<String, String> getSections() { return sections; }
    public void setSections(Map<String, String> sections) { this.sections = sections; }
    public String getIndicators() { return indicators; }
    public void setIndicators(String indicators) { this.indicators = indicators; }
    public String getChangeNote() { return changeNote; }
    public void setChangeNote(String changeNote) { this.changeNote = changeNote; }
    public String getActionName() { return actionName; }
    public void setActionName(String actionName) { this.actionName = actionName; }
    public String getActionPlace() { return actionPlace; }
    public void setActionPlace(String actionPlace) { this.actionPlace = actionPlace; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
