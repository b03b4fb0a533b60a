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

    /** Keeps the shot's content when {@code s} was signed for the shot as it stands now (a fresh sign-off). */
    static void keepFor(Connection c, SignOff s) throws SQLException {
        Optional<ShotContent> now = current(c, s.shotId());
        if (now.isPresent() && now.get().fingerprint().equals(s.fingerprint())) keep(c, now.get());
    }

    static void keep(Connection c, ShotContent content) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO signed_content (fingerprint, content) VALUES (?, ?)")) {
            p.setString(1, content.fingerprint());
            p.setString(2, content.encode());
            p.executeUpdate();
        }
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
    private static Optional<ShotContent> current(Connection c, UUID shotId) throws SQLException {
        String description;
        try (PreparedStatement p = c.prepareStatement("SELECT description FROM shot WHERE id = ?")) {
            p.setString(1, shotId.toString());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) return Optional.empty();
                description = r.getString(1);
            }
        }
        List<AiUse> uses = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, technique, purpose, tool, output, uploads, vendor_trains, factors, notes "
                + "FROM ai_use WHERE shot_id = ? ORDER BY position")) {
            p.setString(1, shotId.toString());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String id = r.getString(1);
                    uses.add(new AiUse(UUID.fromString(id), Labelled.parse(Technique.class, r.getString(2), Technique.OTHER), r.getString(3),
                            r.getString(4), Labelled.parse(Output.class, r.getString(5), Output.TEMPORARY), links(c, "ai_use_performer", "cast_id", id),
                            links(c, "ai_use_department", "department_id", id), names(Material.class, r.getString(6)),
                            Labelled.parse(Tristate.class, r.getString(7), Tristate.UNKNOWN), names(Factor.class, r.getString(8)), r.getString(9)));
                }
            }
        }
        return Optional.of(new ShotContent(shotId, description, uses));
    }

    private static List<UUID> links(Connection c, String table, String column, String useId) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE ai_use_id = ? ORDER BY position")) {
            p.setString(1, useId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) ids.add(UUID.fromString(r.getString(1)));
            }
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
