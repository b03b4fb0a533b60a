package org.clearframe.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import org.clearframe.model.Production;
import org.clearframe.rules.Assessment;
import org.clearframe.rules.FlagIndex;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The cover: title, production facts, the file's fingerprint, contents with page numbers, and the totals. */
final class CoverPage {

    static final String SUMMARY = "\u0000summary";
    static final String SCENES = "\u0000scenes";

    private final Sheet sheet;
    private final Breakdown breakdown;
    private final Look look;
    private int tileCount;

    CoverPage(Sheet sheet) {
        this.sheet = sheet;
        this.breakdown = sheet.breakdown;
        this.look = sheet.look;
    }

    void write() throws DocumentException {
        Document document = sheet.document;
        Production p = breakdown.data.production();
        Paragraph kicker = new Paragraph("AI SHOT BREAKDOWN AND SIGN-OFF REPORT", look.coloured(look.smallBold, Look.MUTED));
        kicker.setSpacingBefore(18f);
        document.add(kicker);
        Paragraph title = new Paragraph(BreakdownWriter.titleOf(p), look.title);
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
        if (p.principalPhotography() != null) fact(facts, "Principal photography", Sheet.DATE.format(p.principalPhotography()));
        fact(facts, "Exported", Sheet.DATE.format(breakdown.options.exportDate()));
        // The policy the flags were evaluated under: the one in force in the file.
        Assessment assessment = breakdown.assessment;
        fact(facts, "Sign-off policy", assessment.policy().display() + (assessment.policyStored() ? "" : "  \u00B7  built in"));
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
        FlagIndex.Summary f = t.flags();
        tile(tiles, f.openBlocking(), "Open blocking flags", f.openBlocking() > 0 ? Look.DECLINED : null);
        tile(tiles, f.openAdvisory(), "Open advisory flags", f.openAdvisory() > 0 ? Look.MISSING : null);
        // counted as check and the app count it: flags with a stale sign-off, not sign-offs one by one
        tile(tiles, f.stale(), "Flags with stale sign-offs", f.stale() > 0 ? Look.STALE : null);
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
        String dept = o.allDepartments() ? "All departments" : breakdown.departmentLabel() + " only";
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
        PdfPCell name = look.cell(new Phrase(text, font));
        PdfPCell page = look.cell(new Phrase(new Chunk(sheet.pageNumber(key), 0, -2f)));
        for (PdfPCell c : new PdfPCell[]{name, page}) {
            c.setPaddingTop(3f);
            c.setPaddingBottom(4f);
            // Bottom-aligned, the text's baseline and the number's (2pt above the template's foot) line up.
            c.setVerticalAlignment(Element.ALIGN_BOTTOM);
            table.addCell(c);
        }
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
}
