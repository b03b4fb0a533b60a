package org.clearframe.ui;

import javafx.application.Application;
import javafx.stage.Stage;

public final class ClearframeApp extends Application {
    public static void launchWith(String[] args) { Application.launch(ClearframeApp.class, args); }
    @Override public void start(Stage stage) { stage.show(); }
}
