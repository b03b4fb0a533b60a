package org.clearframe.ui;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.rules.DueDates;
import org.clearframe.rules.Flag;
import org.clearframe.testkit.Gen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The counts the session keeps edit by edit instead of counting over every shot (shots per department, AI uses per
 * performer, what is due this week, the consent gaps) against the same counts worked out from scratch, after each
 * step of a seeded run of edits, deletes of departments and performers in use, calendar changes, undos and redos.
 */
class SessionKeptCountsTest {

    @TempDir Path dir;

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void keptCountsMatchACountFromScratchThroughEditsDeletesAndUndo() throws Exception {
        for (long seed : Gen.seeds(1313, 3).toArray()) {
            try (OpenProduction p = new OpenProduction(dir.resolve("counts-" + seed + ".clearframe"))) {
                Gen gen = new Gen(seed);
                List<Scene> scenes = new ArrayList<>();
                for (int i = 1; i <= 4; i++) scenes.add(p.scene(Integer.toString(i), gen.text()));
                for (int i = 0; i < 3; i++) p.department(gen.name());
                for (int i = 0; i < 4; i++) p.castMember(gen.name(), gen.text());
                p.session.setShootDay(1, TODAY.plusDays(2));
                p.session.setShootDay(2, TODAY.plusDays(12));
                p.session.setSceneDay(scenes.get(0).id(), 1);
                p.session.setSceneDay(scenes.get(1).id(), 2);
                assertKept(p, "at the start, seed " + seed); // the due tally exists from here on and is kept per edit

                for (int step = 0; step < 60; step++) {
                    String what = "seed " + seed + ", step " + step;
                    List<UUID> cast = p.session.cast().stream().map(CastMember::id).toList();
                    List<UUID> departments = p.session.departments().stream().map(Department::id).toList();
                    int roll = gen.between(0, 9);
                    if (roll <= 2 || p.session.shots().isEmpty()) {
                        Scene s = gen.pick(p.session.scenes());
                        p.session.addShot(gen.shot(s.id(), "G" + step, cast, departments), gen.between(0, 3));
                    } else if (roll <= 4) {
                        Shot s = gen.pick(p.session.shots());
                        List<AiUse> uses = new ArrayList<>(s.aiUses());
                        if (uses.isEmpty() || gen.chance(0.6)) uses.add(gen.aiUse(cast, departments)); else uses.remove(0);
                        p.session.saveShot(s.withAiUses(uses).edit().departmentIds(gen.someOf(departments, 2)).build());
                    } else if (roll == 5) {
                        p.session.deleteShots(List.of(gen.pick(p.session.shots())));
                    } else if (roll == 6 && !p.session.departments().isEmpty()) {
                        p.session.deleteDepartment(gen.pick(p.session.departments()));
                    } else if (roll == 7 && !p.session.cast().isEmpty()) {
                        p.session.deleteCastMember(gen.pick(p.session.cast()));
                    } else if (roll == 8) {
                        p.session.setDueDate(gen.pick(p.session.shots()).id(), gen.chance(0.5) ? TODAY.plusDays(gen.between(-3, 9)) : null);
                        p.session.setSceneDay(gen.pick(p.session.scenes()).id(), gen.chance(0.7) ? gen.between(1, 2) : null);
                    } else {
                        p.session.undo();
                        if (gen.chance(0.4)) p.session.redo();
                    }
                    assertKept(p, what);
                }
            }
        }
    }

    private static void assertKept(OpenProduction p, String what) {
        Session session = p.session;
        ProductionData now = session.snapshot();
        Map<UUID, Set<UUID>> byDepartment = new HashMap<>();
        Map<UUID, Integer> usesByPerformer = new HashMap<>();
        for (Shot s : now.shots()) {
            Set<UUID> involved = new HashSet<>(s.departmentIds());
            for (AiUse u : s.aiUses()) {
                involved.addAll(u.departmentIds());
                for (UUID c : u.performerIds()) usesByPerformer.merge(c, 1, Integer::sum);
            }
            for (UUID d : involved) byDepartment.computeIfAbsent(d, k -> new HashSet<>()).add(s.id());
        }
        for (Department d : now.departments()) {
            assertEquals(byDepartment.getOrDefault(d.id(), Set.of()).size(), session.shotCountOfDepartment(d.id()), what + ": shots of " + d.name());
        }
        for (CastMember c : now.cast()) {
            assertEquals(usesByPerformer.getOrDefault(c.id(), 0), session.aiUseCountOf(c.id()), what + ": AI uses naming " + c.performer());
        }
        Map<UUID, List<Flag>> flags = new HashMap<>();
        for (Shot s : now.shots()) flags.put(s.id(), session.flags(s.id()));
        int urgent = 0;
        for (DueDates.Due d : DueDates.all(now, flags, session.schedule())) {
            DueDates.Urgency u = d.urgency(TODAY);
            if (u == DueDates.Urgency.OVERDUE || u == DueDates.Urgency.DUE_THIS_WEEK) urgent++;
        }
        assertEquals(urgent, session.urgentSignatures(TODAY), what + ": signatures due this week");
        int gaps = 0;
        for (Shot s : now.shots()) if (s.hasAiUse()) for (var c : session.consentCoverage(s)) if (!c.covered()) gaps++;
        assertEquals(gaps, session.consentGaps(), what + ": consent gaps");
    }
}
