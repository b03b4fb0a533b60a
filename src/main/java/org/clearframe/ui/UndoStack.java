package org.clearframe.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Undo and redo of edits within a session. Each edit knows how to reverse itself against the store, so
 * undo is a real write to the production file, not just a change on screen.
 */
final class UndoStack {

    /** An action that writes to the store and may fail. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    record Edit(String name, Step undo, Step redo) {}

    private static final int LIMIT = 200;
    private final Deque<Edit> done = new ArrayDeque<>();
    private final Deque<Edit> undone = new ArrayDeque<>();
    private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper("");

    void push(Edit edit) {
        done.push(edit);
        if (done.size() > LIMIT) done.removeLast();
        undone.clear();
        refresh();
    }

    void undo() throws Exception {
        Edit edit = done.peek();
        if (edit == null) return;
        edit.undo().run();
        undone.push(done.pop());
        refresh();
    }

    void redo() throws Exception {
        Edit edit = undone.peek();
        if (edit == null) return;
        edit.redo().run();
        done.push(undone.pop());
        refresh();
    }

    void clear() {
        done.clear();
        undone.clear();
        refresh();
    }

    /** Name of the edit Undo would reverse, or "" when there is none. */
    ReadOnlyStringProperty undoNameProperty() {
        return undoName.getReadOnlyProperty();
    }

    ReadOnlyStringProperty redoNameProperty() {
        return redoName.getReadOnlyProperty();
    }

    private void refresh() {
        undoName.set(done.isEmpty() ? "" : done.peek().name());
        redoName.set(undone.isEmpty() ? "" : undone.peek().name());
    }
}
