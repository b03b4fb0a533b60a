package org.clearframe.rules;

import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Which sign-offs an edit would make stale, worked out before it is made so the producer can be asked first. A
 * sign-off is voided when it is the newest answer for its question, it is current now (signed for the shot's
 * fingerprint as it stands) and the edited shot's fingerprint differs. Older or already stale sign-offs are not
 * named: the edit takes nothing from them that is not already gone.
 */
public final class VoidedSignOffs {

    /** In the order signed; of equal times, in the policy's order of roles, so the warning reads the same every time. */
    private static final java.util.Comparator<SignOff> ORDER = java.util.Comparator.comparing(SignOff::signedAt)
            .thenComparing(SignOff::role).thenComparing(SignOff::signer).thenComparing(s -> s.id().toString());

    private VoidedSignOffs() {}

    /** The current sign-offs of the shots in {@code before} that the edits in {@code after} (same ids) would make stale. */
    public static List<SignOff> by(Collection<Shot> before, Collection<Shot> after, Collection<SignOff> signOffs) {
        Map<UUID, Shot> edited = new HashMap<>();
        for (Shot s : after) edited.put(s.id(), s);
        Map<UUID, String> nowPrint = new HashMap<>();
        Map<UUID, String> nextPrint = new HashMap<>();
        for (Shot s : before) {
            Shot next = edited.get(s.id());
            if (next == null) continue;
            String now = Fingerprint.of(s);
            String then = Fingerprint.of(next);
            if (now.equals(then)) continue;
            nowPrint.put(s.id(), now);
            nextPrint.put(s.id(), then);
        }
        if (nowPrint.isEmpty()) return List.of();
        List<SignOff> voided = new ArrayList<>();
        for (SignOff s : latestPerQuestion(signOffs, nowPrint.keySet())) {
            if (s.fingerprint().equals(nowPrint.get(s.shotId()))) voided.add(s);
        }
        return voided;
    }

    /** One shot's edit. */
    public static List<SignOff> by(Shot before, Shot after, Collection<SignOff> signOffs) {
        return by(List.of(before), List.of(after), signOffs);
    }

    /** The current sign-offs of shots about to be deleted: they stop counting with the shot (undo brings them back). */
    public static List<SignOff> byDeleting(Collection<Shot> doomed, Collection<SignOff> signOffs) {
        Map<UUID, String> print = new HashMap<>();
        for (Shot s : doomed) print.put(s.id(), Fingerprint.of(s));
        List<SignOff> gone = new ArrayList<>();
        for (SignOff s : latestPerQuestion(signOffs, print.keySet())) if (s.fingerprint().equals(print.get(s.shotId()))) gone.add(s);
        return gone;
    }

    /**
     * "This change voids 4 sign-offs: Director (Ana Ruiz), VFX supervisor (Sam Lee), ..."; "" when nothing is voided.
     * Each role is named once per signer, in the order signed.
     */
    public static String warning(List<SignOff> voided) {
        if (voided.isEmpty()) return "";
        Set<String> who = new LinkedHashSet<>();
        voided.stream().sorted(ORDER)
                .forEach(s -> who.add(s.role().label() + (s.signer().isBlank() ? "" : " (" + s.signer() + ")")));
        List<String> names = new ArrayList<>(who);
        String listed = names.size() <= 6 ? String.join(", ", names) : String.join(", ", names.subList(0, 6)) + " and " + (names.size() - 6) + " more";
        return "This change voids " + voided.size() + (voided.size() == 1 ? " sign-off: " : " sign-offs: ") + listed;
    }

    private static List<SignOff> latestPerQuestion(Collection<SignOff> signOffs, Set<UUID> shots) {
        Map<List<Object>, SignOff> latest = new HashMap<>();
        for (SignOff s : signOffs) {
            if (!shots.contains(s.shotId())) continue;
            List<Object> key = java.util.Arrays.asList(s.shotId(), s.ruleId(), s.role(), s.subjectId());
            SignOff best = latest.get(key);
            if (best == null || !s.signedAt().isBefore(best.signedAt())) latest.put(key, s);
        }
        List<SignOff> out = new ArrayList<>(latest.values());
        out.removeIf(Objects::isNull);
        out.sort(ORDER);
        return out;
    }
}
