package org.clearframe.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The studio policy in force, as the file holds it (none: the built-in default applies). */
final class PolicyRepository {

    private final Rows rows;

    PolicyRepository(Rows rows) {
        this.rows = rows;
    }

    Optional<String> json() throws SQLException {
        try (ResultSet r = rows.query("SELECT json FROM policy WHERE id = 1")) {
            return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
    }

    /** Replaces the policy in force; {@code json} null goes back to the built-in default. */
    void set(String source, String json) throws SQLException {
        rows.update("DELETE FROM policy");
        if (json != null) {
            rows.update("INSERT INTO policy (id, source, json, loaded_at) VALUES (1, ?, ?, ?)", source == null ? "" : source, json, Instant.now().toString());
        }
    }
}
