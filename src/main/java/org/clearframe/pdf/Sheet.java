package org.clearframe.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.clearframe.model.Output;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

/** What the parts of the document share: the document and writer, the look, progress, and the common table pieces. */
final class Sheet {

    /** "24 Nov 2026": the same reading in the US and everywhere else. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final float PAGE_NUMBER_WIDTH = 30f;

    final Breakdown breakdown;
    final Look look;
    final Document document;
    final PdfWriter writer;
    private final ExportProgress progress;
    private final Map<String, PdfTemplate> pageNumbers = new HashMap<>();
    private final Grid.Pen pen = new Grid.Pen(this);
    private final TextBlock.Widths widths = new TextBlock.Widths();
    private final long total;
    private long done;

    Sheet(Breakdown breakdown, Look look, Document document, PdfWriter writer, ExportProgress progress) {
        this.breakdown = breakdown;
        this.look = look;
        this.document = document;
        this.writer = writer;
        this.progress = progress;
        this.total = Math.max(1, breakdown.totals.shots() + breakdown.summaryRows());
        progress.progress(0, total);
    }

    void sectionHeading(String title, String intro) throws DocumentException {
        Paragraph h = new Paragraph(title, look.sectionTitle);
        h.setSpacingAfter(3f);
        document.add(h);
        Paragraph i = new Paragraph(intro, look.smallMuted);
        i.setSpacingAfter(12f);
        document.add(i);
    }

    /** The text area's edges on every page (inside the margins, clear of the running header and footer). */
    float left() {
        return document.left();
    }

    float right() {
        return document.right();
    }

    float top() {
        return document.top();
    }

    float bottom() {
        return document.bottom();
    }

    /** Where the document's own flow (headings, paragraphs) has got to on this page: a {@link Grid} starts there. */
    float position() {
        return writer.getVerticalPosition(true);
    }

    /** Ends the page: its running header and footer are drawn, and the next page starts at {@link #top()}. */
    void newPage() {
        document.newPage();
    }

    Grid.Pen pen() {
        return pen;
    }

    TextBlock.Widths widths() {
        return widths;
    }

    /** A heading cell's text, upper case as the tables print them. */
    Grid.Row heads(String[] names, Grid.Style style) {
        Grid.Cell[] cells = new Grid.Cell[names.length];
        for (int i = 0; i < names.length; i++) {
            cells[i] = new Grid.Cell(style, CellText.of(look.tableHead, names[i].toUpperCase(java.util.Locale.ROOT)));
        }
        return new Grid.Row(cells);
    }

    static String outputWord(Output output) {
        return output == Output.FINAL ? "Final" : "Temporary";
    }

    /**
     * A page number for the cover's contents, to be filled in by {@link #mark} when the section named
     * {@code key} starts (the cover is written before the page is known).
     */
    Image pageNumber(String key) throws DocumentException {
        PdfTemplate number = writer.getDirectContent().createTemplate(PAGE_NUMBER_WIDTH, 10f);
        pageNumbers.put(key, number);
        return Image.getInstance(number);
    }

    /** Fills in the cover's page number for a section that starts on the current page. */
    void mark(String key) {
        PdfTemplate number = pageNumbers.remove(key);
        if (number == null) return;
        ColumnText.showTextAligned(number, Element.ALIGN_RIGHT,
                new Phrase(Integer.toString(writer.getPageNumber()), look.body), PAGE_NUMBER_WIDTH, 2f, 0);
    }

    /** Counts {@code units} of work done; stops the export if the user has cancelled. */
    void advance(long units) {
        checkCancelled();
        done += units;
        progress.progress(Math.min(done, total), total);
    }

    void checkCancelled() {
        if (progress.isCancelled()) throw new CancellationException("export cancelled");
    }
}
