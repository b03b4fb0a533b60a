package org.clearframe.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * Each scene in script order: its heading band, synopsis and cast, then its shots table, laid out from the rows
 * {@link SceneRows} worked out. One scene's table at a time is held, and written as soon as it is complete.
 */
final class SceneSheets {

    static final float[] SHOT_COLUMNS = {70, 142, 92, 100, 170, 196};
    private static final String[] SHOT_HEADS = {"Shot", "Description", "Camera", "Departments", "AI use", "Sign-off by role"};

    private final Sheet sheet;
    private final Breakdown breakdown;
    private final Look look;

    SceneSheets(Sheet sheet) {
        this.sheet = sheet;
        this.breakdown = sheet.breakdown;
        this.look = sheet.look;
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
        for (; kind != SceneRows.END; kind = in.readNumber()) {
            sheet.checkCancelled();
            if (kind == SceneRows.OMITTED) omitted(in.readText());
            else scene(in);
        }
    }

    private void omitted(String number) throws DocumentException {
        PdfPTable table = sheet.table(new float[]{1});
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setBackgroundColor(Look.OMITTED_FILL);
        c.setPadding(6f);
        c.setPaddingLeft(8f);
        Phrase p = new Phrase();
        p.add(new Chunk(number + "    ", look.coloured(look.bodyBold, Look.MUTED)));
        p.add(new Chunk("OMITTED", look.coloured(look.bodyBold, Look.MUTED)));
        c.setPhrase(p);
        table.addCell(c);
        table.setSpacingAfter(10f);
        sheet.document.add(table);
    }

    private void scene(RowSpill in) throws DocumentException {
        Phrase continued = in.readPhrase();
        Phrase first = in.readPhrase();
        String right = in.readText();
        Phrase details = in.readPhrase();
        int shots = in.readNumber();

        PdfPTable table = sheet.table(SHOT_COLUMNS);
        table.addCell(sheet.band(continued, 4));
        table.addCell(sheet.bandRight(right, 2));
        sheet.heads(table, SHOT_HEADS);

        table.addCell(sheet.band(first, 4));
        table.addCell(sheet.bandRight(right, 2));
        table.addCell(sceneDetails(details));
        if (shots == 0) {
            PdfPCell none = look.cell(new Phrase("No shots planned for this scene yet.", look.smallMuted));
            none.setColspan(SHOT_COLUMNS.length);
            table.addCell(none);
        } else {
            sheet.heads(table, SHOT_HEADS);
            for (int i = 0; i < shots * SHOT_COLUMNS.length; i++) table.addCell(look.cell(in.readPhrase()));
        }
        sheet.keepWithNext(table, shots == 0 ? 3 : 4);
        table.setSpacingAfter(16f);
        sheet.document.add(table);
        sheet.advance(shots);
    }

    private PdfPCell sceneDetails(Phrase text) {
        PdfPCell c = look.cell(text);
        c.setColspan(SHOT_COLUMNS.length);
        c.setPaddingTop(5f);
        c.setPaddingBottom(7f);
        return c;
    }
}
