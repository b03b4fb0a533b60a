package org.clearframe.store;

import org.clearframe.model.Format;
import org.clearframe.model.Genre;
import org.clearframe.model.Labelled;
import org.clearframe.model.Production;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import static org.clearframe.store.Columns.uuid;

/** The production's own row: title, format, the people in charge, the start of principal photography. */
final class ProductionRepository {

    private static final String COLUMNS = "id, title, format, genre, studio, producer, director, principal_photography, notes";

    private final Rows rows;

    ProductionRepository(Rows rows) {
        this.rows = rows;
    }

    Production load() throws SQLException {
        try (ResultSet r = rows.query("SELECT " + COLUMNS + " FROM production")) {
            if (!r.next()) throw new SQLException("the production header row is missing");
            return fromResultSet(r);
        }
    }

    void insert(Production p) throws SQLException {
        PreparedStatement s = rows.prepared("INSERT INTO production (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        bind(s, p);
        s.executeUpdate();
    }

    void update(Production p) throws SQLException {
        PreparedStatement s = rows.prepared("UPDATE production SET title = ?, format = ?, genre = ?, studio = ?, producer = ?, director = ?, "
                + "principal_photography = ?, notes = ? WHERE id = ?");
        Rows.set(s, p.title(), p.format().name(), p.genre().name(), p.studio(), p.producer(), p.director(),
                Columns.dateText(p.principalPhotography()), p.notes(), p.id().toString());
        s.executeUpdate();
    }

    static Production fromResultSet(ResultSet r) throws SQLException {
        String start = r.getString(8);
        return new Production(uuid(r.getString(1)), r.getString(2), Labelled.parse(Format.class, r.getString(3), Format.FEATURE),
                Labelled.parse(Genre.class, r.getString(4), Genre.FICTION), r.getString(5), r.getString(6), r.getString(7),
                start == null || start.isBlank() ? null : LocalDate.parse(start), r.getString(9));
    }

    static void bind(PreparedStatement s, Production p) throws SQLException {
        Rows.set(s, p.id().toString(), p.title(), p.format().name(), p.genre().name(), p.studio(), p.producer(), p.director(),
                Columns.dateText(p.principalPhotography()), p.notes());
    }
}
