package org.clearframe.store;

import org.clearframe.model.Scan;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.clearframe.store.Columns.dateOrNull;
import static org.clearframe.store.Columns.dateText;
import static org.clearframe.store.Columns.uuid;

/** The scans taken of cast members (a digital replica's source), each with the notice given and the reason. */
final class ScanRepository {

    private static final String UPSERT = "INSERT INTO scan (id, cast_id, position, scanned_on, notice_given_on, business_reason) "
            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET cast_id = excluded.cast_id, scanned_on = excluded.scanned_on, "
            + "notice_given_on = excluded.notice_given_on, business_reason = excluded.business_reason";

    private final Rows rows;

    ScanRepository(Rows rows) {
        this.rows = rows;
    }

    List<Scan> all() throws SQLException {
        List<Scan> out = new ArrayList<>();
        try (ResultSet r = rows.query("SELECT id, cast_id, scanned_on, notice_given_on, business_reason FROM scan ORDER BY cast_id, position")) {
            while (r.next()) out.add(fromResultSet(r));
        }
        return out;
    }

    /** Inserts or updates a scan; a new one goes after the cast member's others. */
    void save(Scan s) throws SQLException {
        PreparedStatement p = rows.prepared(UPSERT);
        bind(p, s, rows.positionOr(s.id(), "scan", "cast_id", s.castId()));
        p.executeUpdate();
    }

    void delete(UUID id) throws SQLException {
        rows.update("DELETE FROM scan WHERE id = ?", id.toString());
    }

    static Scan fromResultSet(ResultSet r) throws SQLException {
        return new Scan(uuid(r.getString(1)), uuid(r.getString(2)), dateOrNull(r.getString(3)), dateOrNull(r.getString(4)), r.getString(5));
    }

    static void bind(PreparedStatement p, Scan s, int position) throws SQLException {
        Rows.set(p, s.id().toString(), s.castId().toString(), position, dateText(s.scannedOn()), dateText(s.noticeGivenOn()), s.businessReason());
    }
}
