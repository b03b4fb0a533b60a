package org.clearframe.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.clearframe.AppInfo;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Department;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.Flag;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.ShotStatus;

import java.awt.Color;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * Lays out one {@link Breakdown} as a landscape PDF: cover, AI sign-off summary, then each scene in script
 * order with its shots. Tables repeat their heading rows on every page they run onto; a row moves whole to
 * the next page rather than splitting (OpenPDF's "split late"), unless one row is taller than a whole page,
 * where splitting is better than losing it.
 */
final class BreakdownWriter {

    /** "24 Nov 2026": the same reading in the US and everywhere else. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final int FLUSH_ROWS = 100;
    private static final float[] SHOT_COLUMNS = {70, 142, 92, 100, 170, 196};
    private static final String[] SHOT_HEADS = {"Shot", "Description", "Camera", "Departments", "AI use", "Sign-off by role"};
    private static final float[] SUMMARY_COLUMNS = {40, 34, 196, 52, 134, 194, 120};
    private static final String[] SUMMARY_HEADS = {"Scene", "Shot", "Rule", "Severity", "AI use", "Signs for this department", "Also needs"};

    private final Breakdown breakdown;
    private final ExportProgress progress;
    private final Look look = new Look();
    private final Map<UUID, Department> departments;
    private final Map<UUID, CastMember> cast;
    private static final String SUMMARY = "\u0000summary";
    private static final String SCENES = "\u0000scenes";
    private static final float PAGE_NUMBER_WIDTH = 30f;
    private final Map<String, PdfTemplate> pageNumbers = new HashMap<>();
    private int tileCount;
    private Document document;
    private PdfWriter writer;
    private long done;
    private long total;

    BreakdownWriter(Breakdown breakdown, ExportProgress progress) {
        this.breakdown = breakdown;
        this.progress = progress;
        this.departments = breakdown.departmentsById;
        this.cast = org.clearframe.model.ProductionData.index(breakdown.data.cast(), CastMember::id);
    }

    /**
     * Writes the whole document to {@code out} and closes it. Returns the page count.
     * @throws CancellationException when the progress reports cancellation; {@code out} is then incomplete
     */
    int write(OutputStream out) throws DocumentException {
        PaperSize paper = breakdown.options.paper();
        document = new Document(new Rectangle(paper.landscapeWidth(), paper.landscapeHeight()), 36f, 36f, 52f, 46f);
        writer = PdfWriter.getInstance(document, out);
        writer.setFullCompression();
        Production production = breakdown.data.production();
        PageFurniture furniture = new PageFurniture(look, titleOf(production), scope(),
                "Exported " + DATE.format(breakdown.options.exportDate()) + " with " + AppInfo.NAME + " " + AppInfo.version());
        writer.setPageEvent(furniture);
        document.addTitle(titleOf(production) + " \u2014 AI shot breakdown");
        document.addSubject("AI shot breakdown and sign-off report");
        document.addCreator(AppInfo.NAME + " " + AppInfo.version());
        document.open();

        total = Math.max(1, breakdown.totals.shots() + breakdown.summaryRows());
        report();
        cover();
        document.newPage();
        summary();
        document.newPage();
        scenes();
        document.close();
        return furniture.pages();
    }

    private static String titleOf(Production p) {
        return p.title().isBlank() ? "Untitled production" : p.title();
    }

    private String scope() {
        ExportOptions o = breakdown.options;
        String what = o.allDepartments() ? "AI shot breakdown" : "AI shot breakdown \u00B7 " + canonicalDepartment();
        return o.flaggedOnly() ? what + " \u00B7 flagged shots only" : what;
    }

    private String canonicalDepartment() {
        String wanted = breakdown.options.department();
        return Breakdown.departmentNames(breakdown.data).stream().filter(n -> n.equalsIgnoreCase(wanted))
                .findFirst().orElse(wanted);
    }

    // ---------------------------------------------------------------- cover

    private void cover() throws DocumentException {
        Production p = breakdown.data.production();
        Paragraph kicker = new Paragraph("AI SHOT BREAKDOWN AND SIGN-OFF REPORT", look.coloured(look.smallBold, Look.MUTED));
        kicker.setSpacingBefore(18f);
        document.add(kicker);
        Paragraph title = new Paragraph(titleOf(p), look.title);
        title.setLeading(0f, 1.15f);
        title.setSpacingBefore(6f);
        document.add(title);
        List<String> sub = new ArrayList<>();
        sub.add(p.format().label());
        sub.add(p.genre().label());
        if (!p.studio().isBlank()) sub.add(p.studio());
        Paragraph subtitle = new Paragraph(String.join("  \u00B7  ", sub), look.subtitle);
        subtitle.setSpacingBefore(4f);
        subtitle.setSpacingAfter(22f);
        document.add(subtitle);

        PdfPTable facts = new PdfPTable(new float[]{120, 330});
        facts.setWidthPercentage(100f);
        fact(facts, "Studio", p.studio());
        fact(facts, "Producer", p.producer());
        fact(facts, "Director", p.director());
        fact(facts, "Format", p.format().label());
        if (p.principalPhotography() != null) fact(facts, "Principal photography", DATE.format(p.principalPhotography()));
        fact(facts, "Exported", DATE.format(breakdown.options.exportDate()));
        fact(facts, "Contents", contents());
        String fp = breakdown.options.fingerprint();
        fact(facts, "File fingerprint", fp.isBlank() ? "" : "SHA-256 " + grouped(fp));

        PdfPTable top = new PdfPTable(new float[]{57, 7, 36});
        top.setWidthPercentage(100f);
        top.addCell(plain(facts));
        top.addCell(plain(null));
        top.addCell(plain(contentsTable()));
        document.add(top);

        Breakdown.Totals t = breakdown.totals;
        // Narrow empty columns between the figures keep their coloured rules apart.
        PdfPTable tiles = new PdfPTable(new float[]{10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10});
        tiles.setWidthPercentage(100f);
        tiles.setSpacingBefore(30f);
        tile(tiles, t.scenes(), t.omittedScenes() > 0 ? "Scenes (" + t.omittedScenes() + " omitted)" : "Scenes", null);
        tile(tiles, t.shots(), "Shots", null);
        tile(tiles, t.shotsWithAi(), "Shots with AI use", null);
        tile(tiles, t.openBlocking(), "Open blocking flags", t.openBlocking() > 0 ? Look.DECLINED : null);
        tile(tiles, t.openAdvisory(), "Open advisory flags", t.openAdvisory() > 0 ? Look.MISSING : null);
        tile(tiles, t.staleSignOffs(), "Stale sign-offs", t.staleSignOffs() > 0 ? Look.STALE : null);
        document.add(tiles);

        // The paragraph's own font sizes the space above it, so it must be an embedded one too.
        Paragraph guide = new Paragraph(12f, "", look.smallMuted);
        guide.setSpacingBefore(24f);
        guide.add(new Chunk("How to read this report.  ", look.smallBold));
        guide.add(new Chunk("The AI sign-off summary lists every flag the studio's AI policy raises, grouped by the "
                + "department whose head signs, so each head finds their part together. The scene breakdown follows in "
                + "script order, with each shot's AI uses and the state of every signature it needs. A stale sign-off "
                + "was given before the plan for the shot last changed and must be given again.", look.smallMuted));
        document.add(guide);
    }

    private String contents() {
        ExportOptions o = breakdown.options;
        String dept = o.allDepartments() ? "All departments" : canonicalDepartment() + " only";
        return dept + (o.flaggedOnly() ? ", flagged shots only" : ", all shots") + "  \u00B7  " + o.paper().label() + " landscape";
    }

    private void fact(PdfPTable table, String name, String value) {
        PdfPCell k = look.cell(new Phrase(name, look.label));
        PdfPCell v = look.cell(new Phrase(value.isBlank() ? "\u2014" : value, value.isBlank() ? look.smallMuted : look.body));
        for (PdfPCell c : new PdfPCell[]{k, v}) {
            c.setPaddingTop(5f);
            c.setPaddingBottom(6f);
            table.addCell(c);
        }
    }

    private void tile(PdfPTable table, int figure, String label, Color accent) {
        if (tileCount++ > 0) table.addCell(plain(null));
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.TOP);
        c.setBorderWidthTop(accent == null ? 1f : 2.5f);
        c.setBorderColorTop(accent == null ? Look.RULE : accent);
        c.setPaddingTop(8f);
        c.setPaddingRight(14f);
        Paragraph n = new Paragraph(String.format(Locale.ENGLISH, "%,d", figure),
                accent == null ? look.figure : look.coloured(look.figure, accent));
        n.setLeading(0f, 1.1f);
        c.addElement(n);
        Paragraph l = new Paragraph(label, look.label);
        l.setLeading(0f, 1.3f);
        c.addElement(l);
        table.addCell(c);
    }

    private static PdfPCell plain(PdfPTable content) {
        PdfPCell c = content == null ? new PdfPCell(new Phrase("")) : new PdfPCell(content);
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(0f);
        return c;
    }

    /**
     * The cover's table of contents: the summary, each department's part of it, and the scenes, with page
     * numbers that are filled in as each section starts (the cover is written before they are known).
     */
    private PdfPTable contentsTable() throws DocumentException {
        PdfPTable table = new PdfPTable(new float[]{1, 0.18f});
        table.setWidthPercentage(100f);
        PdfPCell head = look.cell(new Phrase("IN THIS REPORT", look.tableHead));
        head.setColspan(2);
        head.setBorder(Rectangle.NO_BORDER);
        head.setPaddingTop(5f);
        table.addCell(head);
        contentsLine(table, "AI sign-off summary", SUMMARY, look.bodyBold);
        for (Breakdown.Group g : breakdown.groups) {
            contentsLine(table, "    " + g.department(), g.department(), look.body);
        }
        contentsLine(table, "Scene breakdown", SCENES, look.bodyBold);
        return table;
    }

    private void contentsLine(PdfPTable table, String text, String key, Font font) throws DocumentException {
        PdfTemplate number = writer.getDirectContent().createTemplate(PAGE_NUMBER_WIDTH, 10f);
        pageNumbers.put(key, number);
        PdfPCell name = look.cell(new Phrase(text, font));
        PdfPCell page = look.cell(new Phrase(new Chunk(Image.getInstance(number), 0, -2f)));
        for (PdfPCell c : new PdfPCell[]{name, page}) {
            c.setPaddingTop(3f);
            c.setPaddingBottom(4f);
            // Bottom-aligned, the text's baseline and the number's (2pt above the template's foot) line up.
            c.setVerticalAlignment(Element.ALIGN_BOTTOM);
            table.addCell(c);
        }
    }

    /** Fills in the cover's page number for a section that starts on the current page. */
    private void mark(String key) {
        PdfTemplate number = pageNumbers.remove(key);
        if (number == null) return;
        ColumnText.showTextAligned(number, Element.ALIGN_RIGHT,
                new Phrase(Integer.toString(writer.getPageNumber()), look.body), PAGE_NUMBER_WIDTH, 2f, 0);
    }

    /** A SHA-256 in groups of eight, so it can be read aloud and compared by eye. */
    static String grouped(String hex) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 8) {
            if (i > 0) b.append(i == 32 ? "\n" : " ");
            b.append(hex, i, Math.min(hex.length(), i + 8));
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- sign-off summary

    private void summary() throws DocumentException {
        sectionHeading("AI sign-off summary",
                "Every flag, grouped by the department that signs. A flag that needs several departments appears under each, "
                        + "with the others named under \u201CAlso needs\u201D.");
        mark(SUMMARY);
        if (breakdown.groups.isEmpty()) {
            Paragraph none = new Paragraph("No AI sign-offs are needed for the shots in this report.", look.body);
            none.setSpacingBefore(8f);
            document.add(none);
            return;
        }
        for (Breakdown.Group group : breakdown.groups) group(group);
    }

    private void group(Breakdown.Group group) throws DocumentException {
        String head = departmentHead(group.department());
        long open = group.flags().stream().filter(f -> mine(f, group).stream().anyMatch(s -> s.state().open())).count();
        String counts = group.flags().size() + (group.flags().size() == 1 ? " flag" : " flags") + " \u00B7 " + open + " open";

        Color colour = group.colour().isBlank() ? Look.MUTED : Look.parseColour(group.colour());
        PdfPTable table = table(SUMMARY_COLUMNS);
        table.addCell(groupBand(groupTitle(group, head, false), 4, colour));
        table.addCell(groupBandRight(counts, 3));
        heads(table, SUMMARY_HEADS);
        table.addCell(groupBand(groupTitle(group, head, true), 4, colour));
        table.addCell(groupBandRight(counts, 3));
        heads(table, SUMMARY_HEADS);
        int rows = 0;
        boolean started = false;
        for (Flag flag : group.flags()) {
            summaryRow(table, flag, group);
            rows++;
            if (!started && rows == 1) {
                keepWithNext(table, 3);
                mark(group.department());
                table.setComplete(false);
                started = true;
            }
            if (rows % FLUSH_ROWS == 0) {
                document.add(table);
            }
            advance(1);
        }
        table.setComplete(true);
        table.setSpacingAfter(16f);
        document.add(table);
    }

    private Phrase groupTitle(Breakdown.Group group, String head, boolean first) {
        Phrase p = new Phrase();
        p.add(new Chunk(group.department(), look.groupFont));
        if (!head.isBlank()) p.add(new Chunk("    Head: " + head, look.label));
        if (!first) p.add(new Chunk("    (continued)", look.label));
        return p;
    }

    private String departmentHead(String name) {
        return breakdown.data.departments().stream().filter(d -> d.name().equalsIgnoreCase(name))
                .map(Department::headName).filter(h -> !h.isBlank()).findFirst().orElse("");
    }

    private static List<RequiredSignature> mine(Flag flag, Breakdown.Group group) {
        if (group.department().equals(Breakdown.NO_SIGNER)) return List.of();
        return flag.signatures().stream().filter(s -> s.role().department().equalsIgnoreCase(group.department())).toList();
    }

    private void summaryRow(PdfPTable table, Flag flag, Breakdown.Group group) {
        Scene scene = breakdown.sceneOfShot.get(flag.shotId());
        Shot shot = breakdown.shotsById.get(flag.shotId());
        table.addCell(look.cell(new Phrase(scene == null ? "" : scene.number(), look.bodyBold)));
        table.addCell(look.cell(new Phrase(shot == null ? "" : shot.number(), look.bodyBold)));

        Lines rule = lines().line(look.smallBold, flag.rule().id());
        if (!flag.rule().title().isBlank()) rule.line(look.small, flag.rule().title());
        if (!flag.reason().isBlank()) rule.line(look.smallMuted, flag.reason());
        table.addCell(look.cell(rule.phrase()));

        table.addCell(look.cell(new Phrase(flag.rule().severity().label(), look.severity(flag.rule().severity()))));

        Lines use = lines();
        AiUse ai = flag.aiUse();
        if (ai != null) {
            use.line(look.small, ai.technique().label());
            use.line(look.smallMuted, outputWord(ai.output()) + (ai.tool().isBlank() ? "" : " \u00B7 " + ai.tool()));
        }
        table.addCell(look.cell(use.phrase()));

        List<RequiredSignature> mine = mine(flag, group);
        Lines signs = lines();
        for (RequiredSignature s : mine) {
            signs.line(signature(s, true));
            String detail = signatureDetail(s);
            if (!detail.isEmpty()) signs.line(look.smallMuted, detail);
        }
        table.addCell(look.cell(signs.phrase()));

        Lines others = lines();
        for (RequiredSignature s : flag.signatures()) {
            if (!mine.contains(s)) others.line(signature(s, false));
        }
        table.addCell(look.cell(others.phrase()));
    }

    /** Who signed and when, or why the signature needs attention again. */
    private static String signatureDetail(RequiredSignature s) {
        SignOff latest = s.latestOrNull();
        if (latest == null) return "";
        String who = latest.signer().isBlank() ? "" : latest.signer() + ", ";
        String when = DATE.format(latest.signedAt().atZone(ZoneId.systemDefault()).toLocalDate());
        String text = switch (s.state()) {
            case STALE -> "Signed " + when + (latest.signer().isBlank() ? "" : " by " + latest.signer()) + "; the shot changed since";
            default -> who + when;
        };
        if (!latest.note().isBlank()) text += " \u2014 " + latest.note();
        return text;
    }

    // ---------------------------------------------------------------- scenes

    private void scenes() throws DocumentException {
        sectionHeading("Scene breakdown", "Scenes in script order. Each shot lists its AI uses and every signature they need.");
        mark(SCENES);
        if (breakdown.scenes.isEmpty()) {
            document.add(new Paragraph("No shots match this report's choices.", look.body));
            return;
        }
        for (Breakdown.SceneBlock block : breakdown.scenes) {
            if (progress.isCancelled()) throw new CancellationException("export cancelled");
            if (block.scene().omitted()) omitted(block.scene());
            else scene(block);
        }
    }

    private void omitted(Scene scene) throws DocumentException {
        PdfPTable table = table(new float[]{1});
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
        document.add(table);
    }

    private void scene(Breakdown.SceneBlock block) throws DocumentException {
        Scene scene = block.scene();
        PdfPTable table = table(SHOT_COLUMNS);
        List<String> facts = new ArrayList<>();
        if (scene.eighths() > 0) facts.add(Scene.pages(scene.eighths()) + (scene.eighths() <= 8 ? " page" : " pages"));
        if (!scene.storyDay().isBlank()) facts.add(scene.storyDay());
        String right = String.join("  \u00B7  ", facts);
        table.addCell(band(sceneTitle(scene, false), 4));
        table.addCell(bandRight(right, 2));
        heads(table, SHOT_HEADS);

        table.addCell(band(sceneTitle(scene, true), 4));
        table.addCell(bandRight(right, 2));
        table.addCell(sceneDetails(scene));
        if (block.shots().isEmpty()) {
            PdfPCell none = look.cell(new Phrase("No shots planned for this scene yet.", look.smallMuted));
            none.setColspan(SHOT_COLUMNS.length);
            table.addCell(none);
        } else {
            heads(table, SHOT_HEADS);
            for (Breakdown.ShotRow row : block.shots()) shotRow(table, row);
        }
        keepWithNext(table, block.shots().isEmpty() ? 3 : 4);
        table.setSpacingAfter(16f);
        document.add(table);
        advance(block.shots().size());
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
        Lines text = lines()
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
        Lines number = lines().line(look.shotNumber, shot.number().isBlank() ? "\u2014" : shot.number());
        if (row.status() != ShotStatus.NO_AI) number.line(look.status(row.status()), row.status().label());
        table.addCell(look.cell(number.phrase()));

        Lines description = lines().line(look.body, shot.description().isBlank() ? "\u2014" : shot.description());
        if (!shot.notes().isBlank()) description.line(look.smallMuted, shot.notes());
        table.addCell(look.cell(description.phrase()));

        Lines camera = lines();
        for (String l : cameraLines(shot)) camera.line(look.small, l);
        table.addCell(look.cell(camera.phrase()));

        Lines depts = lines();
        for (UUID id : shot.departmentIds()) {
            Department d = departments.get(id);
            if (d != null) depts.line(new Chunk(Look.SWATCH + " ", look.swatch(d.colour())), new Chunk(d.name(), look.small));
        }
        table.addCell(look.cell(depts.phrase()));

        Lines uses = lines();
        for (AiUse use : shot.aiUses()) {
            uses.gap().line(new Chunk(use.technique().label(), look.smallBold),
                    new Chunk("  " + outputWord(use.output()), use.output() == Output.FINAL ? look.small : look.smallMuted));
            if (!use.purpose().isBlank()) uses.line(look.small, use.purpose());
            if (!use.tool().isBlank()) uses.line(look.smallMuted, "Tool: " + use.tool());
        }
        if (shot.aiUses().isEmpty()) uses.line(look.smallMuted, "None");
        table.addCell(look.cell(uses.phrase()));

        Lines signs = lines();
        for (Flag flag : row.flags()) {
            signs.gap().line(new Chunk(flag.rule().id(), look.smallBold),
                    new Chunk("  " + flag.rule().severity().label(), look.severity(flag.rule().severity())));
            for (RequiredSignature s : flag.signatures()) signs.line(signature(s, true));
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

    // ---------------------------------------------------------------- shared pieces

    private void sectionHeading(String title, String intro) throws DocumentException {
        Paragraph h = new Paragraph(title, look.sectionTitle);
        h.setSpacingAfter(3f);
        document.add(h);
        Paragraph i = new Paragraph(intro, look.smallMuted);
        i.setSpacingAfter(12f);
        document.add(i);
    }

    private PdfPTable table(float[] widths) throws DocumentException {
        PdfPTable table = new PdfPTable(widths.length);
        table.setWidths(widths);
        // Full width, not a locked width: OpenPDF then sizes each row once as it is added, instead of
        // re-measuring every row of the table on every page the table runs onto (quadratic on long tables).
        // The total width is set to exactly what the page's column will ask for, so no re-measure happens.
        table.setWidthPercentage(100f);
        table.setTotalWidth((document.right() - document.left()) * 100f / 100f);
        table.setHeaderRows(widths.length == 1 ? 0 : 2);
        table.setSkipFirstHeader(true);
        table.setSplitLate(true);
        return table;
    }

    private PdfPCell band(Phrase content, int colspan) {
        PdfPCell c = new PdfPCell(content);
        c.setColspan(colspan);
        c.setBorder(Rectangle.NO_BORDER);
        c.setBackgroundColor(Look.BAND);
        c.setPaddingTop(5f);
        c.setPaddingBottom(7f);
        c.setPaddingLeft(8f);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return c;
    }

    private PdfPCell bandRight(String text, int colspan) {
        PdfPCell c = band(new Phrase(text, look.bandMuted), colspan);
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        c.setPaddingRight(8f);
        return c;
    }

    /** A department's heading: a light band marked with the department's colour, as in the app. */
    private PdfPCell groupBand(Phrase content, int colspan, Color colour) {
        PdfPCell c = new PdfPCell(content);
        c.setColspan(colspan);
        c.setBorder(Rectangle.LEFT);
        c.setBorderWidthLeft(5f);
        c.setBorderColorLeft(colour);
        c.setBackgroundColor(Look.GROUP_FILL);
        c.setPaddingTop(6f);
        c.setPaddingBottom(8f);
        c.setPaddingLeft(9f);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return c;
    }

    private PdfPCell groupBandRight(String text, int colspan) {
        PdfPCell c = new PdfPCell(new Phrase(text, look.label));
        c.setColspan(colspan);
        c.setBorder(Rectangle.NO_BORDER);
        c.setBackgroundColor(Look.GROUP_FILL);
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPaddingTop(6f);
        c.setPaddingBottom(8f);
        c.setPaddingRight(8f);
        return c;
    }

    private void heads(PdfPTable table, String[] names) {
        for (String name : names) table.addCell(look.headCell(name));
    }

    /**
     * Starts a new page unless the table's first {@code rows} body rows fit on this one, so a scene or
     * department heading is never left alone at the foot of a page.
     */
    private void keepWithNext(PdfPTable table, int rows) {
        float needed = table.spacingBefore();
        int first = table.getHeaderRows();
        int last = Math.min(table.size(), first + rows);
        for (int i = first; i < last; i++) needed += table.getRowHeight(i);
        float available = writer.getVerticalPosition(true) - document.bottom();
        float page = document.top() - document.bottom();
        if (needed > available && needed <= page) document.newPage();
    }

    private Chunk[] signature(RequiredSignature s, boolean withState) {
        Chunk marker = new Chunk(Look.SWATCH + " ", look.marker(s.state()));
        Chunk who = new Chunk(s.who(), look.small);
        if (!withState) return new Chunk[]{marker, who};
        return new Chunk[]{marker, who, new Chunk("  " + Look.word(s.state()), look.state(s.state()))};
    }

    private Lines lines() {
        return new Lines(look);
    }

    private static String outputWord(Output output) {
        return output == Output.FINAL ? "Final" : "Temporary";
    }

    private void advance(long units) {
        if (progress.isCancelled()) throw new CancellationException("export cancelled");
        done += units;
        progress.progress(Math.min(done, total), total);
    }

    private void report() {
        progress.progress(0, total);
    }
}
