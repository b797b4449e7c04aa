package fr.passerelle.measures.web;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/** Form data: the judicial mandate a measure is created from. */
public class MandateForm {

    private UUID measureTypeId;
    private String courtCode;
    private String prescriberType;
    private String prescriberName;
    private String parquetNumber;
    private String instructionNumber;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate receivedOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueOn;
    private java.math.BigDecimal orderedQuantity;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate plannedEndOn;

    public LocalDate getPlannedEndOn() {
        return plannedEndOn;
    }

    public void setPlannedEndOn(LocalDate plannedEndOn) {
        this.plannedEndOn = plannedEndOn;
    }

    public java.math.BigDecimal getOrderedQuantity() {
        return orderedQuantity;
    }

    public void setOrderedQuantity(java.math.BigDecimal orderedQuantity) {
        this.orderedQuantity = orderedQuantity;
    }

    public UUID getMeasureTypeId() {
        return measureTypeId;
    }

    public void setMeasureTypeId(UUID measureTypeId) {
        this.measureTypeId = measureTypeId;
    }

    public String getCourtCode() {
        return courtCode;
    }

    public void setCourtCode(String courtCode) {
        this.courtCode = courtCode;
    }

    public String getPrescriberType() {
        return prescriberType;
    }

    public void setPrescriberType(String prescriberType) {
        this.prescriberType = prescriberType;
    }

    public String getPrescriberName() {
        return prescriberName;
    }

    public void setPrescriberName(String prescriberName) {
        this.prescriberName = prescriberName;
    }

    public String getParquetNumber() {
        return parquetNumber;
    }

    public void setParquetNumber(String parquetNumber) {
        this.parquetNumber = parquetNumber;
    }

    public String getInstructionNumber() {
        return instructionNumber;
    }

    public void setInstructionNumber(String instructionNumber) {
        this.instructionNumber = instructionNumber;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public void setReceivedOn(LocalDate receivedOn) {
        this.receivedOn = receivedOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public void setDueOn(LocalDate dueOn) {
        this.dueOn = dueOn;
    }
}
