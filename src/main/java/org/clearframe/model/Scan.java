package org.clearframe.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A replica scan of a cast member: when it happens, when the performer was told, and why (the 2026 SAG-AFTRA terms
 * ask for a business reason before a scan). Dates only: Clearframe keeps no hours, see rules.PerformerFacts.
 */
public record Scan(UUID id, UUID castId, LocalDate scannedOn, LocalDate noticeGivenOn, String businessReason) {

    public Scan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(castId, "castId");
        businessReason = Text.orEmpty(businessReason);
    }

    public static Scan of(UUID castId, LocalDate scannedOn, LocalDate noticeGivenOn, String businessReason) {
        return new Scan(UUID.randomUUID(), castId, scannedOn, noticeGivenOn, businessReason);
    }
}
