package org.clearframe.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
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

/** Each scene in script order: its heading band, synopsis and cast, then its shots table. */
final class SceneSheets {

    private static final float[] SHOT_COLUMNS = {70, 142, 92, 100, 170, 196};
    private static final String[] SHOT_HEADS = {"Shot", "Description", "Camera", "Departments", "AI use", "Sign-off by role"};

    private final Sheet sheet;
    private final Breakdown breakdown;
    private final Look look;
    private final Map<UUID, Department> departments;
    private final Map<UUID, CastMember> cast;

    SceneSheets(Sheet sheet) {
        this.sheet = sheet;
        this.breakdown = sheet.breakdown;
        this.look = sheet.look;
        this.departments = breakdown.departmentsById;
        this.cast = ProductionData.index(breakdown.data.cast(), CastMember::id);
    }

    void write() throws DocumentException {
        sheet.sectionHeading("Scene breakdown", "Scenes in script order. Each shot lists its AI uses and every signature they need.");
        sheet.mark(CoverPage.SCENES);
        if (breakdown.scenes.isEmpty()) {
            sheet.document.add(new Paragraph("No shots match this report's choices.", look.body));
            return;
        }
        for (Breakdown.SceneBlock block : breakdown.scenes) {
            sheet.checkCancelled();
            if (block.scene().omitted()) omitted(block.scene());
            else scene(block);
        }
    }

    private void omitted(Scene scene) throws DocumentException {
        PdfPTable table = sheet.table(new float[]{1});
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setBackgroundColor(Look.OMITTED_FILL);
        c.setPadding(6f);
        c.setPaddingLeft(8f);
        Phrase p = new Phrase();
        p.add(new Chunk(scene.number() + "    ", look.coloured(look.bodyBold, Look.MUTED)));
        p.add(new Chunk("OMITTED", look.coloured(look.bodyBold, Look.MUTED)));
        c.setPhrase(p);
        table.addCell(c);
        table.setSpacingAfter(10f);
        sheet.document.add(table);
    }

    private void scene(Breakdown.SceneBlock block) throws DocumentException {
        Scene scene = block.scene();
        PdfPTable table = sheet.table(SHOT_COLUMNS);
        List<String> facts = new ArrayList<>();
        if (scene.eighths() > 0) facts.add(Scene.pages(scene.eighths()) + (scene.eighths() <= 8 ? " page" : " pages"));
        if (!scene.storyDay().isBlank()) facts.add(scene.storyDay());
        String right = String.join("  \u00B7  ", facts);
        table.addCell(sheet.band(sceneTitle(scene, false), 4));
        table.addCell(sheet.bandRight(right, 2));
        sheet.heads(table, SHOT_HEADS);

        table.addCell(sheet.band(sceneTitle(scene, true), 4));
        table.addCell(sheet.bandRight(right, 2));
        table.addCell(sceneDetails(scene));
        if (block.shots().isEmpty()) {
            PdfPCell none = look.cell(new Phrase("No shots planned for this scene yet.", look.smallMuted));
            none.setColspan(SHOT_COLUMNS.length);
            table.addCell(none);
        } else {
            sheet.heads(table, SHOT_HEADS);
            for (Breakdown.ShotRow row : block.shots()) shotRow(table, row);
        }
        sheet.keepWithNext(table, block.shots().isEmpty() ? 3 : 4);
        table.setSpacingAfter(16f);
        sheet.document.add(table);
        sheet.advance(block.shots().size());
    }

    private Phrase sceneTitle(Scene scene, boolean first) {
        Phrase p = new Phrase();
        p.add(new Chunk(scene.number().isBlank() ? "\u2014" : scene.number(), look.bandFont));
        p.add(new Chunk("     ", look.bandFont));
        StringBuilder h = new StringBuilder(scene.intExt().label()).append(' ').append(scene.set());
        if (!scene.timeOfDay().isBlank()) h.append(" \u2014 ").append(scene.timeOfDay());
        p.add(new Chunk(h.toString().trim(), look.bandFont));
        if (!first) p.add(new Chunk("    (continued)", look.bandMuted));
        return p;
    }

    private PdfPCell sceneDetails(Scene scene) {
        List<String> names = new ArrayList<>();
        for (UUID id : scene.castIds()) {
            CastMember m = cast.get(id);
            if (m != null) names.add(m.display());
        }
        Lines text = sheet.lines()
                .line(new Chunk("SYNOPSIS   ", look.tableHead),
                        new Chunk(scene.synopsis().isBlank() ? "\u2014" : scene.synopsis(), look.body))
                .line(new Chunk("CAST   ", look.tableHead),
                        new Chunk(names.isEmpty() ? "\u2014" : String.join(", ", names), look.body));
        PdfPCell c = look.cell(text.phrase());
        c.setColspan(SHOT_COLUMNS.length);
        c.setPaddingTop(5f);
        c.setPaddingBottom(7f);
        return c;
    }

    private void shotRow(PdfPTable table, Breakdown.ShotRow row) {
        Shot shot = row.shot();
        Lines number = sheet.lines().line(look.shotNumber, shot.number().isBlank() ? "\u2014" : shot.number());
        if (row.status() != ShotStatus.NO_AI) number.line(look.status(row.status()), row.status().label());
        table.addCell(look.cell(number.phrase()));

        Lines description = sheet.lines().line(look.body, shot.description().isBlank() ? "\u2014" : shot.description());
        if (!shot.notes().isBlank()) description.line(look.smallMuted, shot.notes());
        table.addCell(look.cell(description.phrase()));

        Lines camera = sheet.lines();
        for (String l : cameraLines(shot)) camera.line(look.small, l);
        table.addCell(look.cell(camera.phrase()));

        Lines depts = sheet.lines();
        for (UUID id : shot.departmentIds()) {
            Department d = departments.get(id);
            if (d != null) depts.line(new Chunk(Look.SWATCH + " ", look.swatch(d.colour())), new Chunk(d.name(), look.small));
        }
        table.addCell(look.cell(depts.phrase()));

        Lines uses = sheet.lines();
        for (AiUse use : shot.aiUses()) {
            uses.gap().line(new Chunk(use.technique().label(), look.smallBold),
                    new Chunk("  " + Sheet.outputWord(use.output()), use.output() == Output.FINAL ? look.small : look.smallMuted));
            if (!use.purpose().isBlank()) uses.line(look.small, use.purpose());
            if (!use.tool().isBlank()) uses.line(look.smallMuted, "Tool: " + use.tool());
        }
        if (shot.aiUses().isEmpty()) uses.line(look.smallMuted, "None");
        table.addCell(look.cell(uses.phrase()));

        Lines signs = sheet.lines();
        for (Flag flag : row.flags()) {
            signs.gap().line(new Chunk(flag.rule().id(), look.smallBold),
                    new Chunk("  " + flag.rule().severity().label(), look.severity(flag.rule().severity())));
            for (RequiredSignature s : flag.signatures()) signs.line(sheet.signature(s, true));
        }
        if (row.flags().isEmpty() && shot.hasAiUse()) signs.line(look.smallMuted, "No sign-off required");
        table.addCell(look.cell(signs.phrase()));
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
