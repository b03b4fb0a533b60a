package org.clearframe.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.Optional;

/** The app's message boxes, worded and styled one way everywhere. */
public final class Dialogs {
    private Dialogs() {}

    public static void error(Window owner, String header, String detail) {
        Alert alert = new Alert(Alert.AlertType.ERROR, detail, ButtonType.OK);
        prepare(alert, owner, header);
        alert.showAndWait();
    }

    /** Asks before a destructive action; the default button is the safe one. */
    public static boolean confirm(Window owner, String header, String detail, String actionLabel) {
        ButtonType action = new ButtonType(actionLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, detail, action, cancel);
        prepare(alert, owner, header);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(action)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == action;
    }

    static void prepare(Alert alert, Window owner, String header) {
        alert.setTitle("Clearframe");
        alert.setHeaderText(header);
        if (owner != null) alert.initOwner(owner);
        alert.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        alert.getDialogPane().setMinWidth(460);
    }

    /** An action on the open production that can fail: a failure is shown, never swallowed. */
    @FunctionalInterface
    public interface Attempt {
        void run() throws Exception;
    }

    public static boolean attempt(Window owner, String what, Attempt action) {
        try {
            action.run();
            return true;
        } catch (Exception e) {
            System.getLogger(Dialogs.class.getName()).log(System.Logger.Level.WARNING, what, e);
            error(owner, what, e.getMessage() == null ? e.toString() : e.getMessage());
            return false;
        }
    }
}
