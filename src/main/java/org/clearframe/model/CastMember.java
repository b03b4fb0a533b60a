package org.clearframe.model;

import java.util.Objects;
import java.util.UUID;

/**
 * A performer and the character they play. Union membership and death change who must consent; a minor's replica
 * and the performer's representation for replica terms (union, lawyer, neither) change what a consent is worth.
 */
public record CastMember(UUID id, String performer, String character, Tristate unionMember, boolean deceased,
                         boolean minor, Representation representation) {

    public CastMember {
        Objects.requireNonNull(id, "id");
        performer = Text.orEmpty(performer);
        character = Text.orEmpty(character);
        unionMember = unionMember == null ? Tristate.UNKNOWN : unionMember;
        representation = representation == null ? Representation.UNKNOWN : representation;
    }

    /** A cast member without the performer facts (files and code from before they were recorded). */
    public CastMember(UUID id, String performer, String character, Tristate unionMember, boolean deceased) {
        this(id, performer, character, unionMember, deceased, false, Representation.UNKNOWN);
    }

    public CastMember withFacts(boolean minor, Representation representation) {
        return new CastMember(id, performer, character, unionMember, deceased, minor, representation);
    }

    public static CastMember of(String performer, String character, Tristate union) {
        return new CastMember(UUID.randomUUID(), performer, character, union, false);
    }

    /** "Performer (Character)", as a call sheet shows it. */
    public String display() {
        return character.isBlank() ? performer : performer + " (" + character + ")";
    }
}
