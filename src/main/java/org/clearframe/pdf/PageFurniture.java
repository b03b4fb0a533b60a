package org.clearframe.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.clearframe.rules.SignatureState;

/**
 * The running header (production title, what the document is) and footer (export note, state legend,
 * "Page X of Y") on every page. The total is unknown until the end, so each footer refers to one shared
 * template that is filled in when the document closes: a single pass, however long the document.
 */
final class PageFurniture extends PdfPageEventHelper {

    static final float HEADER_Y = 30f;
    static final float FOOTER_Y = 22f;
    /** Room for a six-digit total; the template is drawn left-aligned, just after "of". */
    private static final String TOTAL_ROOM = "000000";

    private final Look look;
    private final String title;
    private final String scope;
    private final String exportNote;
    private PdfTemplate total;
    private int pages;

    /** Whether the footer explains the sign-off colours (the breakdown); a consent request has none to explain. */
    private final boolean showLegend;

    PageFurniture(Look look, String title, String scope, String exportNote) {
        this(look, title, scope, exportNote, true);
    }

    PageFurniture(Look look, String title, String scope, String exportNote, boolean showLegend) {
        this.showLegend = showLegend;
        this.look = look;
        this.title = title;
        this.scope = scope;
        this.exportNote = exportNote;
    }

    int pages() {
        return pages;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(totalWidth(), 12f);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        pages = writer.getPageNumber();
        PdfContentByte cb = writer.getDirectContent();
        float left = document.left();
        Fixed f = fixed(writer, document);
        if (pages > 1) cb.addTemplate(f.header, left, document.getPageSize().getHeight() - HEADER_Y - 6f - BELOW);
        cb.addTemplate(f.footer, left, FOOTER_Y - BELOW);
        // "Page X of" then the shared total, left-aligned so no gap opens before a short total.
        Text page = new Text().add(look.smallMuted, "Page " + pages + " of");
        page.draw(cb, left, FOOTER_Y);
        cb.addTemplate(total, left + page.width + f.gap, FOOTER_Y);
    }

    /** How far below a baseline or rule the header's and footer's drawings start, for the descenders. */
    private static final float BELOW = 4f;

    /**
     * One line of text in runs of embedded fonts, measured once and drawn straight onto the page: the furniture of tens
     * of thousands of pages is drawn without laying a phrase out each time.
     */
    private static final class Text {
        private final java.util.List<Font> fonts = new java.util.ArrayList<>();
        private final java.util.List<String> texts = new java.util.ArrayList<>();
        float width;

        Text add(Font font, String text) {
            fonts.add(font);
            texts.add(text);
            width += font.getBaseFont().getWidthPoint(text, font.getSize());
            return this;
        }

        /** Draws the line with its baseline at {@code y}, from {@code x}. */
        void draw(PdfContentByte cb, float x, float y) {
            cb.beginText();
            cb.setTextMatrix(x, y);
            for (int i = 0; i < fonts.size(); i++) {
                Font font = fonts.get(i);
                cb.setFontAndSize(font.getBaseFont(), font.getSize());
                cb.setColorFill(font.getColor() == null ? java.awt.Color.BLACK : font.getColor());
                cb.showText(texts.get(i));
            }
            cb.endText();
        }
    }

    /**
     * What every page repeats, drawn once into two templates (the running header; the footer's rule, legend and
     * export note) that each page places: a long breakdown has tens of thousands of pages.
     */
    private record Fixed(PdfTemplate header, PdfTemplate footer, float gap) {}
    private Fixed fixed;

    private Fixed fixed(PdfWriter writer, Document document) {
        if (fixed != null) return fixed;
        float width = document.right() - document.left();
        PdfContentByte cb = writer.getDirectContent();

        PdfTemplate header = cb.createTemplate(width, BELOW + 6f + 12f);
        float y = BELOW + 6f;
        new Text().add(look.smallBold, title).draw(header, 0, y);
        Text scopeText = new Text().add(look.smallMuted, scope);
        scopeText.draw(header, width - scopeText.width, y);
        rule(header, 0, width, BELOW);

        PdfTemplate footer = cb.createTemplate(width, BELOW + 11f + 2f);
        rule(footer, 0, width, BELOW + 11f);
        if (showLegend) {
            Text legend = new Text();
            SignatureState[] shown = {SignatureState.APPROVED, SignatureState.MISSING, SignatureState.DECLINED, SignatureState.STALE};
            for (int i = 0; i < shown.length; i++) {
                legend.add(look.marker(shown[i]), Look.SWATCH + " ");
                legend.add(look.smallMuted, Look.word(shown[i]) + (i < shown.length - 1 ? "     " : ""));
            }
            legend.draw(footer, (width - legend.width) / 2f, BELOW);
        }
        Text note = new Text().add(look.smallMuted, exportNote);
        note.draw(footer, width - note.width, BELOW);

        fixed = new Fixed(header, footer, look.smallMuted.getBaseFont().getWidthPoint(" ", look.smallMuted.getSize()));
        return fixed;
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        ColumnText.showTextAligned(total, Element.ALIGN_LEFT, new Phrase(Integer.toString(pages), look.smallMuted), 0, 0, 0);
    }

    private float totalWidth() {
        return look.smallMuted.getBaseFont().getWidthPoint(TOTAL_ROOM, look.smallMuted.getSize());
    }

    private static void rule(PdfContentByte cb, float left, float right, float y) {
        cb.saveState();
        cb.setColorStroke(Look.RULE);
        cb.setLineWidth(0.5f);
        cb.moveTo(left, y);
        cb.lineTo(right, y);
        cb.stroke();
        cb.restoreState();
    }
}
