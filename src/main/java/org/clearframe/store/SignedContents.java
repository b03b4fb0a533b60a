package org.clearframe.store;

import org.clearframe.model.AiUse;
import org.clearframe.model.Factor;
import org.clearframe.model.Labelled;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.rules.ShotContent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The content each sign-off was given for (V8 {@code signed_content}), kept under its fingerprint, so a stale sign-off
 * can say what changed since. Kept when a sign-off is recorded against the shot as it is, and when a package is shared
 * (a reply answers the shots as the package showed them). Rows are only ever added.
 */
final class SignedContents {

    private SignedContents() {}

    private static final String KEEP = "INSERT OR IGNORE INTO signed_content (fingerprint, content) VALUES (?, ?)";
    private static final String DESCRIPTION = "SELECT description FROM shot WHERE id = ?";
    private static final String USES = "SELECT id, technique, purpose, tool, output, uploads, vendor_trains, factors, notes "
            + "FROM ai_use WHERE shot_id = ? ORDER BY position";
    private static final String PERFORMERS = "SELECT cast_id FROM ai_use_performer WHERE ai_use_id = ? ORDER BY position";
    private static final String DEPARTMENTS = "SELECT department_id FROM ai_use_department WHERE ai_use_id = ? ORDER BY position";

    /**
     * Keeps the shot's content when {@code s} was signed for the shot as it stands now (a fresh sign-off), through the
     * statements the file keeps prepared: an import records thousands of sign-offs, and preparing was most of the cost.
     */
    static void keepFor(Rows rows, SignOff s) throws SQLException {
        Optional<ShotContent> now = current(rows::prepared, s.shotId());
        if (now.isPresent() && now.get().fingerprint().equals(s.fingerprint())) keep(rows.prepared(KEEP), now.get());
    }

    static void keep(Connection c, ShotContent content) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(KEEP)) {
            keep(p, content);
        }
    }

    private static void keep(PreparedStatement p, ShotContent content) throws SQLException {
        p.setString(1, content.fingerprint());
        p.setString(2, content.encode());
        p.executeUpdate();
    }

    /** A statement the file keeps prepared: used, never closed, by the caller. */
    private interface Kept {
        PreparedStatement get(String sql) throws SQLException;
    }

    static void keep(Connection c, Shot shot) throws SQLException {
        keep(c, ShotContent.of(shot));
    }

    /** The content kept under each of {@code fingerprints} that is there and still hashes to its key. */
    static Map<String, ShotContent> find(Connection c, Iterable<String> fingerprints) throws SQLException {
        Map<String, ShotContent> out = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT content FROM signed_content WHERE fingerprint = ?")) {
            for (String f : fingerprints) {
                if (f == null || out.containsKey(f)) continue;
                p.setString(1, f);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) ShotContent.decode(r.getString(1), f).ifPresent(content -> out.put(f, content));
                }
            }
        }
        return out;
    }

    /** Every kept content that still hashes to its key, in fingerprint order (for export). */
    static List<ShotContent> all(Connection c) throws SQLException {
        List<ShotContent> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT fingerprint, content FROM signed_content ORDER BY fingerprint");
             ResultSet r = p.executeQuery()) {
            while (r.next()) ShotContent.decode(r.getString(2), r.getString(1)).ifPresent(out::add);
        }
        return out;
    }

    /** The shot's AI-relevant content as the file holds it now, or empty when there is no such shot. */
    private static Optional<ShotContent> current(Kept kept, UUID shotId) throws SQLException {
        String description;
        PreparedStatement shot = kept.get(DESCRIPTION);
        shot.setString(1, shotId.toString());
        try (ResultSet r = shot.executeQuery()) {
            if (!r.next()) return Optional.empty();
            description = r.getString(1);
        }
        // the uses first, then their links: one statement's rows are read to the end before the next runs
        record Row(String id, String technique, String purpose, String tool, String output, String uploads, String vendorTrains,
                   String factors, String notes) {}
        List<Row> rows = new ArrayList<>();
        PreparedStatement p = kept.get(USES);
        p.setString(1, shotId.toString());
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                        r.getString(7), r.getString(8), r.getString(9)));
            }
        }
        List<AiUse> uses = new ArrayList<>();
        for (Row u : rows) {
            uses.add(new AiUse(UUID.fromString(u.id()), Labelled.parse(Technique.class, u.technique(), Technique.OTHER), u.purpose(),
                    u.tool(), Labelled.parse(Output.class, u.output(), Output.TEMPORARY), links(kept.get(PERFORMERS), u.id()),
                    links(kept.get(DEPARTMENTS), u.id()), names(Material.class, u.uploads()),
                    Labelled.parse(Tristate.class, u.vendorTrains(), Tristate.UNKNOWN), names(Factor.class, u.factors()), u.notes()));
        }
        return Optional.of(new ShotContent(shotId, description, uses));
    }

    private static List<UUID> links(PreparedStatement p, String useId) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        p.setString(1, useId);
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) ids.add(UUID.fromString(r.getString(1)));
        }
        return ids;
    }

    /** The store's comma-separated enum names; unknown names are skipped, as the loader skips them. */
    private static <E extends Enum<E>> Set<E> names(Class<E> type, String csv) {
        Set<E> out = EnumSet.noneOf(type);
        if (csv == null || csv.isBlank()) return out;
        Arrays.stream(csv.split(",")).map(String::strip).map(n -> Labelled.parse(type, n, null)).filter(v -> v != null).forEach(out::add);
        return out;
    }
}
