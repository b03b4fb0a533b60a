package org.clearframe.evidence;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * A plain PDF for the pack (the bundled DejaVu Sans, so every name prints), written straight into the zip entry:
 * tables are added in slices so a 10,000-shot map never sits in memory whole.
 */
final class PackPdf implements AutoCloseable {

    static final Color INK = new Color(0x1F, 0x23, 0x28);
    static final Color MUTED = new Color(0x5F, 0x6B, 0x7A);
    static final Color HEAD_FILL = new Color(0xEC, 0xEF, 0xF3);
    static final Color WARN = new Color(0xB4, 0x5F, 0x06);
    private static final int SLICE = 100;

    private static volatile byte[] regularBytes, boldBytes;

    final Font title, heading, body, bold, small, smallMuted, tableHead, warn;
    private final Document document;
    private PdfPTable table;
    private float[] widths;
    private List<String> head;
    private int rowsInSlice;

    PackPdf(OutputStream out, boolean landscape, String subject) throws IOException {
        BaseFont regular = font(false), b = font(true);
        title = new Font(b, 18f, Font.NORMAL, INK);
        heading = new Font(b, 12f, Font.NORMAL, INK);
        body = new Font(regular, 9.5f, Font.NORMAL, INK);
        bold = new Font(b, 9.5f, Font.NORMAL, INK);
        small = new Font(regular, 7.5f, Font.NORMAL, INK);
        smallMuted = new Font(regular, 7.5f, Font.NORMAL, MUTED);
        tableHead = new Font(b, 7.5f, Font.NORMAL, MUTED);
        warn = new Font(b, 9.5f, Font.NORMAL, WARN);
        document = new Document(landscape ? new Rectangle(842, 595) : new Rectangle(595, 842), 40, 40, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, new FilterOutputStream(out) {
                @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
                @Override public void close() throws IOException { flush(); } // the zip entry stays open
            });
            writer.setCloseStream(false);
            document.addTitle(subject);
            document.addCreator("Clearframe");
            document.open();
        } catch (DocumentException e) {
            throw new IOException("The PDF could not be started: " + e.getMessage(), e);
        }
    }

    void title(String text) throws IOException {
        add(new Paragraph(text, title));
    }

    void heading(String text) throws IOException {
        Paragraph p = new Paragraph(text, heading);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        add(p);
    }

    void paragraph(String text, Font font) throws IOException {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingAfter(3);
        add(p);
    }

    /** A two-column list of label and value. */
    void facts(List<String[]> rows) throws IOException {
        PdfPTable t = new PdfPTable(new float[]{1.3f, 3.7f});
        t.setWidthPercentage(100);
        for (String[] r : rows) {
            t.addCell(cell(r[0], smallMuted, null));
            t.addCell(cell(r[1], body, null));
        }
        add(t);
    }

    /** Starts a table with a header repeated on every page; rows then go in with {@link #row}. */
    void startTable(List<String> header, float[] relativeWidths) throws IOException {
        endTable();
        head = header;
        widths = relativeWidths;
        newSlice();
    }

    void row(List<String> cells) throws IOException {
        for (String c : cells) table.addCell(cell(c, small, null));
        if (++rowsInSlice >= SLICE) {
            add(table);
            newSlice();
        }
    }

    void endTable() throws IOException {
        if (table != null && rowsInSlice > 0) add(table);
        table = null;
    }

    private void newSlice() {
        table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSplitLate(false);
        for (String h : head) table.addCell(cell(h, tableHead, HEAD_FILL));
        rowsInSlice = 0;
    }

    private static PdfPCell cell(String text, Font font, Color fill) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, font));
        c.setBorderColor(new Color(0xC9, 0xCE, 0xD6));
        c.setPadding(3);
        c.setVerticalAlignment(Element.ALIGN_TOP);
        if (fill != null) c.setBackgroundColor(fill);
        return c;
    }

    private void add(Element e) throws IOException {
        try {
            document.add(e);
        } catch (DocumentException ex) {
            throw new IOException("The PDF could not be written: " + ex.getMessage(), ex);
        }
    }

    @Override public void close() throws IOException {
        endTable();
        document.close();
    }

    /** A new font per document (a font collects the glyphs its document uses); the file's bytes are read once. */
    private static BaseFont font(boolean isBold) throws IOException {
        byte[] bytes = isBold ? boldBytes : regularBytes;
        String name = isBold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
        if (bytes == null) {
            try (InputStream in = PackPdf.class.getResourceAsStream("/org/clearframe/pdf/fonts/" + name)) {
                if (in == null) throw new IOException("font " + name + " is missing from the application");
                bytes = in.readAllBytes();
            }
            if (isBold) boldBytes = bytes; else regularBytes = bytes;
        }
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        } catch (DocumentException e) {
            throw new IOException("the bundled DejaVu Sans font cannot be read", e);
        }
    }
}
