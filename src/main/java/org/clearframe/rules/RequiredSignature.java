package org.clearframe.rules;

import org.clearframe.model.Role;
import org.clearframe.model.SignOff;

import java.util.Optional;
import java.util.UUID;

/**
 * One signature a flag needs: a role, and for person roles the performer concerned ({@code subjectId},
 * {@code subjectName}; null and "" otherwise). {@code latest} is the newest sign-off recorded for it, if any.
 */
public record RequiredSignature(Role role, UUID subjectId, String subjectName, SignatureState state, SignOff latestOrNull) {

    public Optional<SignOff> latest() {
        return Optional.ofNullable(latestOrNull);
    }

    /** "Affected performer: Zoë Niño" or "VFX supervisor". */
    public String who() {
        return subjectName == null || subjectName.isBlank() ? role.label() : role.label() + ": " + subjectName;
    }
}
