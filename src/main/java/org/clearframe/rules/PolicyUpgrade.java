package org.clearframe.rules;

import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What moving from one policy to another changes: the rules added, removed and changed, and for one production the
 * flags it gains or loses and the signatures it no longer needs or now needs from someone new. Pure: the producer
 * sees this before deciding, and nothing is written until they apply it.
 *
 * <p>Sign-offs are keyed by rule id, role and person, and bound to the shot's fingerprint, which a policy does not
 * change: a sign-off given under the old policy still counts under the new one wherever the new one asks the same
 * question. That is why an upgrade never invalidates a signature; it can only ask for more, or for less.
 */
public record PolicyUpgrade(Policy from, Policy to, List<Rule> added, List<Rule> removed, List<RuleChange> changed) {

    public PolicyUpgrade {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** One rule kept under the same id whose content differs; {@code what} names each difference in plain words. */
    public record RuleChange(Rule before, Rule after, List<String> what) {
        public RuleChange {
            what = List.copyOf(what);
        }

        public String id() {
            return after.id();
        }
    }

    /** One signature question: this role (for this person, or null) under this rule on this shot. */
    public record Slot(UUID shotId, String ruleId, Role role, UUID subjectId, String who, boolean signed) {
        /** Same shot, rule, role and person: the key sign-offs are recorded under. */
        String question() {
            return shotId + "|" + ruleId + "|" + role + "|" + subjectId;
        }
    }

    /**
     * What the upgrade does to one production. {@code newFlags}: flags raised only under the new policy (new rules,
     * or rules that now apply more widely). {@code droppedFlags}: flags the new policy no longer raises.
     * {@code noLongerNeeded}: signatures the old policy asked for and the new one does not ({@code signed} says
     * whether one had been given). {@code newSigners}: signatures the new policy adds to a flag the production
     * already had under the old one, so a rule that was signed off opens again until that person signs.
     */
    public record Impact(List<Flag> newFlags, List<Flag> droppedFlags, List<Slot> noLongerNeeded, List<Slot> newSigners,
                         FlagIndex.Summary before, FlagIndex.Summary after) {
        public Impact {
            newFlags = List.copyOf(newFlags);
            droppedFlags = List.copyOf(droppedFlags);
            noLongerNeeded = List.copyOf(noLongerNeeded);
            newSigners = List.copyOf(newSigners);
        }

        public boolean changesNothing() {
            return newFlags.isEmpty() && droppedFlags.isEmpty() && noLongerNeeded.isEmpty() && newSigners.isEmpty();
        }
    }

    /** The rule-level differences from {@code from} to {@code to}, in the new policy's rule order. */
    public static PolicyUpgrade between(Policy from, Policy to) {
        Map<String, Rule> before = byId(from.rules());
        Map<String, Rule> after = byId(to.rules());
        List<Rule> added = new ArrayList<>();
        List<RuleChange> changed = new ArrayList<>();
        for (Rule r : to.rules()) {
            Rule old = before.get(r.id());
            if (old == null) added.add(r);
            else if (!old.equals(r)) changed.add(new RuleChange(old, r, differences(old, r)));
        }
        List<Rule> removed = from.rules().stream().filter(r -> !after.containsKey(r.id())).toList();
        return new PolicyUpgrade(from, to, added, removed, changed);
    }

    /** What applying this upgrade would do to {@code data}, which is under {@link #from} now. */
    public Impact impact(ProductionData data) {
        Map<UUID, List<Flag>> before = Evaluator.evaluateAll(from, data);
        Map<UUID, List<Flag>> after = Evaluator.evaluateAll(to, data);
        Set<String> beforeKeys = flagKeys(before.values());
        Set<String> afterKeys = flagKeys(after.values());
        List<Flag> newFlags = flatten(after.values()).stream().filter(f -> !beforeKeys.contains(key(f))).toList();
        List<Flag> dropped = flatten(before.values()).stream().filter(f -> !afterKeys.contains(key(f))).toList();

        Map<String, Slot> oldSlots = slots(before.values(), null);
        Map<String, Slot> newSlots = slots(after.values(), null);
        List<Slot> noLongerNeeded = oldSlots.values().stream().filter(s -> !newSlots.containsKey(s.question())).toList();
        // Only flags the production already had: a brand-new flag's signatures are reported with the flag.
        List<Slot> newSigners = slots(after.values(), beforeKeys).values().stream()
                .filter(s -> !oldSlots.containsKey(s.question())).toList();
        return new Impact(newFlags, dropped, noLongerNeeded, newSigners,
                FlagIndex.Summary.of(before.values()), FlagIndex.Summary.of(after.values()));
    }

    /** The preview a producer reads before applying the upgrade, one line per item, for the app and reports. */
    public List<String> describe(ProductionData data) {
        Impact impact = impact(data);
        Map<UUID, Shot> shots = ProductionData.index(data.shots(), Shot::id);
        Map<UUID, Scene> scenes = ProductionData.index(data.scenes(), Scene::id);
        List<String> out = new ArrayList<>();
        out.add("From " + from.display() + " to " + to.display() + ".");
        out.add("");
        out.add("Rules added (" + added.size() + "):");
        for (Rule r : added) out.add("  + " + r.id() + "  " + r.title() + " [" + r.severity().label() + "]");
        out.add("Rules removed (" + removed.size() + "):");
        for (Rule r : removed) out.add("  - " + r.id() + "  " + r.title());
        out.add("Rules changed (" + changed.size() + "):");
        for (RuleChange c : changed) out.add("  * " + c.id() + ": " + String.join("; ", c.what()));
        out.add("");
        out.add("For this production:");
        out.add("New flags (" + impact.newFlags().size() + "):");
        for (Flag f : impact.newFlags()) out.add("  + " + where(f.shotId(), shots, scenes) + ": " + f.rule().id() + " [" + f.rule().severity().label() + "] " + f.reason());
        out.add("Flags no longer raised (" + impact.droppedFlags().size() + "):");
        for (Flag f : impact.droppedFlags()) out.add("  - " + where(f.shotId(), shots, scenes) + ": " + f.rule().id());
        out.add("Signatures no longer needed (" + impact.noLongerNeeded().size() + "):");
        for (Slot s : impact.noLongerNeeded()) out.add("  - " + where(s.shotId(), shots, scenes) + ": " + s.ruleId() + ", " + s.who() + (s.signed() ? " (had signed)" : ""));
        out.add("Signatures that now need a new signer (" + impact.newSigners().size() + "):");
        for (Slot s : impact.newSigners()) out.add("  + " + where(s.shotId(), shots, scenes) + ": " + s.ruleId() + ", " + s.who());
        out.add("");
        out.add("Open blocking flags: " + impact.before().openBlocking() + " now, " + impact.after().openBlocking() + " after the upgrade.");
        return out;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static List<String> differences(Rule a, Rule b) {
        List<String> what = new ArrayList<>();
        if (!a.when().equals(b.when())) what.add("applies in different situations");
        if (!a.mustSign().equals(b.mustSign())) {
            List<String> gains = b.mustSign().stream().filter(r -> !a.mustSign().contains(r)).map(Role::label).toList();
            List<String> loses = a.mustSign().stream().filter(r -> !b.mustSign().contains(r)).map(Role::label).toList();
            StringBuilder s = new StringBuilder("who signs");
            if (!gains.isEmpty()) s.append(": adds ").append(String.join(", ", gains));
            if (!loses.isEmpty()) s.append(gains.isEmpty() ? ": " : "; ").append("no longer ").append(String.join(", ", loses));
            if (gains.isEmpty() && loses.isEmpty()) s.append(": new order");
            what.add(s.toString());
        }
        if (a.severity() != b.severity()) what.add("severity " + a.severity().label().toLowerCase() + " to " + b.severity().label().toLowerCase());
        if (!a.sources().equals(b.sources())) {
            String before = a.sources().stream().map(Source::label).collect(Collectors.joining(", "));
            String after = b.sources().stream().map(Source::label).collect(Collectors.joining(", "));
            // Same labels: only the sources' own entries changed (dates, what was checked, the document's name).
            what.add(before.equals(after) ? "source details (document, dates, what was checked)" : "sources " + before + " to " + after);
        }
        if (!a.title().equals(b.title()) || !a.explanation().equals(b.explanation())) what.add("wording");
        return what;
    }

    private static Map<String, Rule> byId(List<Rule> rules) {
        Map<String, Rule> map = new LinkedHashMap<>();
        for (Rule r : rules) map.put(r.id(), r);
        return map;
    }

    private static String key(Flag f) {
        return f.shotId() + "|" + f.rule().id() + "|" + f.aiUse().id();
    }

    private static Set<String> flagKeys(Collection<List<Flag>> flags) {
        Set<String> keys = new LinkedHashSet<>();
        for (List<Flag> list : flags) for (Flag f : list) keys.add(key(f));
        return keys;
    }

    private static List<Flag> flatten(Collection<List<Flag>> flags) {
        List<Flag> out = new ArrayList<>();
        for (List<Flag> list : flags) out.addAll(list);
        return out;
    }

    /** Distinct signature questions of these flags, optionally only of flags whose key is in {@code onlyFlags}. */
    private static Map<String, Slot> slots(Collection<List<Flag>> flags, Set<String> onlyFlags) {
        Map<String, Slot> out = new LinkedHashMap<>();
        for (List<Flag> list : flags) {
            for (Flag f : list) {
                if (onlyFlags != null && !onlyFlags.contains(key(f))) continue;
                for (RequiredSignature s : f.signatures()) {
                    Slot slot = new Slot(f.shotId(), f.rule().id(), s.role(), s.subjectId(), s.who(), s.latestOrNull() != null);
                    out.putIfAbsent(slot.question(), slot);
                }
            }
        }
        return out;
    }

    private static String where(UUID shotId, Map<UUID, Shot> shots, Map<UUID, Scene> scenes) {
        Shot shot = shots.get(shotId);
        if (shot == null) return "shot ?";
        Scene scene = scenes.get(shot.sceneId());
        return "scene " + (scene == null ? "?" : scene.number()) + ", shot " + shot.number();
    }
}
