package org.clearframe.store;

import org.clearframe.model.Decision;
import org.clearframe.model.Labelled;
import org.clearframe.model.Role;
import org.clearframe.model.SignOff;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.clearframe.store.Columns.uuid;
import static org.clearframe.store.Columns.uuidOrNull;

/**
 * The sign-off history. Sign-offs are history: this class only appends (the V4 triggers refuse an update or delete),
 * and every row it writes gets its event in the {@link SignOffLog} in the same transaction.
 */
final class SignOffRepository {

    private static final System.Logger LOG = System.getLogger(SignOffRepository.class.getName());
    static final String COLUMNS = "id, shot_id, rule_id, role, subject_id, signer, decision, note, signed_at, fingerprint, subject_name";

    private final Rows rows;
    private final ProductionFile file;

    SignOffRepository(Rows rows, ProductionFile file) {
        this.rows = rows;
        this.file = file;
    }

    /** The sign-offs of the shots the production holds, oldest first; those of deleted shots stay in the file, unread. */
    List<SignOff> ofPresentShots() throws SQLException {
        List<SignOff> out = new ArrayList<>();
        try (ResultSet r = rows.query("SELECT " + COLUMNS + " FROM sign_off WHERE shot_id IN (SELECT id FROM shot) ORDER BY signed_at, rowid")) {
            while (r.next()) fromResultSet(r, file.path()).ifPresent(out::add);
        }
        return out;
    }

    boolean exists(UUID id) throws SQLException {
        return rows.exists("sign_off", id);
    }

    /** The only statement that writes sign_off: the history is appended to, never updated or deleted. */
    void insert(SignOff s) throws SQLException {
        PreparedStatement p = rows.prepared("INSERT INTO sign_off (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        bind(p, s);
        p.executeUpdate();
        SignOffLog.append(rows, s);
        SignedContents.keepFor(rows, s);
    }

    /** Records {@code s} unless a sign-off with its id is already in the history (which then stands as it is). */
    boolean insertIfNew(SignOff s) throws SQLException {
        if (exists(s.id())) return false;
        insert(s);
        return true;
    }

    /**
     * The row as a sign-off, or empty for one this version cannot count: a role or decision written by a newer
     * version (kept in the file, skipped here), or a row no Clearframe wrote (a bad id or time), which must not
     * stop the file opening.
     */
    static Optional<SignOff> fromResultSet(ResultSet r, Path file) throws SQLException {
        Role role = Labelled.parse(Role.class, r.getString(4), null);
        Decision decision = Labelled.parse(Decision.class, r.getString(7), null);
        if (role == null || decision == null) return Optional.empty();
        try {
            return Optional.of(new SignOff(uuid(r.getString(1)), uuid(r.getString(2)), r.getString(3), role, uuidOrNull(r.getString(5)),
                    r.getString(6), decision, r.getString(8), Instant.parse(r.getString(9)), r.getString(10), r.getString(11)));
        } catch (RuntimeException unreadable) {
            LOG.log(System.Logger.Level.WARNING, "Ignored an unreadable sign-off row in {0}: {1}", file.getFileName(), unreadable.getMessage());
            return Optional.empty();
        }
    }

    static void bind(PreparedStatement p, SignOff s) throws SQLException {
        Rows.set(p, s.id().toString(), s.shotId().toString(), s.ruleId(), s.role().name(), Columns.text(s.subjectId()),
                s.signer(), s.decision().name(), s.note(), s.signedAt().toString(), s.fingerprint(), s.subjectName());
    }
}
