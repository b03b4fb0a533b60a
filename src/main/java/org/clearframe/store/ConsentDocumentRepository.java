package org.clearframe.store;

import org.clearframe.Sha256;
import org.clearframe.model.ConsentDocument;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.clearframe.store.Columns.uuid;

/** Signed consent documents, kept inside the production byte for byte, with their size and SHA-256. */
final class ConsentDocumentRepository {

    private final Rows rows;

    ConsentDocumentRepository(Rows rows) {
        this.rows = rows;
    }

    /** The attached documents, without their bytes. */
    List<ConsentDocument> all() throws SQLException {
        List<ConsentDocument> out = new ArrayList<>();
        try (ResultSet r = rows.query("SELECT id, file_name, media_type, size, sha256, attached_at FROM consent_document ORDER BY attached_at, rowid")) {
            while (r.next()) out.add(fromResultSet(r));
        }
        return out;
    }

    Optional<byte[]> bytes(UUID id) throws SQLException {
        try (PreparedStatement p = rows.once("SELECT bytes FROM consent_document WHERE id = ?")) {
            p.setString(1, id.toString());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        }
    }

    boolean exists(UUID id) throws SQLException {
        return rows.exists("consent_document", id);
    }

    ConsentDocument insert(UUID id, String fileName, String mediaType, byte[] bytes, Instant at) throws SQLException {
        ConsentDocument doc = new ConsentDocument(id, fileName, mediaType, bytes.length, Sha256.hex(bytes), at);
        try (PreparedStatement p = rows.once("INSERT INTO consent_document (id, file_name, media_type, size, sha256, bytes, attached_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bind(p, doc, bytes);
            p.executeUpdate();
        }
        return doc;
    }

    static ConsentDocument fromResultSet(ResultSet r) throws SQLException {
        return new ConsentDocument(uuid(r.getString(1)), r.getString(2), r.getString(3), r.getLong(4), r.getString(5), Instant.parse(r.getString(6)));
    }

    static void bind(PreparedStatement p, ConsentDocument doc, byte[] bytes) throws SQLException {
        p.setString(1, doc.id().toString());
        p.setString(2, doc.fileName());
        p.setString(3, doc.mediaType());
        p.setLong(4, doc.size());
        p.setString(5, doc.sha256());
        p.setBytes(6, bytes);
        p.setString(7, doc.attachedAt().toString());
    }
}
