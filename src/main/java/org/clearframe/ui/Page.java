package org.clearframe.ui;

/** The pages of the navigator, in the order a producer works through them. */
public enum Page {
    DUE("Due", View.DUE),
    PRODUCTION("Production", View.PRODUCTION),
    SCENES("Scenes", View.SCENES),
    SHOTS("Shots", View.SHOTS),
    DEPARTMENTS("Departments", View.DEPARTMENTS),
    CAST("Cast", View.CAST),
    SIGN_OFFS("Sign-offs", View.SIGN_OFFS),
    CONSENT("Consent", View.CONSENT),
    SHARE("Share", View.SHARE),
    POLICY("Policy", View.POLICY);

    final String title;
    final View view;

    Page(String title, View view) {
        this.title = title;
        this.view = view;
    }
}
