package org.clearframe.ui;

import javafx.collections.ModifiableObservableListBase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An observable list that can replace many rows as one change: after deleting a department used by thousands of
 * shots, the views hear once, not once per shot.
 */
final class BatchedList<E> extends ModifiableObservableListBase<E> {

    private final List<E> rows = new ArrayList<>();

    /** Puts each value at its index, telling listeners once. */
    void replace(Map<Integer, E> byIndex) {
        if (byIndex.isEmpty()) return;
        beginChange();
        try {
            byIndex.forEach(this::set);
        } finally {
            endChange();
        }
    }

    @Override public E get(int index) { return rows.get(index); }
    @Override public int size() { return rows.size(); }
    @Override protected void doAdd(int index, E element) { rows.add(index, element); }
    @Override protected E doSet(int index, E element) { return rows.set(index, element); }
    @Override protected E doRemove(int index) { return rows.remove(index); }
}
