package org.clearframe.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** The production's header: what the breakdown is for, and who answers for it. */
public record Production(UUID id, String title, Format format, Genre genre, String studio, String producer,
                         String director, LocalDate principalPhotography, String notes) {

    public Production {
        Objects.requireNonNull(id, "id");
        title = Text.orEmpty(title);
        format = format == null ? Format.FEATURE : format;
        genre = genre == null ? Genre.FICTION : genre;
        studio = Text.orEmpty(studio);
        producer = Text.orEmpty(producer);
        director = Text.orEmpty(director);
        notes = Text.orEmpty(notes);
    }

    public static Production titled(String title) {
        return new Production(UUID.randomUUID(), title, Format.FEATURE, Genre.FICTION, "", "", "", null, "");
    }

    public Production withTitle(String value) {
        return new Production(id, value, format, genre, studio, producer, director, principalPhotography, notes);
    }
}
