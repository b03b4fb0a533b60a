package org.clearframe.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link DialogService} that answers as a test scripted it, instead of a person: the files to pick, yes or no to
 * each question, the choice to make. Every message and question is recorded, so a test can check what the producer
 * would have read. A prepared dialog (a form) is answered by a scripted function of the dialog, or cancelled.
 */
public final class ScriptedDialogs implements DialogService {

    /** What was shown, in order: "error: header: detail", "info: ...", "confirm: header". */
    public final List<String> shown = new ArrayList<>();
    public final List<FileKind> fileRequests = new ArrayList<>();
    /** The file name each save chooser suggested, in order. */
    public final List<Path> suggestedNames = new ArrayList<>();
    private final Deque<Optional<Path>> files = new ArrayDeque<>();
    private final Deque<Boolean> answers = new ArrayDeque<>();
    private final Deque<Function<Dialog<?>, Optional<?>>> dialogAnswers = new ArrayDeque<>();
    private final Deque<Object> choices = new ArrayDeque<>();

    /** The next file chooser picks {@code file}. */
    public ScriptedDialogs pick(Path file) {
        files.add(Optional.of(file));
        return this;
    }

    /** The next file chooser is cancelled. */
    public ScriptedDialogs cancelFile() {
        files.add(Optional.empty());
        return this;
    }

    /** The next question (confirm) is answered {@code yes}. */
    public ScriptedDialogs answer(boolean yes) {
        answers.add(yes);
        return this;
    }

    public ScriptedDialogs choose(Object choice) {
        choices.add(choice);
        return this;
    }

    /** The next prepared dialog is answered by {@code answer}, given the dialog (not shown). */
    public ScriptedDialogs answerDialog(Function<Dialog<?>, Optional<?>> answer) {
        dialogAnswers.add(answer);
        return this;
    }

    public List<String> errors() {
        return shown.stream().filter(s -> s.startsWith("error: ")).toList();
    }

    @Override
    public void showInfo(String header, String detail) {
        shown.add("info: " + header + ": " + detail);
    }

    @Override
    public void showError(String header, String detail) {
        shown.add("error: " + header + ": " + detail);
    }

    @Override
    public boolean confirm(String header, String detail, String actionLabel) {
        shown.add("confirm: " + header);
        return next(answers, "a question: " + header);
    }

    @Override
    public boolean confirmWarning(String header, String detail, String actionLabel) {
        shown.add("warning: " + header);
        return next(answers, "a warning: " + header);
    }

    @Override
    public boolean confirm(String header, Node content, String actionLabel) {
        shown.add("confirm: " + header);
        return next(answers, "a question: " + header);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> choose(String title, String header, List<T> options, T initial) {
        shown.add("choose: " + header);
        Object choice = next(choices, "a choice: " + header);
        if (!options.contains(choice)) throw new AssertionError(choice + " is not among " + options);
        return Optional.of((T) choice);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> show(Dialog<T> dialog) {
        shown.add("dialog: " + dialog.getTitle());
        return (Optional<T>) next(dialogAnswers, "a dialog: " + dialog.getTitle()).apply(dialog);
    }

    @Override
    public Stage openWindow(String title, Parent root, boolean modal) {
        shown.add("window: " + title);
        Stage stage = new Stage();
        stage.setScene(new javafx.scene.Scene(root));
        stage.setTitle(title);
        return stage;
    }

    @Override
    public Optional<Path> chooseOpen(FileKind kind, String title) {
        fileRequests.add(kind);
        return next(files, "a file to open (" + kind + ")");
    }

    @Override
    public Optional<Path> chooseSave(FileKind kind, Path suggested) {
        fileRequests.add(kind);
        suggestedNames.add(suggested);
        return next(files, "a file to save (" + kind + ")");
    }

    private static <T> T next(Deque<T> script, String what) {
        if (script.isEmpty()) throw new AssertionError("the test did not script " + what);
        return script.poll();
    }
}
