package org.clearframe.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.PdfContentByte;

import java.awt.Color;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A table drawn straight onto the page, for the long tables of the breakdown: fixed column widths, each cell's text
 * broken into lines once ({@link TextBlock}) and drawn, rows moved whole to the next page when they do not fit, and
 * the table's heading rows repeated at the top of every page it continues onto. OpenPDF's own tables lay each cell out
 * twice and make several objects per word; at tens of thousands of pages that was most of the export's time.
 *
 * <p>A row taller than a whole page is split between pages rather than lost. Cells are top-aligned unless their style
 * says middle; a cell's background fills the row's height, and its rule runs along the row's foot.
 */
final class Grid {

    /** How a cell looks: paddings, leading (times the line's largest font size), fill, foot rule, a bar down its left. */
    record Style(float padTop, float padBottom, float padLeft, float padRight, float leading, Color fill, Color rule,
                 float barWidth, Color bar, boolean middle, boolean right) {

        Style withPadding(float top, float bottom) {
            return new Style(top, bottom, padLeft, padRight, leading, fill, rule, barWidth, bar, middle, right);
        }

        Style withBar(float width, Color colour) {
            return new Style(padTop, padBottom, padLeft, padRight, leading, fill, rule, width, colour, middle, right);
        }
    }

    /** One cell: its style, how many columns it spans, its text, and (once measured) its lines. */
    static final class Cell {
        final Style style;
        final int colspan;
        final CellText text;
        final TextBlock block = new TextBlock();
        float x, width;
        /** The first line not yet drawn: more than 0 only while a row taller than a page is being split. */
        int from;

        Cell(Style style, int colspan, CellText text) {
            this.style = style;
            this.colspan = colspan;
            this.text = text;
        }

        Cell(Style style, CellText text) {
            this(style, 1, text);
        }

        float height() {
            return style.padTop + block.height(from, block.lines()) + style.padBottom;
        }
    }

    /** A row of cells spanning every column. Reusable: reading the next row into its cells' texts and adding it again. */
    static final class Row {
        final Cell[] cells;
        float height;
        boolean measured;

        Row(Cell... cells) {
            this.cells = cells;
        }
    }

    private final Sheet sheet;
    private final Pen pen;
    /** The left edge of each column, and the table's right edge last. */
    private final float[] edges;
    private Row[] repeat = {};
    private float y;
    /** Nothing but the repeated heading rows is on this page yet, so moving to a new page would not help a tall row. */
    private boolean fresh;

    Grid(Sheet sheet, float[] relativeWidths) {
        this.sheet = sheet;
        this.pen = sheet.pen();
        float total = 0;
        for (float w : relativeWidths) total += w;
        float left = sheet.left(), width = sheet.right() - left;
        edges = new float[relativeWidths.length + 1];
        float at = 0;
        for (int i = 0; i < relativeWidths.length; i++) {
            edges[i] = left + width * at / total;
            at += relativeWidths[i];
        }
        edges[relativeWidths.length] = sheet.right();
    }

    /**
     * Starts a table at {@code y} (where the last table ended), or where the document's own flow has got to when
     * {@code y} is NaN; {@code repeat} rows head every further page it runs onto.
     */
    void begin(float y, Row... repeat) {
        this.repeat = repeat;
        for (Row r : repeat) measure(r);
        this.y = Float.isNaN(y) ? sheet.position() : y;
        fresh = this.y >= sheet.top() - 0.01f;
    }

    /**
     * Starts a new page first unless these rows (the table's first) fit on this one, so a heading is never left alone at
     * the foot of a page. Rows too tall for any page stay where they are.
     */
    void keepTogether(Row... rows) {
        float needed = 0;
        for (Row r : rows) needed += measure(r);
        if (needed > y - sheet.bottom() && needed <= sheet.top() - sheet.bottom()) {
            sheet.newPage();
            y = sheet.top();
            fresh = true;
        }
    }

    /** Adds a row below the last: on the next page, under the repeated headings, when it does not fit here. */
    void add(Row row) {
        measure(row);
        if (row.height > y - sheet.bottom() && !fresh) nextPage();
        while (row.height > y - sheet.bottom()) {
            splitAcross(row);
            nextPage();
        }
        draw(row, row.height);
        y -= row.height;
        fresh = false;
        row.measured = false;
        for (Cell c : row.cells) c.from = 0;
    }

    /** Ends the table, leaving {@code spacing} below it; the document carries on at the next page. */
    void end(float spacing) {
        y -= spacing;
    }

    /** The last page of the table has room below it (for what the caller draws next) down to {@code y}. */
    float position() {
        return y;
    }

    private void nextPage() {
        sheet.newPage();
        y = sheet.top();
        for (Row r : repeat) {
            draw(r, r.height);
            y -= r.height;
        }
        fresh = true;
    }

    private float measure(Row row) {
        if (row.measured) return row.height;
        int column = 0;
        float h = 0;
        for (Cell c : row.cells) {
            c.x = edges[column];
            column += c.colspan;
            c.width = edges[column] - c.x;
            c.block.layout(c.text, c.width - c.style.padLeft - c.style.padRight, c.style.leading, sheet.widths());
            h = Math.max(h, c.height());
        }
        row.height = h;
        row.measured = true;
        return h;
    }

    /** Draws as many lines of each cell as fit above the page's foot, and keeps the rest for the next page. */
    private void splitAcross(Row row) {
        float room = y - sheet.bottom();
        int[] upTo = new int[row.cells.length];
        boolean any = false;
        for (int i = 0; i < row.cells.length; i++) {
            Cell c = row.cells[i];
            int k = c.from;
            float h = c.style.padTop + c.style.padBottom;
            while (k < c.block.lines() && h + c.block.lineHeight(k) <= room) h += c.block.lineHeight(k++);
            upTo[i] = k;
            any |= k > c.from;
        }
        if (!any && fresh) {
            // not even one line fits on an empty page: draw one line of each cell anyway rather than loop
            for (int i = 0; i < row.cells.length; i++) upTo[i] = Math.min(row.cells[i].from + 1, row.cells[i].block.lines());
        }
        drawPart(row, room, upTo);
        float h = 0;
        for (int i = 0; i < row.cells.length; i++) {
            row.cells[i].from = upTo[i];
            h = Math.max(h, row.cells[i].height());
        }
        row.height = h;
    }

    private void draw(Row row, float height) {
        int[] all = new int[row.cells.length];
        for (int i = 0; i < all.length; i++) all[i] = row.cells[i].block.lines();
        drawPart(row, height, all);
    }

    /** Draws the row at the current position, {@code height} tall, with each cell's lines from its first undrawn to {@code upTo}. */
    private void drawPart(Row row, float height, int[] upTo) {
        float top = y, bottom = y - height;
        for (Cell c : row.cells) {
            Style s = c.style;
            if (s.fill != null) pen.fill(s.fill, c.x, bottom, c.width, height);
            if (s.bar != null) pen.fill(s.bar, c.x, bottom, s.barWidth, height);
        }
        boolean text = false;
        for (int i = 0; i < row.cells.length; i++) {
            Cell c = row.cells[i];
            TextBlock b = c.block;
            if (upTo[i] <= c.from) continue;
            if (!text) pen.beginText();
            text = true;
            Style s = c.style;
            float line = top - s.padTop;
            if (s.middle) line -= Math.max(0, (height - s.padTop - s.padBottom - b.height(c.from, upTo[i])) / 2f);
            for (int l = c.from; l < upTo[i]; l++) {
                line -= b.lineHeight(l);
                int first = b.firstSegment(l), end = b.endSegment(l);
                while (end > first && blank(b.text(end - 1))) end--; // nothing to see, and no text to extract
                if (first == end) continue;
                float x = s.right ? c.x + c.width - s.padRight - b.lineWidth(l) : c.x + s.padLeft;
                pen.moveTo(x, line);
                for (int g = first; g < end; g++) pen.show(b.font(g), b.text(g));
            }
        }
        if (text) pen.endText();
        // one stroke for each run of neighbouring cells with the same rule, usually the whole row
        for (int i = 0; i < row.cells.length; ) {
            Color rule = row.cells[i].style.rule;
            int j = i + 1;
            while (j < row.cells.length && java.util.Objects.equals(row.cells[j].style.rule, rule)) j++;
            if (rule != null) pen.rule(rule, row.cells[i].x, row.cells[j - 1].x + row.cells[j - 1].width, bottom);
            i = j;
        }
    }

    private static boolean blank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\u00A0') return false;
        }
        return true;
    }

    /**
     * The page's drawing state, so a font, size or colour is set only when it changes. A new page starts a new content
     * stream with the default state, so the state is forgotten at every page.
     */
    static final class Pen {
        private final Sheet sheet;
        private int page = -1;
        private PdfContentByte cb;
        private BaseFont font;
        private float size;
        private Color fill;
        private Color stroke;
        private float lineWidth;
        Pen(Sheet sheet) {
            this.sheet = sheet;
        }

        private PdfContentByte cb() {
            int now = sheet.writer.getPageNumber();
            if (now != page) {
                page = now;
                cb = sheet.writer.getDirectContent();
                font = null;
                fill = null;
                stroke = null;
                lineWidth = -1;
            }
            return cb;
        }

        void fill(Color colour, float x, float y, float w, float h) {
            PdfContentByte c = cb();
            fillColour(colour);
            c.rectangle(x, y, w, h);
            c.fill();
        }

        void rule(Color colour, float x0, float x1, float y) {
            PdfContentByte c = cb();
            if (!colour.equals(stroke)) {
                c.setColorStroke(colour);
                stroke = colour;
            }
            if (lineWidth != 0.5f) {
                c.setLineWidth(0.5f);
                lineWidth = 0.5f;
            }
            c.moveTo(x0, y);
            c.lineTo(x1, y);
            c.stroke();
        }

        /** Where the current text line starts, for relative moves (shorter than a whole matrix each line). */
        private float lineX, lineY;

        void beginText() {
            cb().beginText();
            lineX = 0;
            lineY = 0;
        }

        void endText() {
            cb().endText();
        }

        void moveTo(float x, float y) {
            // positions in hundredths of a point, as the content stream writes them, so relative moves add up exactly
            x = Math.round(x * 100f) / 100f;
            y = Math.round(y * 100f) / 100f;
            cb().moveText(x - lineX, y - lineY);
            lineX = x;
            lineY = y;
        }

        /** Shows {@code text} in {@code f} where the last text ended. */
        void show(Font f, String text) {
            PdfContentByte c = cb();
            BaseFont base = f.getBaseFont();
            if (base != font || f.getSize() != size) {
                c.setFontAndSize(base, f.getSize());
                font = base;
                size = f.getSize();
            }
            fillColour(f.getColor() == null ? Color.BLACK : f.getColor());
            if (glyphs == null || glyphs.font != base) glyphs = glyphsByFont.computeIfAbsent(base, Glyphs::new);
            if (!glyphs.show(text, c)) c.showText(text);
        }

        private final Map<BaseFont, Glyphs> glyphsByFont = new HashMap<>();
        private Glyphs glyphs;

        /**
         * Text shown in an embedded TrueType font (Identity-H) as the same bytes OpenPDF writes, a glyph number of two
         * bytes per character, with each character's glyph looked up once. OpenPDF looks every character up again in
         * boxed-integer maps and makes objects for each; at 100,000 shots that was a fifth of the export's thread. A
         * character's first use still goes through OpenPDF (and is then taken back out of the page), so its glyph is in
         * the font's subset.
         */
        static final class Glyphs {
            private static final int UNKNOWN = -2, MISSING = -1;
            final BaseFont font;
            /** Whether this font's text is written as two bytes a glyph (so far, everything learnt says so). */
            private boolean twoBytes;
            private final int[] glyph = new int[1 << 16];

            Glyphs(BaseFont font) {
                this.font = font;
                this.twoBytes = font.getFontType() == BaseFont.FONT_TYPE_TTUNI && BaseFont.IDENTITY_H.equals(font.getEncoding());
                Arrays.fill(glyph, UNKNOWN);
            }

            /** Writes {@code text} as a text-showing operator; false (having written nothing) when it cannot. */
            boolean show(String text, PdfContentByte cb) {
                ByteBuffer content = cb.getInternalBuffer();
                for (int i = 0; i < text.length() && twoBytes; i++) {
                    char c = text.charAt(i);
                    if (Character.isSurrogate(c)) return false;
                    if (glyph[c] == UNKNOWN) learn(c, cb, content);
                }
                if (!twoBytes) return false;
                content.append_i('(');
                for (int i = 0; i < text.length(); i++) {
                    int g = glyph[text.charAt(i)];
                    if (g == MISSING) continue;
                    escaped(content, (g >> 8) & 0xff);
                    escaped(content, g & 0xff);
                }
                content.append(")Tj").append_i('\n');
                return true;
            }

            /**
             * Shows the character through OpenPDF, which puts its glyph in the font's subset, reads the glyph number
             * back from what it wrote, and takes what it wrote back out.
             */
            private void learn(char c, PdfContentByte cb, ByteBuffer content) {
                int before = content.size();
                cb.showText(String.valueOf(c));
                byte[] written = Arrays.copyOfRange(content.getBuffer(), before, content.size());
                content.setSize(before);
                int[] bytes = unescaped(written);
                if (bytes == null || (bytes.length != 0 && bytes.length != 2)) twoBytes = false;
                else glyph[c] = bytes.length == 0 ? MISSING : bytes[0] << 8 | bytes[1];
            }

            /** The string's bytes from "(...)Tj" as OpenPDF writes it; null when it is not that. */
            private static int[] unescaped(byte[] op) {
                if (op.length < 4 || op[0] != '(') return null;
                int[] out = new int[op.length];
                int n = 0, i = 1;
                for (; i < op.length && op[i] != ')'; i++) {
                    int b = op[i] & 0xff;
                    if (b == '\\' && i + 1 < op.length) {
                        b = switch (op[++i]) {
                            case 'r' -> '\r';
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'b' -> '\b';
                            case 'f' -> '\f';
                            default -> op[i] & 0xff;
                        };
                    }
                    out[n++] = b;
                }
                if (i >= op.length) return null;
                return Arrays.copyOf(out, n);
            }

            /** A byte of a PDF string, escaped as OpenPDF escapes it. */
            private static void escaped(ByteBuffer content, int b) {
                switch (b) {
                    case '\r' -> content.append("\\r");
                    case '\n' -> content.append("\\n");
                    case '\t' -> content.append("\\t");
                    case '\b' -> content.append("\\b");
                    case '\f' -> content.append("\\f");
                    case '(', ')', '\\' -> content.append_i('\\').append_i(b);
                    default -> content.append_i(b);
                }
            }
        }

        private void fillColour(Color colour) {
            if (colour.equals(fill)) return;
            fill = colour;
            // the operator's bytes, made once per colour: OpenPDF makes a colour object each time it writes one
            byte[] bytes = fills.get(colour);
            ByteBuffer content = cb.getInternalBuffer();
            if (bytes != null) {
                content.append(bytes);
                return;
            }
            int before = content.size();
            cb.setColorFill(colour);
            fills.put(colour, Arrays.copyOfRange(content.getBuffer(), before, content.size()));
        }

        private final Map<Color, byte[]> fills = new HashMap<>();
    }
}
