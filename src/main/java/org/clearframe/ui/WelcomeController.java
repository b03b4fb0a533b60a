package org.clearframe.ui;

import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
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
            javafx.scene.control.Tooltip.install(link, new javafx.scene.control.Tooltip(p.toString()));
            return link;
        }).toList());
        recentEmpty.setVisible(recent.isEmpty());
        recentEmpty.setManaged(recent.isEmpty());
    }

    @FXML private void newProduction() { files.newProduction(); }
    @FXML private void open() { files.open(); }
    @FXML private void openSample() { files.openSample(); }
}
