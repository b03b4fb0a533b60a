package org.clearframe.model;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A consent a person gave, as recorded from the signed document. {@code castId} is the cast member whose likeness or
 * voice it concerns (null for a person outside the cast); {@code givenBy} is who gave it: the performer, or for a
 * deceased performer the estate's rights holder. {@code productionId} is the production it was given for. Scope is
 * the scenes, shots and techniques it names, and the purpose; {@code description} is the use as described to them.
 * {@code documentId} points at the signed file attached in the production (null when none is attached yet).
 */
public record Consent(UUID id, UUID castId, String givenBy, ConsentKind kind, UUID productionId, List<UUID> sceneIds,
                      List<UUID> shotIds, Set<Technique> techniques, String purpose, String description, LocalDate givenOn,
                      UUID documentId, LocalDate withdrawnOn, String compensation) {

    public Consent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(productionId, "productionId");
        givenBy = Text.orEmpty(givenBy);
        sceneIds = sceneIds == null ? List.of() : List.copyOf(sceneIds);
        shotIds = shotIds == null ? List.of() : List.copyOf(shotIds);
        techniques = techniques == null || techniques.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(techniques));
        purpose = Text.orEmpty(purpose);
        description = Text.orEmpty(description);
        compensation = Text.orEmpty(compensation);
    }

    public boolean withdrawn() {
        return withdrawnOn != null;
    }

    public Consent withdraw(LocalDate on) {
        return new Consent(id, castId, givenBy, kind, productionId, sceneIds, shotIds, techniques, purpose, description, givenOn,
                documentId, Objects.requireNonNull(on, "on"), compensation);
    }

    public Consent withDocument(UUID document) {
        return new Consent(id, castId, givenBy, kind, productionId, sceneIds, shotIds, techniques, purpose, description, givenOn,
                document, withdrawnOn, compensation);
    }
}
