package org.clearframe.importer;

import java.util.List;

/**
 * A CSV shot list as read, before mapping: the first record is taken as the header (every shot list seen in
 * the wild has one), the rest are rows, all padded to the same width.
 */
public record ShotList(String fileName, List<String> header, List<List<String>> rows) {

    public ShotList {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public int width() {
        return header.size();
    }

    /** The cell at {@code column} of {@code row}, or "" past the end of a short row. */
    public static String cell(List<String> row, int column) {
        return column >= 0 && column < row.size() ? row.get(column) : "";
    }
}
