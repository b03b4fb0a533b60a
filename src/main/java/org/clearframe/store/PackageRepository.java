package org.clearframe.store;

import org.clearframe.model.Labelled;
import org.clearframe.model.Role;
import org.clearframe.model.SentPackage;
import org.clearframe.model.Shot;
import org.clearframe.rules.ShotContent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.clearframe.store.ScheduleRepository.run;
import static org.clearframe.store.ScheduleRepository.uuid;

/**
 * The packages shared from an open production (V8) with the replies linked to them, and the content sign-offs were
 * given for. History: rows are only ever added (triggers in the file refuse changing or deleting a package or a link).
 */
public final class PackageRepository {

    private final ProductionStore store;

    PackageRepository(ProductionStore store) {
        this.store = store;
    }

    /**
     * Records a package as it was written, with the content of each shot it showed (what a reply to it signs for), in one
     * transaction. Recording the same package id twice is refused.
     */
    public void record(SentPackage p, Collection<Shot> shown) throws StoreException {
        store.writeForProofs(c -> {
            run(c, "INSERT INTO shared_package (id, audience_kind, audience, performer_id, representative, sent_at, file_name, sha256) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", p.id().toString(), p.audienceKind().name(), p.audience(),
                    p.performerId() == null ? null : p.performerId().toString(), p.representative(), p.sentAt().toString(), p.fileName(), p.sha256());
            int i = 0;
            for (Map.Entry<UUID, String> e : p.shots().entrySet()) {
                run(c, "INSERT INTO shared_package_shot (package_id, position, shot_id, fingerprint) VALUES (?, ?, ?, ?)",
                        p.id().toString(), i++, e.getKey().toString(), e.getValue());
            }
            i = 0;
            for (SentPackage.Asked a : p.asked()) {
                run(c, "INSERT INTO shared_package_signature (package_id, position, shot_id, rule_id, role, subject_id, subject_name) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)", p.id().toString(), i++, a.shotId().toString(), a.ruleId(), a.role().name(),
                        a.subjectId() == null ? null : a.subjectId().toString(), a.subjectName());
            }
            for (Shot s : shown) SignedContents.keep(c, s);
            for (SentPackage.Answer a : p.replies()) insertAnswer(c, p.id(), a);
            return null;
        });
    }

    /**
     * Links an imported reply to the package it answers. Returns false, changing nothing, when no package with that id was
     * recorded here (shared before packages were recorded, or from another copy of the production) or the reply is
     * already linked.
     */
    public boolean linkReply(UUID packageId, SentPackage.Answer answer) throws StoreException {
        return store.writeForProofs(c -> {
            if (!exists(c, "SELECT 1 FROM shared_package WHERE id = ?", packageId.toString())) return false;
            if (exists(c, "SELECT 1 FROM package_reply WHERE reply_id = ?", answer.replyId().toString())) return false;
            insertAnswer(c, packageId, answer);
            return true;
        });
    }

    /** Every package recorded, oldest first, with its replies. Rows a reader cannot read are left out. */
    public List<SentPackage> all() throws StoreException {
        return store.readForProofs(c -> {
            Map<UUID, Map<UUID, String>> shots = new LinkedHashMap<>();
            Map<UUID, List<SentPackage.Asked>> asked = new LinkedHashMap<>();
            Map<UUID, List<SentPackage.Answer>> answers = new LinkedHashMap<>();
            try (Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT package_id, shot_id, fingerprint FROM shared_package_shot ORDER BY package_id, position")) {
                    while (r.next()) {
                        UUID p = uuid(r.getString(1)), shot = uuid(r.getString(2));
                        if (p != null && shot != null) shots.computeIfAbsent(p, k -> new LinkedHashMap<>()).put(shot, r.getString(3));
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT package_id, shot_id, rule_id, role, subject_id, subject_name FROM shared_package_signature "
                        + "ORDER BY package_id, position")) {
                    while (r.next()) {
                        UUID p = uuid(r.getString(1)), shot = uuid(r.getString(2));
                        Role role = Labelled.parse(Role.class, r.getString(4), null);
                        if (p == null || shot == null || role == null || r.getString(3) == null) continue;
                        asked.computeIfAbsent(p, k -> new ArrayList<>())
                                .add(new SentPackage.Asked(shot, r.getString(3), role, uuid(r.getString(5)), r.getString(6)));
                    }
                }
                // A reply whose import the producer undid answers nothing until it is redone (its link stays, as history).
                java.util.Set<UUID> withdrawn = WithdrawalRepository.withdrawnReplies(c);
                try (ResultSet r = s.executeQuery("SELECT package_id, reply_id, signer, imported_at, answered FROM package_reply ORDER BY imported_at, rowid")) {
                    while (r.next()) {
                        UUID p = uuid(r.getString(1)), reply = uuid(r.getString(2));
                        Instant at = instant(r.getString(4));
                        if (p == null || reply == null || at == null || withdrawn.contains(reply)) continue;
                        String answered = r.getString(5) == null ? "" : r.getString(5);
                        answers.computeIfAbsent(p, k -> new ArrayList<>()).add(new SentPackage.Answer(reply, r.getString(3), at,
                                answered.isEmpty() ? List.of() : Arrays.asList(answered.split("\n"))));
                    }
                }
                List<SentPackage> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery("SELECT id, audience_kind, audience, performer_id, representative, sent_at, file_name, sha256 "
                        + "FROM shared_package ORDER BY sent_at, rowid")) {
                    while (r.next()) {
                        UUID id = uuid(r.getString(1));
                        SentPackage.AudienceKind kind = Labelled.parse(SentPackage.AudienceKind.class, r.getString(2), null);
                        Instant at = instant(r.getString(6));
                        if (id == null || kind == null || at == null) continue;
                        out.add(new SentPackage(id, kind, r.getString(3), uuid(r.getString(4)), r.getString(5), at, r.getString(7), r.getString(8),
                                shots.getOrDefault(id, Map.of()), asked.getOrDefault(id, List.of()), answers.getOrDefault(id, List.of())));
                    }
                }
                return out;
            }
        });
    }

    /** The content each of {@code fingerprints} was signed for, where it is kept and still hashes to its fingerprint. */
    public Map<String, ShotContent> signedContents(Collection<String> fingerprints) throws StoreException {
        return store.readForProofs(c -> SignedContents.find(c, fingerprints));
    }

    /** Every signed content kept (for export). */
    public List<ShotContent> allSignedContents() throws StoreException {
        return store.readForProofs(SignedContents::all);
    }

    /** Keeps signed contents brought from elsewhere (an imported project file); each is keyed by its own fingerprint. */
    public void keepSignedContents(Collection<ShotContent> contents) throws StoreException {
        store.writeForProofs(c -> {
            for (ShotContent content : contents) SignedContents.keep(c, content);
            return null;
        });
    }

    private static void insertAnswer(Connection c, UUID packageId, SentPackage.Answer a) throws SQLException {
        run(c, "INSERT OR IGNORE INTO package_reply (reply_id, package_id, signer, imported_at, answered) VALUES (?, ?, ?, ?, ?)",
                a.replyId().toString(), packageId.toString(), a.signer(), a.importedAt().toString(), String.join("\n", a.answered()));
    }

    private static boolean exists(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
