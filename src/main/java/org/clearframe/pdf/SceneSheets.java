package org.clearframe.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;

/**
 * Each scene in script order: its heading band, synopsis and cast, then its shots table, laid out from the rows
 * {@link SceneRows} worked out and drawn by a {@link Grid} as they are read, a row at a time.
 */
final class SceneSheets {

    static final float[] SHOT_COLUMNS = {70, 142, 92, 100, 170, 196};
    private static final String[] SHOT_HEADS = {"Shot", "Description", "Camera", "Departments", "AI use", "Sign-off by role"};
    private static final Grid.Style DETAILS = Look.CELL.withPadding(5f, 7f);
    private static final Grid.Style OMITTED = new Grid.Style(6f, 6f, 8f, 6f, 1f, Look.OMITTED_FILL, null, 0f, null, false, false);

    private final Sheet sheet;
    private final Breakdown breakdown;
    private final Look look;
    private final Grid grid;
    private final Grid omittedGrid;
    /** The rows every scene uses, refilled for each: the continued and first bands, the details, the headings, a shot. */
    private final CellText continuedTitle = new CellText(), firstTitle = new CellText(), right = new CellText(), details = new CellText();
    private final Grid.Row continuedBand, firstBand, detailsRow, heads, noShots, shot, omitted;
    private final CellText omittedText = new CellText();

    SceneSheets(Sheet sheet) {
        this.sheet = sheet;
        this.breakdown = sheet.breakdown;
        this.look = sheet.look;
        this.grid = new Grid(sheet, SHOT_COLUMNS);
        this.omittedGrid = new Grid(sheet, new float[]{1});
        continuedBand = new Grid.Row(new Grid.Cell(Look.SCENE_BAND, 4, continuedTitle), new Grid.Cell(Look.SCENE_BAND_RIGHT, 2, right));
        firstBand = new Grid.Row(new Grid.Cell(Look.SCENE_BAND, 4, firstTitle), new Grid.Cell(Look.SCENE_BAND_RIGHT, 2, right));
        detailsRow = new Grid.Row(new Grid.Cell(DETAILS, SHOT_COLUMNS.length, details));
        heads = sheet.heads(SHOT_HEADS, Look.HEAD);
        noShots = new Grid.Row(new Grid.Cell(Look.CELL, SHOT_COLUMNS.length,
                CellText.of(look.smallMuted, "No shots planned for this scene yet.")));
        Grid.Cell[] cells = new Grid.Cell[SHOT_COLUMNS.length];
        for (int i = 0; i < cells.length; i++) cells[i] = new Grid.Cell(Look.CELL, new CellText());
        shot = new Grid.Row(cells);
        omitted = new Grid.Row(new Grid.Cell(OMITTED, omittedText));
    }

    void write() throws DocumentException {
        sheet.sectionHeading("Scene breakdown", "Scenes in script order. Each shot lists its AI uses and every signature they need.");
        sheet.mark(CoverPage.SCENES);
        RowSpill in = breakdown.scenes;
        int kind = in.readNumber();
        if (kind == SceneRows.END) {
            sheet.document.add(new Paragraph("No shots match this report's choices.", look.body));
            return;
        }
        float y = Float.NaN;
        for (; kind != SceneRows.END; kind = in.readNumber()) {
            sheet.checkCancelled();
            y = kind == SceneRows.OMITTED ? omitted(in.readText(), y) : scene(in, y);
        }
    }

    /** An omitted scene: one muted band. Returns where the next scene starts. */
    private float omitted(String number, float y) {
        java.awt.Color muted = Look.MUTED;
        omittedText.clear().add(look.coloured(look.bodyBold, muted), number + "    ").add(look.coloured(look.bodyBold, muted), "OMITTED");
        omittedGrid.begin(y);
        omittedGrid.add(omitted);
        omittedGrid.end(10f);
        return omittedGrid.position();
    }

    /** One scene's table. Returns where the next scene starts. */
    private float scene(RowSpill in, float y) {
        in.readCell(continuedTitle);
        in.readCell(firstTitle);
        right.clear().add(look.bandMuted, in.readText());
        in.readCell(details);
        int shots = in.readNumber();

        grid.begin(y, continuedBand, heads);
        if (shots == 0) {
            grid.keepTogether(firstBand, detailsRow, noShots);
            grid.add(firstBand);
            grid.add(detailsRow);
            grid.add(noShots);
        } else {
            readShot(in);
            grid.keepTogether(firstBand, detailsRow, heads, shot);
            grid.add(firstBand);
            grid.add(detailsRow);
            grid.add(heads);
            grid.add(shot);
            for (int i = 1; i < shots; i++) {
                readShot(in);
                grid.add(shot);
            }
        }
        grid.end(16f);
        sheet.advance(shots);
        return grid.position();
    }

    private void readShot(RowSpill in) {
        for (Grid.Cell c : shot.cells) in.readCell(c.text);
    }
}
