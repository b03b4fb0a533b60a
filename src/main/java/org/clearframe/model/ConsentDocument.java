package org.clearframe.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A file attached in the production (the signed consent PDF or scan): what is known of it without reading its bytes. */
public record ConsentDocument(UUID id, String fileName, String mediaType, long size, String sha256, Instant attachedAt) {

    public ConsentDocument {
        Objects.requireNonNull(id, "id");
        fileName = Text.orEmpty(fileName);
        mediaType = Text.orEmpty(mediaType);
        sha256 = Text.orEmpty(sha256);
    }
}
