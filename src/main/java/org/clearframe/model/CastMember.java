package org.clearframe.model;

import java.util.Objects;
import java.util.UUID;

/** A performer and the character they play. Union membership and death change who must consent. */
public record CastMember(UUID id, String performer, String character, Tristate unionMember, boolean deceased) {

    public CastMember {
        Objects.requireNonNull(id, "id");
        performer = Text.orEmpty(performer);
        character = Text.orEmpty(character);
        unionMember = unionMember == null ? Tristate.UNKNOWN : unionMember;
    }

    public static CastMember of(String performer, String character, Tristate union) {
        return new CastMember(UUID.randomUUID(), performer, character, union, false);
    }

    /** "Performer (Character)", as a call sheet shows it. */
    public String display() {
        return character.isBlank() ? performer : performer + " (" + character + ")";
    }
}
