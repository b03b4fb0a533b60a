package org.clearframe.ui;

import javafx.scene.control.TableRow;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Drag a row onto another to move it there, in a table whose order means something (scenes in script order, shots
 * within a scene). The move itself is the page's ordinary move command, so it is one edit and one undo step, exactly
 * like Alt+Up / Alt+Down, which stay.
 */
final class DragToReorder {

    /** What is dragged: the row's index, private to Clearframe so a drop from elsewhere is not taken for a row. */
    private static final DataFormat ROW = new DataFormat("application/x-clearframe-row");

    private DragToReorder() {}

    /**
     * Makes {@code row} draggable and a drop target. {@code move} is given the dragged item and the item dropped on;
     * it answers whether that move is allowed (shots move only within their scene), and does it when asked to drop.
     */
    static <T> void install(TableRow<T> row, Mover<T> move) {
        row.setOnDragDetected(e -> {
            if (row.isEmpty() || row.getTableView().getEditingCell() != null) return;
            Dragboard board = row.startDragAndDrop(TransferMode.MOVE);
            board.setDragView(row.snapshot(null, null));
            ClipboardContent content = new ClipboardContent();
            content.put(ROW, row.getIndex());
            board.setContent(content);
            e.consume();
        });
        row.setOnDragOver(e -> {
            T dragged = dragged(row, e.getDragboard(), e.getGestureSource());
            if (dragged != null && !row.isEmpty() && dragged != row.getItem() && move.allowed(dragged, row.getItem())) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        row.setOnDragDropped(e -> {
            T dragged = dragged(row, e.getDragboard(), e.getGestureSource());
            boolean done = dragged != null && !row.isEmpty() && move.allowed(dragged, row.getItem()) && move.move(dragged, row.getItem());
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /** The dragged item, only when the drag started in a row of the same table. */
    private static <T> T dragged(TableRow<T> target, Dragboard board, Object source) {
        if (!(source instanceof TableRow<?> from) || from.getTableView() != target.getTableView() || !board.hasContent(ROW)) return null;
        int index = (Integer) board.getContent(ROW);
        return index >= 0 && index < target.getTableView().getItems().size() ? target.getTableView().getItems().get(index) : null;
    }

    interface Mover<T> {
        /** True when {@code dragged} may be put where {@code onto} is. */
        boolean allowed(T dragged, T onto);

        /** Puts {@code dragged} where {@code onto} is; true when it moved. */
        boolean move(T dragged, T onto);
    }
}
