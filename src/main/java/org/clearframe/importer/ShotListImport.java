package org.clearframe.importer;

import org.clearframe.importer.ImportException.Problem;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.StoreException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Imports a CSV shot list into a production through a {@link ColumnMapping}.
 *
 * <p>Rows find their scene by scene number. A scene number the production does not have creates that scene
 * (interior, no set yet, listed in the preview): shot lists often arrive before the script is final, and
 * dropping those rows would lose the DP's work; a typo shows up in the preview as an unexpected new scene.
 * A row whose scene and shot number match an existing shot updates that shot's mapped fields (blank cells
 * leave a field as it is) and never touches its AI uses, departments or sign-offs. A row without a shot
 * number is numbered by its place among its scene's rows (shot lists without numbers are in shooting order),
 * skipping numbers other rows give explicitly, so importing the same list twice matches the same shots.
 * Rows without a scene number are skipped and reported.
 */
public final class ShotListImport {

    private static final System.Logger LOG = System.getLogger(ShotListImport.class.getName());

    private ShotListImport() {}

    public static ShotList read(Path file) throws ImportException {
        String name = SourceText.name(file);
        String text = SourceText.read(file, "shot list", true);
        List<List<String>> records;
        try {
            records = new ArrayList<>(Csv.parse(text));
        } catch (Csv.FormatException e) {
            throw new ImportException(Problem.MALFORMED, file, name + " is not a readable CSV file (" + e.getMessage() + ").", e);
        }
        while (!records.isEmpty() && blank(records.get(records.size() - 1))) records.remove(records.size() - 1);
        int skippedAtTop = 0;
        while (!records.isEmpty() && blank(records.get(0))) {
            records.remove(0);
            skippedAtTop++;
        }
        if (records.isEmpty()) throw new ImportException(Problem.EMPTY, file, name + " is empty.");
        if (records.size() == 1) {
            throw new ImportException(Problem.NOT_A_SHOT_LIST, file, name + " has a header row but no shots.");
        }
        // A cell past the header's last column has no name, so no field to go to: refuse rather than drop it.
        // Empty trailing cells (a stray delimiter at the end of a line) hold nothing and are let through.
        int width = records.get(0).size();
        for (int r = 1; r < records.size(); r++) {
            List<String> row = records.get(r);
            for (int c = width; c < row.size(); c++) {
                if (!row.get(c).isBlank()) {
                    int rowNumber = r + 1 + skippedAtTop; // as the spreadsheet numbers it
                    throw new ImportException(Problem.MALFORMED, file, name + ": row " + rowNumber + " has " + row.size()
                            + " cells but the header has " + width + " columns, so \"" + abbreviated(row.get(c))
                            + "\" has no column to go to. Give that column a header, or remove the extra cells, and import again.");
                }
            }
        }
        List<String> header = records.get(0);
        List<List<String>> rows = records.subList(1, records.size()).stream().map(r -> fit(r, width)).toList();
        return new ShotList(name, header, rows);
    }

    /**
     * Works out what importing {@code list} with {@code mapping} would change; writes nothing.
     * @throws IllegalArgumentException when the mapping has no scene column (see {@link ColumnMapping#isUsable()})
     */
    public static ShotListPreview preview(ProductionData production, ShotList list, ColumnMapping mapping) {
        if (!mapping.isUsable()) throw new IllegalArgumentException("the mapping has no scene column");
        Map<String, Scene> scenes = new HashMap<>();
        for (Scene s : production.scenes()) scenes.putIfAbsent(key(s.number()), s);
        Map<String, Shot> shots = new HashMap<>();
        for (Shot s : production.shots()) shots.putIfAbsent(s.sceneId() + "/" + key(s.number()), s);
        Map<String, Set<String>> numbered = new HashMap<>(); // shot numbers the list gives, by scene number
        for (List<String> row : list.rows()) {
            String shot = text(row, mapping, ShotField.SHOT);
            if (!shot.isEmpty()) numbered.computeIfAbsent(key(text(row, mapping, ShotField.SCENE)), k -> new HashSet<>()).add(key(shot));
        }
        Map<String, Integer> place = new HashMap<>();
        List<Scene> newScenes = new ArrayList<>();
        List<Shot> newShots = new ArrayList<>();
        List<ShotListPreview.ShotChange> updated = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int unchanged = 0;
        for (int r = 0; r < list.rows().size(); r++) {
            List<String> row = list.rows().get(r);
            int rowNumber = r + 2; // as the spreadsheet numbers it, after the header
            if (blank(row)) continue;
            String sceneNumber = text(row, mapping, ShotField.SCENE);
            if (sceneNumber.isEmpty()) {
                problems.add("row " + rowNumber + ": no scene number; skipped");
                continue;
            }
            Scene scene = scenes.get(key(sceneNumber));
            if (scene == null) {
                scene = Scene.numbered(sceneNumber, null, "", "");
                scenes.put(key(sceneNumber), scene);
                newScenes.add(scene);
            }
            if (onlyScene(row, mapping)) continue; // a scene without shots, as the export writes one
            int at = place.merge(key(sceneNumber), 1, Integer::sum);
            String shotNumber = text(row, mapping, ShotField.SHOT);
            if (shotNumber.isEmpty()) {
                Set<String> given = numbered.getOrDefault(key(sceneNumber), Set.of());
                while (given.contains(Integer.toString(at)) || seen.contains(scene.id() + "/" + at)) at++;
                shotNumber = Integer.toString(at);
            }
            if (!seen.add(scene.id() + "/" + key(shotNumber))) {
                problems.add("row " + rowNumber + ": shot " + shotNumber + " of scene " + sceneNumber + " appears twice; skipped");
                continue;
            }
            Shot existing = shots.get(scene.id() + "/" + key(shotNumber));
            Shot read = fields(row, mapping, rowNumber, existing != null ? existing
                    : Shot.numbered(scene.id(), shotNumber, ""), problems);
            if (existing == null) {
                newShots.add(read);
            } else {
                List<String> what = differences(existing, read);
                if (what.isEmpty()) unchanged++;
                else updated.add(new ShotListPreview.ShotChange(scene.number(), existing, read, what));
            }
        }
        return new ShotListPreview(list.fileName(), newScenes, newShots, updated, unchanged, problems);
    }

    /** Writes a previewed import in one transaction: all of it or none of it. */
    public static void apply(ProductionStore store, ShotListPreview preview) throws StoreException {
        if (preview.isEmpty()) return;
        List<Shot> shots = new ArrayList<>(preview.newShots());
        for (ShotListPreview.ShotChange c : preview.updated()) shots.add(c.after());
        store.saveAll(List.of(), List.of(), preview.newScenes(), shots, List.of());
        LOG.log(System.Logger.Level.DEBUG, "Imported shot list {0} into {1}: {2}", preview.fileName(), store.file(), preview.summary());
    }

    /** {@code base} with the row's mapped, non-blank cells put in. */
    private static Shot fields(List<String> row, ColumnMapping m, int rowNumber, Shot base, List<String> problems) {
        String description = orKeep(text(row, m, ShotField.DESCRIPTION), base.description());
        String angle = orKeep(text(row, m, ShotField.ANGLE), base.angle());
        String movement = orKeep(text(row, m, ShotField.MOVEMENT), base.movement());
        String lens = orKeep(text(row, m, ShotField.LENS), base.lens());
        String notes = orKeep(text(row, m, ShotField.NOTES), base.notes());
        ShotSize size = base.size();
        String sizeText = text(row, m, ShotField.SIZE);
        if (!sizeText.isEmpty()) {
            ShotSize parsed = size(sizeText);
            if (parsed == null) problems.add("row " + rowNumber + ": shot size \"" + sizeText + "\" is not one Clearframe knows; left blank");
            else size = parsed;
        }
        double duration = base.durationSeconds();
        String durationText = text(row, m, ShotField.DURATION);
        if (!durationText.isEmpty()) {
            double parsed = seconds(durationText);
            if (parsed < 0) problems.add("row " + rowNumber + ": duration \"" + durationText + "\" is not a number of seconds or a time; left out");
            else duration = parsed;
        }
        return new Shot(base.id(), base.sceneId(), base.number(), description, size, angle, movement, lens, duration,
                base.departmentIds(), notes, base.aiUses());
    }

    private static List<String> differences(Shot a, Shot b) {
        List<String> what = new ArrayList<>();
        if (!a.description().equals(b.description())) what.add("description");
        if (a.size() != b.size()) what.add("size");
        if (!a.angle().equals(b.angle())) what.add("angle");
        if (!a.movement().equals(b.movement())) what.add("movement");
        if (!a.lens().equals(b.lens())) what.add("lens");
        if (a.durationSeconds() != b.durationSeconds()) what.add("duration");
        if (!a.notes().equals(b.notes())) what.add("notes");
        return what;
    }

    /** Labels ("MCU"), constant names ("CLOSE_UP") and the abbreviations shot lists use ("LS", "XCU", "Two shot"). */
    static ShotSize size(String text) {
        String k = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (ShotSize s : ShotSize.values()) {
            if (k.equals(s.label().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")) || k.equals(s.name().toLowerCase(Locale.ROOT).replace("_", ""))) {
                return s;
            }
        }
        return switch (k) {
            case "els", "xws", "xls", "extremelong", "extremelongshot", "extremewideshot", "establishing" -> ShotSize.EXTREME_WIDE;
            case "ls", "longshot", "wideshot", "long" -> ShotSize.WIDE;
            case "fullshot" -> ShotSize.FULL;
            case "mls", "mediumlong", "mediumlongshot", "mediumwideshot" -> ShotSize.MEDIUM_WIDE;
            case "mediumshot", "mid", "midshot" -> ShotSize.MEDIUM;
            case "mediumcloseup", "mediumcloseupshot" -> ShotSize.MEDIUM_CLOSE;
            case "closeup", "close", "closeupshot" -> ShotSize.CLOSE_UP;
            case "xcu", "bcu", "extremecloseup", "extremeclose" -> ShotSize.EXTREME_CLOSE_UP;
            case "overtheshoulder", "overshoulder" -> ShotSize.OVER_THE_SHOULDER;
            case "2s", "twoshot", "two" -> ShotSize.TWO_SHOT;
            case "ins", "insertshot", "cutaway" -> ShotSize.INSERT;
            case "pointofview" -> ShotSize.POV;
            case "drone", "aerialshot", "helicopter" -> ShotSize.AERIAL;
            default -> null;
        };
    }

    /** "4.5", "4,5", "4 s", "12 sec", "1:30", "00:01:30" or timecode "00:01:30:12" (frames dropped); -1 if none of those. */
    static double seconds(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s*(seconds|second|secs|sec|s)$", "").trim();
        try {
            if (t.contains(":")) {
                String[] parts = t.split(":");
                if (parts.length > 4) return -1;
                int n = parts.length == 4 ? 3 : parts.length; // hh:mm:ss:ff
                double total = 0;
                for (int i = 0; i < n; i++) {
                    double v = Double.parseDouble(parts[i].replace(',', '.'));
                    if (v < 0 || i > 0 && v >= 60) return -1;
                    total = total * 60 + v;
                }
                return Double.isFinite(total) ? total : -1; // "1e400:00" overflows to infinity
            }
            double v = Double.parseDouble(t.replace(',', '.'));
            return v >= 0 && Double.isFinite(v) ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String text(List<String> row, ColumnMapping m, ShotField field) {
        OptionalInt c = m.column(field);
        return c.isEmpty() ? "" : CsvExport.unsafe(ShotList.cell(row, c.getAsInt()).strip());
    }

    private static boolean onlyScene(List<String> row, ColumnMapping m) {
        for (ShotField f : ShotField.values()) if (f != ShotField.SCENE && !text(row, m, f).isEmpty()) return false;
        return true;
    }

    private static String orKeep(String value, String existing) {
        return value.isEmpty() ? existing : value;
    }

    private static String key(String number) {
        return number.trim().toUpperCase(Locale.ROOT);
    }

    private static boolean blank(List<String> row) {
        return row.stream().allMatch(String::isBlank);
    }

    /** The row padded with empty cells, or cut of its empty trailing cells, to {@code width}. */
    private static List<String> fit(List<String> row, int width) {
        List<String> r = new ArrayList<>(row.subList(0, Math.min(width, row.size())));
        while (r.size() < width) r.add("");
        return r;
    }

    private static String abbreviated(String cell) {
        String t = cell.strip();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
