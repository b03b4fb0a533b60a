package org.clearframe.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import org.clearframe.model.Department;

import java.awt.Color;

/**
 * The AI sign-off summary: every flag, grouped by the department whose roles sign it, so each head finds
 * their part together. The rows come from the group's {@link RowSpill} and are drawn by a {@link Grid} as they are
 * read, so memory stays flat.
 */
final class SignOffSummary {

    private static final float[] SUMMARY_COLUMNS = {40, 34, 196, 52, 134, 194, 120};
    private static final String[] SUMMARY_HEADS = {"Scene", "Shot", "Rule", "Severity", "AI use", "Signs for this department", "Also needs"};
    /** A department's heading: a light band marked with the department's colour down its left, as in the app. */
    private static final Grid.Style GROUP_BAND = new Grid.Style(6f, 8f, 9f, 2f, 1f, Look.GROUP_FILL, null, 5f, Look.MUTED, true, false);
    private static final Grid.Style GROUP_BAND_RIGHT = new Grid.Style(6f, 8f, 2f, 8f, 1f, Look.GROUP_FILL, null, 0f, null, true, true);

    private final Sheet sheet;
    private final Breakdown breakdown;
    private final Look look;
    private final Grid grid;
    private final Grid.Row heads;
    private final Grid.Row row;

    SignOffSummary(Sheet sheet) {
        this.sheet = sheet;
        this.breakdown = sheet.breakdown;
        this.look = sheet.look;
        this.grid = new Grid(sheet, SUMMARY_COLUMNS);
        this.heads = sheet.heads(SUMMARY_HEADS, Look.HEAD);
        Grid.Cell[] cells = new Grid.Cell[SummaryRows.COLUMNS];
        for (int i = 0; i < cells.length; i++) cells[i] = new Grid.Cell(Look.CELL, new CellText());
        this.row = new Grid.Row(cells);
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
        float y = Float.NaN;
        for (Breakdown.Group group : breakdown.groups) y = group(group, y);
    }

    /** One department's table. Returns where the next starts. */
    private float group(Breakdown.Group group, float y) {
        String head = departmentHead(group.department());
        int flags = group.flags;
        String counts = flags + (flags == 1 ? " flag" : " flags") + " \u00B7 " + group.open + " open";
        Color colour = group.colour().isBlank() ? Look.MUTED : Look.parseColour(group.colour());
        Grid.Style band = GROUP_BAND.withBar(5f, colour);
        CellText right = CellText.of(look.label, counts);
        Grid.Row continued = new Grid.Row(new Grid.Cell(band, 4, groupTitle(group, head, false)), new Grid.Cell(GROUP_BAND_RIGHT, 3, right));
        Grid.Row first = new Grid.Row(new Grid.Cell(band, 4, groupTitle(group, head, true)), new Grid.Cell(GROUP_BAND_RIGHT, 3, right));

        RowSpill rows = group.rows;
        grid.begin(y, continued, heads);
        readRow(rows);
        grid.keepTogether(first, heads, row);
        sheet.mark(group.department());
        grid.add(first);
        grid.add(heads);
        grid.add(row);
        sheet.advance(1);
        for (int i = 2; i <= flags; i++) {
            readRow(rows);
            grid.add(row);
            sheet.advance(1);
        }
        grid.end(16f);
        return grid.position();
    }

    private void readRow(RowSpill rows) {
        for (Grid.Cell c : row.cells) rows.readCell(c.text);
    }

    private CellText groupTitle(Breakdown.Group group, String head, boolean first) {
        CellText t = CellText.of(look.groupFont, group.department());
        if (!head.isBlank()) t.add(look.label, "    Head: " + head);
        if (!first) t.add(look.label, "    (continued)");
        return t;
    }

    private String departmentHead(String name) {
        return breakdown.data.departments().stream().filter(d -> d.name().equalsIgnoreCase(name))
                .map(Department::headName).filter(h -> !h.isBlank()).findFirst().orElse("");
    }
}
