package org.clearframe.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A review package the producer shared, as recorded when it was written: to whom, when, the SHA-256 of the file, each
 * shot's fingerprint at that moment, and the open signatures it asked for; plus the replies imported since that answer
 * it. Where it stands (sent, replied, superseded, expired) is computed by {@code rules.PackageStates}.
 */
public record SentPackage(UUID id, AudienceKind audienceKind, String audience, UUID performerId, String representative,
                          Instant sentAt, String fileName, String sha256, Map<UUID, String> shots, List<Asked> asked,
                          List<Answer> replies) {

    /** Who a package was for: a department's head, one role, or one performer. */
    public enum AudienceKind implements Labelled {
        DEPARTMENT("Department head"), ROLE("Role"), PERFORMER("Performer");

        private final String label;
        AudienceKind(String label) { this.label = label; }
        @Override public String label() { return label; }
    }

    /** One signature the package asked for. */
    public record Asked(UUID shotId, String ruleId, Role role, UUID subjectId, String subjectName) {
        public Asked {
            Objects.requireNonNull(shotId, "shotId");
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(role, "role");
            subjectName = Text.orEmpty(subjectName);
        }

        /** "shot/rule/ROLE[/subject]": the same key a reply's decision has for its slot. */
        public String key() {
            return shotId + "/" + ruleId + "/" + role.name() + (subjectId == null ? "" : "/" + subjectId);
        }
    }

    /** A reply imported for this package, with the slots ({@link Asked#key()}) it answered. */
    public record Answer(UUID replyId, String signer, Instant importedAt, List<String> answered) {
        public Answer {
            Objects.requireNonNull(replyId, "replyId");
            Objects.requireNonNull(importedAt, "importedAt");
            signer = Text.orEmpty(signer);
            answered = answered == null ? List.of() : List.copyOf(answered);
        }
    }

    public SentPackage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(audienceKind, "audienceKind");
        Objects.requireNonNull(sentAt, "sentAt");
        audience = Text.orEmpty(audience);
        representative = Text.orEmpty(representative);
        fileName = Text.orEmpty(fileName);
        sha256 = Text.orEmpty(sha256);
        shots = shots == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shots));
        asked = asked == null ? List.of() : List.copyOf(asked);
        replies = replies == null ? List.of() : List.copyOf(replies);
    }

    /** True when {@code other} went to the same person: same kind, and the same performer or the same name. */
    public boolean sameAudience(SentPackage other) {
        if (audienceKind != other.audienceKind) return false;
        if (audienceKind == AudienceKind.PERFORMER) return Objects.equals(performerId, other.performerId);
        return audience.equalsIgnoreCase(other.audience);
    }

    public SentPackage withReplies(List<Answer> answers) {
        return new SentPackage(id, audienceKind, audience, performerId, representative, sentAt, fileName, sha256, shots, asked, answers);
    }
}
