package org.clearframe.pdf;

import org.clearframe.model.AiUse;
import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.rules.Assessment;
import org.clearframe.rules.Flag;
import org.clearframe.rules.FlagIndex;
import org.clearframe.rules.Names;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.ShotStatus;
import org.clearframe.rules.SigningDepartments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What goes into one export, decided before any layout: which scenes and shots, which flags, the totals and
 * the sign-off summary groups. Shots of omitted scenes are left out everywhere (the scene prints as
 * "OMITTED"), since they are no longer in the script.
 */
final class Breakdown {

    /** A shot with the flags this export shows for it, in script order. */
    record ShotRow(Shot shot, List<Flag> flags, ShotStatus status) {}

    /** A scene with the shots this export shows; an omitted scene has none. */
    record SceneBlock(Scene scene, List<ShotRow> shots) {}

    /** The flags needing a signature from one department's roles ("Cast" for performers). */
    record Group(String department, String colour, List<Flag> flags) {}

    /** Counts over what this export shows; {@code flags} counts the shown flags as check and the app do. */
    record Totals(int scenes, int omittedScenes, int shots, int shotsWithAi, FlagIndex.Summary flags) {}

    /** Group name for a flag whose rule names no signer, so that every flag still appears in the summary. */
    static final String NO_SIGNER = "No signature required";

    /** Group name for flags no signature closes: only a record in the production (a consent, a named person) does. */
    static final String NEEDS_RECORD = "Needs a record in the production";

    final ProductionData data;
    final Assessment assessment;
    final ExportOptions options;
    final List<SceneBlock> scenes;
    final List<Group> groups;
    final Totals totals;
    /** The scene of each shot shown, for the summary's scene column. */
    final Map<UUID, Scene> sceneOfShot;
    final Map<UUID, Department> departmentsById;
    final Map<UUID, Shot> shotsById;

    private Breakdown(ProductionData data, Assessment assessment, ExportOptions options, List<SceneBlock> scenes, List<Group> groups,
                      Totals totals, Map<UUID, Scene> sceneOfShot) {
        this.data = data;
        this.assessment = assessment;
        this.options = options;
        this.scenes = scenes;
        this.groups = groups;
        this.totals = totals;
        this.sceneOfShot = sceneOfShot;
        this.departmentsById = ProductionData.index(data.departments(), Department::id);
        this.shotsById = ProductionData.index(data.shots(), Shot::id);
    }

    /** Department names an export can be limited to: the production's, then the signing roles' others. */
    static List<String> departmentNames(ProductionData data) {
        return SigningDepartments.names(data);
    }

    static Breakdown of(ProductionData data, Assessment assessment, ExportOptions options)
            throws ExportException {
        String dept = options.department();
        Set<UUID> deptIds = new HashSet<>();
        if (!options.allDepartments()) {
            List<String> known = departmentNames(data);
            if (known.stream().noneMatch(n -> Names.same(n, dept))) {
                throw new ExportException("No department is called '" + dept + "'. Choose one of: "
                        + String.join(", ", known) + ".");
            }
            deptIds = SigningDepartments.departmentIds(data, dept);
        }

        Map<UUID, List<Shot>> shotsByScene = new HashMap<>();
        for (Shot s : data.shots()) shotsByScene.computeIfAbsent(s.sceneId(), k -> new ArrayList<>()).add(s);

        List<SceneBlock> blocks = new ArrayList<>();
        Map<UUID, Scene> sceneOfShot = new HashMap<>();
        int scenesShown = 0, omitted = 0, shotCount = 0, withAi = 0;
        List<List<Flag>> shown = new ArrayList<>();
        for (Scene scene : data.scenes()) {
            if (scene.omitted()) {
                omitted++;
                if (options.allDepartments() && !options.flaggedOnly()) blocks.add(new SceneBlock(scene, List.of()));
                continue;
            }
            List<ShotRow> rows = new ArrayList<>();
            for (Shot shot : shotsByScene.getOrDefault(scene.id(), List.of())) {
                List<Flag> flags = new ArrayList<>();
                for (Flag f : assessment.flags(shot.id())) {
                    if (options.allDepartments() || touches(f, dept, deptIds)) flags.add(f);
                }
                boolean inDepartment = options.allDepartments() || touches(shot, deptIds) || !flags.isEmpty();
                if (!inDepartment || (options.flaggedOnly() && flags.isEmpty())) continue;
                rows.add(new ShotRow(shot, List.copyOf(flags), ShotStatus.of(shot.hasAiUse(), flags)));
                sceneOfShot.put(shot.id(), scene);
                shotCount++;
                if (shot.hasAiUse()) withAi++;
                shown.add(flags);
            }
            boolean filtered = !options.allDepartments() || options.flaggedOnly();
            if (filtered && rows.isEmpty()) continue;
            blocks.add(new SceneBlock(scene, List.copyOf(rows)));
            scenesShown++;
        }
        Totals totals = new Totals(scenesShown, omitted, shotCount, withAi, FlagIndex.Summary.of(shown));
        return new Breakdown(data, assessment, options, List.copyOf(blocks), groups(data, blocks), totals, sceneOfShot);
    }

    private static boolean touches(Shot shot, Set<UUID> deptIds) {
        if (shot.departmentIds().stream().anyMatch(deptIds::contains)) return true;
        return shot.aiUses().stream().anyMatch(u -> touches(u, deptIds));
    }

    private static boolean touches(AiUse use, Set<UUID> deptIds) {
        return use != null && use.departmentIds().stream().anyMatch(deptIds::contains);
    }

    private static boolean touches(Flag flag, String dept, Set<UUID> deptIds) {
        return flag.signatures().stream().anyMatch(s -> SigningDepartments.signsFor(dept, s.role()))
                || touches(flag.aiUse(), deptIds);
    }

    /** Groups in the production's department order, then the roles' other departments, then flags with no signer. */
    private static List<Group> groups(ProductionData data, List<SceneBlock> blocks) {
        Map<String, List<Flag>> byDept = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> colours = new HashMap<>();
        for (Department d : data.departments()) colours.putIfAbsent(Names.normalise(d.name()), d.colour());
        for (String name : SigningDepartments.names(data)) names.put(Names.normalise(name), name);
        names.put(Names.normalise(NEEDS_RECORD), NEEDS_RECORD);
        names.put(Names.normalise(NO_SIGNER), NO_SIGNER);
        for (String key : names.keySet()) byDept.put(key, new ArrayList<>());

        for (SceneBlock block : blocks) {
            for (ShotRow row : block.shots()) {
                List<Flag> sorted = new ArrayList<>(row.flags());
                sorted.sort(Comparator.comparing(f -> f.rule().id()));
                for (Flag f : sorted) {
                    Set<String> keys = new LinkedHashSet<>();
                    for (RequiredSignature s : f.signatures()) keys.add(Names.normalise(s.role().department()));
                    if (f.needsRecord()) keys.add(Names.normalise(NEEDS_RECORD));
                    if (keys.isEmpty()) keys.add(Names.normalise(NO_SIGNER));
                    for (String k : keys) byDept.get(k).add(f);
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        for (var e : byDept.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            groups.add(new Group(names.get(e.getKey()), colours.getOrDefault(e.getKey(), ""), List.copyOf(e.getValue())));
        }
        return List.copyOf(groups);
    }

    /** The filter's department as the production spells it ("VFX" for "vfx"). */
    String departmentLabel() {
        String wanted = options.department();
        return departmentNames(data).stream().filter(n -> Names.same(n, wanted)).findFirst().orElse(wanted);
    }

    int summaryRows() {
        return groups.stream().mapToInt(g -> g.flags().size()).sum();
    }
}
