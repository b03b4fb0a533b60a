package org.clearframe.store;

import org.clearframe.model.CastMember;
import org.clearframe.model.Labelled;
import org.clearframe.model.Representation;
import org.clearframe.model.Tristate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.clearframe.store.Columns.uuid;

/** The cast: performers, their characters and the facts about them that the rules read. */
final class CastRepository {

    private static final String UPSERT = "INSERT INTO cast_member (id, position, performer, character, union_member, deceased, minor, "
            + "representation) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT(id) DO UPDATE SET performer = excluded.performer, character = excluded.character, "
            + "union_member = excluded.union_member, deceased = excluded.deceased, minor = excluded.minor, "
            + "representation = excluded.representation";

    private final Rows rows;

    CastRepository(Rows rows) {
        this.rows = rows;
    }

    List<CastMember> all() throws SQLException {
        List<CastMember> out = new ArrayList<>();
        try (ResultSet r = rows.query("SELECT id, performer, character, union_member, deceased, minor, representation FROM cast_member ORDER BY position")) {
            while (r.next()) out.add(fromResultSet(r));
        }
        return out;
    }

    /** Inserts or updates a cast member; a new one goes to the end of the list. */
    void save(CastMember m) throws SQLException {
        PreparedStatement p = rows.prepared(UPSERT);
        bind(p, m, rows.positionOr(m.id(), "cast_member", null, null));
        p.executeUpdate();
    }

    /** Puts the row at {@code index} in the list (undo of a delete puts it back where it was). */
    void move(UUID id, int index) throws SQLException {
        rows.reposition("cast_member", null, null, id, index);
    }

    void delete(UUID id) throws SQLException {
        rows.update("DELETE FROM cast_member WHERE id = ?", id.toString());
    }

    static CastMember fromResultSet(ResultSet r) throws SQLException {
        return new CastMember(uuid(r.getString(1)), r.getString(2), r.getString(3),
                Labelled.parse(Tristate.class, r.getString(4), Tristate.UNKNOWN), r.getInt(5) != 0, r.getInt(6) != 0,
                Labelled.parse(Representation.class, r.getString(7), Representation.UNKNOWN));
    }

    static void bind(PreparedStatement p, CastMember m, int position) throws SQLException {
        Rows.set(p, m.id().toString(), position, m.performer(), m.character(), m.unionMember().name(), m.deceased() ? 1 : 0,
                m.minor() ? 1 : 0, m.representation().name());
    }
}
