package org.clearframe.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Forward-only schema migrations, tracked in SQLite's own PRAGMA user_version rather than a migration
 * library: the schema is small, user_version lives in the file header (so FileHeader can refuse a newer file
 * without opening it), and a library such as Flyway would add a bookkeeping table and block a jlink image.
 * Each step is a SQL script under resources; version N is reached by running scripts 1..N in order.
 */
final class Migrations {

    static final List<String> SCRIPTS = List.of("V1__foundation.sql", "V2__signoffs.sql", "V3__signer_binding.sql",
            "V4__guards.sql", "V5__signoff_proofs.sql", "V6__consent.sql", "V7__frame_share_and_signoff_log.sql",
            "V8__producer_schedule_and_packages.sql", "V9__reply_withdrawals.sql", "V10__attestation_checkpoints.sql",
            "V11__link_indexes.sql");

    /**
     * The newest version: the highest number among the scripts. Versions are read from the scripts' names rather than
     * their places in the list, so branches that add numbered steps in parallel merge without renumbering; a version
     * with no script here (reserved by another change) is a step that only moves the version on.
     */
    static final int LATEST = SCRIPTS.stream().mapToInt(Migrations::versionOf).max().orElse(0);

    /** The version whose script makes the sign-off history append-only (see {@link #detachSignOffsFromShots}). */
    static final int GUARDS = 4;

    private Migrations() {}

    /** Brings the schema from its current version up to {@code target}, each step in its own transaction. */
    static void migrate(Connection c, int from, int target) throws SQLException {
        for (int version = from + 1; version <= target; version++) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (version == GUARDS) detachSignOffsFromShots(c);
                String script = scriptFor(version);
                if (script != null) for (String sql : statements(script)) s.execute(sql);
                s.execute("PRAGMA user_version = " + version);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    static int versionOf(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    private static String scriptFor(int version) {
        return SCRIPTS.stream().filter(s -> versionOf(s) == version).findFirst().orElse(null);
    }

    /**
     * Rebuilds sign_off without its {@code ON DELETE CASCADE} link to shot, so that deleting a shot leaves its
     * sign-offs in the history (an undo brings the shot back under the same id and they apply again), and so the
     * append-only guard can refuse every delete. SQLite cannot drop a constraint in place, and the table may have
     * gained columns since version 2, so the new table is the current definition minus the link, built from
     * sqlite_master rather than written out here; its indexes and triggers are recreated as they were.
     */
    private static void detachSignOffsFromShots(Connection c) throws SQLException {
        String table;
        List<String> dependents = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'sign_off'")) {
                if (!r.next()) throw new SQLException("sign_off is missing");
                table = r.getString(1);
            }
            try (ResultSet r = s.executeQuery("SELECT sql FROM sqlite_master WHERE tbl_name = 'sign_off' "
                    + "AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")) {
                while (r.next()) dependents.add(r.getString(1));
            }
            String link = " REFERENCES shot(id) ON DELETE CASCADE";
            if (!table.contains(link)) throw new SQLException("sign_off does not have the link version 2 made");
            String rebuilt = table.replace(link, "").replaceFirst("^CREATE TABLE sign_off", "CREATE TABLE sign_off_v4");
            s.execute(rebuilt);
            s.execute("INSERT INTO sign_off_v4 SELECT * FROM sign_off");
            s.execute("DROP TABLE sign_off");
            s.execute("ALTER TABLE sign_off_v4 RENAME TO sign_off");
            for (String sql : dependents) s.execute(sql);
        }
    }

    /**
     * The statements of one script: comment lines dropped, split at semicolons that end a line, except inside a
     * trigger body, which runs to its {@code END;}.
     */
    static List<String> statements(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream(script)) {
            if (in == null) throw new IllegalStateException("missing migration " + script);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : text.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.startsWith("--") || trimmed.isEmpty()) continue;
                current.append(line).append('\n');
                boolean inTrigger = current.toString().stripLeading().toUpperCase().startsWith("CREATE TRIGGER");
                boolean ends = inTrigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";");
                if (ends) {
                    String sql = current.toString().strip();
                    out.add(sql.substring(0, sql.length() - 1).strip());
                    current.setLength(0);
                }
            }
            if (!current.toString().isBlank()) out.add(current.toString().strip());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
