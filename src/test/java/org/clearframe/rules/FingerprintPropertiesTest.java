package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.Factor;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.testkit.Gen;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The fingerprint changes exactly when AI-relevant content changes (see {@link Fingerprint}'s javadoc), over
 * generated shots: every documented relevant field of the shot and of each AI use, changed alone, changes it;
 * the camera and scheduling fields do not; nor does the order of AI uses or of the ids and sets inside one.
 * Each case names its seed; {@code new Gen(seed)} rebuilds it.
 */
class FingerprintPropertiesTest {

    static LongStream seeds() {
        return Gen.seeds(0xF1A6E2L, 200);
    }

    private static final List<UUID> CAST = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    private static final List<UUID> DEPARTMENTS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    private static Shot shotWithUses(Gen g) {
        Shot shot = g.shot(UUID.randomUUID(), Integer.toString(g.between(1, 99)), CAST, DEPARTMENTS);
        while (!shot.hasAiUse()) shot = shot.withAiUses(List.of(g.aiUse(CAST, DEPARTMENTS)));
        return shot;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyRelevantChangeChangesIt(long seed) {
        Gen g = new Gen(seed);
        Shot shot = shotWithUses(g);
        String before = Fingerprint.of(shot);
        int i = g.random().nextInt(shot.aiUses().size());
        AiUse u = shot.aiUses().get(i);
        Map<String, Shot> changes = new LinkedHashMap<>();
        changes.put("shot id", new Shot(UUID.randomUUID(), shot.sceneId(), shot.number(), shot.description(), shot.size(), shot.angle(),
                shot.movement(), shot.lens(), shot.durationSeconds(), shot.departmentIds(), shot.notes(), shot.aiUses()));
        changes.put("description", shot.edit().description(g.otherText(shot.description())).build());
        changes.put("an AI use added", shot.withAiUses(plus(shot.aiUses(), g.aiUse(CAST, DEPARTMENTS))));
        changes.put("an AI use removed", shot.withAiUses(minus(shot.aiUses(), i)));
        changes.put("AI use id", with(shot, i, new AiUse(UUID.randomUUID(), u.technique(), u.purpose(), u.tool(), u.output(), u.performerIds(),
                u.departmentIds(), u.uploads(), u.vendorTrains(), u.factors(), u.notes())));
        changes.put("technique", with(shot, i, edit(u, x -> x.technique = g.other(Technique.class, u.technique()))));
        changes.put("purpose", with(shot, i, u.withPurpose(g.otherText(u.purpose()))));
        changes.put("tool", with(shot, i, edit(u, x -> x.tool = g.otherText(u.tool()))));
        changes.put("output", with(shot, i, edit(u, x -> x.output = g.other(Output.class, u.output()))));
        changes.put("performers", with(shot, i, edit(u, x -> x.performers = toggled(u.performerIds(), g.pick(CAST)))));
        changes.put("departments of the AI use", with(shot, i, edit(u, x -> x.departments = toggled(u.departmentIds(), g.pick(DEPARTMENTS)))));
        changes.put("uploads", with(shot, i, edit(u, x -> x.uploads = toggled(u.uploads(), g.pick(Material.class)))));
        changes.put("vendor trains", with(shot, i, edit(u, x -> x.vendorTrains = g.other(Tristate.class, u.vendorTrains()))));
        changes.put("factors", with(shot, i, edit(u, x -> x.factors = toggled(u.factors(), g.pick(Factor.class)))));
        changes.put("AI use notes", with(shot, i, edit(u, x -> x.notes = g.otherText(u.notes()))));
        changes.forEach((what, changed) -> assertNotEquals(before, Fingerprint.of(changed), "seed " + seed + ": changing " + what));
        // Text moved from one field into the next must not encode alike (values are length-prefixed).
        Shot moved = with(shot, i, edit(u, x -> {
            x.purpose = u.purpose() + ";" + u.tool();
            x.tool = "";
        }));
        if (!u.tool().isEmpty()) assertNotEquals(before, Fingerprint.of(moved), "seed " + seed + ": tool text moved into the purpose");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cameraAndSchedulingChangesDoNot(long seed) {
        Gen g = new Gen(seed);
        Shot shot = shotWithUses(g);
        String before = Fingerprint.of(shot);
        Map<String, Shot> changes = new LinkedHashMap<>();
        changes.put("number", shot.edit().number(g.otherText(shot.number())).build());
        changes.put("lens", shot.edit().lens(g.otherText(shot.lens())).build());
        changes.put("size", shot.edit().size(shot.size() == null ? g.pick(ShotSize.class) : g.chance(0.5) ? null : g.other(ShotSize.class, shot.size())).build());
        changes.put("angle", shot.edit().angle(g.otherText(shot.angle())).build());
        changes.put("movement", shot.edit().movement(g.otherText(shot.movement())).build());
        changes.put("duration", shot.edit().durationSeconds(shot.durationSeconds() + g.between(1, 100)).build());
        changes.put("departments of the shot", shot.edit().departmentIds(toggled(shot.departmentIds(), g.pick(DEPARTMENTS))).build());
        changes.put("notes of the shot", shot.edit().notes(g.otherText(shot.notes())).build());
        changes.forEach((what, changed) -> assertEquals(before, Fingerprint.of(changed), "seed " + seed + ": changing " + what));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void orderThatMeansNothingDoesNot(long seed) {
        Gen g = new Gen(seed);
        Shot shot = shotWithUses(g);
        while (shot.aiUses().size() < 2) shot = shot.withAiUses(plus(shot.aiUses(), g.aiUse(CAST, DEPARTMENTS)));
        List<AiUse> shuffled = new ArrayList<>();
        for (AiUse u : shot.aiUses()) {
            List<UUID> performers = new ArrayList<>(u.performerIds());
            List<UUID> departments = new ArrayList<>(u.departmentIds());
            Collections.shuffle(performers, g.random());
            Collections.shuffle(departments, g.random());
            shuffled.add(new AiUse(u.id(), u.technique(), u.purpose(), u.tool(), u.output(), performers, departments, u.uploads(),
                    u.vendorTrains(), u.factors(), u.notes()));
        }
        Collections.shuffle(shuffled, g.random());
        assertEquals(Fingerprint.of(shot), Fingerprint.of(shot.withAiUses(shuffled)), "seed " + seed);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The fields of an AI use, to change one or two and build it again. */
    private static final class Fields {
        Technique technique;
        String purpose, tool, notes;
        Output output;
        List<UUID> performers, departments;
        Set<Material> uploads;
        Tristate vendorTrains;
        Set<Factor> factors;
    }

    private static AiUse edit(AiUse u, Consumer<Fields> change) {
        Fields f = new Fields();
        f.technique = u.technique();
        f.purpose = u.purpose();
        f.tool = u.tool();
        f.notes = u.notes();
        f.output = u.output();
        f.performers = u.performerIds();
        f.departments = u.departmentIds();
        f.uploads = u.uploads();
        f.vendorTrains = u.vendorTrains();
        f.factors = u.factors();
        change.accept(f);
        return new AiUse(u.id(), f.technique, f.purpose, f.tool, f.output, f.performers, f.departments, f.uploads, f.vendorTrains, f.factors, f.notes);
    }

    private static Shot with(Shot shot, int i, AiUse use) {
        List<AiUse> uses = new ArrayList<>(shot.aiUses());
        uses.set(i, use);
        return shot.withAiUses(uses);
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> minus(List<T> list, int i) {
        List<T> copy = new ArrayList<>(list);
        copy.remove(i);
        return copy;
    }

    private static <T> List<T> toggled(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        if (!copy.remove(item)) copy.add(item);
        return copy;
    }

    private static <E extends Enum<E>> Set<E> toggled(Set<E> set, E item) {
        Set<E> copy = set.isEmpty() ? EnumSet.noneOf(item.getDeclaringClass()) : EnumSet.copyOf(set);
        if (!copy.remove(item)) copy.add(item);
        return copy;
    }
}
