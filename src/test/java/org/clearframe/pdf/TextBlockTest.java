package org.clearframe.pdf;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TextBlockTest {

    private final Look look = new Look();
    private final TextBlock.Widths widths = new TextBlock.Widths();

    private List<String> lines(TextBlock b) {
        List<String> lines = new ArrayList<>();
        for (int l = 0; l < b.lines(); l++) {
            StringBuilder s = new StringBuilder();
            for (int g = b.firstSegment(l); g < b.endSegment(l); g++) s.append(b.text(g));
            lines.add(s.toString());
        }
        return lines;
    }

    private float width(String s) {
        return widths.of(look.body, s);
    }

    @Test
    void aLineBreaksAfterTheLastSpaceThatFitsAndTheNextLineDoesNotStartWithIt() {
        CellText t = CellText.of(look.body, "alpha beta gamma");
        TextBlock b = new TextBlock().layout(t, width("alpha beta ") + 0.5f, 1.3f, widths);
        assertEquals(List.of("alpha beta ", "gamma"), lines(b));
        for (int l = 0; l < b.lines(); l++) assertTrue(b.lineWidth(l) <= width("alpha beta ") + 0.5f);
        assertEquals(2 * 1.3f * look.body.getSize(), b.height(0, b.lines()), 0.001f);
    }

    @Test
    void aHyphenIsAPlaceToBreakAndAWordWiderThanTheColumnIsSplitRatherThanLost() {
        TextBlock b = new TextBlock().layout(CellText.of(look.body, "well-known"), width("well-kn"), 1.3f, widths);
        assertEquals(List.of("well-", "known"), lines(b));
        String word = "Supercalifragilisticexpialidocious";
        TextBlock split = new TextBlock().layout(CellText.of(look.body, word), width("Supercali"), 1.3f, widths);
        assertTrue(split.lines() > 2, lines(split).toString());
        assertEquals(word, String.join("", lines(split)));
        for (int l = 0; l < split.lines(); l++) assertTrue(split.lineWidth(l) <= width("Supercali") + 0.01f);
    }

    @Test
    void aLineBreakStartsANewLineAsTallAsItsLargestFont() {
        CellText t = new CellText().add(look.shotNumber, "12").add(look.shotNumber, "\n").add(look.small, "Needs sign-off");
        TextBlock b = new TextBlock().layout(t, 500f, 1.3f, widths);
        assertEquals(List.of("12", "Needs sign-off"), lines(b));
        assertEquals(1.3f * look.shotNumber.getSize(), b.lineHeight(0), 0.001f);
        assertEquals(1.3f * look.small.getSize(), b.lineHeight(1), 0.001f);
        CellText mixed = new CellText().add(look.small, "small then ").add(look.shotNumber, "big");
        assertEquals(1.3f * look.shotNumber.getSize(), new TextBlock().layout(mixed, 500f, 1.3f, widths).lineHeight(0), 0.001f);
    }

    @Test
    void emptyTextHasNoLines() {
        assertEquals(0, new TextBlock().layout(new CellText(), 100f, 1.3f, widths).lines());
        assertEquals(0, new TextBlock().layout(CellText.of(look.body, ""), 100f, 1.3f, widths).height(0, 0));
    }

    /** Seeded: whatever the text and width, every character but the spaces a line wrapped at is kept, in order, and no line is too wide. */
    @Test
    void nothingIsLostOrOverlongForAnyTextAndWidth() {
        Random random = new Random(14);
        String alphabet = "abcdefghij KLMNOP-qrs  tuvwxyzŁódźZoë—\u00A0";
        for (int round = 0; round < 500; round++) {
            CellText t = new CellText();
            StringBuilder all = new StringBuilder();
            int runs = 1 + random.nextInt(4);
            for (int r = 0; r < runs; r++) {
                StringBuilder s = new StringBuilder();
                int n = random.nextInt(60);
                for (int i = 0; i < n; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                t.add(r % 2 == 0 ? look.body : look.smallBold, s.toString());
                all.append(s);
            }
            float columnWidth = 5f + random.nextInt(200);
            TextBlock b = new TextBlock().layout(t, columnWidth, 1.3f, widths);
            StringBuilder kept = new StringBuilder();
            float widest = 0;
            for (int l = 0; l < b.lines(); l++) {
                for (int g = b.firstSegment(l); g < b.endSegment(l); g++) kept.append(b.text(g));
                widest = Math.max(widest, b.lineWidth(l));
                // a line wider than the column holds a single character, which is drawn rather than dropped
                if (b.lineWidth(l) > columnWidth + 0.01f) assertEquals(1, lines(b).get(l).strip().codePointCount(0, lines(b).get(l).strip().length()), lines(b).get(l));
            }
            assertEquals(all.toString().replace(" ", ""), kept.toString().replace(" ", ""), "round " + round);
        }
    }
}
