package org.clearframe.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import org.clearframe.model.Department;

import java.awt.Color;

/**
 * The AI sign-off summary: every flag, grouped by the department whose roles sign it, so each head finds
 * their part together. The rows come from the group's {@link RowSpill}, and long groups are written a hundred rows at
 * a time, so memory stays flat.
 */
final class SignOffSummary {

    private static final int FLUSH_ROWS = 100;
    private static final float[] SUMMARY_COLUMNS = {40, 34, 196, 52, 134, 194, 120};
    private static final String[] SUMMARY_HEADS = {"Scene", "Shot", "Rule", "Severity", "AI use", "Signs for this department", "Also needs"};

    private final Sheet sheet;
    private final Breakdown breakdown;
    private final Look look;

    SignOffSummary(Sheet sheet) {
        this.sheet = sheet;
        this.breakdown = sheet.breakdown;
        this.look = sheet.look;
    }

    void write() throws DocumentException {
        sheet.sectionHeading("AI sign-off summary",
                "Every flag, grouped by the department that signs. A flag that needs several departments appears under each, "
                        + "with the others named under \u201CAlso needs\u201D.");
        sheet.mark(CoverPage.SUMMARY);
        if (breakdown.groups.isEmpty()) {
            Paragraph none = new Paragraph("No AI sign-offs are needed for the shots in this report.", look.body);
            none.setSpacingBefore(8f);
            sheet.document.add(none);
            return;
        }
        for (Breakdown.Group group : breakdown.groups) group(group);
    }

    private void group(Breakdown.Group group) throws DocumentException {
        String head = departmentHead(group.department());
        int flags = group.flags;
        String counts = flags + (flags == 1 ? " flag" : " flags") + " \u00B7 " + group.open + " open";

        Color colour = group.colour().isBlank() ? Look.MUTED : Look.parseColour(group.colour());
        PdfPTable table = sheet.table(SUMMARY_COLUMNS);
        table.addCell(groupBand(groupTitle(group, head, false), 4, colour));
        table.addCell(groupBandRight(counts, 3));
        sheet.heads(table, SUMMARY_HEADS);
        table.addCell(groupBand(groupTitle(group, head, true), 4, colour));
        table.addCell(groupBandRight(counts, 3));
        sheet.heads(table, SUMMARY_HEADS);
        RowSpill rows = group.rows;
        for (int row = 1; row <= flags; row++) {
            for (int i = 0; i < SummaryRows.COLUMNS; i++) table.addCell(look.cell(rows.readPhrase()));
            if (row == 1) {
                sheet.keepWithNext(table, 3);
                sheet.mark(group.department());
                table.setComplete(false);
            }
            if (row % FLUSH_ROWS == 0) {
                sheet.document.add(table);
            }
            sheet.advance(1);
        }
        table.setComplete(true);
        table.setSpacingAfter(16f);
        sheet.document.add(table);
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
}
