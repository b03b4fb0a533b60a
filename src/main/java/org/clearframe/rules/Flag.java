package org.clearframe.rules;

import org.clearframe.model.AiUse;

import java.util.List;
import java.util.UUID;

/**
 * A rule that applies to one AI use on one shot: why (in plain words) and whose signatures it needs.
 * A flag is open while any of its signatures is missing, declined or stale, or while {@code unresolved} says what is
 * still missing from the production's records (a consent that covers the use, a scan's business reason): no signature
 * can close such a flag, only the record it asks for.
 */
public record Flag(Rule rule, UUID shotId, AiUse aiUse, String reason, List<RequiredSignature> signatures, String unresolved) {

    public Flag {
        signatures = List.copyOf(signatures);
        unresolved = unresolved == null ? "" : unresolved;
    }

    public Flag(Rule rule, UUID shotId, AiUse aiUse, String reason, List<RequiredSignature> signatures) {
        this(rule, shotId, aiUse, reason, signatures, "");
    }

    /** True when only a record, not a signature, can close this flag. */
    public boolean needsRecord() {
        return !unresolved.isEmpty();
    }

    public boolean open() {
        return needsRecord() || signatures.stream().anyMatch(s -> s.state().open());
    }

    public boolean declined() {
        return signatures.stream().anyMatch(s -> s.state() == SignatureState.DECLINED);
    }

    public boolean stale() {
        return signatures.stream().anyMatch(s -> s.state() == SignatureState.STALE);
    }

    public boolean blocking() {
        return rule.severity() == Severity.BLOCKING;
    }

    public List<RequiredSignature> openSignatures() {
        return signatures.stream().filter(s -> s.state().open()).toList();
    }
}
