package org.clearframe.ui;

/** Every FXML view of the app, loaded only through {@link ViewFactory}. */
public enum View {
    MAIN_WINDOW("MainWindow.fxml"),
    WELCOME("WelcomeView.fxml"),
    OPENING("OpeningView.fxml"),
    DUE("DueView.fxml"),
    PRODUCTION("ProductionView.fxml"),
    SCENES("ScenesView.fxml"),
    SHOTS("ShotsView.fxml"),
    DEPARTMENTS("DepartmentsView.fxml"),
    CAST("CastView.fxml"),
    SIGN_OFFS("SignOffsView.fxml"),
    CONSENT("ConsentView.fxml"),
    POLICY("PolicyView.fxml"),
    SHARE("ShareView.fxml"),
    SCENE_DIALOG("SceneDialog.fxml"),
    AI_USE_DIALOG("AiUseDialog.fxml"),
    SIGN_OFF_DIALOG("SignOffDialog.fxml"),
    COLUMN_MAPPING("importer/ColumnMappingDialog.fxml"),
    SCRIPT_REVISION("importer/ScriptRevisionDialog.fxml"),
    EXPORT_PDF("pdf/ExportPdfDialog.fxml"),
    IMPORT_PREVIEW("review/ImportPreview.fxml"),
    REVIEW_WINDOW("review/ReviewWindow.fxml"),
    STUDIO("studio/StudioView.fxml");

    private final String fxml;

    View(String fxml) {
        this.fxml = fxml;
    }

    /** The FXML file, relative to this package's resources. */
    public String fxml() {
        return fxml;
    }
}
