package org.clearframe.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
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
    /** Room for a four-digit total; the template is drawn left-aligned, just after "of". */
    private static final String TOTAL_ROOM = "0000";

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
        float left = document.left(), right = document.right();
        float top = document.getPageSize().getHeight();

        if (pages > 1) {
            float y = top - HEADER_Y;
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, fixed().title, left, y, 0);
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, fixed().scope, right, y, 0);
            rule(cb, left, right, y - 6f);
        }

        rule(cb, left, right, FOOTER_Y + 11f);
        // "Page X of" then the shared total, left-aligned so no gap opens before a short total.
        Phrase page = new Phrase("Page " + pages + " of", look.smallMuted);
        ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, page, left, FOOTER_Y, 0);
        cb.addTemplate(total, left + ColumnText.getWidth(page) + fixed().gap, FOOTER_Y);
        if (showLegend) ColumnText.showTextAligned(cb, Element.ALIGN_CENTER, fixed().legend, (left + right) / 2f, FOOTER_Y, 0);
        ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, fixed().exportNote, right, FOOTER_Y, 0);
    }

    /** What every page repeats, made once: a long breakdown has tens of thousands of pages. Laying a phrase out never changes it. */
    private record Fixed(Phrase title, Phrase scope, Phrase exportNote, Phrase legend, float gap) {}
    private Fixed fixed;

    private Fixed fixed() {
        if (fixed == null) {
            fixed = new Fixed(new Phrase(title, look.smallBold), new Phrase(scope, look.smallMuted), new Phrase(exportNote, look.smallMuted),
                    legend(), look.smallMuted.getBaseFont().getWidthPoint(" ", look.smallMuted.getSize()));
        }
        return fixed;
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        ColumnText.showTextAligned(total, Element.ALIGN_LEFT, new Phrase(Integer.toString(pages), look.smallMuted), 0, 0, 0);
    }

    private float totalWidth() {
        return look.smallMuted.getBaseFont().getWidthPoint(TOTAL_ROOM, look.smallMuted.getSize());
    }

    /** One line that explains the colours, so any single page can be read on its own. */
    Phrase legend() {
        Phrase p = new Phrase();
        SignatureState[] shown = {SignatureState.APPROVED, SignatureState.MISSING, SignatureState.DECLINED, SignatureState.STALE};
        for (int i = 0; i < shown.length; i++) {
            p.add(look.chunk(Look.SWATCH + " ", look.marker(shown[i])));
            p.add(look.chunk(Look.word(shown[i]) + (i < shown.length - 1 ? "     " : ""), look.smallMuted));
        }
        return p;
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
