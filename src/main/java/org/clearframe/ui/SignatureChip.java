package org.clearframe.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.clearframe.rules.SignatureState;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a signature stands, as a glyph and a word: the glyph tells Approved (✔) from Approved with conditions (✎)
 * in any width and without colour, and the chip is never narrower than its text.
 */
final class SignatureChip {
    private SignatureChip() {}

    static Label of(SignatureState state) {
        Label chip = new Label(text(state));
        chip.getStyleClass().addAll("sig-state", "sig-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        chip.setMinWidth(Region.USE_PREF_SIZE);
        return chip;
    }

    /** A record the producer must make (a consent, a scan) rather than a signature to collect. */
    static Label needsRecord() {
        Label chip = new Label("○ Needs record");
        chip.getStyleClass().addAll("sig-state", "sig-missing");
        chip.setMinWidth(Region.USE_PREF_SIZE);
        return chip;
    }

    static String text(SignatureState state) {
        return switch (state) {
            case MISSING -> "○ Missing";
            case APPROVED -> "✔ Approved";
            case APPROVED_WITH_CONDITIONS -> "✎ Approved with conditions";
            case DECLINED -> "✖ Declined";
            case STALE -> "↻ Stale";
        };
    }

    /** Width of the widest chip, for a column that shows them. */
    static double widest() {
        return Arrays.stream(SignatureState.values()).mapToDouble(s -> WholeText.textWidth(text(s), 11)).max().orElse(0) + 34; // chips are 11 px bold
    }
}
