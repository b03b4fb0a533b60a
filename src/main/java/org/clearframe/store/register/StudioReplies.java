package org.clearframe.store.register;

import org.clearframe.model.SignOff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The studio AI contact's sign-offs, signed in the register: the studio role adds them (reply bytes and the
 * decisions they carry, in one transaction), and the producer's pull reads the replies back to verify them as any
 * head's reply is verified. The register stores; it does not vouch: only the signature in the bytes counts.
 */
public final class StudioReplies {

    /** A shot whose flag waits on the studio AI contact: what a studio signature answers. */
    public record Waiting(UUID productionId, String productionTitle, UUID shotId, String ruleId, String fingerprint) {}

    /** A reply signed in the register, as stored. */
    public record Stored(UUID id, byte[] bytes, String keyFingerprint, OffsetDateTime submittedAt) {
        @Override public byte[] bytes() { return bytes.clone(); }
    }

    private final Register register;
    private final Connection c;

    StudioReplies(Register register) {
        this.register = register;
        this.c = register.connection();
    }

    /** Open flags of {@code production} that wait on the studio AI contact and have no register sign-off for the shot as it is. */
    List<Waiting> waiting(UUID production) throws RegisterException {
        List<Waiting> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT f.production_id, p.title, f.shot_id, f.rule_id, f.fingerprint "
                + "FROM clearframe.flags f JOIN clearframe.productions p ON p.id = f.production_id "
                + "WHERE f.studio_open AND f.production_id = ? AND NOT EXISTS (SELECT 1 FROM clearframe.signoffs s WHERE s.signed_in_register "
                + "AND s.production_id = f.production_id AND s.shot_id = f.shot_id AND s.rule_id = f.rule_id AND s.fingerprint = f.fingerprint) "
                + "ORDER BY f.shot_id, f.rule_id")) {
            s.setObject(1, production);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Waiting(r.getObject(1, UUID.class), r.getString(2), r.getObject(3, UUID.class), r.getString(4), r.getString(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw register.failure("read the signatures waiting on the studio AI contact", e);
        }
    }

    /** Adds one signed reply of the studio AI contact and its decisions, all or nothing. */
    void add(Publication.Reply reply, UUID production, List<SignOff> decisions) throws RegisterException {
        try {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO clearframe.replies (id, production_id, owner, package_id, signer, "
                    + "department, roles, key_fingerprint, bytes, signed_in_register) SELECT ?, p.id, p.owner, ?, ?, ?, ?, ?, ?, true "
                    + "FROM clearframe.productions p WHERE p.id = ?")) {
                s.setObject(1, reply.id());
                s.setObject(2, reply.packageId());
                s.setString(3, reply.signer());
                s.setString(4, reply.department());
                s.setArray(5, c.createArrayOf("text", reply.roles().toArray()));
                s.setString(6, reply.keyFingerprint());
                s.setBytes(7, reply.bytes());
                s.setObject(8, production);
                if (s.executeUpdate() != 1) throw new SQLException("production " + production + " is not in the register", "P0002");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO clearframe.signoffs (id, production_id, owner, shot_id, rule_id, role, "
                    + "subject_id, subject_name, signer, decision, note, signed_at, fingerprint, reply_id, key_fingerprint, signed_in_register) "
                    + "SELECT ?, p.id, p.owner, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true FROM clearframe.productions p WHERE p.id = ?")) {
                for (SignOff x : decisions) {
                    s.setObject(1, x.id());
                    s.setObject(2, x.shotId());
                    s.setString(3, x.ruleId());
                    s.setString(4, x.role().name());
                    s.setObject(5, x.subjectId());
                    s.setString(6, x.subjectName());
                    s.setString(7, x.signer());
                    s.setString(8, x.decision().name());
                    s.setString(9, x.note());
                    s.setObject(10, OffsetDateTime.ofInstant(x.signedAt(), ZoneOffset.UTC));
                    s.setString(11, x.fingerprint());
                    s.setObject(12, reply.id());
                    s.setString(13, reply.keyFingerprint());
                    s.setObject(14, production);
                    s.addBatch();
                }
                s.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            register.rollback();
            throw register.failure("record the studio AI contact's sign-off; nothing was recorded", e);
        } finally {
            register.autoCommit();
        }
    }

    /** The replies signed in the register for {@code production}, oldest first, as the caller's role may see them. */
    List<Stored> signedInRegister(UUID production) throws RegisterException {
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, bytes, key_fingerprint, submitted_at FROM clearframe.replies "
                + "WHERE production_id = ? AND signed_in_register ORDER BY submitted_at, id")) {
            s.setObject(1, production);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.add(new Stored(r.getObject(1, UUID.class), r.getBytes(2), r.getString(3), r.getObject(4, OffsetDateTime.class)));
            }
            return out;
        } catch (SQLException e) {
            throw register.failure("read the studio AI contact's sign-offs", e);
        }
    }
}
