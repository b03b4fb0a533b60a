package org.clearframe.rules;

import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which department's head signs for which role: the one answer the PDF's department filter and summary, share
 * packages and reply import all use. A role is signed in the department its usual holder heads
 * ({@link Role#department()}); department names are compared as {@link Names} compares people's names, so a
 * zero-width space or a different case is the same department, while a look-alike ("VFХ" with a Cyrillic Х) is a
 * different one and signs for nothing the real one signs for.
 */
public final class SigningDepartments {

    private SigningDepartments() {}

    /**
     * The department names a production knows, each once: its own departments in its order, then the other
     * departments some role belongs to ("Cast" for performers). A production's spelling wins over a role's.
     */
    public static List<String> names(ProductionData data) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (Department d : data.departments()) {
            String key = Names.normalise(d.name());
            if (!key.isEmpty()) byKey.putIfAbsent(key, d.name());
        }
        for (Role r : Role.values()) byKey.putIfAbsent(Names.normalise(r.department()), r.department());
        return List.copyOf(byKey.values());
    }

    /** The names of {@link #names} whose head signs for at least one role: the departments a package can be sent to. */
    public static List<String> signing(ProductionData data) {
        return names(data).stream().filter(n -> !rolesOf(n).isEmpty()).toList();
    }

    /** The roles the head of the department called {@code department} signs for, in the roles' order; empty if none. */
    public static List<Role> rolesOf(String department) {
        List<Role> roles = new ArrayList<>();
        for (Role r : Role.values()) if (signsFor(department, r)) roles.add(r);
        return List.copyOf(roles);
    }

    /** True when the head of the department called {@code department} signs for {@code role}. */
    public static boolean signsFor(String department, Role role) {
        String key = Names.normalise(department);
        return !key.isEmpty() && key.equals(Names.normalise(role.department()));
    }

    /** The ids of the production's departments called {@code department} (the rows whose shots concern its head). */
    public static Set<UUID> departmentIds(ProductionData data, String department) {
        String key = Names.normalise(department);
        Set<UUID> ids = new HashSet<>();
        if (key.isEmpty()) return ids;
        for (Department d : data.departments()) if (Names.normalise(d.name()).equals(key)) ids.add(d.id());
        return ids;
    }

    /**
     * The departments of {@link #names} that {@code wanted} can mean: the one with that very name; else every name
     * that contains it ("costume" finds "Costume / Wardrobe"). One element is a match, several are ambiguous, none is
     * an unknown name. Parts are compared on normalised names, so a look-alike letter matches nothing.
     */
    public static List<String> find(ProductionData data, String wanted) {
        String key = Names.normalise(wanted);
        if (key.isEmpty()) return List.of();
        List<String> names = names(data);
        for (String n : names) if (Names.normalise(n).equals(key)) return List.of(n);
        return names.stream().filter(n -> Names.normalise(n).contains(key)).toList();
    }
}
