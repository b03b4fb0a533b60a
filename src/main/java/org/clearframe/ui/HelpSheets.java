package org.clearframe.ui;

import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Help > Keyboard Shortcuts and Help > User Guide. The shortcuts are read from the menus themselves (so the sheet
 * cannot fall out of date) plus the keys that work on a page; the guide is the HTML file bundled with the app, shown
 * as text in a scrolling window (no web engine is bundled).
 */
final class HelpSheets {
    private HelpSheets() {}

    static final String GUIDE = "/org/clearframe/ui/guide/user-guide.html";

    /** One line of the sheet: where it works, the keys, what they do. */
    record Shortcut(String where, String keys, String action) {}

    /** Keys that work on a page rather than through a menu. */
    private static final List<Shortcut> ON_PAGES = List.of(
            new Shortcut("Shots", "Ctrl+Enter", "Add a shot after the selected one"),
            new Shortcut("Shots", "Ctrl+D", "Duplicate the selected shot with its AI uses"),
            new Shortcut("Shots", "Alt+Up / Alt+Down", "Move the selected shot within its scene"),
            new Shortcut("Shots", "Delete", "Delete the selected shots"),
            new Shortcut("Tables", "Enter / Esc", "Save / cancel the cell being edited"),
            new Shortcut("Dialogs", "Esc", "Cancel"));

    /** Every menu command that has a key, in menu order, then the keys that work on a page. */
    static List<Shortcut> shortcuts(List<Menu> menus) {
        List<Shortcut> all = new ArrayList<>();
        for (Menu menu : menus) collect(plain(menu.getText()), menu.getItems(), all);
        all.addAll(ON_PAGES);
        return all;
    }

    private static void collect(String where, List<MenuItem> items, List<Shortcut> into) {
        for (MenuItem item : items) {
            if (item instanceof SeparatorMenuItem) continue;
            if (item instanceof Menu sub) {
                collect(where, sub.getItems(), into);
            } else if (item.getAccelerator() != null) {
                into.add(new Shortcut(where, item.getAccelerator().getDisplayText(), plain(item.getText())));
            }
        }
    }

    /** A menu text without its mnemonic underscore or trailing ellipsis. */
    static String plain(String menuText) {
        return menuText == null ? "" : menuText.replaceFirst("_(?=.)", "").replaceFirst("…$", "");
    }

    static Dialog<ButtonType> shortcutSheet(List<Menu> menus) {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        grid.getStyleClass().add("shortcut-sheet");
        int row = 0;
        String last = null;
        for (Shortcut s : shortcuts(menus)) {
            if (!s.where().equals(last)) {
                Label heading = new Label(s.where());
                heading.getStyleClass().add("section-title");
                grid.add(heading, 0, row++, 2, 1);
                last = s.where();
            }
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("shortcut-keys");
            grid.add(keys, 0, row);
            grid.add(new Label(s.action()), 1, row++);
        }
        return sheet("Keyboard Shortcuts", grid);
    }

    // ------------------------------------------------------------------------------------------ guide

    /** A block of the guide: a heading (level 1 or 2), a paragraph (0) or a list item (3). */
    record Block(int kind, String text) {}

    private static final Pattern BLOCK = Pattern.compile("<(h1|h2|p|li)>(.*?)</\\1>", Pattern.DOTALL);

    /** The guide's headings, paragraphs and list items, with its markup and entities resolved to plain text. */
    static List<Block> guide() throws IOException {
        String html;
        try (InputStream in = HelpSheets.class.getResourceAsStream(GUIDE)) {
            if (in == null) throw new IOException("the user guide is missing from this build");
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(html);
        while (m.find()) {
            int kind = switch (m.group(1)) { case "h1" -> 1; case "h2" -> 2; case "li" -> 3; default -> 0; };
            blocks.add(new Block(kind, text(m.group(2))));
        }
        return blocks;
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip()
                .replace("&gt;", ">").replace("&lt;", "<").replace("&quot;", "\"").replace("&amp;", "&");
    }

    static Dialog<ButtonType> guideSheet() throws IOException {
        VBox page = new VBox(8);
        page.getStyleClass().add("user-guide");
        for (Block b : guide()) {
            Label l = new Label(b.kind() == 3 ? "•  " + b.text() : b.text());
            l.setWrapText(true);
            l.getStyleClass().add(switch (b.kind()) { case 1 -> "page-title"; case 2 -> "section-title"; case 3 -> "guide-item"; default -> "guide-text"; });
            page.getChildren().add(l);
        }
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(640, 520);
        scroll.getStyleClass().add("detail-scroll");
        return sheet("Clearframe User Guide", scroll);
    }

    private static Dialog<ButtonType> sheet(String title, Node content) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.getDialogPane().setContent(content instanceof ScrollPane ? content : scrolling(content));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.setResizable(true);
        return dialog;
    }

    private static ScrollPane scrolling(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(460);
        scroll.setPrefViewportWidth(520); // room for the sheet and its scroll bar, so no sideways scrolling
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("detail-scroll");
        return scroll;
    }
}
