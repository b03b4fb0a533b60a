package org.clearframe.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.clearframe.store.ProjectFileException.Problem;

/**
 * A production file is outside input: it travels between people, and SQLite runs whatever triggers and views
 * its schema holds. Before anything is written, the file's schema (every table, column, index, trigger and view
 * in sqlite_master) must be exactly the one our migrations make for its format version; anything extra, missing
 * or altered is refused by name. The expected schema is built by running the migrations on an in-memory
 * database, once per version.
 */
final class SchemaCheck {

    private static final Map<Integer, Map<String, Entry>> EXPECTED = new ConcurrentHashMap<>();

    /** One row of sqlite_master, its SQL with whitespace runs collapsed (the text is otherwise compared exactly). */
    record Entry(String type, String name, String table, String sql) {
        /** "trigger wipe_signoffs": the name as a producer can read it, whatever characters the file gave it. */
        String describe() {
            String shown = name.codePoints().map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
                    .limit(60).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            return type + " " + shown;
        }
    }

    private SchemaCheck() {}

    /**
     * The SHA-256 of each format version's schema as {@link #digest} reads it, so that a file whose schema is exactly
     * one of these is checked without building the expected schema (running every migration on an in-memory database
     * is most of a short verb's own work). Only a shortcut: anything else is compared entry by entry as before, so a
     * stale value costs time, never safety. SchemaDigestTest fails, printing the new values, when they are stale.
     */
    static final Map<Integer, String> DIGESTS = Map.of(
            8, "e2768b3d7591e0d86dc96d0838e6d8c6f52659e14b079bd8c9650ca3278b1c40",
            11, "3022c96c413a48975e013c1b02991021f70b7c7c49093c0debffca0c85a2f6b2");

    /** Refuses {@code file} unless the schema seen through {@code c} is the one format {@code version} defines. */
    static void verify(Connection c, int version, Path file) throws SQLException, ProjectFileException {
        Map<String, Entry> actual = read(c);
        String known = DIGESTS.get(version);
        if (known != null && !known.isEmpty() && known.equals(digest(actual))) return;
        Map<String, Entry> expected = expected(version);
        List<String> problems = new ArrayList<>();
        for (Entry e : actual.values()) {
            Entry want = expected.get(e.name());
            if (want == null) problems.add(e.describe() + " is not part of Clearframe's format");
            else if (!want.equals(e)) problems.add(e.describe() + " has been altered from Clearframe's format");
        }
        for (Entry want : expected.values()) {
            if (!actual.containsKey(want.name())) problems.add(want.describe() + " is missing");
        }
        if (!problems.isEmpty()) {
            throw new ProjectFileException(Problem.TAMPERED, file, file.getFileName() + " was not written by Clearframe as it stands: "
                    + String.join("; ", problems) + ". Clearframe will not open it; ask for a clean copy or an exported .json.");
        }
    }

    static Map<String, Entry> expected(int version) throws SQLException {
        Map<String, Entry> cached = EXPECTED.get(version);
        if (cached != null) return cached;
        try (Connection c = ProductionFile.sqlite("jdbc:sqlite::memory:", new java.util.Properties())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys = ON");
            }
            Migrations.migrate(c, 0, version);
            Map<String, Entry> built = read(c);
            EXPECTED.put(version, built);
            return built;
        }
    }

    private static Map<String, Entry> read(Connection c) throws SQLException {
        Map<String, Entry> entries = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master")) {
            while (r.next()) {
                Entry e = new Entry(r.getString(1), r.getString(2), r.getString(3), normalise(r.getString(4)));
                // Names are case-insensitive in SQLite, so two entries differing only in case are one name clash.
                entries.merge(e.name().toLowerCase(Locale.ROOT), e, (a, b) -> new Entry(a.type(), a.name() + "/" + b.name(), "", "duplicate"));
            }
        }
        Map<String, Entry> byName = new TreeMap<>();
        for (Entry e : entries.values()) byName.put(e.name(), e);
        return byName;
    }

    /** A digest of a whole schema: every entry, in name order, each field length-prefixed. */
    static String digest(Map<String, Entry> schema) {
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            for (Entry e : schema.values()) {
                for (String field : new String[]{e.type(), e.name(), e.table(), e.sql()}) {
                    byte[] bytes = String.valueOf(field).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    d.update(java.nio.ByteBuffer.allocate(5).put((byte) (field == null ? 0 : 1)).putInt(bytes.length).array());
                    d.update(bytes);
                }
            }
            return java.util.HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String normalise(String sql) {
        return sql == null ? null : sql.strip().replaceAll("\\s+", " ");
    }

}
