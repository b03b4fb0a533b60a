package org.clearframe.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Forward-only schema migrations, tracked in SQLite's own PRAGMA user_version rather than a migration
 * library: the schema is small, user_version lives in the file header (so FileHeader can refuse a newer file
 * without opening it), and a library such as Flyway would add a bookkeeping table and block a jlink image.
 * Each step is a SQL script under resources; version N is reached by running scripts 1..N in order.
 */
final class Migrations {

    static final List<String> SCRIPTS = List.of("V1__foundation.sql", "V2__signoffs.sql", "V3__signer_binding.sql",
            "V4__guards.sql", "V5__signoff_proofs.sql");
    static final int LATEST = SCRIPTS.size();

    private Migrations() {}

    /** Brings the schema from its current version up to {@code target}, each step in its own transaction. */
    static void migrate(Connection c, int from, int target) throws SQLException {
        for (int version = from + 1; version <= target; version++) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : statements(SCRIPTS.get(version - 1))) s.execute(sql);
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

    private static List<String> statements(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream(script)) {
            if (in == null) throw new IllegalStateException("missing migration " + script);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder clean = new StringBuilder();
            for (String line : text.split("\n")) {
                if (!line.strip().startsWith("--")) clean.append(line).append('\n');
            }
            return java.util.Arrays.stream(clean.toString().split(";"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
