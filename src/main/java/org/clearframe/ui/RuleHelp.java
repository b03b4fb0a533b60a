package org.clearframe.ui;

import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.clearframe.rules.Rule;

/** What a rule id means, wherever one is shown: its title and one plain sentence on why it asks for a signature. */
final class RuleHelp {
    private RuleHelp() {}

    static Tooltip tooltip(Rule rule) {
        Tooltip tip = new Tooltip(text(rule));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(Duration.millis(300));
        return tip;
    }

    /** "Title\nFirst sentence of the explanation." */
    static String text(Rule rule) {
        String sentence = firstSentence(rule.explanation());
        return sentence.isEmpty() ? rule.title() : rule.title() + "\n" + sentence;
    }

    static String firstSentence(String text) {
        if (text == null) return "";
        String t = text.strip().replaceAll("\\s+", " ");
        java.util.regex.Matcher end = java.util.regex.Pattern.compile("[.!?](?=\\s+[A-Z(\"“])").matcher(t);
        return end.find() ? t.substring(0, end.end()) : t;
    }
}
