package org.clearframe.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.clearframe.model.Output;
import org.clearframe.rules.RequiredSignature;

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

    PdfPTable table(float[] widths) throws DocumentException {
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

    PdfPCell band(Phrase content, int colspan) {
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

    PdfPCell bandRight(String text, int colspan) {
        PdfPCell c = band(new Phrase(text, look.bandMuted), colspan);
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        c.setPaddingRight(8f);
        return c;
    }

    void heads(PdfPTable table, String[] names) {
        for (String name : names) table.addCell(look.headCell(name));
    }

    /**
     * Starts a new page unless the table's first {@code rows} body rows fit on this one, so a scene or
     * department heading is never left alone at the foot of a page.
     */
    void keepWithNext(PdfPTable table, int rows) {
        float needed = table.spacingBefore();
        int first = table.getHeaderRows();
        int last = Math.min(table.size(), first + rows);
        for (int i = first; i < last; i++) needed += table.getRowHeight(i);
        float available = writer.getVerticalPosition(true) - document.bottom();
        float page = document.top() - document.bottom();
        if (needed > available && needed <= page) document.newPage();
    }

    Chunk[] signature(RequiredSignature s, boolean withState) {
        return look.signature(s, withState);
    }

    Lines lines() {
        return look.lines();
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
