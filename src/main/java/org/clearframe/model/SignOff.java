package org.clearframe.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One recorded decision by one person for one rule on one shot. Sign-offs are history: a newer one for the
 * same (shot, rule, role, subject) supersedes an older one but never deletes it. {@code subjectId} names the
 * performer for person roles and is null otherwise. {@code fingerprint} is the shot's AI fingerprint when
 * signed; when the shot's current fingerprint differs, the sign-off is stale. {@code subjectName} is the
 * performer's name as signed, for person roles: a person's consent binds to the cast member's id and to that name,
 * so recasting the part (a new name on the same cast row) makes it stale. Empty for other roles.
 */
public record SignOff(UUID id, UUID shotId, String ruleId, Role role, UUID subjectId, String signer,
                      Decision decision, String note, Instant signedAt, String fingerprint, String subjectName) {

    public SignOff {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shotId, "shotId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(signedAt, "signedAt");
        signer = Text.orEmpty(signer);
        note = Text.orEmpty(note);
        fingerprint = Text.orEmpty(fingerprint);
        subjectName = subjectId == null ? "" : Text.orEmpty(subjectName);
    }

    /** A sign-off that names no performer's name: for roles that are not per person (or a person not named). */
    public SignOff(UUID id, UUID shotId, String ruleId, Role role, UUID subjectId, String signer,
                   Decision decision, String note, Instant signedAt, String fingerprint) {
        this(id, shotId, ruleId, role, subjectId, signer, decision, note, signedAt, fingerprint, "");
    }

    /** True when this and {@code other} answer the same question (so the later one supersedes). */
    public boolean sameSlot(SignOff other) {
        return shotId.equals(other.shotId) && ruleId.equals(other.ruleId) && role == other.role
                && Objects.equals(subjectId, other.subjectId);
    }
}
