package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.Factor;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What changed in a shot's AI plan since a sign-off was given, field by field, in words a signer reads:
 * "Output: Temporary -> Final; uploads added: likeness". Only the fields the fingerprint covers are compared, so the
 * list is empty exactly when the sign-off is not stale for a change of plan.
 */
public final class ChangeList {

    private ChangeList() {}

    /** The changes from {@code signed} to {@code now}; names of people and departments are taken from {@code data}. */
    public static List<String> between(ShotContent signed, Shot now, ProductionData data) {
        List<String> changes = new ArrayList<>();
        if (!signed.description().equals(now.description())) {
            changes.add("Description: " + quote(signed.description()) + " -> " + quote(now.description()));
        }
        Map<UUID, AiUse> before = byId(signed.aiUses());
        Map<UUID, AiUse> after = byId(now.aiUses());
        boolean several = before.size() > 1 || after.size() > 1;
        for (AiUse old : before.values()) {
            AiUse current = after.get(old.id());
            if (current == null) changes.add("AI use removed: " + useName(old));
            else compare(old, current, several ? useName(current) + ": " : "", data, changes);
        }
        for (AiUse added : after.values()) {
            if (!before.containsKey(added.id())) changes.add("AI use added: " + useName(added));
        }
        return changes;
    }

    /** The changes joined into one line, or "" when there are none. */
    public static String summary(ShotContent signed, Shot now, ProductionData data) {
        return String.join("; ", between(signed, now, data));
    }

    private static void compare(AiUse a, AiUse b, String prefix, ProductionData data, List<String> out) {
        if (a.technique() != b.technique()) out.add(prefix + "Technique: " + technique(a.technique()) + " -> " + technique(b.technique()));
        if (!a.purpose().equals(b.purpose())) out.add(prefix + "Purpose: " + quote(a.purpose()) + " -> " + quote(b.purpose()));
        if (!a.tool().equals(b.tool())) out.add(prefix + "Tool: " + quote(a.tool()) + " -> " + quote(b.tool()));
        if (a.output() != b.output()) out.add(prefix + "Output: " + output(a.output()) + " -> " + output(b.output()));
        Map<UUID, String> cast = new LinkedHashMap<>();
        data.cast().forEach(c -> cast.put(c.id(), c.performer()));
        Map<UUID, String> departments = new LinkedHashMap<>();
        data.departments().forEach(d -> departments.put(d.id(), d.name()));
        addedRemoved(prefix + "performers", a.performerIds(), b.performerIds(), id -> cast.getOrDefault(id, "a performer no longer in the cast"), out);
        addedRemoved(prefix + "departments", a.departmentIds(), b.departmentIds(), id -> departments.getOrDefault(id, "a deleted department"), out);
        addedRemoved(prefix + "uploads", a.uploads(), b.uploads(), ChangeList::material, out);
        if (a.vendorTrains() != b.vendorTrains()) {
            out.add(prefix + "Tool may train on uploads: " + a.vendorTrains().label() + " -> " + b.vendorTrains().label());
        }
        addedRemoved(prefix + "facts", a.factors(), b.factors(), ChangeList::factor, out);
        if (!a.notes().equals(b.notes())) out.add(prefix + "Notes: " + quote(a.notes()) + " -> " + quote(b.notes()));
    }

    private static <T> void addedRemoved(String what, Collection<T> before, Collection<T> after, Function<T, String> name, List<String> out) {
        List<String> added = after.stream().filter(v -> !before.contains(v)).map(name).sorted().toList();
        List<String> removed = before.stream().filter(v -> !after.contains(v)).map(name).sorted().toList();
        if (!added.isEmpty()) out.add(what + " added: " + String.join(", ", added));
        if (!removed.isEmpty()) out.add(what + " removed: " + String.join(", ", removed));
    }

    private static Map<UUID, AiUse> byId(List<AiUse> uses) {
        Map<UUID, AiUse> map = new LinkedHashMap<>();
        uses.forEach(u -> map.put(u.id(), u));
        return map;
    }

    private static String useName(AiUse u) {
        return technique(u.technique()) + (u.purpose().isBlank() ? "" : " (" + shorten(u.purpose()) + ")");
    }

    private static String technique(Technique t) {
        return t.label();
    }

    private static String output(Output o) {
        return o == Output.FINAL ? "Final" : "Temporary";
    }

    private static String material(Material m) {
        return switch (m) {
            case PRODUCTION_MATERIAL -> "production material";
            case LIKENESS_OR_VOICE -> "likeness";
            case PERSONAL_DATA -> "personal data";
        };
    }

    private static String factor(Factor f) {
        String label = f.label();
        return label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
    }

    private static String quote(String s) {
        return s.isBlank() ? "(empty)" : "\"" + shorten(s) + "\"";
    }

    private static String shorten(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
