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
