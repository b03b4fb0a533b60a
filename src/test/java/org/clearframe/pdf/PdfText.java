package org.clearframe.pdf;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a generated PDF back: its page texts, page sizes and fonts, as a reader's software would see them. */
public final class PdfText implements AutoCloseable {

    final PdfReader reader;
    final List<String> pages = new ArrayList<>();

    PdfText(Path file) throws IOException {
        reader = new PdfReader(Files.readAllBytes(file));
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int i = 1; i <= reader.getNumberOfPages(); i++) pages.add(extractor.getTextFromPage(i));
    }

    /** Every page's text, each followed by a line break: for tests that only look for words anywhere in a PDF. */
    public static String textOf(Path file) throws IOException {
        try (PdfText pdf = new PdfText(file)) {
            StringBuilder b = new StringBuilder();
            for (String page : pdf.pages) b.append(page).append('\n');
            return b.toString();
        }
    }

    String all() {
        return String.join("\n", pages);
    }

    int pageCount() {
        return reader.getNumberOfPages();
    }

    /** Index (0-based) of the first page whose text contains {@code s}, or -1. */
    int pageOf(String s) {
        for (int i = 0; i < pages.size(); i++) if (pages.get(i).contains(s)) return i;
        return -1;
    }

    private static final Pattern PAGE_X_OF_Y = Pattern.compile("Page\\s*(\\d+)\\s*of\\s*(\\d+)");

    /** The footer's [X, Y] from "Page X of Y" on a page (0-based index); the extractor may drop the spaces. */
    List<Integer> pageXofY(int page) {
        Matcher m = PAGE_X_OF_Y.matcher(pages.get(page));
        if (!m.find()) throw new AssertionError("no page number on page " + (page + 1) + ": " + pages.get(page));
        return List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /**
     * True when every word of {@code text} is on the page. A table cell's wrapped lines come out interleaved
     * with the neighbouring cells' lines, so a wrapped sentence is not found whole.
     */
    static boolean hasWords(String page, String text) {
        for (String word : text.split("\\s+")) if (!word.isEmpty() && !page.contains(word)) return false;
        return true;
    }

    /** Every font dictionary used on every page, including inside form XObjects (the footer's page total). */
    List<PdfDictionary> fonts() {
        List<PdfDictionary> fonts = new ArrayList<>();
        Set<PdfDictionary> seen = new HashSet<>();
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
            collect(reader.getPageN(i).getAsDict(PdfName.RESOURCES), fonts, seen);
        }
        return fonts;
    }

    private static void collect(PdfDictionary resources, List<PdfDictionary> fonts, Set<PdfDictionary> seen) {
        if (resources == null || !seen.add(resources)) return;
        PdfDictionary fontDict = resources.getAsDict(PdfName.FONT);
        if (fontDict != null) {
            for (PdfName key : fontDict.getKeys()) fonts.add((PdfDictionary) PdfReader.getPdfObject(fontDict.get(key)));
        }
        PdfDictionary xobjects = resources.getAsDict(PdfName.XOBJECT);
        if (xobjects != null) {
            for (PdfName key : xobjects.getKeys()) {
                PdfObject x = PdfReader.getPdfObject(xobjects.get(key));
                if (x instanceof PdfDictionary form) collect(form.getAsDict(PdfName.RESOURCES), fonts, seen);
            }
        }
    }

    /** True when the font's glyphs are in the file: a TrueType program (FontFile2) in its descriptor. */
    static boolean embedded(PdfDictionary font) {
        PdfDictionary descriptor = font.getAsDict(PdfName.FONTDESCRIPTOR);
        if (descriptor == null) {
            PdfArray descendants = font.getAsArray(PdfName.DESCENDANTFONTS);
            if (descendants == null || descendants.isEmpty()) return false;
            PdfDictionary cid = (PdfDictionary) PdfReader.getPdfObject(descendants.getPdfObject(0));
            descriptor = cid.getAsDict(PdfName.FONTDESCRIPTOR);
        }
        return descriptor != null && descriptor.get(PdfName.FONTFILE2) != null;
    }

    static String baseName(PdfDictionary font) {
        PdfName name = font.getAsName(PdfName.BASEFONT);
        return name == null ? "" : PdfName.decodeName(name.toString());
    }

    @Override
    public void close() {
        reader.close();
    }
}
