package org.clearframe.ui;

/** The pages of the navigator, in the order a producer works through them. */
enum Page {
    PRODUCTION("Production", "ProductionView.fxml"),
    SCENES("Scenes", "ScenesView.fxml"),
    SHOTS("Shots", "ShotsView.fxml"),
    DEPARTMENTS("Departments", "DepartmentsView.fxml"),
    CAST("Cast", "CastView.fxml"),
    SIGN_OFFS("Sign-offs", "SignOffsView.fxml"),
    CONSENT("Consent", "ConsentView.fxml"),
    POLICY("Policy", "PolicyView.fxml");

    final String title;
    final String fxml;

    Page(String title, String fxml) {
        this.title = title;
        this.fxml = fxml;
    }
}
