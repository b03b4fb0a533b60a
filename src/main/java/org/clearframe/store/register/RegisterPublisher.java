package org.clearframe.store.register;

import org.clearframe.model.Production;
import org.clearframe.model.SignOff;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
            Map<String, String> mine = new LinkedHashMap<>();
            for (Map.Entry<PlanRows.Table, List<PlanRows.Row>> e : tables.entrySet()) mine.put(e.getKey().name(), digest(e.getValue()));
            mine.put("replies", idDigest(p.replies().stream().map(Publication.Reply::id).toList()));
            mine.put("signoffs", idDigest(p.signOffs().stream().map(x -> x.signOff().id()).toList()));
            String digests = join(mine);
            Map<String, String> theirs = existing == null ? Map.of() : split(digestsThere);
            int written = 0, removed = 0;
            if (!hash.equals(existing) || !digests.equals(digestsThere)) {
                upsertProduction(p, hash, digests);
                written++;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO clearframe.policy_versions (name, version) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, p.policy().name());
                s.setString(2, p.policy().version());
                s.executeUpdate();
            }
            for (Map.Entry<PlanRows.Table, List<PlanRows.Row>> e : tables.entrySet()) {
                String name = e.getKey().name();
                // A bucket whose digest the register already has holds exactly these rows: nothing to compare or send.
                int[] counts = sync(id, existing == null, e.getKey(), e.getValue(), changedBuckets(mine.get(name), theirs.get(name)));
                written += counts[0];
                removed += counts[1];
            }
            int replies = mine.get("replies").equals(theirs.get("replies")) ? 0 : addReplies(id, p.replies());
            int signOffs = mine.get("signoffs").equals(theirs.get("signoffs")) ? 0 : addSignOffs(id, p.signOffs());
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

    /** The digests of a table's buckets, 16 hex digits each, in bucket order: each over its rows' ids and hashes, in table order. */
    private static String digest(List<PlanRows.Row> rows) {
        MessageDigest[] buckets = new MessageDigest[PlanRows.BUCKETS];
        ByteBuffer id = ByteBuffer.allocate(16);
        for (PlanRows.Row row : rows) {
            int b = row.bucket();
            if (buckets[b] == null) buckets[b] = PlanRows.sha256();
            id.clear();
            buckets[b].update(id.putLong(row.id().getMostSignificantBits()).putLong(row.id().getLeastSignificantBits()).array());
            buckets[b].update(row.hash().getBytes(StandardCharsets.US_ASCII));
        }
        StringBuilder out = new StringBuilder(PlanRows.BUCKETS * BUCKET_HEX);
        for (MessageDigest b : buckets) out.append(b == null ? EMPTY_BUCKET : HEX.formatHex(b.digest(), 0, BUCKET_HEX / 2));
        return out.toString();
    }

    private static final int BUCKET_HEX = 16;
    private static final String EMPTY_BUCKET = "0".repeat(BUCKET_HEX);
    private static final HexFormat HEX = HexFormat.of();

    /** A digest of the sign-off history's ids as published: when the register has it, every one of them is there (history is never removed). */
    private static String idDigest(List<UUID> ids) {
        MessageDigest md = PlanRows.sha256();
        for (UUID id : ids) md.update(id.toString().getBytes(StandardCharsets.US_ASCII));
        return ids.size() + "." + HEX.formatHex(md.digest(), 0, 16);
    }

    /** "scenes:…,shots:…": what productions.table_digests holds. */
    private static String join(Map<String, String> digests) {
        StringBuilder b = new StringBuilder();
        digests.forEach((name, d) -> b.append(b.isEmpty() ? "" : ",").append(name).append(':').append(d));
        return b.toString();
    }

    private static Map<String, String> split(String digests) {
        Map<String, String> out = new HashMap<>();
        for (String part : digests == null ? new String[0] : digests.split(",")) {
            int colon = part.indexOf(':');
            if (colon > 0) out.put(part.substring(0, colon), part.substring(colon + 1));
        }
        return out;
    }

    /** The buckets whose digests differ; all of them when the register's are missing or in an older form. */
    private static Set<Integer> changedBuckets(String mine, String theirs) {
        Set<Integer> changed = new HashSet<>();
        boolean comparable = theirs != null && theirs.length() == mine.length();
        for (int b = 0; b < PlanRows.BUCKETS; b++) {
            int at = b * BUCKET_HEX;
            if (!comparable || !mine.regionMatches(at, theirs, at, BUCKET_HEX)) changed.add(b);
        }
        return changed;
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

    /**
     * Brings one table's rows of the production in line with {@code rows}, looking only at the given buckets; returns
     * {written, removed}. A production new to the register has no rows to fetch.
     */
    private int[] sync(UUID production, boolean fresh, PlanRows.Table table, List<PlanRows.Row> rows, Set<Integer> buckets) throws SQLException {
        if (buckets.isEmpty()) return new int[]{0, 0};
        boolean all = buckets.size() == PlanRows.BUCKETS;
        Map<UUID, String> there = new HashMap<>();
        if (!fresh) {
            String sql = "SELECT id, row_hash FROM clearframe." + table.name() + " WHERE production_id = ?"
                    + (all ? "" : " AND " + PlanRows.BUCKET_SQL + " = ANY (?)");
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, production);
                if (!all) s.setArray(2, c.createArrayOf("int4", buckets.toArray()));
                s.setFetchSize(5000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) there.put(r.getObject(1, UUID.class), r.getString(2));
                }
            }
        }
        List<PlanRows.Row> changed = new ArrayList<>();
        Set<UUID> keep = new HashSet<>(rows.size() * 2);
        for (PlanRows.Row row : rows) {
            if (!all && !buckets.contains(row.bucket())) continue;
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
