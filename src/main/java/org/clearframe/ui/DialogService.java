package org.clearframe.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every message box, question, file chooser and secondary window the app shows, passed in rather than built by
 * hand, so each is styled and placed one way and a test can answer in place of a person.
 */
public interface DialogService {

    void showInfo(String header, String detail);

    void showError(String header, String detail);

    /** Asks before a destructive action; the safe answer (Cancel) is the default. */
    boolean confirm(String header, String detail, String actionLabel);

    /** Like {@link #confirm} with a warning sign, for an answer that weakens a safeguard (re-pinning a key). */
    boolean confirmWarning(String header, String detail, String actionLabel);

    /** A question whose body is a view (a preview of what the action does). */
    boolean confirm(String header, Node content, String actionLabel);

    /** One of {@code choices}, starting from {@code initial}; empty when the producer cancelled. */
    <T> Optional<T> choose(String title, String header, List<T> choices, T initial);

    /** Shows a prepared dialog (a form or a preview) over the main window and waits for its result. */
    <T> Optional<T> show(Dialog<T> dialog);

    /** A window of its own over the main window (an export with progress, a package under review). */
    Stage openWindow(String title, Parent root, boolean modal);

    default Optional<Path> chooseOpen(FileKind kind) {
        return chooseOpen(kind, kind.title());
    }

    Optional<Path> chooseOpen(FileKind kind, String title);

    /** Where to save; {@code suggested} is a file name, or a path whose folder the chooser starts in. */
    Optional<Path> chooseSave(FileKind kind, Path suggested);

    /** Runs an action that can fail: a failure is logged and shown, never swallowed. True when it succeeded. */
    default boolean attempt(String failureHeader, Attempt action) {
        try {
            action.run();
            return true;
        } catch (Exception e) {
            System.getLogger(DialogService.class.getName()).log(System.Logger.Level.WARNING, failureHeader, e);
            showError(failureHeader, UiTasks.message(e));
            return false;
        }
    }

    /** An action on the open production that can fail. */
    @FunctionalInterface
    interface Attempt {
        void run() throws Exception;
    }
}
