package org.clearframe.rules;

import org.clearframe.model.Decision;
import org.clearframe.model.Role;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Making and reading sign-offs. A sign-off answers one (shot, rule, role, subject) question; a newer answer
 * supersedes an older one, and the older ones stay as history. Used by the app, the command line and the
 * exchange with department heads, so a sign-off always carries the fingerprint of the plan that was signed.
 */
public final class SignOffs {

    private SignOffs() {}

    /** A sign-off for {@code signature} of {@code flag}, on {@code shot} as it is now, dated now. */
    public static SignOff sign(Shot shot, Flag flag, RequiredSignature signature, String signer, Decision decision, String note) {
        return sign(shot, flag, signature, signer, decision, note, Instant.now());
    }

    /** As above, dated {@code signedAt}: the day a person signed a form that reached the producer later. */
    public static SignOff sign(Shot shot, Flag flag, RequiredSignature signature, String signer, Decision decision, String note,
                               Instant signedAt) {
        if (!flag.shotId().equals(shot.id())) throw new IllegalArgumentException("the flag belongs to another shot");
        return sign(shot, flag.rule().id(), signature, signer, decision, note, signedAt);
    }

    /**
     * A sign-off for {@code signature} under rule {@code ruleId} on {@code shot}, dated {@code signedAt}
     * (a reply's own date when importing one). Conditions are required when approving with conditions.
     */
    public static SignOff sign(Shot shot, String ruleId, RequiredSignature signature, String signer, Decision decision,
                               String note, Instant signedAt) {
        Objects.requireNonNull(decision, "decision");
        if (decision == Decision.APPROVED_WITH_CONDITIONS && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("an approval with conditions must state the conditions");
        }
        return new SignOff(UUID.randomUUID(), shot.id(), ruleId, signature.role(), signature.subjectId(), signer == null ? "" : signer.strip(),
                decision, note, signedAt, Fingerprint.of(shot), signature.subjectName());
    }

    /** The newest sign-off for the slot: latest {@code signedAt}, and of equal times the later in the list. */
    public static Optional<SignOff> latest(Collection<SignOff> signOffs, UUID shotId, String ruleId, Role role, UUID subjectId) {
        SignOff best = null;
        for (SignOff s : signOffs) {
            if (!matches(s, shotId, ruleId, role, subjectId)) continue;
            if (best == null || !s.signedAt().isBefore(best.signedAt())) best = s;
        }
        return Optional.ofNullable(best);
    }

    /** Every sign-off for the slot, oldest first: the history the sign-off view shows. */
    public static List<SignOff> history(Collection<SignOff> signOffs, UUID shotId, String ruleId, Role role, UUID subjectId) {
        return signOffs.stream().filter(s -> matches(s, shotId, ruleId, role, subjectId))
                .sorted(Comparator.comparing(SignOff::signedAt)).toList();
    }

    /** Where a signature stands, given its newest sign-off (or null) and the shot's current fingerprint. */
    public static SignatureState state(SignOff latest, String currentFingerprint) {
        return state(latest, currentFingerprint, latest == null ? "" : latest.subjectName());
    }

    /**
     * Where a signature stands, given also the current name of the performer it concerns: a person's sign-off whose
     * signed name is not that name (the part was recast, or the row renamed) is stale, like a changed plan.
     */
    public static SignatureState state(SignOff latest, String currentFingerprint, String currentSubjectName) {
        if (latest == null) return SignatureState.MISSING;
        if (!latest.fingerprint().equals(currentFingerprint)) return SignatureState.STALE;
        if (latest.subjectId() != null && !Names.same(latest.subjectName(), currentSubjectName)) return SignatureState.STALE;
        if (latest.subjectId() != null && Names.normalise(latest.subjectName()).isEmpty()) return SignatureState.STALE;
        return switch (latest.decision()) {
            case APPROVED -> SignatureState.APPROVED;
            case APPROVED_WITH_CONDITIONS -> SignatureState.APPROVED_WITH_CONDITIONS;
            case DECLINED -> SignatureState.DECLINED;
        };
    }

    private static boolean matches(SignOff s, UUID shotId, String ruleId, Role role, UUID subjectId) {
        return s.shotId().equals(shotId) && s.ruleId().equals(ruleId) && s.role() == role && Objects.equals(s.subjectId(), subjectId);
    }
}
