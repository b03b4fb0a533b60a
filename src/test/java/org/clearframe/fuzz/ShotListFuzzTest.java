package org.clearframe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.clearframe.importer.ColumnMapping;
import org.clearframe.importer.Csv;
import org.clearframe.importer.ImportException;
import org.clearframe.importer.ShotField;
import org.clearframe.importer.ShotList;
import org.clearframe.importer.ShotListImport;
import org.clearframe.importer.ShotListPreview;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The CSV reader and the shot-list mapping on any bytes: the file is read as a shot list, mapped by its header
 * names and by a mapping that uses every column, and previewed against a small production. Only
 * {@link ImportException} (and {@link Csv.FormatException} from the bare CSV parser) may escape. Invariants:
 * every row is as wide as the header, the preview never makes more shots than there are rows nor the same
 * shot twice nor a duration that is not a number of seconds, and CSV text written by {@link Csv#format} reads back as the same cells.
 */
class ShotListFuzzTest {

    private static final ProductionData PRODUCTION = FuzzFiles.production();

    @FuzzTest(maxDuration = "3m")
    void shotList(byte[] input) {
        csvRoundTrip(new String(input, StandardCharsets.UTF_8));
        Path file = FuzzFiles.write("shots.csv", input);
        ShotList list;
        try {
            list = ShotListImport.read(file);
        } catch (ImportException e) {
            FuzzFiles.assertExplained(e);
            return;
        }
        if (list.rows().isEmpty()) throw new AssertionError("a shot list was accepted without rows");
        for (List<String> row : list.rows()) {
            if (row.size() != list.width()) throw new AssertionError("row of " + row.size() + " cells under a header of " + list.width());
        }
        ColumnMapping guessed = ColumnMapping.guess(list.header());
        if (guessed.isUsable()) check(list, ShotListImport.preview(PRODUCTION, list, guessed));
        ColumnMapping everything = ColumnMapping.none();
        for (ShotField f : ShotField.values()) everything = everything.with(f, f.ordinal() % Math.max(1, list.width()));
        check(list, ShotListImport.preview(PRODUCTION, list, everything));
    }

    private static void check(ShotList list, ShotListPreview preview) {
        int touched = preview.newShots().size() + preview.updated().size() + preview.unchanged();
        if (touched > list.rows().size()) throw new AssertionError(touched + " shots from " + list.rows().size() + " rows");
        Set<UUID> scenes = new HashSet<>();
        PRODUCTION.scenes().forEach(s -> scenes.add(s.id()));
        preview.newScenes().forEach(s -> scenes.add(s.id()));
        Set<String> shots = new HashSet<>();
        for (Shot s : PRODUCTION.shots()) shots.add(s.sceneId() + "/" + s.number().toUpperCase(Locale.ROOT));
        for (Shot s : preview.newShots()) {
            if (!scenes.contains(s.sceneId())) throw new AssertionError("new shot in a scene that is neither old nor new");
            if (!shots.add(s.sceneId() + "/" + s.number().trim().toUpperCase(Locale.ROOT))) {
                throw new AssertionError("shot " + s.number() + " would exist twice in its scene");
            }
        }
        for (Shot s : preview.newShots()) finite(s);
        preview.updated().forEach(c -> finite(c.after()));
        for (Scene s : preview.newScenes()) {
            if (s.number().isBlank()) throw new AssertionError("a new scene without a number");
        }
        preview.summary();
        preview.lines();
    }

    /** A duration the production would store and add up: a number of seconds, not NaN or infinity. */
    private static void finite(Shot s) {
        if (!Double.isFinite(s.durationSeconds()) || s.durationSeconds() < 0) {
            throw new AssertionError("shot " + s.number() + " got duration " + s.durationSeconds());
        }
    }

    /** Whatever cells the parser reads, formatting them and reading them again gives the same cells. */
    private static void csvRoundTrip(String text) {
        List<List<String>> rows;
        try {
            rows = Csv.parse(text);
        } catch (Csv.FormatException e) {
            FuzzFiles.assertExplained(e);
            return;
        }
        try {
            List<List<String>> again = Csv.parse(Csv.format(rows), ',');
            if (!again.equals(rows)) throw new AssertionError("CSV does not read back as written: " + rows + " -> " + again);
        } catch (Csv.FormatException e) {
            throw new AssertionError("Csv.format wrote text Csv.parse refuses", e);
        }
    }
}
