package org.clearframe.ui;

import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.List;

/** What a producer sees with no production open: start something, or pick up where they left off. */
public final class WelcomeController {

    @FXML private VBox recentList;
    @FXML private Label recentEmpty;

    private final ProductionFiles files;

    WelcomeController(ProductionFiles files) {
        this.files = files;
    }

    void refresh(List<Path> recent) {
        recentList.getChildren().setAll(recent.stream().limit(6).map(p -> {
            Hyperlink link = new Hyperlink(p.getFileName().toString());
            link.getStyleClass().add("recent-link");
            link.setMnemonicParsing(false);
            link.setOnAction(e -> files.openFile(p));
            fullPathOnHover(link, p);
            return link;
        }).toList());
        recentEmpty.setVisible(recent.isEmpty());
        recentEmpty.setManaged(recent.isEmpty());
    }

    /**
     * Shows the file's full path as a tooltip. Installed when the pointer first reaches the link: JavaFX's tooltip
     * machinery cost the welcome window about 15 ms before its first frame, for tooltips nobody had asked for yet.
     */
    private static void fullPathOnHover(Hyperlink link, Path file) {
        link.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override public void handle(MouseEvent e) {
                link.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip.install(link, new Tooltip(file.toString()));
            }
        });
    }

    @FXML private void newProduction() { files.newProduction(); }
    @FXML private void open() { files.open(); }
    @FXML private void openSample() { files.openSample(); }
}
