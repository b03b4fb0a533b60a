package org.clearframe.ui;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.clearframe.model.AiUse;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The shots and sign-offs of an open production by id, and who each shot names, kept in step with the lists by their
 * listeners: an edit finds a shot, its sign-offs, or the shots that use a department or a performer without a scan
 * over every shot, and the counts the pages show are kept as shots come and go rather than counted again per edit.
 */
final class ShotIndex {

    private final Map<UUID, Shot> shotById = new HashMap<>();
    private final Map<UUID, List<SignOff>> signOffsByShot = new HashMap<>();
    private final Map<UUID, Integer> shotsPerScene = new HashMap<>();
    /**
     * How many shots involve each department, directly or through an AI use (a set of their ids would be an entry per
     * shot and department, megabytes at 100,000 shots, for a question asked only when a used department is deleted);
     * the shots whose AI uses name a performer (few per performer, asked at every cast edit).
     */
    private final Map<UUID, Integer> shotsPerDepartment = new HashMap<>();
    private final Map<UUID, Set<UUID>> shotsByPerformer = new HashMap<>();
    private final Map<UUID, Integer> aiUsesPerPerformer = new HashMap<>();
    private final ReadOnlyIntegerWrapper shotsWithAiUse = new ReadOnlyIntegerWrapper();

    ShotIndex(ObservableList<Shot> shots, ObservableList<SignOff> signOffs) {
        shots.addListener(this::indexShots);
        signOffs.addListener(this::indexSignOffs);
    }

    Shot shot(UUID id) {
        return shotById.get(id);
    }

    boolean hasShot(UUID id) {
        return shotById.containsKey(id);
    }

    /** The shot's sign-offs, in the order recorded. */
    List<SignOff> signOffsOf(UUID shotId) {
        return signOffsByShot.getOrDefault(shotId, List.of());
    }

    int shotCountOfScene(UUID sceneId) {
        return shotsPerScene.getOrDefault(sceneId, 0);
    }

    int shotCountOfDepartment(UUID departmentId) {
        return shotsPerDepartment.getOrDefault(departmentId, 0);
    }

    int aiUseCountOf(UUID castId) {
        return aiUsesPerPerformer.getOrDefault(castId, 0);
    }

    /**
     * The ids of the shots that involve the department (a copy: the caller may change the shots while it reads). Looks
     * at every shot, but only for a department some shot uses.
     */
    Set<UUID> shotsUsingDepartment(UUID departmentId) {
        if (shotCountOfDepartment(departmentId) == 0) return Set.of();
        Set<UUID> out = new HashSet<>();
        for (Shot s : shotById.values()) if (involves(s, departmentId)) out.add(s.id());
        return out;
    }

    private static boolean involves(Shot s, UUID departmentId) {
        if (s.departmentIds().contains(departmentId)) return true;
        for (AiUse u : s.aiUses()) if (u.departmentIds().contains(departmentId)) return true;
        return false;
    }

    /** The ids of the shots with an AI use naming the performer (a copy). */
    Set<UUID> shotsNamingPerformer(UUID castId) {
        return Set.copyOf(shotsByPerformer.getOrDefault(castId, Set.of()));
    }

    ReadOnlyIntegerProperty shotsWithAiUseProperty() {
        return shotsWithAiUse.getReadOnlyProperty();
    }

    private void indexShots(ListChangeListener.Change<? extends Shot> c) {
        int ai = shotsWithAiUse.get();
        while (c.next()) {
            for (Shot s : c.getRemoved()) {
                if (!shotById.remove(s.id(), s)) continue;
                if (s.hasAiUse()) ai--;
                count(s, -1);
            }
        }
        c.reset();
        while (c.next()) {
            for (Shot s : c.getAddedSubList()) {
                Shot was = shotById.put(s.id(), s);
                if (was != null) {
                    if (was.hasAiUse()) ai--;
                    count(was, -1);
                }
                if (s.hasAiUse()) ai++;
                count(s, 1);
            }
        }
        shotsWithAiUse.set(ai);
    }

    private void count(Shot s, int sign) {
        shotsPerScene.merge(s.sceneId(), sign, Integer::sum);
        Set<UUID> departmentsOf = new HashSet<>(s.departmentIds());
        Set<UUID> performersOf = new HashSet<>();
        for (AiUse u : s.aiUses()) {
            departmentsOf.addAll(u.departmentIds());
            performersOf.addAll(u.performerIds());
            for (UUID p : u.performerIds()) aiUsesPerPerformer.merge(p, sign, Integer::sum);
        }
        for (UUID d : departmentsOf) shotsPerDepartment.merge(d, sign, (a, b) -> a + b == 0 ? null : a + b);
        for (UUID p : performersOf) link(shotsByPerformer, p, s.id(), sign);
    }

    private static void link(Map<UUID, Set<UUID>> index, UUID key, UUID shotId, int sign) {
        if (sign > 0) {
            index.computeIfAbsent(key, k -> new HashSet<>()).add(shotId);
            return;
        }
        Set<UUID> of = index.get(key);
        if (of != null && of.remove(shotId) && of.isEmpty()) index.remove(key);
    }

    private void indexSignOffs(ListChangeListener.Change<? extends SignOff> c) {
        while (c.next()) {
            for (SignOff s : c.getRemoved()) {
                List<SignOff> of = signOffsByShot.get(s.shotId());
                if (of == null) continue;
                List<SignOff> rest = new ArrayList<>(of);
                rest.remove(s);
                if (rest.isEmpty()) signOffsByShot.remove(s.shotId()); else signOffsByShot.put(s.shotId(), List.copyOf(rest));
            }
        }
        c.reset();
        while (c.next()) {
            for (SignOff s : c.getAddedSubList()) {
                List<SignOff> rest = new ArrayList<>(signOffsByShot.getOrDefault(s.shotId(), List.of()));
                rest.add(s);
                signOffsByShot.put(s.shotId(), List.copyOf(rest));
            }
        }
    }
}
