package org.clearframe.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The statements every repository needs on the open file: plain queries and updates, link tables (an owner's
 * ordered list of ids) and rows kept in a user-chosen order by a {@code position} column. Table and column names
 * passed here are the repositories' own constants, never outside input.
 */
final class Rows {

    private final ProductionFile file;

    Rows(ProductionFile file) {
        this.file = file;
    }

    ResultSet query(String sql) throws SQLException {
        Statement s = file.connection().createStatement();
        s.closeOnCompletion();
        return s.executeQuery(sql);
    }

    /** A statement prepared once for the life of the file (see {@link ProductionFile#prepared}). */
    PreparedStatement prepared(String sql) throws SQLException {
        return file.prepared(sql);
    }

    /** A statement for one use, closed by the caller: for reads, and for writes too rare to keep prepared. */
    PreparedStatement once(String sql) throws SQLException {
        return file.connection().prepareStatement(sql);
    }

    int update(String sql, Object... args) throws SQLException {
        PreparedStatement p = prepared(sql);
        set(p, args);
        return p.executeUpdate();
    }

    /** Binds {@code values} to the statement's parameters in order, clearing what an earlier use left. */
    static void set(PreparedStatement p, Object... values) throws SQLException {
        p.clearParameters();
        for (int i = 0; i < values.length; i++) p.setObject(i + 1, values[i]);
    }

    int count(String sql) throws SQLException {
        try (ResultSet r = query(sql)) {
            return r.getInt(1);
        }
    }

    boolean exists(String table, UUID id) throws SQLException {
        PreparedStatement p = prepared("SELECT 1 FROM " + table + " WHERE id = ?");
        p.setString(1, id.toString());
        try (ResultSet r = p.executeQuery()) {
            return r.next();
        }
    }

    /** A link table read whole: each owner's targets, in their order. */
    Map<UUID, List<UUID>> links(String sql) throws SQLException {
        Map<UUID, List<UUID>> map = new LinkedHashMap<>();
        try (ResultSet r = query(sql)) {
            while (r.next()) map.computeIfAbsent(UUID.fromString(r.getString(1)), k -> new ArrayList<>()).add(UUID.fromString(r.getString(2)));
        }
        return map;
    }

    void replaceLinks(String table, String ownerColumn, String targetColumn, UUID owner, List<UUID> targets) throws SQLException {
        update("DELETE FROM " + table + " WHERE " + ownerColumn + " = ?", owner.toString());
        insertLinks(table, ownerColumn, targetColumn, owner, targets);
    }

    /** As {@link #replaceLinks}, for an owner just created, which has no links to remove yet. */
    void insertLinks(String table, String ownerColumn, String targetColumn, UUID owner, List<UUID> targets) throws SQLException {
        int i = 0;
        for (UUID target : targets) {
            update("INSERT OR IGNORE INTO " + table + " (" + ownerColumn + ", " + targetColumn + ", position) VALUES (?, ?, ?)",
                    owner.toString(), target.toString(), i++);
        }
    }

    /** The row's current position, or for a new row the next free one (within {@code parent} when given). */
    int positionOr(UUID id, String table, String parentColumn, UUID parent) throws SQLException {
        if (id != null) {
            PreparedStatement p = prepared("SELECT position FROM " + table + " WHERE id = ?");
            p.setString(1, id.toString());
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) return r.getInt(1);
            }
        }
        String where = parentColumn == null ? "" : " WHERE " + parentColumn + " = ?";
        PreparedStatement p = prepared("SELECT COALESCE(MAX(position), -1) + 1 FROM " + table + where);
        if (parentColumn != null) p.setString(1, parent.toString());
        try (ResultSet r = p.executeQuery()) {
            return r.getInt(1);
        }
    }

    /** Moves one row to {@code index} among its siblings and renumbers them 0..n-1. */
    void reposition(String table, String parentColumn, UUID parent, UUID id, int index) throws SQLException {
        String where = parentColumn == null ? "" : " WHERE " + parentColumn + " = ?";
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p = once("SELECT id FROM " + table + where + " ORDER BY position, rowid")) {
            if (parentColumn != null) p.setString(1, parent.toString());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) ids.add(r.getString(1));
            }
        }
        if (!ids.remove(id.toString())) throw new SQLException("no row " + id + " in " + table);
        ids.add(Math.max(0, Math.min(index, ids.size())), id.toString());
        renumber(table, ids);
    }

    /** Gives the rows {@code ids} the positions 0..n-1 in that order. */
    void renumber(String table, List<String> ids) throws SQLException {
        try (PreparedStatement p = once("UPDATE " + table + " SET position = ? WHERE id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                p.setInt(1, i);
                p.setString(2, ids.get(i));
                p.addBatch();
            }
            p.executeBatch();
        }
    }
}
