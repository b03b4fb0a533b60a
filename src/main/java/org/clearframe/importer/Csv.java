package org.clearframe.importer;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values per RFC 4180: fields with a delimiter, quote or line break are quoted, quotes doubled,
 * records end in CRLF. Fields with a ';' or leading or trailing spaces are quoted too, so that readers set to
 * semicolons, or that trim, still see the same values. Reading also accepts LF line ends, a UTF-8 byte order mark, and ';' as delimiter (what
 * spreadsheet apps write where the comma is the decimal separator). Small enough not to need a library.
 */
public final class Csv {

    /** A CSV that cannot be read, with the line it goes wrong on. */
    public static final class FormatException extends Exception {
        private final int line;

        FormatException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private Csv() {}

    /** Parses {@code text}, taking ';' as delimiter when the first record has more semicolons than commas. */
    public static List<List<String>> parse(String text) throws FormatException {
        return parse(text, delimiter(text));
    }

    public static List<List<String>> parse(String text, char delimiter) throws FormatException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = text.startsWith("\uFEFF") ? 1 : 0, n = text.length(), line = 1, quoteLine = 0;
        boolean quoted = false, wasQuoted = false;
        while (i < n) {
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < n && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = wasQuoted = true;
                quoteLine = line;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i < n && text.charAt(i) == '\n') i++;
                row.add(field.toString());
                rows.add(row);
                row = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
                line++;
            } else if (wasQuoted) {
                throw new FormatException(line, "line " + line + ": text after a closing quote (a quote inside a field must be doubled)");
            } else {
                field.append(c);
            }
        }
        if (quoted) throw new FormatException(quoteLine, "line " + quoteLine + ": a quoted field is never closed");
        if (!field.isEmpty() || wasQuoted || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** ',' unless the first record (outside quotes) has more ';' than ','. */
    static char delimiter(String text) {
        int commas = 0, semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }

    /** The rows as RFC 4180 text with CRLF line ends (no byte order mark). */
    public static String format(List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        for (List<String> row : rows) appendRow(b, row);
        return b.toString();
    }

    private static void appendRow(StringBuilder b, List<String> row) {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) b.append(',');
            b.append(quote(row.get(i) == null ? "" : row.get(i)));
        }
        b.append("\r\n");
    }

    /** One field, RFC 4180-quoted when it must be; the evidence pack's CSV quotes through here too. */
    public static String quote(String field) {
        // A leading U+FEFF is quoted too: unquoted at the start of a file, a reader takes it for a byte order mark.
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0
                || field.indexOf(';') >= 0 || !field.equals(field.strip()) || field.startsWith("\uFEFF");
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /**
     * Writes the rows as UTF-8 with a byte order mark (without it Excel reads UTF-8 as the local code page and
     * mangles every accent), to a temporary file first and then moved into place, so a failed export never
     * leaves half a file where the old one was.
     */
    public static void write(Path file, List<List<String>> rows) throws IOException {
        write(file, out -> {
            for (List<String> row : rows) out.row(row);
        });
    }

    /** Takes rows one at a time. */
    public interface RowSink {
        void row(List<String> cells) throws IOException;
    }

    /** Produces a table's rows into a sink, so a table of 100,000 rows is never held whole. */
    public interface Table {
        void writeRows(RowSink out) throws IOException;
    }

    /** Like {@link #write(Path, List)}, with the rows written as {@code table} produces them. */
    public static void write(Path file, Table table) throws IOException {
        org.clearframe.OutputFile.write(file, out -> {
            Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write('\uFEFF');
            StringBuilder line = new StringBuilder();
            table.writeRows(row -> {
                line.setLength(0);
                appendRow(line, row);
                w.append(line);
            });
            w.flush();
        });
    }
}
