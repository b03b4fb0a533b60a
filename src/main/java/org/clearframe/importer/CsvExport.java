package org.clearframe.importer;

import org.clearframe.model.AiUse;
import org.clearframe.model.Department;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Scenes and shots as one CSV table for a spreadsheet: a row per shot, led by its scene's fields, and a row
 * for each scene without shots so no scene goes missing. The header names are ones {@link ColumnMapping#guess}
 * recognises, so an exported shot list imports back without mapping by hand.
 */
public final class CsvExport {

    public static final List<String> HEADER = List.of("Scene", "INT/EXT", "Set", "Time of day", "Pages", "Eighths", "Omitted",
            "Shot", "Description", "Size", "Angle", "Movement", "Lens", "Duration (s)", "Departments", "AI uses", "Notes");

    private CsvExport() {}

    /** Writes the table row by row as it is made. */
    public static void write(ProductionData data, Path file) throws IOException {
        Csv.write(file, out -> writeRows(data, out));
    }

    static List<List<String>> rows(ProductionData data) {
        List<List<String>> rows = new ArrayList<>();
        try {
            writeRows(data, rows::add);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // adding to a list does not fail
        }
        return rows;
    }

    private static void writeRows(ProductionData data, Csv.RowSink rows) throws IOException {
        Map<UUID, Department> departments = ProductionData.index(data.departments(), Department::id);
        Map<UUID, List<Shot>> shotsByScene = data.shots().stream().collect(Collectors.groupingBy(Shot::sceneId));
        rows.row(HEADER);
        for (Scene scene : data.scenes()) {
            List<String> sceneCells = List.of(safe(scene.number()), scene.intExt().label(), safe(scene.set()), safe(scene.timeOfDay()),
                    // "4/8" alone turns into the 8th of April in Excel; "4/8 pg" stays text.
                    Scene.pages(scene.eighths()) + " pg", Integer.toString(scene.eighths()), scene.omitted() ? "yes" : "");
            List<Shot> shots = shotsByScene.getOrDefault(scene.id(), List.of());
            if (shots.isEmpty()) {
                List<String> row = new ArrayList<>(sceneCells);
                while (row.size() < HEADER.size()) row.add("");
                rows.row(row);
            }
            for (Shot shot : shots) {
                List<String> row = new ArrayList<>(sceneCells);
                row.add(safe(shot.number()));
                row.add(safe(shot.description()));
                row.add(shot.size() == null ? "" : shot.size().label());
                row.add(safe(shot.angle()));
                row.add(safe(shot.movement()));
                row.add(safe(shot.lens()));
                row.add(shot.durationSeconds() == 0 ? "" : BigDecimal.valueOf(shot.durationSeconds()).stripTrailingZeros().toPlainString());
                row.add(shot.departmentIds().stream().map(departments::get).filter(d -> d != null).map(Department::name)
                        .collect(Collectors.joining("; ")));
                row.add(safe(shot.aiUses().stream().map(CsvExport::summary).collect(Collectors.joining("; "))));
                row.add(safe(shot.notes()));
                rows.row(row);
            }
        }
    }

    /** "Voice synthesis or cloning (final, ToolX)". */
    static String summary(AiUse use) {
        String where = use.output() == Output.FINAL ? "final" : "temporary";
        return use.technique().label() + " (" + where + (use.tool().isBlank() ? "" : ", " + use.tool()) + ")";
    }

    /**
     * Text a spreadsheet would run as a formula (starting with =, +, - or @) gets a leading apostrophe, which
     * spreadsheets show as text; script text comes from outside and must not become a live formula. The shot
     * list import takes the apostrophe off again.
     */
    static String safe(String text) {
        if (text.isEmpty()) return text;
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    /** Undoes {@link #safe} on a cell read back. */
    static String unsafe(String cell) {
        if (cell.length() >= 2 && cell.charAt(0) == '\'') {
            char c = cell.charAt(1);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return cell.substring(1);
        }
        return cell;
    }
}
