package org.clearframe.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The page writer's own glyph conversion writes exactly the bytes OpenPDF's showText writes, for any text. */
class GlyphsTest {

    private final Look look = new Look();

    @Test
    void everyTextIsWrittenAsOpenPdfWritesIt() throws Exception {
        Document document = new Document(new Rectangle(842, 595));
        PdfWriter writer = PdfWriter.getInstance(document, new ByteArrayOutputStream());
        document.open();
        PdfContentByte cb = writer.getDirectContent();
        List<String> texts = new ArrayList<>(List.of("Approved", "Zoë Niño — Łódź", "(a) \\ b) (", "\u25A0 Studio legal",
                "\u00A0", "", "tab\there\r\nnew", "中文 not in the font", "\u0000\u0001\u0008\u000C", "SIGN-OFF BY ROLE"));
        Random random = new Random(14);
        for (int i = 0; i < 300; i++) {
            char[] cs = new char[random.nextInt(30)];
            // all of Latin-1 and General Punctuation, some geometric shapes, and glyph numbers whose bytes need escaping
            for (int k = 0; k < cs.length; k++) cs[k] = (char) (random.nextBoolean() ? random.nextInt(0x300) : 0x2000 + random.nextInt(0x600));
            texts.add(new String(cs));
        }
        for (BaseFont font : List.of(look.regular, look.bold)) {
            Grid.Pen.Glyphs glyphs = new Grid.Pen.Glyphs(font);
            cb.beginText();
            cb.setFontAndSize(font, 8f);
            for (String text : texts) {
                ByteBuffer content = cb.getInternalBuffer();
                int start = content.size();
                cb.showText(text);
                byte[] theirs = Arrays.copyOfRange(content.getBuffer(), start, content.size());
                int mine = content.size();
                assertTrue(glyphs.show(text, cb), "written: " + text);
                byte[] ours = Arrays.copyOfRange(content.getBuffer(), mine, content.size());
                assertArrayEquals(theirs, ours, "the same bytes for " + text);
            }
            cb.endText();
        }
        Grid.Pen.Glyphs glyphs = new Grid.Pen.Glyphs(look.regular);
        cb.beginText();
        cb.setFontAndSize(look.regular, 8f);
        int before = cb.getInternalBuffer().size();
        assertFalse(glyphs.show("a \uD83D\uDE00 face", cb), "a character outside the BMP is left to OpenPDF");
        assertEquals(before, cb.getInternalBuffer().size(), "and nothing is written for it");
        cb.endText();
        document.close();
    }
}
