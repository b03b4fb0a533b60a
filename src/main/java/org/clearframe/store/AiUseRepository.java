package org.clearframe.store;

import org.clearframe.model.AiUse;
import org.clearframe.model.Factor;
import org.clearframe.model.Labelled;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.clearframe.store.Columns.enumSet;
import static org.clearframe.store.Columns.frameShare;
import static org.clearframe.store.Columns.names;
import static org.clearframe.store.Columns.uuid;

/** The AI uses planned in each shot, with the performers and departments each one involves. A shot owns its uses whole. */
final class AiUseRepository {

    private static final String INSERT = "INSERT INTO ai_use (id, shot_id, position, technique, purpose, tool, output, uploads, "
            + "vendor_trains, factors, notes, frame_share_percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Rows rows;

    AiUseRepository(Rows rows) {
        this.rows = rows;
    }

    /** Every AI use, by the shot it belongs to, in the shot's order. */
    Map<UUID, List<AiUse>> byShot() throws SQLException {
        Map<UUID, List<UUID>> performers = rows.links("SELECT ai_use_id, cast_id FROM ai_use_performer ORDER BY ai_use_id, position");
        Map<UUID, List<UUID>> departments = rows.links("SELECT ai_use_id, department_id FROM ai_use_department ORDER BY ai_use_id, position");
        Map<UUID, List<AiUse>> uses = new HashMap<>();
        try (ResultSet r = rows.query("SELECT id, shot_id, technique, purpose, tool, output, uploads, vendor_trains, factors, notes, "
                + "frame_share_percent FROM ai_use ORDER BY shot_id, position")) {
            while (r.next()) uses.computeIfAbsent(uuid(r.getString(2)), k -> new ArrayList<>()).add(fromResultSet(r, performers, departments));
        }
        return uses;
    }

    /** Replaces the shot's AI uses with {@code uses}, in that order. */
    void replace(UUID shotId, List<AiUse> uses) throws SQLException {
        rows.update("DELETE FROM ai_use WHERE shot_id = ?", shotId.toString());
        int i = 0;
        for (AiUse u : uses) {
            PreparedStatement p = rows.prepared(INSERT);
            bind(p, u, shotId, i++);
            p.executeUpdate();
            rows.replaceLinks("ai_use_performer", "ai_use_id", "cast_id", u.id(), u.performerIds());
            rows.replaceLinks("ai_use_department", "ai_use_id", "department_id", u.id(), u.departmentIds());
        }
    }

    /**
     * As {@link #replace}, for a shot just created in a new file: it has no uses, and a use's id that is already in
     * the file fails the insert (as it fails {@link #replace}), so there is nothing to remove first.
     */
    void insertNew(UUID shotId, List<AiUse> uses) throws SQLException {
        int i = 0;
        for (AiUse u : uses) {
            PreparedStatement p = rows.prepared(INSERT);
            bind(p, u, shotId, i++);
            p.executeUpdate();
            rows.insertLinks("ai_use_performer", "ai_use_id", "cast_id", u.id(), u.performerIds());
            rows.insertLinks("ai_use_department", "ai_use_id", "department_id", u.id(), u.departmentIds());
        }
    }

    static AiUse fromResultSet(ResultSet r, Map<UUID, List<UUID>> performers, Map<UUID, List<UUID>> departments) throws SQLException {
        UUID id = uuid(r.getString(1));
        return new AiUse(id, Labelled.parse(Technique.class, r.getString(3), Technique.OTHER), r.getString(4), r.getString(5),
                Labelled.parse(Output.class, r.getString(6), Output.TEMPORARY), performers.getOrDefault(id, List.of()),
                departments.getOrDefault(id, List.of()), enumSet(Material.class, r.getString(7)),
                Labelled.parse(Tristate.class, r.getString(8), Tristate.UNKNOWN), enumSet(Factor.class, r.getString(9)), r.getString(10),
                frameShare(r.getObject(11)));
    }

    static void bind(PreparedStatement p, AiUse u, UUID shotId, int position) throws SQLException {
        Rows.set(p, u.id().toString(), shotId.toString(), position, u.technique().name(), u.purpose(), u.tool(), u.output().name(),
                names(u.uploads()), u.vendorTrains().name(), names(u.factors()), u.notes(), u.frameSharePercent());
    }
}
