package org.clearframe.store;

import org.clearframe.model.AiUse;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.clearframe.store.Columns.uuid;

/**
 * A production read a run of scenes at a time, for outputs that stream (the breakdown PDF): each page holds whole
 * scenes in script order, their shots with AI uses, and those shots' sign-offs, so a reader's memory follows the page,
 * not the production. Rows come in the order {@link ProductionStore#load()} gives them.
 */
final class ScenePages {

    private final Rows rows;
    private final ProductionFile file;

    ScenePages(Rows rows, ProductionFile file) {
        this.rows = rows;
        this.file = file;
    }

    int sceneCount() throws SQLException {
        return rows.count("SELECT COUNT(*) FROM scene");
    }

    /** Scenes {@code first} to {@code first + count - 1} in script order, with their shots and sign-offs. */
    ProductionStore.ScenePage page(int first, int count) throws SQLException {
        List<Scene> scenes = scenes(first, count);
        if (scenes.isEmpty()) return new ProductionStore.ScenePage(List.of(), List.of(), List.of());
        List<String> ids = new ArrayList<>(scenes.size());
        for (Scene s : scenes) ids.add(s.id().toString());
        String in = marks(ids.size());
        String shotsOfPage = "SELECT id FROM shot WHERE scene_id IN (" + in + ")";
        String usesOfPage = "SELECT ai_use.id FROM ai_use JOIN shot ON shot.id = ai_use.shot_id WHERE shot.scene_id IN (" + in + ")";

        Map<UUID, List<UUID>> performers = links("SELECT ai_use_id, cast_id FROM ai_use_performer WHERE ai_use_id IN (" + usesOfPage
                + ") ORDER BY ai_use_id, position", ids);
        Map<UUID, List<UUID>> useDepartments = links("SELECT ai_use_id, department_id FROM ai_use_department WHERE ai_use_id IN ("
                + usesOfPage + ") ORDER BY ai_use_id, position", ids);
        Map<UUID, List<AiUse>> uses = new HashMap<>();
        try (PreparedStatement p = bound("SELECT id, shot_id, technique, purpose, tool, output, uploads, vendor_trains, factors, notes, "
                + "frame_share_percent FROM ai_use WHERE shot_id IN (" + shotsOfPage + ") ORDER BY shot_id, position", ids);
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                uses.computeIfAbsent(uuid(r.getString(2)), k -> new ArrayList<>()).add(AiUseRepository.fromResultSet(r, performers, useDepartments));
            }
        }
        Map<UUID, List<UUID>> shotDepartments = links("SELECT shot_id, department_id FROM shot_department WHERE shot_id IN ("
                + shotsOfPage + ") ORDER BY shot_id, position", ids);
        List<Shot> shots = new ArrayList<>();
        try (PreparedStatement p = bound("SELECT shot.id, shot.scene_id, shot.number, shot.description, shot.size, shot.angle, shot.movement, "
                + "shot.lens, shot.duration_seconds, shot.notes FROM shot JOIN scene ON scene.id = shot.scene_id WHERE shot.scene_id IN (" + in
                + ") ORDER BY scene.position, shot.position", ids);
             ResultSet r = p.executeQuery()) {
            while (r.next()) shots.add(ShotRepository.fromResultSet(r, shotDepartments, uses));
        }
        List<SignOff> signOffs = new ArrayList<>();
        try (PreparedStatement p = bound("SELECT " + SignOffRepository.COLUMNS + " FROM sign_off WHERE shot_id IN (" + shotsOfPage
                + ") ORDER BY signed_at, rowid", ids);
             ResultSet r = p.executeQuery()) {
            while (r.next()) SignOffRepository.fromResultSet(r, file.path()).ifPresent(signOffs::add);
        }
        return new ProductionStore.ScenePage(scenes, shots, signOffs);
    }

    private List<Scene> scenes(int first, int count) throws SQLException {
        // the page's scene ids first: they bound the cast query
        List<String> ids = new ArrayList<>();
        List<Scene> out = new ArrayList<>();
        try (PreparedStatement p = rows.once("SELECT id FROM scene ORDER BY position, rowid LIMIT ? OFFSET ?")) {
            p.setInt(1, count);
            p.setInt(2, first);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) ids.add(r.getString(1));
            }
        }
        if (ids.isEmpty()) return out;
        String in = marks(ids.size());
        Map<UUID, List<UUID>> cast = links("SELECT scene_id, cast_id FROM scene_cast WHERE scene_id IN (" + in + ") ORDER BY scene_id, position", ids);
        try (PreparedStatement p = bound("SELECT id, number, int_ext, setting, time_of_day, synopsis, eighths, story_day, omitted FROM scene "
                + "WHERE id IN (" + in + ") ORDER BY position, rowid", ids);
             ResultSet r = p.executeQuery()) {
            while (r.next()) out.add(SceneRepository.fromResultSet(r, cast));
        }
        return out;
    }

    private Map<UUID, List<UUID>> links(String sql, List<String> ids) throws SQLException {
        Map<UUID, List<UUID>> map = new LinkedHashMap<>();
        try (PreparedStatement p = bound(sql, ids); ResultSet r = p.executeQuery()) {
            while (r.next()) map.computeIfAbsent(UUID.fromString(r.getString(1)), k -> new ArrayList<>()).add(UUID.fromString(r.getString(2)));
        }
        return map;
    }

    /** A statement for one use with {@code ids} bound to its parameters, as many times over as it has them. */
    private PreparedStatement bound(String sql, List<String> ids) throws SQLException {
        PreparedStatement p = rows.once(sql);
        int params = p.getParameterMetaData().getParameterCount();
        for (int i = 0; i < params; i++) p.setString(i + 1, ids.get(i % ids.size()));
        return p;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
