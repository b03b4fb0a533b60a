package org.clearframe.rules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** What makes two signers' names the same, alike, or unacceptable. */
class NamesTest {

    @Test
    void invisibleAndSpacingDifferencesAreTheSameName() {
        String lena = "Lena Sørensen";
        for (String spoof : new String[]{"Lena\u200B Sørensen", "Lena Sørensen\u00A0", " lena   SØRENSEN ", "Le\u00ADna Sørensen",
                "Lena\u2060 Sørensen", "Lena\uFEFF Sørensen", "Lena\u3000Sørensen", "Lena So\u0308rensen".replace("o\u0308", "ø")}) {
            assertTrue(Names.same(lena, spoof), spoof);
            assertFalse(Names.lookAlike(lena, spoof), "the same name is not merely alike: " + spoof);
        }
        // NFKC: the ligature and the full-width letters are their plain forms
        assertTrue(Names.same("ﬁona", "fiona"));
        assertTrue(Names.same("Ｄａｎａ", "Dana"));
        assertTrue(Names.same("STRAßE", "strasse"), "case folding treats ß as ss");
    }

    @Test
    void confusableLettersLookAlikeButAreNotTheSameName() {
        assertFalse(Names.same("Lena Sørensen", "Lenа Sørensen"));
        assertTrue(Names.lookAlike("Lena Sørensen", "Lenа Sørensen"), "Cyrillic а");
        assertTrue(Names.lookAlike("Lena Sørensen", "Lena Sorensen"), "ø and o");
        assertTrue(Names.lookAlike("Dana Reyes", "Dαnα Reyes"), "Greek alpha");
        assertTrue(Names.lookAlike("Zoë Niño", "Zoe Nino"), "diacritics");
        assertTrue(Names.lookAlike("Bill", "BiII"), "l and I");
        assertFalse(Names.lookAlike("Dana Reyes", "Bea Kelly"));
    }

    @Test
    void controlAndBidiCharactersAreRefused() {
        assertTrue(Names.problem("Dana \u202Eseyer").orElseThrow().contains("bidirectional"));
        assertTrue(Names.problem("Dana\u2067 Reyes").orElseThrow().contains("bidirectional"));
        assertTrue(Names.problem("Dana\u200F Reyes").orElseThrow().contains("bidirectional"));
        assertTrue(Names.problem("Dana\u0000Reyes").orElseThrow().contains("control"));
        assertTrue(Names.problem("Dana\nReyes").orElseThrow().contains("control"));
        assertTrue(Names.problem("\u200B\u00A0 ").orElseThrow().contains("empty"));
        assertTrue(Names.problem("x".repeat(Names.MAX_LENGTH + 1)).isPresent());
        assertTrue(Names.problem("Lena Sørensen").isEmpty());
        assertTrue(Names.problem("José Ñúñez-O'Brien 李").isEmpty());
    }
}
