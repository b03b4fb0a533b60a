package org.clearframe.pdf;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Department;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.rules.Flag;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.ShotStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The scene breakdown's text, worked out scene by scene and written to a {@link RowSpill} for {@link SceneSheets} to
 * lay out: each scene's band, facts and details, then its shots' rows of six cells.
 */
final class SceneRows {

    static final int END = 0;
    static final int OMITTED = 1;
    static final int SCENE = 2;

    private final Look look;
    private final RowSpill out;
    private final Map<UUID, Department> departments;
    private final Map<UUID, CastMember> cast;

    SceneRows(Look look, ProductionData facts, RowSpill out) {
        this.look = look;
        this.out = out;
        this.departments = ProductionData.index(facts.departments(), Department::id);
        this.cast = ProductionData.index(facts.cast(), CastMember::id);
    }

    void omitted(Scene scene) {
        out.number(OMITTED);
        out.text(scene.number());
    }

    void scene(Scene scene, List<Breakdown.ShotRow> rows) {
        out.number(SCENE);
        List<String> facts = new ArrayList<>();
        if (scene.eighths() > 0) facts.add(Scene.pages(scene.eighths()) + (scene.eighths() <= 8 ? " page" : " pages"));
        if (!scene.storyDay().isBlank()) facts.add(scene.storyDay());
        out.cell(sceneTitle(scene, false));
        out.cell(sceneTitle(scene, true));
        out.text(String.join("  \u00B7  ", facts));
        out.cell(sceneDetails(scene));
        out.number(rows.size());
        for (Breakdown.ShotRow row : rows) shotRow(row);
    }

    void end() {
        out.number(END);
    }

    private CellText sceneTitle(Scene scene, boolean first) {
        StringBuilder h = new StringBuilder(scene.intExt().label()).append(' ').append(scene.set());
        if (!scene.timeOfDay().isBlank()) h.append(" \u2014 ").append(scene.timeOfDay());
        CellText t = CellText.of(look.bandFont, (scene.number().isBlank() ? "\u2014" : scene.number()) + "     " + h.toString().trim());
        if (!first) t.add(look.bandMuted, "    (continued)");
        return t;
    }

    private CellText sceneDetails(Scene scene) {
        List<String> names = new ArrayList<>();
        for (UUID id : scene.castIds()) {
            CastMember m = cast.get(id);
            if (m != null) names.add(m.display());
        }
        return look.lines()
                .line(look.tableHead, "SYNOPSIS   ", look.body, scene.synopsis().isBlank() ? "\u2014" : scene.synopsis())
                .line(look.tableHead, "CAST   ", look.body, names.isEmpty() ? "\u2014" : String.join(", ", names))
                .text();
    }

    private void shotRow(Breakdown.ShotRow row) {
        Shot shot = row.shot();
        Lines number = look.lines().line(look.shotNumber, shot.number().isBlank() ? "\u2014" : shot.number());
        if (row.status() != ShotStatus.NO_AI) number.line(look.status(row.status()), row.status().label());
        out.cell(number.text());

        Lines description = look.lines().line(look.body, shot.description().isBlank() ? "\u2014" : shot.description());
        if (!shot.notes().isBlank()) description.line(look.smallMuted, shot.notes());
        out.cell(description.text());

        Lines camera = look.lines();
        for (String l : cameraLines(shot)) camera.line(look.small, l);
        out.cell(camera.text());

        Lines depts = look.lines();
        for (UUID id : shot.departmentIds()) {
            Department d = departments.get(id);
            if (d != null) depts.line(look.swatch(d.colour()), Look.SWATCH + " ", look.small, d.name());
        }
        out.cell(depts.text());

        Lines uses = look.lines();
        for (AiUse use : shot.aiUses()) {
            uses.gap().line(look.smallBold, use.technique().label(),
                    use.output() == Output.FINAL ? look.small : look.smallMuted, "  " + Sheet.outputWord(use.output()));
            if (!use.purpose().isBlank()) uses.line(look.small, use.purpose());
            if (!use.tool().isBlank()) uses.line(look.smallMuted, "Tool: " + use.tool());
        }
        if (shot.aiUses().isEmpty()) uses.line(look.smallMuted, "None");
        out.cell(uses.text());

        Lines signs = look.lines();
        for (Flag flag : row.flags()) {
            signs.gap().line(look.smallBold, flag.rule().id(), look.severity(flag.rule().severity()), "  " + flag.rule().severity().label());
            for (RequiredSignature s : flag.signatures()) signs.signature(s, true);
        }
        if (row.flags().isEmpty() && shot.hasAiUse()) signs.line(look.smallMuted, "No sign-off required");
        out.cell(signs.text());
    }

    private static List<String> cameraLines(Shot shot) {
        List<String> lines = new ArrayList<>();
        String first = join(shot.size() == null ? "" : shot.size().label(), shot.lens());
        String second = join(shot.angle(), shot.movement());
        if (!first.isEmpty()) lines.add(first);
        if (!second.isEmpty()) lines.add(second);
        if (shot.durationSeconds() > 0) {
            double d = shot.durationSeconds();
            lines.add((d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ENGLISH, "%.1f", d)) + " s");
        }
        if (lines.isEmpty()) lines.add("\u2014");
        return lines;
    }

    private static String join(String a, String b) {
        if (a.isBlank()) return b.trim();
        if (b.isBlank()) return a.trim();
        return a.trim() + " \u00B7 " + b.trim();
    }
}
