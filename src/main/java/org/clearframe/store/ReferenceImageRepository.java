package org.clearframe.store;

import org.clearframe.model.ReferenceImage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** One reference image per shot, kept in the file. */
final class ReferenceImageRepository {

    private final Rows rows;

    ReferenceImageRepository(Rows rows) {
        this.rows = rows;
    }

    Optional<ReferenceImage> of(UUID shotId) throws SQLException {
        try (PreparedStatement p = rows.once("SELECT media_type, bytes FROM shot_image WHERE shot_id = ?")) {
            p.setString(1, shotId.toString());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new ReferenceImage(r.getString(1), r.getBytes(2))) : Optional.empty();
            }
        }
    }

    /** The shots that have an image: one query, where asking {@link #of} shot by shot costs a statement per shot. */
    java.util.Set<UUID> shots() throws SQLException {
        java.util.Set<UUID> out = new java.util.HashSet<>();
        try (PreparedStatement p = rows.once("SELECT shot_id FROM shot_image"); ResultSet r = p.executeQuery()) {
            while (r.next()) out.add(UUID.fromString(r.getString(1)));
        }
        return out;
    }

    /** Sets or (with null) removes the shot's image. */
    void set(UUID shotId, ReferenceImage image) throws SQLException {
        if (image == null) {
            rows.update("DELETE FROM shot_image WHERE shot_id = ?", shotId.toString());
            return;
        }
        try (PreparedStatement p = rows.once("INSERT OR REPLACE INTO shot_image (shot_id, media_type, bytes) VALUES (?, ?, ?)")) {
            p.setString(1, shotId.toString());
            p.setString(2, image.mediaType());
            p.setBytes(3, image.bytes());
            p.executeUpdate();
        }
    }
}
