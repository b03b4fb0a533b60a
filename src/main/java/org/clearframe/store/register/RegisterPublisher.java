package org.clearframe.store.register;

import org.clearframe.model.Production;
import org.clearframe.model.SignOff;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Publishes one production in one transaction, so the register never shows half of it. Only rows whose content hash
 * differs from the register's are written, rows gone from the file are removed, and sign-offs and replies (history)
 * are only ever added. Publishing the same file twice writes nothing the second time.
 */
public final class RegisterPublisher {

    /** What one publish changed. */
    public record Result(boolean newProduction, int rowsWritten, int rowsRemoved, int signOffsAdded, int repliesAdded) {
        public boolean changedNothing() {
            return !newProduction && rowsWritten == 0 && rowsRemoved == 0 && signOffsAdded == 0 && repliesAdded == 0;
        }
    }

    private final Register register;
    private final Connection c;

    RegisterPublisher(Register register) {
        this.register = register;
        this.c = register.connection();
    }

    Result publish(Publication p) throws RegisterException {
        Production production = p.data().production();
        UUID id = production.id();
        try {
            c.setAutoCommit(false);
            String hash = productionHash(p);
            String existing = null, digestsThere = "";
            try (PreparedStatement s = c.prepareStatement("SELECT row_hash, table_digests FROM clearframe.productions WHERE id = ?")) {
                s.setObject(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        existing = r.getString(1);
                        digestsThere = r.getString(2);
                    }
                }
            }
            Map<PlanRows.Table, List<PlanRows.Row>> tables = PlanRows.of(p);
            String digests = digests(tables);
            int written = 0, removed = 0;
            if (!hash.equals(existing) || !digests.equals(digestsThere)) {
                upsertProduction(p, hash, digests);
                written++;
            }
            Set<String> unchanged = new HashSet<>(List.of(digestsThere.split(",")));
            try (PreparedStatement s = c.prepareStatement("INSERT INTO clearframe.policy_versions (name, version) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, p.policy().name());
                s.setString(2, p.policy().version());
                s.executeUpdate();
            }
            for (Map.Entry<PlanRows.Table, List<PlanRows.Row>> e : tables.entrySet()) {
                // A table whose digest the register already has holds exactly these rows: nothing to compare or send.
                if (unchanged.contains(digest(e.getKey(), e.getValue()))) continue;
                int[] counts = sync(id, e.getKey(), e.getValue());
                written += counts[0];
                removed += counts[1];
            }
            int replies = addReplies(id, p.replies());
            int signOffs = addSignOffs(id, p.signOffs());
            c.commit();
            return new Result(existing == null, written, removed, signOffs, replies);
        } catch (SQLException e) {
            register.rollback();
            SQLException cause = e instanceof java.sql.BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
            if ("42501".equals(cause.getSQLState()) || String.valueOf(cause.getMessage()).contains("row-level security")) {
                throw new RegisterException("The register refused to publish \"" + production.title() + "\" (" + id + "): your database role "
                        + "does not own it, or may not publish (" + Register.firstLine(cause.getMessage()) + "). Nothing was published.", e);
            }
            throw register.failure("publish \"" + production.title() + "\"; nothing was published", e);
        } finally {
            register.autoCommit();
        }
    }

    private static String productionHash(Publication p) {
        Production x = p.data().production();
        return PlanRows.Row.of(x.id(), x.title(), x.studio(), x.producer(), x.format().name(), x.principalPhotography(), p.policy().name(),
                p.policy().version(), p.newerPolicy()).hash();
    }

    /** "shots:3fa2…": a table's name and the hash of its rows' ids and hashes, in order. */
    private static String digest(PlanRows.Table table, List<PlanRows.Row> rows) {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (PlanRows.Row row : rows) {
            md.update(row.id().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            md.update(row.hash().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return table.name() + ":" + java.util.HexFormat.of().formatHex(md.digest(), 0, 16);
    }

    private static String digests(Map<PlanRows.Table, List<PlanRows.Row>> tables) {
        return String.join(",", tables.entrySet().stream().map(e -> digest(e.getKey(), e.getValue())).toList());
    }

    private void upsertProduction(Publication p, String hash, String digests) throws SQLException {
        Production x = p.data().production();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO clearframe.productions (id, title, studio, producer, format, shoot_date, "
                + "policy_name, policy_version, newer_policy, row_hash, table_digests, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) "
                + "ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, studio = EXCLUDED.studio, producer = EXCLUDED.producer, "
                + "format = EXCLUDED.format, shoot_date = EXCLUDED.shoot_date, policy_name = EXCLUDED.policy_name, "
                + "policy_version = EXCLUDED.policy_version, newer_policy = EXCLUDED.newer_policy, row_hash = EXCLUDED.row_hash, "
                + "table_digests = EXCLUDED.table_digests, "
                + "published_at = now()")) {
            s.setObject(1, x.id());
            s.setString(2, x.title());
            s.setString(3, x.studio());
            s.setString(4, x.producer());
            s.setString(5, x.format().name());
            s.setObject(6, x.principalPhotography());
            s.setString(7, p.policy().name());
            s.setString(8, p.policy().version());
            s.setString(9, p.newerPolicy().isBlank() ? null : p.newerPolicy());
            s.setString(10, hash);
            s.setString(11, digests);
            if (s.executeUpdate() != 1) throw new SQLException("new row violates row-level security policy for table \"productions\"", "42501");
        }
    }

    /** Brings one table's rows of the production in line with {@code rows}; returns {written, removed}. */
    private int[] sync(UUID production, PlanRows.Table table, List<PlanRows.Row> rows) throws SQLException {
        Map<UUID, String> there = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, row_hash FROM clearframe." + table.name() + " WHERE production_id = ?")) {
            s.setObject(1, production);
            s.setFetchSize(5000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) there.put(r.getObject(1, UUID.class), r.getString(2));
            }
        }
        List<PlanRows.Row> changed = new ArrayList<>();
        Set<UUID> keep = new HashSet<>(rows.size() * 2);
        for (PlanRows.Row row : rows) {
            keep.add(row.id());
            if (!row.hash().equals(there.get(row.id()))) changed.add(row);
        }
        List<UUID> gone = there.keySet().stream().filter(id -> !keep.contains(id)).toList();
        if (!gone.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM clearframe." + table.name() + " WHERE production_id = ? AND id = ANY (?)")) {
                s.setObject(1, production);
                s.setArray(2, c.createArrayOf("uuid", gone.toArray()));
                s.executeUpdate();
            }
        }
        if (!changed.isEmpty()) upsert(production, table, changed);
        return new int[]{changed.size(), gone.size()};
    }

    private void upsert(UUID production, PlanRows.Table table, List<PlanRows.Row> rows) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO clearframe.").append(table.name()).append(" (id, production_id");
        StringBuilder values = new StringBuilder("?, ?");
        StringBuilder update = new StringBuilder("production_id = EXCLUDED.production_id");
        for (String col : table.columns()) {
            sql.append(", ").append(col);
            values.append(", ?");
            update.append(", ").append(col).append(" = EXCLUDED.").append(col);
        }
        sql.append(", row_hash) VALUES (").append(values).append(", ?) ON CONFLICT (id) DO UPDATE SET ").append(update)
                .append(", row_hash = EXCLUDED.row_hash");
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int n = 0;
            for (PlanRows.Row row : rows) {
                s.setObject(1, row.id());
                s.setObject(2, production);
                int i = 3;
                for (Object v : row.values()) bind(s, i++, v);
                s.setString(i, row.hash());
                s.addBatch();
                if (++n % 2000 == 0) s.executeBatch();
            }
            s.executeBatch();
        }
    }

    private void bind(PreparedStatement s, int i, Object v) throws SQLException {
        if (v instanceof UUID[] ids) {
            Array a = c.createArrayOf("uuid", ids);
            s.setArray(i, a);
        } else if (v instanceof String[] texts) {
            s.setArray(i, c.createArrayOf("text", texts));
        } else {
            s.setObject(i, v);
        }
    }

    private Set<UUID> ids(String table, UUID production) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM clearframe." + table + " WHERE production_id = ?")) {
            s.setObject(1, production);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) ids.add(r.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private int addReplies(UUID production, List<Publication.Reply> replies) throws SQLException {
        if (replies.isEmpty()) return 0;
        Set<UUID> there = ids("replies", production);
        int added = 0;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO clearframe.replies (id, production_id, owner, package_id, signer, department, "
                + "roles, key_fingerprint, bytes, signed_in_register, submitted_at) VALUES (?, ?, current_user, ?, ?, ?, ?, ?, ?, false, ?)")) {
            for (Publication.Reply r : replies) {
                if (there.contains(r.id())) continue;
                s.setObject(1, r.id());
                s.setObject(2, production);
                s.setObject(3, r.packageId());
                s.setString(4, r.signer());
                s.setString(5, r.department());
                s.setArray(6, c.createArrayOf("text", r.roles().toArray()));
                s.setString(7, r.keyFingerprint());
                s.setBytes(8, r.bytes());
                s.setObject(9, OffsetDateTime.ofInstant(r.receivedAt(), ZoneOffset.UTC));
                s.addBatch();
                added++;
            }
            if (added > 0) s.executeBatch();
        }
        return added;
    }

    private int addSignOffs(UUID production, List<Publication.Signed> signOffs) throws SQLException {
        if (signOffs.isEmpty()) return 0;
        Set<UUID> there = ids("signoffs", production);
        int added = 0;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO clearframe.signoffs (id, production_id, owner, shot_id, rule_id, role, "
                + "subject_id, subject_name, signer, decision, note, signed_at, fingerprint, reply_id, key_fingerprint, signed_in_register) "
                + "VALUES (?, ?, current_user, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)")) {
            for (Publication.Signed signed : signOffs) {
                SignOff x = signed.signOff();
                if (there.contains(x.id())) continue;
                s.setObject(1, x.id());
                s.setObject(2, production);
                s.setObject(3, x.shotId());
                s.setString(4, x.ruleId());
                s.setString(5, x.role().name());
                s.setObject(6, x.subjectId());
                s.setString(7, x.subjectName());
                s.setString(8, x.signer());
                s.setString(9, x.decision().name());
                s.setString(10, x.note());
                s.setObject(11, OffsetDateTime.ofInstant(x.signedAt(), ZoneOffset.UTC));
                s.setString(12, x.fingerprint());
                s.setObject(13, signed.replyId());
                s.setString(14, signed.keyFingerprint());
                s.addBatch();
                added++;
            }
            if (added > 0) s.executeBatch();
        }
        return added;
    }
}
