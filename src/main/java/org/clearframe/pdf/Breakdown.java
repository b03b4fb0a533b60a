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
import org.clearframe.rules.ShotContent;
import org.clearframe.rules.ShotStatus;
import org.clearframe.rules.SignatureState;
import org.clearframe.rules.SigningDepartments;
import org.clearframe.store.StoreException;

import java.util.ArrayList;
import java.util.Collection;
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
 *
 * <p>Worked out in one pass over the production, a run of scenes at a time: the totals and group counts are kept,
 * and each group's summary rows and each scene's rows go to a {@link RowSpill} in the order they are printed. Memory
 * holds one run of scenes and the counts, whatever the production's size. Close it to delete the spills.
 */
final class Breakdown implements AutoCloseable {

    /** A shot with the flags this export shows for it, in script order. */
    record ShotRow(Shot shot, List<Flag> flags, ShotStatus status) {}

    /** The flags needing a signature from one department's roles ("Cast" for performers), spilled row by row. */
    static final class Group {
        final String department;
        final String colour;
        final RowSpill rows;
        int flags;
        int open;

        Group(String department, String colour, RowSpill rows) {
            this.department = department;
            this.colour = colour;
            this.rows = rows;
        }

        String department() {
            return department;
        }

        String colour() {
            return colour;
        }
    }

    /** Counts over what this export shows; {@code flags} counts the shown flags as check and the app do. */
    record Totals(int scenes, int omittedScenes, int shots, int shotsWithAi, FlagIndex.Summary flags) {}

    /** One run of whole scenes in script order, with their shots, and the flags of those shots. */
    record Run(List<Scene> scenes, List<Shot> shots, Assessment flags) {}

    /** The runs of a production, in script order. */
    interface Runs {
        /** Calls {@code each} with every run in turn; the run need not be kept once it returns. */
        void forEach(RunConsumer each) throws StoreException;
    }

    interface RunConsumer {
        void accept(Run run) throws StoreException;
    }

    /** The content sign-offs were given for, by fingerprint, for a stale sign-off's change list. */
    interface SignedContents {
        Map<String, ShotContent> of(Collection<String> fingerprints) throws StoreException;
    }

    /** Group name for a flag whose rule names no signer, so that every flag still appears in the summary. */
    static final String NO_SIGNER = "No signature required";

    /** Group name for flags no signature closes: only a record in the production (a consent, a named person) does. */
    static final String NEEDS_RECORD = "Needs a record in the production";

    /** The production without its scenes, shots or sign-offs: its facts, departments and cast. */
    final ProductionData data;
    final Assessment assessment;
    final ExportOptions options;
    final Look look;
    /** The summary's groups that have flags, in print order. */
    final List<Group> groups;
    final Totals totals;
    /** Every scene's band, details and shot rows, in script order (see {@link SceneRows}). */
    final RowSpill scenes;
    final int summaryRows;
    private final List<Group> allGroups;

    private Breakdown(ProductionData data, Assessment assessment, ExportOptions options, Look look, List<Group> allGroups,
                      Totals totals, RowSpill scenes) {
        this.data = data;
        this.assessment = assessment;
        this.options = options;
        this.look = look;
        this.allGroups = allGroups;
        this.groups = allGroups.stream().filter(g -> g.flags > 0).toList();
        this.totals = totals;
        this.scenes = scenes;
        this.summaryRows = groups.stream().mapToInt(g -> g.flags).sum();
    }

    /** Department names an export can be limited to: the production's, then the signing roles' others. */
    static List<String> departmentNames(ProductionData data) {
        return SigningDepartments.names(data);
    }

    /** The breakdown of a production held whole in memory (the app's), with flags already evaluated. */
    static Breakdown of(ProductionData data, Assessment assessment, ExportOptions options, Look look, ExportProgress progress)
            throws ExportException {
        Runs whole = each -> each.accept(new Run(data.scenes(), data.shots(), assessment));
        SignedContents signed = fingerprints -> Map.of();
        try {
            return of(data.withSignOffs(List.of()), assessment, whole, signed, options, look, progress);
        } catch (StoreException e) {
            throw new IllegalStateException("a production in memory reads no file", e);
        }
    }

    /**
     * Works out the breakdown from {@code runs}. {@code facts} is the production without scenes, shots or sign-offs;
     * {@code assessment} names the policy in force.
     */
    static Breakdown of(ProductionData facts, Assessment assessment, Runs runs, SignedContents signed, ExportOptions options,
                        Look look, ExportProgress progress) throws ExportException, StoreException {
        String dept = options.department();
        Set<UUID> deptIds = new HashSet<>();
        if (!options.allDepartments()) {
            List<String> known = departmentNames(facts);
            if (known.stream().noneMatch(n -> Names.same(n, dept))) {
                throw new ExportException("No department is called '" + dept + "'. Choose one of: "
                        + String.join(", ", known) + ".");
            }
            deptIds = SigningDepartments.departmentIds(facts, dept);
        }
        Pass pass = new Pass(facts, options, look, dept, deptIds, signed, progress);
        try {
            runs.forEach(pass::run);
            pass.sceneRows.end();
            pass.scenes.finish();
            for (Group g : pass.groups.values()) g.rows.finish();
        } catch (RuntimeException | StoreException | Error e) {
            pass.close();
            throw e;
        }
        return new Breakdown(facts, assessment, options, look, List.copyOf(pass.groups.values()), pass.totals(), pass.scenes);
    }

    /** The one pass over the production: filters, counts, and spills the rows. */
    private static final class Pass {
        final ProductionData facts;
        final ExportOptions options;
        final String dept;
        final Set<UUID> deptIds;
        final SignedContents signed;
        final ExportProgress progress;
        final RowSpill scenes;
        final SceneRows sceneRows;
        final SummaryRows summaryRows;
        /** By normalised name: the production's department order, then the roles' other departments, then the two special groups. */
        final Map<String, Group> groups = new LinkedHashMap<>();
        int scenesShown, omitted, shotCount, withAi;
        FlagIndex.Summary summary = FlagIndex.Summary.EMPTY;

        Pass(ProductionData facts, ExportOptions options, Look look, String dept, Set<UUID> deptIds, SignedContents signed,
             ExportProgress progress) {
            this.facts = facts;
            this.options = options;
            this.dept = dept;
            this.deptIds = deptIds;
            this.signed = signed;
            this.progress = progress;
            Map<String, String> colours = new HashMap<>();
            for (Department d : facts.departments()) colours.putIfAbsent(Names.normalise(d.name()), d.colour());
            Map<String, String> names = new LinkedHashMap<>();
            for (String name : SigningDepartments.names(facts)) names.put(Names.normalise(name), name);
            names.put(Names.normalise(NEEDS_RECORD), NEEDS_RECORD);
            names.put(Names.normalise(NO_SIGNER), NO_SIGNER);
            RowSpill sceneSpill = null;
            try {
                sceneSpill = new RowSpill(look);
                for (var e : names.entrySet()) {
                    groups.put(e.getKey(), new Group(e.getValue(), colours.getOrDefault(e.getKey(), ""), new RowSpill(look)));
                }
            } catch (RuntimeException e) {
                if (sceneSpill != null) sceneSpill.close();
                for (Group g : groups.values()) g.rows.close();
                throw e;
            }
            this.scenes = sceneSpill;
            this.sceneRows = new SceneRows(look, facts, sceneSpill);
            this.summaryRows = new SummaryRows(look, facts, options);
        }

        void run(Run run) throws StoreException {
            Map<UUID, List<Shot>> shotsByScene = new HashMap<>();
            for (Shot s : run.shots()) shotsByScene.computeIfAbsent(s.sceneId(), k -> new ArrayList<>()).add(s);
            List<Scene> shown = new ArrayList<>();
            List<List<ShotRow>> rowsOf = new ArrayList<>();
            for (Scene scene : run.scenes()) {
                if (progress.isCancelled()) throw new java.util.concurrent.CancellationException("export cancelled");
                if (scene.omitted()) {
                    omitted++;
                    if (options.allDepartments() && !options.flaggedOnly()) {
                        shown.add(scene);
                        rowsOf.add(List.of());
                    }
                    continue;
                }
                List<ShotRow> rows = new ArrayList<>();
                for (Shot shot : shotsByScene.getOrDefault(scene.id(), List.of())) {
                    List<Flag> flags = new ArrayList<>();
                    for (Flag f : run.flags().flags(shot.id())) {
                        if (options.allDepartments() || touches(f, dept, deptIds)) flags.add(f);
                    }
                    boolean inDepartment = options.allDepartments() || touches(shot, deptIds) || !flags.isEmpty();
                    if (!inDepartment || (options.flaggedOnly() && flags.isEmpty())) continue;
                    rows.add(new ShotRow(shot, List.copyOf(flags), ShotStatus.of(shot.hasAiUse(), flags)));
                    shotCount++;
                    if (shot.hasAiUse()) withAi++;
                    summary = plus(summary, FlagIndex.Summary.of(List.of(flags)));
                }
                boolean filtered = !options.allDepartments() || options.flaggedOnly();
                if (filtered && rows.isEmpty()) continue;
                shown.add(scene);
                rowsOf.add(rows);
                scenesShown++;
            }
            Map<String, ShotContent> contents = signedContents(rowsOf);
            for (int i = 0; i < shown.size(); i++) {
                Scene scene = shown.get(i);
                if (scene.omitted()) {
                    sceneRows.omitted(scene);
                    continue;
                }
                sceneRows.scene(scene, rowsOf.get(i));
                for (ShotRow row : rowsOf.get(i)) group(scene, row, contents);
            }
        }

        /** The content each stale sign-off shown in this run was given for, where the file keeps it. */
        private Map<String, ShotContent> signedContents(List<List<ShotRow>> rowsOf) throws StoreException {
            Set<String> wanted = new LinkedHashSet<>();
            for (List<ShotRow> rows : rowsOf) {
                for (ShotRow row : rows) {
                    for (Flag f : row.flags()) {
                        for (RequiredSignature s : f.signatures()) {
                            if (s.state() == SignatureState.STALE && s.latestOrNull() != null) wanted.add(s.latestOrNull().fingerprint());
                        }
                    }
                }
            }
            if (wanted.isEmpty()) return Map.of();
            Map<String, ShotContent> found = new HashMap<>();
            for (String fp : wanted) {
                ShotContent given = options.signedContents().get(fp);
                if (given != null) found.put(fp, given);
            }
            wanted.removeAll(found.keySet());
            if (!wanted.isEmpty()) found.putAll(signed.of(wanted));
            return found;
        }

        /** The shot's flags under every group that signs them, sorted by rule as the summary lists them. */
        private void group(Scene scene, ShotRow row, Map<String, ShotContent> contents) {
            if (row.flags().isEmpty()) return;
            List<Flag> sorted = new ArrayList<>(row.flags());
            sorted.sort(Comparator.comparing(f -> f.rule().id()));
            for (Flag f : sorted) {
                Set<String> keys = new LinkedHashSet<>();
                for (RequiredSignature s : f.signatures()) keys.add(Names.normalise(s.role().department()));
                if (f.needsRecord()) keys.add(Names.normalise(NEEDS_RECORD));
                if (keys.isEmpty()) keys.add(Names.normalise(NO_SIGNER));
                for (String k : keys) {
                    Group g = groups.get(k);
                    g.flags++;
                    if (summaryRows.open(f, g.department)) g.open++;
                    summaryRows.write(g.rows, scene, row.shot(), f, g.department, contents);
                }
            }
        }

        Totals totals() {
            return new Totals(scenesShown, omitted, shotCount, withAi, summary);
        }

        void close() {
            scenes.close();
            for (Group g : groups.values()) g.rows.close();
        }
    }

    private static FlagIndex.Summary plus(FlagIndex.Summary a, FlagIndex.Summary b) {
        return new FlagIndex.Summary(a.flags() + b.flags(), a.openBlocking() + b.openBlocking(), a.openAdvisory() + b.openAdvisory(),
                a.stale() + b.stale(), a.declined() + b.declined());
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

    /** The filter's department as the production spells it ("VFX" for "vfx"). */
    String departmentLabel() {
        String wanted = options.department();
        return departmentNames(data).stream().filter(n -> Names.same(n, wanted)).findFirst().orElse(wanted);
    }

    int summaryRows() {
        return summaryRows;
    }

    @Override
    public void close() {
        scenes.close();
        for (Group g : allGroups) g.rows.close();
    }
}
