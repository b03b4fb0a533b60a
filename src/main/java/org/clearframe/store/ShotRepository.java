package org.clearframe.store;

import org.clearframe.model.AiUse;
import org.clearframe.model.Labelled;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.clearframe.store.Columns.uuid;

/** The shots of each scene in shooting-script order, with the departments involved and (through {@link AiUseRepository}) their AI uses. */
final class ShotRepository {

    private static final String COLUMNS = "id, scene_id, position, number, description, size, angle, movement, lens, duration_seconds, notes";

    private final Rows rows;
    private final AiUseRepository aiUses;

    ShotRepository(Rows rows, AiUseRepository aiUses) {
        this.rows = rows;
        this.aiUses = aiUses;
    }

    /** Every shot, scene by scene in script order. */
    List<Shot> all() throws SQLException {
        Map<UUID, List<AiUse>> uses = aiUses.byShot();
        Map<UUID, List<UUID>> departments = rows.links("SELECT shot_id, department_id FROM shot_department ORDER BY shot_id, position");
        List<Shot> out = new ArrayList<>();
        try (ResultSet r = rows.query("SELECT shot.id, shot.scene_id, shot.number, shot.description, shot.size, shot.angle, shot.movement, "
                + "shot.lens, shot.duration_seconds, shot.notes FROM shot JOIN scene ON scene.id = shot.scene_id ORDER BY scene.position, shot.position")) {
            while (r.next()) out.add(fromResultSet(r, departments, uses));
        }
        return out;
    }

    /**
     * One page of the shots table in script order, with what the window's first screen shows of each shot: read
     * before the whole production, so a large file shows its first rows at once. Scenes are walked in order and
     * each scene's shots through its index, so a page costs one sort of the scenes, not of every shot.
     */
    List<ProductionStore.ShotLine> lines(int offset, int limit) throws SQLException {
        List<ProductionStore.ShotLine> out = new ArrayList<>();
        try (PreparedStatement p = rows.once("SELECT shot.id, scene.number, shot.number, shot.description, shot.size, "
                + "(SELECT COUNT(*) FROM ai_use WHERE ai_use.shot_id = shot.id) "
                + "FROM scene CROSS JOIN shot ON shot.scene_id = scene.id ORDER BY scene.position, shot.position LIMIT ? OFFSET ?")) {
            p.setInt(1, limit);
            p.setInt(2, offset);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new ProductionStore.ShotLine(uuid(r.getString(1)), r.getString(2), r.getString(3), r.getString(4),
                            Labelled.parse(ShotSize.class, r.getString(5), null), r.getInt(6)));
                }
            }
        }
        return out;
    }

    /** Inserts or updates a shot with its AI uses (which it replaces whole). A new shot goes to the end of its scene. */
    void save(Shot shot) throws SQLException {
        write(shot, nextPosition(shot));
    }

    /** The shot's position now, or the end of its scene for a new one. */
    int nextPosition(Shot shot) throws SQLException {
        return rows.positionOr(shot.id(), "shot", "scene_id", shot.sceneId());
    }

    /** Inserts a new shot at {@code index} within its scene. */
    void insert(Shot shot, int index) throws SQLException {
        write(shot, Integer.MAX_VALUE);
        rows.reposition("shot", "scene_id", shot.sceneId(), shot.id(), index);
    }

    /** Appends many shots, each at the end of its scene, in the order given. */
    void append(Collection<Shot> shots) throws SQLException {
        Map<UUID, Integer> next = new HashMap<>();
        for (Shot shot : shots) {
            Integer pos = next.get(shot.sceneId());
            if (pos == null) pos = rows.positionOr(null, "shot", "scene_id", shot.sceneId());
            write(shot, pos);
            next.put(shot.sceneId(), pos + 1);
        }
    }

    /**
     * Writes the shot at {@code position} (kept for a shot already in its scene; a shot moved to another scene goes
     * to that scene's end), its departments and its AI uses.
     */
    void write(Shot s, int position) throws SQLException {
        boolean moved = false;
        PreparedStatement find = rows.prepared("SELECT scene_id FROM shot WHERE id = ?");
        find.setString(1, s.id().toString());
        try (ResultSet r = find.executeQuery()) {
            if (r.next() && !r.getString(1).equals(s.sceneId().toString())) moved = true;
        }
        if (moved) position = rows.positionOr(null, "shot", "scene_id", s.sceneId());
        PreparedStatement p = rows.prepared("INSERT INTO shot (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT(id) DO UPDATE SET scene_id = excluded.scene_id, "
                + (moved ? "position = excluded.position, " : "")
                + "number = excluded.number, description = excluded.description, size = excluded.size, angle = excluded.angle, "
                + "movement = excluded.movement, lens = excluded.lens, duration_seconds = excluded.duration_seconds, notes = excluded.notes");
        bind(p, s, position);
        p.executeUpdate();
        rows.replaceLinks("shot_department", "shot_id", "department_id", s.id(), s.departmentIds());
        aiUses.replace(s.id(), s.aiUses());
    }

    /**
     * As {@link #write}, for a shot whose id is not in the file yet (a new file being filled): nothing to look up or
     * remove first, which is most of the statements when a whole production is written.
     */
    void insertNew(Shot s, int position) throws SQLException {
        PreparedStatement p = rows.prepared("INSERT INTO shot (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        bind(p, s, position);
        p.executeUpdate();
        rows.insertLinks("shot_department", "shot_id", "department_id", s.id(), s.departmentIds());
        aiUses.insertNew(s.id(), s.aiUses());
    }

    /** Deletes a shot; the schema takes its AI uses with it. Its sign-offs stay in the history. */
    void delete(UUID id) throws SQLException {
        rows.update("DELETE FROM shot WHERE id = ?", id.toString());
    }

    void move(UUID id, int index) throws SQLException {
        String scene;
        try (PreparedStatement p = rows.once("SELECT scene_id FROM shot WHERE id = ?")) {
            p.setString(1, id.toString());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) throw new SQLException("no shot " + id);
                scene = r.getString(1);
            }
        }
        rows.reposition("shot", "scene_id", UUID.fromString(scene), id, index);
    }

    static Shot fromResultSet(ResultSet r, Map<UUID, List<UUID>> departments, Map<UUID, List<AiUse>> uses) throws SQLException {
        UUID id = uuid(r.getString(1));
        return new Shot(id, uuid(r.getString(2)), r.getString(3), r.getString(4), Labelled.parse(ShotSize.class, r.getString(5), null),
                r.getString(6), r.getString(7), r.getString(8), r.getDouble(9), departments.getOrDefault(id, List.of()),
                r.getString(10), uses.getOrDefault(id, List.of()));
    }

    static void bind(PreparedStatement p, Shot s, int position) throws SQLException {
        Rows.set(p, s.id().toString(), s.sceneId().toString(), position, s.number(), s.description(), s.size() == null ? null : s.size().name(),
                s.angle(), s.movement(), s.lens(), s.durationSeconds(), s.notes());
    }
}
