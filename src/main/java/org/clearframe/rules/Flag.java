package org.clearframe.rules;

import org.clearframe.model.AiUse;

import java.util.List;
import java.util.UUID;

/**
 * A rule that applies to one AI use on one shot: why (in plain words) and whose signatures it needs.
 * A flag is open while any of its signatures is missing, declined or stale.
 */
public record Flag(Rule rule, UUID shotId, AiUse aiUse, String reason, List<RequiredSignature> signatures) {

    public Flag {
        signatures = List.copyOf(signatures);
    }

    public boolean open() {
        return signatures.stream().anyMatch(s -> s.state().open());
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
