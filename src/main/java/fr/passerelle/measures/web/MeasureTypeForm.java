package fr.passerelle.measures.web;

import fr.passerelle.measures.MeasureCatalogue;

/** Form data: the settings of a measure type (numbers as typed, checked by the catalogue). */
public class MeasureTypeForm {

    private String label;
    private String orderedBy;
    private String trackedQuantity;
    private String quantityMin;
    private String quantityMax;
    private String firstInterviewDays;
    private String reportTypes;
    private String billingMode;
    private String tariff;

    static MeasureTypeForm of(MeasureCatalogue.Settings s) {
        MeasureTypeForm form = new MeasureTypeForm();
        form.label = s.label();
        form.orderedBy = s.orderedBy();
        form.trackedQuantity = s.trackedQuantity();
        form.quantityMin = s.quantityMin();
        form.quantityMax = s.quantityMax();
        form.firstInterviewDays = s.firstInterviewDays();
        form.reportTypes = s.reportTypes();
        form.billingMode = s.billingMode();
        form.tariff = s.tariff();
        return form;
    }

    MeasureCatalogue.Settings settings() {
        return new MeasureCatalogue.Settings(label, orderedBy, trackedQuantity, quantityMin, quantityMax,
                firstInterviewDays, reportTypes, billingMode, tariff);
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getOrderedBy() {
        return orderedBy;
    }

    public void setOrderedBy(String orderedBy) {
        this.orderedBy = orderedBy;
    }

    public String getTrackedQuantity() {
        return trackedQuantity;
    }

    public void setTrackedQuantity(String trackedQuantity) {
        this.trackedQuantity = trackedQuantity;
    }

    public String getQuantityMin() {
        return quantityMin;
    }

    public void setQuantityMin(String quantityMin) {
        this.quantityMin = quantityMin;
    }

    public String getQuantityMax() {
        return quantityMax;
    }

    public void setQuantityMax(String quantityMax) {
        this.quantityMax = quantityMax;
    }

    public String getFirstInterviewDays() {
        return firstInterviewDays;
    }

    public void setFirstInterviewDays(String firstInterviewDays) {
        this.firstInterviewDays = firstInterviewDays;
    }

    public String getReportTypes() {
        return reportTypes;
    }

    public void setReportTypes(String reportTypes) {
        this.reportTypes = reportTypes;
    }

    public String getBillingMode() {
        return billingMode;
    }

    public void setBillingMode(String billingMode) {
        this.billingMode = billingMode;
    }

    public String getTariff() {
        return tariff;
    }

    public void setTariff(String tariff) {
        this.tariff = tariff;
    }
}
