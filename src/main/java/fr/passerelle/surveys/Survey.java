package fr.passerelle.surveys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A survey: its header, its target and where it stands. */
public record Survey(UUID id, String title, String introduction, Status status, TargetKind targetKind,
        String targetRegionCode, String targetMeasureTypeCode, LocalDate closesOn, Instant openedAt,
        String openedByName, Instant closedAt, int rowVersion, Instant createdAt, String createdByName) {

    /** Where a survey stands: built, open to answers (until its closing date), closed. */
    public enum Status { DRAFT, OPEN, CLOSED }

    /** Who a survey is sent to: all the members, those of a region, those offering a measure type. */
    public enum TargetKind { ALL, REGION, MEASURE_TYPE }

    /** Whether answers are taken on {@code today}: open, and its closing date not passed. */
    public boolean answerable(LocalDate today) {
        return status == Status.OPEN && !today.isAfter(closesOn);
    }

    public boolean draft() {
        return status == Status.DRAFT;
    }
}
