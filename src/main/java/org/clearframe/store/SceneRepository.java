package org.clearframe.store;

import org.clearframe.model.IntExt;
import org.clearframe.model.Labelled;
import org.clearframe.model.Scene;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.store.Columns.uuid;

/** The scenes in script order, each with the cast who appear in it. */
final class SceneRepository {

    private static final String UPSERT = "INSERT INTO scene (id, position, number, int_ext, setting, time_of_day, synopsis, eighths, "
            + "story_day, omitted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET number = excluded.number, "
            + "int_ext = excluded.int_ext, setting = excluded.setting, time_of_day = excluded.time_of_day, synopsis = excluded.synopsis, "
            + "eighths = excluded.eighths, story_day = excluded.story_day, omitted = excluded.omitted";

    private final Rows rows;

    SceneRepository(Rows rows) {
        this.rows = rows;
    }

    List<Scene> all() throws SQLException {
        Map<UUID, List<UUID>> cast = rows.links("SELECT scene_id, cast_id FROM scene_cast ORDER BY scene_id, position");
        List<Scene> out = new ArrayList<>();
        try (ResultSet r = rows.query("SELECT id, number, int_ext, setting, time_of_day, synopsis, eighths, story_day, omitted FROM scene ORDER BY position")) {
            while (r.next()) out.add(fromResultSet(r, cast));
        }
        return out;
    }

    /** Inserts or updates a scene; a new one goes to the end of the script. */
    void save(Scene s) throws SQLException {
        write(s, rows.positionOr(s.id(), "scene", null, null));
    }

    /** Inserts a new scene at {@code index} in script order (moving later scenes down). */
    void insert(Scene s, int index) throws SQLException {
        write(s, Integer.MAX_VALUE);
        move(s.id(), index);
    }

    /** Writes the scene row at {@code position} (ignored for a scene already present) and its cast. */
    void write(Scene s, int position) throws SQLException {
        PreparedStatement p = rows.prepared(UPSERT);
        bind(p, s, position);
        p.executeUpdate();
        rows.replaceLinks("scene_cast", "scene_id", "cast_id", s.id(), s.castIds());
    }

    /** As {@link #write}, for a scene whose id is not in the file yet: it has no cast links to remove first. */
    void insertNew(Scene s, int position) throws SQLException {
        PreparedStatement p = rows.prepared(UPSERT);
        bind(p, s, position);
        p.executeUpdate();
        rows.insertLinks("scene_cast", "scene_id", "cast_id", s.id(), s.castIds());
    }

    void move(UUID id, int index) throws SQLException {
        rows.reposition("scene", null, null, id, index);
    }

    /** Deletes a scene; the schema takes its shots and their AI uses with it. */
    void delete(UUID id) throws SQLException {
        rows.update("DELETE FROM scene WHERE id = ?", id.toString());
    }

    /** Puts the scenes {@code order} names first, in that order; the others keep their relative order after them. */
    void putInOrder(List<UUID> order) throws SQLException {
        List<String> current = new ArrayList<>();
        try (ResultSet r = rows.query("SELECT id FROM scene ORDER BY position, rowid")) {
            while (r.next()) current.add(r.getString(1));
        }
        List<String> ordered = new ArrayList<>();
        Set<String> present = new HashSet<>(current);
        for (UUID id : order) if (present.remove(id.toString())) ordered.add(id.toString());
        for (String id : current) if (present.contains(id)) ordered.add(id);
        rows.renumber("scene", ordered);
    }

    static Scene fromResultSet(ResultSet r, Map<UUID, List<UUID>> castByScene) throws SQLException {
        UUID id = uuid(r.getString(1));
        return new Scene(id, r.getString(2), Labelled.parse(IntExt.class, r.getString(3), IntExt.INT), r.getString(4),
                r.getString(5), r.getString(6), r.getInt(7), r.getString(8), castByScene.getOrDefault(id, List.of()), r.getInt(9) != 0);
    }

    static void bind(PreparedStatement p, Scene s, int position) throws SQLException {
        Rows.set(p, s.id().toString(), position, s.number(), s.intExt().name(), s.set(), s.timeOfDay(), s.synopsis(), s.eighths(),
                s.storyDay(), s.omitted() ? 1 : 0);
    }
}
