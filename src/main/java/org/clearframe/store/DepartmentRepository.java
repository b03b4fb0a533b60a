package org.clearframe.store;

import org.clearframe.model.Department;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.clearframe.store.Columns.uuid;

/** The production's departments, in the order the producer keeps them. */
final class DepartmentRepository {

    private static final String UPSERT = "INSERT INTO department (id, position, name, head_name, email, colour) VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT(id) DO UPDATE SET name = excluded.name, head_name = excluded.head_name, email = excluded.email, colour = excluded.colour";

    private final Rows rows;

    DepartmentRepository(Rows rows) {
        this.rows = rows;
    }

    List<Department> all() throws SQLException {
        List<Department> out = new ArrayList<>();
        try (ResultSet r = rows.query("SELECT id, name, head_name, email, colour FROM department ORDER BY position")) {
            while (r.next()) out.add(fromResultSet(r));
        }
        return out;
    }

    /** Inserts or updates a department; a new one goes to the end of the list. */
    void save(Department d) throws SQLException {
        PreparedStatement p = rows.prepared(UPSERT);
        bind(p, d, rows.positionOr(d.id(), "department", null, null));
        p.executeUpdate();
    }

    /** Puts the row at {@code index} in the list (undo of a delete puts it back where it was). */
    void move(UUID id, int index) throws SQLException {
        rows.reposition("department", null, null, id, index);
    }

    void delete(UUID id) throws SQLException {
        rows.update("DELETE FROM department WHERE id = ?", id.toString());
    }

    void deleteAll() throws SQLException {
        rows.update("DELETE FROM department");
    }

    static Department fromResultSet(ResultSet r) throws SQLException {
        return new Department(uuid(r.getString(1)), r.getString(2), r.getString(3), r.getString(4), r.getString(5));
    }

    static void bind(PreparedStatement p, Department d, int position) throws SQLException {
        Rows.set(p, d.id().toString(), position, d.name(), d.headName(), d.email(), d.colour());
    }
}
