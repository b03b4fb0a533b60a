package org.clearframe.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The pack's CSV: UTF-8 with a byte-order mark (so spreadsheets read accents and other scripts right), RFC 4180
 * quoting, CRLF line ends. A cell that starts with {@code = + - @} or an apostrophe is written with one leading
 * apostrophe, so a spreadsheet never runs it as a formula; readers drop one leading apostrophe to get the value back.
 */
final class Csv {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Csv() {}

    /** Writes rows one at a time to a stream it does not close. */
    static final class Out {
        private final Writer w;

        Out(OutputStream out) throws IOException {
            out.write(BOM);
            w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        }

        void row(List<String> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) w.write(',');
                // The shot-list CSV's quoting, which also protects a leading U+FEFF that a reader would take for a BOM.
                w.write(org.clearframe.importer.Csv.quote(guard(cells.get(i))));
            }
            w.write("\r\n");
        }

        void flush() throws IOException {
            w.flush();
        }
    }

    static String guard(String cell) {
        if (cell == null || cell.isEmpty()) return "";
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\'' ? "'" + cell : cell;
    }

    static String unguard(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    /** Parses CSV text (RFC 4180, after the BOM) into rows of unguarded cells; null when it is not well formed. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false, wasQuoted = false;
        int i = 0, n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == '"') {
                if (cell.length() > 0 || wasQuoted) return null;
                quoted = wasQuoted = true;
            } else if (c == ',') {
                row.add(unguard(cell.toString()));
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                row.add(unguard(cell.toString()));
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                wasQuoted = false;
                i++;
            } else if (c == '\r' || c == '\n') {
                return null;
            } else {
                if (wasQuoted) return null;
                cell.append(c);
            }
            i++;
        }
        if (quoted) return null;
        if (cell.length() > 0 || !row.isEmpty()) return null; // every row ends with CRLF
        return rows;
    }
}
