package fr.passerelle.programmes.web;

import fr.passerelle.programmes.ProgrammeMeasure;
import fr.passerelle.programmes.Programmes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The programme form: adoption of a sheet, or the programme's settings later. */
public class ProgrammeForm {

    /** Empty indicator lines offered below the adopted ones, to add the programme's own. */
    static final int SPARE_INDICATORS = 3;

    private String title;
    private String territory;
    private String departementCode;
    private String places;
    private Integer capacity;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startsOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endsOn;
    private String objectives;
    private List<IndicatorRow> indicators = new ArrayList<>();

    /** One indicator line: its wording and the measure that computes it (none: not computed). */
    public static class IndicatorRow {
        private String label;
        private ProgrammeMeasure measure;

        public IndicatorRow() {}

        IndicatorRow(String label, ProgrammeMeasure measure) {
            this.label = label;
            this.measure = measure;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public ProgrammeMeasure getMeasure() {
            return measure;
        }

        public void setMeasure(ProgrammeMeasure measure) {
            this.measure = measure;
        }
    }

    static ProgrammeForm of(Programmes.ProgrammeInput input) {
        ProgrammeForm form = new ProgrammeForm();
        form.title = input.title();
        form.territory = input.territory();
        form.departementCode = input.departementCode();
        form.places = input.places();
        form.capacity = input.capacity();
        form.startsOn = input.startsOn();
        form.endsOn = input.endsOn();
        form.objectives = input.objectives();
        input.indicators().forEach(i -> form.indicators.add(new IndicatorRow(i.label(), i.measure())));
        return form.withSpareLines();
    }

    static ProgrammeForm of(Programmes.Programme p) {
        return of(new Programmes.ProgrammeInput(p.title(), p.territory(), p.departementCode(), p.places(), p.capacity(),
                p.startsOn(), p.endsOn(), p.objectives(), p.indicators()));
    }

    ProgrammeForm withSpareLines() {
        indicators.removeIf(row -> row == null || (row.label == null || row.label.isBlank()) && row.measure == null);
        for (int i = 0; i < SPARE_INDICATORS; i++) {
            indicators.add(new IndicatorRow());
        }
        return this;
    }

    Programmes.ProgrammeInput input() {
        return new Programmes.ProgrammeInput(title, territory, departementCode, places, capacity, startsOn, endsOn,
                objectives, indicators.stream().filter(r -> r != null)
                        .map(r -> new Programmes.AdoptedIndicator(r.label, r.measure)).toList());
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getTerritory() {
        return territory;
    }

    public void setTerritory(String territory) {
        this.territory = territory;
    }

    public String getDepartementCode() {
        return departementCode;
    }

    public void setDepartementCode(String departementCode) {
        this.departementCode = departementCode;
    }

    public String getPlaces() {
        return places;
    }

    public void setPlaces(String places) {
        this.places = places;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public String getObjectives() {
        return objectives;
    }

    public void setObjectives(String objectives) {
        this.objectives = objectives;
    }

    public List<IndicatorRow> getIndicators() {
        return indicators;
    }

    public void setIndicators(List<IndicatorRow> indicators) {
        this.indicators = indicators;
    }
}
