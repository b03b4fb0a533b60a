package org.clearframe.rules;

import org.clearframe.model.SentPackage;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where each package the producer shared stands. In order of precedence: <b>replied</b> when the replies linked to it
 * answer every signature it asked for; <b>superseded</b> when a newer package went to the same audience; <b>expired</b>
 * when the plan of one of its shots changed after it was sent (or the shot is gone), so answers to it would be stale;
 * <b>partly replied</b> when a reply answered some of it; else <b>sent</b>.
 */
public final class PackageStates {

    private PackageStates() {}

    public enum State {
        SENT("Sent"), REPLIED("Replied"), PARTLY_REPLIED("Partly replied"), SUPERSEDED("Superseded"), EXPIRED("Expired");

        private final String label;
        State(String label) { this.label = label; }
        public String label() { return label; }
    }

    /** A package's state and, in words, why. */
    public record Standing(SentPackage sent, State state, String why, int answered) {}

    /**
     * The standing of each package in {@code packages} (in the order given), against the shots' fingerprints now
     * ({@code currentFingerprints}: shot id to {@link Fingerprint}; a shot not in it was deleted).
     */
    public static Map<UUID, Standing> of(List<SentPackage> packages, Map<UUID, String> currentFingerprints) {
        Map<UUID, Standing> out = new LinkedHashMap<>();
        for (SentPackage p : packages) out.put(p.id(), standing(p, packages, currentFingerprints));
        return out;
    }

    private static Standing standing(SentPackage p, List<SentPackage> all, Map<UUID, String> now) {
        Set<String> answered = new HashSet<>();
        p.replies().forEach(r -> answered.addAll(r.answered()));
        int done = (int) p.asked().stream().filter(a -> answered.contains(a.key())).count();
        if (!p.asked().isEmpty() && done == p.asked().size()) {
            return new Standing(p, State.REPLIED, "every signature it asked for was answered", done);
        }
        SentPackage newer = all.stream().filter(o -> o != p && o.sameAudience(p) && isNewer(o, p, all)).findFirst().orElse(null);
        if (newer != null) {
            return new Standing(p, State.SUPERSEDED, "a newer package (" + newer.fileName() + ") went to " + p.audience(), done);
        }
        long changed = p.shots().entrySet().stream().filter(e -> !e.getValue().equals(now.get(e.getKey()))).count();
        if (changed > 0) {
            return new Standing(p, State.EXPIRED, "the plan of " + changed + (changed == 1 ? " shot" : " shots") + " changed after it was sent", done);
        }
        if (done > 0) return new Standing(p, State.PARTLY_REPLIED, done + " of " + p.asked().size() + " signatures answered", done);
        return new Standing(p, State.SENT, "no reply yet", 0);
    }

    /** Later sending time, or the same instant and recorded later (the list is in recording order). */
    private static boolean isNewer(SentPackage candidate, SentPackage p, List<SentPackage> all) {
        int c = candidate.sentAt().compareTo(p.sentAt());
        return c > 0 || (c == 0 && all.indexOf(candidate) > all.indexOf(p));
    }
}
