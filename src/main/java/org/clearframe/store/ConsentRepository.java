package org.clearframe.store;

import org.clearframe.model.Consent;
import org.clearframe.model.ConsentKind;
import org.clearframe.model.Labelled;
import org.clearframe.model.Technique;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.clearframe.store.Columns.dateOrNull;
import static org.clearframe.store.Columns.dateText;
import static org.clearframe.store.Columns.enumSet;
import static org.clearframe.store.Columns.ids;
import static org.clearframe.store.Columns.names;
import static org.clearframe.store.Columns.text;
import static org.clearframe.store.Columns.uuid;
import static org.clearframe.store.Columns.uuidOrNull;
import static org.clearframe.store.Columns.uuids;

/**
 * Consent records: who gave consent to what, in what scope, and whether it was withdrawn. A withdrawal, once
 * recorded, cannot be taken back or redated (the V6 trigger refuses it): a renewed consent is a new record.
 */
final class ConsentRepository {

    private static final String COLUMNS = "id, cast_id, given_by, kind, production_id, scene_ids, shot_ids, techniques, purpose, description, "
            + "given_on, document_id, withdrawn_on, compensation";
    private static final String UPSERT = "INSERT INTO consent (position, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT(id) DO UPDATE SET cast_id = excluded.cast_id, given_by = excluded.given_by, kind = excluded.kind, "
            + "production_id = excluded.production_id, scene_ids = excluded.scene_ids, shot_ids = excluded.shot_ids, "
            + "techniques = excluded.techniques, purpose = excluded.purpose, description = excluded.description, "
            + "given_on = excluded.given_on, document_id = excluded.document_id, withdrawn_on = excluded.withdrawn_on, "
            + "compensation = excluded.compensation";

    private final Rows rows;

    ConsentRepository(Rows rows) {
        this.rows = rows;
    }

    List<Consent> all() throws SQLException {
        List<Consent> out = new ArrayList<>();
        try (ResultSet r = rows.query("SELECT " + COLUMNS + " FROM consent ORDER BY position")) {
            while (r.next()) fromResultSet(r).ifPresent(out::add);
        }
        return out;
    }

    void save(Consent c) throws SQLException {
        PreparedStatement p = rows.prepared(UPSERT);
        bind(p, c, rows.positionOr(c.id(), "consent", null, null));
        p.executeUpdate();
    }

    void withdraw(UUID id, LocalDate on) throws SQLException {
        if (rows.update("UPDATE consent SET withdrawn_on = ? WHERE id = ?", dateText(on), id.toString()) != 1) {
            throw new SQLException("no consent " + id);
        }
    }

    void setDocument(UUID id, UUID documentId) throws SQLException {
        if (rows.update("UPDATE consent SET document_id = ? WHERE id = ?", documentId.toString(), id.toString()) != 1) {
            throw new SQLException("no consent " + id);
        }
    }

    /** The row as a consent, or empty for a kind written by a newer version: kept in the file, it covers nothing here. */
    static Optional<Consent> fromResultSet(ResultSet r) throws SQLException {
        ConsentKind kind = Labelled.parse(ConsentKind.class, r.getString(4), null);
        if (kind == null) return Optional.empty();
        return Optional.of(new Consent(uuid(r.getString(1)), uuidOrNull(r.getString(2)), r.getString(3), kind, uuid(r.getString(5)),
                uuids(r.getString(6)), uuids(r.getString(7)), enumSet(Technique.class, r.getString(8)), r.getString(9),
                r.getString(10), dateOrNull(r.getString(11)), uuidOrNull(r.getString(12)), dateOrNull(r.getString(13)), r.getString(14)));
    }

    static void bind(PreparedStatement p, Consent c, int position) throws SQLException {
        Rows.set(p, position, c.id().toString(), text(c.castId()), c.givenBy(), c.kind().name(), c.productionId().toString(),
                ids(c.sceneIds()), ids(c.shotIds()), names(c.techniques()), c.purpose(), c.description(), dateText(c.givenOn()),
                text(c.documentId()), dateText(c.withdrawnOn()), c.compensation());
    }
}
