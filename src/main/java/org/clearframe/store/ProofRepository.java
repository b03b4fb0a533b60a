package org.clearframe.store;

import org.clearframe.model.SignOff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The evidence behind the sign-offs of one open production: the signed replies exactly as received, one proof row
 * per reason to believe a sign-off, and the ids of sign-offs recorded before proofs were kept. This class stores and
 * returns rows; whether a proof holds is decided above the store, by the loader every reader goes through.
 *
 * <p>Rows here are history: this class only ever inserts, and inserting what is already there changes nothing.
 */
public final class ProofRepository {

    /** A department head's reply file, byte for byte as it was imported. */
    public record StoredReply(UUID id, byte[] bytes, String keyFingerprint, String signer, Instant importedAt) {
        public StoredReply {
            Objects.requireNonNull(id, "id");
            bytes = bytes.clone();
            Objects.requireNonNull(importedAt, "importedAt");
        }

        @Override public byte[] bytes() { return bytes.clone(); }

        @Override public boolean equals(Object o) {
            return o instanceof StoredReply r && id.equals(r.id) && java.util.Arrays.equals(bytes, r.bytes)
                    && keyFingerprint.equals(r.keyFingerprint) && signer.equals(r.signer) && importedAt.equals(r.importedAt);
        }

        @Override public int hashCode() { return id.hashCode(); }

        @Override public String toString() { return "StoredReply[" + id + ", " + bytes.length + " bytes, " + keyFingerprint + "]"; }
    }

    /**
     * One reason to believe sign-off {@code signOffId}. {@code kind} is REPLY (with {@code replyId}) or ATTESTED (with the
     * attesting {@code publicKey} and {@code signature}); {@code basis} says why an attestation was made.
     */
    public record StoredProof(UUID id, UUID signOffId, String kind, UUID replyId, String basis, String publicKey,
                              String keyFingerprint, String signature, Instant recordedAt) {
        public StoredProof {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(signOffId, "signOffId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(recordedAt, "recordedAt");
            basis = basis == null ? "" : basis;
            publicKey = publicKey == null ? "" : publicKey;
            keyFingerprint = keyFingerprint == null ? "" : keyFingerprint;
            signature = signature == null ? "" : signature;
        }
    }

    /**
     * One link of a key's chain of attestation checkpoints: that key's signature over the digests of the attestations
     * it adds ({@code covers}, 32 bytes each), its {@code sequence} in the chain and the hash of the one before
     * ({@code previous}, empty for a chain's first). What it means is decided above the store.
     */
    public record StoredCheckpoint(UUID id, String publicKey, long sequence, String previous, byte[] covers, String signature,
                                   Instant recordedAt) {
        public StoredCheckpoint {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(publicKey, "publicKey");
            previous = previous == null ? "" : previous;
            covers = covers.clone();
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(recordedAt, "recordedAt");
        }

        @Override public byte[] covers() { return covers.clone(); }

        /** How many attestations it covers. */
        public int size() { return covers.length / 32; }

        @Override public boolean equals(Object o) {
            return o instanceof StoredCheckpoint c && id.equals(c.id) && publicKey.equals(c.publicKey) && sequence == c.sequence
                    && previous.equals(c.previous) && java.util.Arrays.equals(covers, c.covers) && signature.equals(c.signature)
                    && recordedAt.equals(c.recordedAt);
        }

        @Override public int hashCode() { return id.hashCode(); }

        @Override public String toString() { return "StoredCheckpoint[" + id + ", #" + sequence + ", " + size() + " covered]"; }
    }

    /**
     * How a writer extends its key's chain of checkpoints: given the checkpoints of {@link #publicKey} already in the
     * file (oldest first), the one to add. Called inside the write transaction that records the attestations.
     */
    public interface Seal {
        String publicKey();

        StoredCheckpoint after(List<StoredCheckpoint> chain);
    }

    /** Everything the file holds as evidence. */
    public record Evidence(List<StoredReply> replies, List<StoredProof> proofs, Set<UUID> beforeProofs, List<StoredCheckpoint> checkpoints) {
        public Evidence {
            replies = List.copyOf(replies);
            proofs = List.copyOf(proofs);
            beforeProofs = Set.copyOf(beforeProofs);
            checkpoints = List.copyOf(checkpoints);
        }

        /** Evidence without checkpoints (a file or project JSON from before they were kept). */
        public Evidence(List<StoredReply> replies, List<StoredProof> proofs, Set<UUID> beforeProofs) {
            this(replies, proofs, beforeProofs, List.of());
        }

        public static final Evidence NONE = new Evidence(List.of(), List.of(), Set.of());
    }

    /** Work on the store's connection, run inside one of its read or write transactions. */
    @FunctionalInterface
    interface Sql<T> {
        T run(Connection c) throws SQLException;
    }

    private final ProductionStore store;

    ProofRepository(ProductionStore store) {
        this.store = store;
    }

    /** Every reply, proof and before-proofs id in the file. A file without these tables (an older format) has none. */
    public Evidence evidence() throws StoreException {
        return store.readForProofs(c -> {
            if (!hasTable(c, "sign_off_proof")) return Evidence.NONE;
            List<StoredReply> replies = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT id, bytes, key_fingerprint, signer, imported_at FROM signed_reply ORDER BY imported_at, rowid")) {
                while (r.next()) {
                    UUID id = uuidOrNull(r.getString(1));
                    Instant at = instantOrNull(r.getString(5));
                    byte[] bytes = r.getBytes(2);
                    if (id == null || at == null || bytes == null) continue; // unreadable row: it can prove nothing
                    replies.add(new StoredReply(id, bytes, text(r.getString(3)), text(r.getString(4)), at));
                }
            }
            List<StoredProof> proofs = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, sign_off_id, kind, reply_id, basis, public_key, "
                    + "key_fingerprint, signature, recorded_at FROM sign_off_proof ORDER BY recorded_at, rowid")) {
                while (r.next()) {
                    UUID id = uuidOrNull(r.getString(1)), signOff = uuidOrNull(r.getString(2));
                    Instant at = instantOrNull(r.getString(9));
                    if (id == null || signOff == null || at == null || r.getString(3) == null) continue;
                    proofs.add(new StoredProof(id, signOff, r.getString(3), uuidOrNull(r.getString(4)), r.getString(5), r.getString(6),
                            r.getString(7), r.getString(8), at));
                }
            }
            Set<UUID> before = new HashSet<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT sign_off_id FROM sign_off_before_proofs")) {
                while (r.next()) {
                    UUID id = uuidOrNull(r.getString(1));
                    if (id != null) before.add(id);
                }
            }
            return new Evidence(replies, proofs, before, hasTable(c, "attestation_checkpoint") ? checkpoints(c, null) : List.of());
        });
    }

    /** Every attestation checkpoint in the file, oldest first (none in a file from before they were kept). */
    public List<StoredCheckpoint> checkpoints() throws StoreException {
        return store.readForProofs(c -> hasTable(c, "attestation_checkpoint") ? checkpoints(c, null) : List.of());
    }

    /** The checkpoints in the file (of {@code publicKey} only, unless null), oldest first; unreadable rows are left out. */
    private static List<StoredCheckpoint> checkpoints(Connection c, String publicKey) throws SQLException {
        List<StoredCheckpoint> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, public_key, sequence, previous, covers, signature, recorded_at "
                + "FROM attestation_checkpoint" + (publicKey == null ? "" : " WHERE public_key = ?") + " ORDER BY sequence, rowid")) {
            if (publicKey != null) p.setString(1, publicKey);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    UUID id = uuidOrNull(r.getString(1));
                    Instant at = instantOrNull(r.getString(7));
                    byte[] covers = r.getBytes(5);
                    if (id == null || at == null || covers == null || r.getString(2) == null || r.getString(6) == null) continue;
                    out.add(new StoredCheckpoint(id, r.getString(2), r.getLong(3), r.getString(4), covers, r.getString(6), at));
                }
            }
        }
        return out;
    }

    /**
     * The evidence that bears on {@code signOffIds} only: their proofs, the replies those proofs cite and which of them
     * were recorded before proofs were kept. For a reader that proves a production a page of scenes at a time.
     */
    public Evidence evidenceFor(Collection<UUID> signOffIds) throws StoreException {
        if (signOffIds.isEmpty()) return Evidence.NONE;
        return store.readForProofs(c -> {
            if (!hasTable(c, "sign_off_proof")) return Evidence.NONE;
            List<OrderedProof> found = new ArrayList<>();
            Set<UUID> before = new HashSet<>();
            Set<UUID> cited = new java.util.LinkedHashSet<>();
            List<UUID> ids = List.copyOf(signOffIds);
            for (int from = 0; from < ids.size(); from += IN_LIST) {
                List<UUID> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
                try (PreparedStatement p = c.prepareStatement("SELECT id, sign_off_id, kind, reply_id, basis, public_key, key_fingerprint, "
                        + "signature, recorded_at, rowid FROM sign_off_proof WHERE sign_off_id IN (" + marks(part.size()) + ")")) {
                    bind(p, part);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            UUID id = uuidOrNull(r.getString(1)), signOff = uuidOrNull(r.getString(2));
                            Instant at = instantOrNull(r.getString(9));
                            if (id == null || signOff == null || at == null || r.getString(3) == null) continue;
                            StoredProof proof = new StoredProof(id, signOff, r.getString(3), uuidOrNull(r.getString(4)), r.getString(5),
                                    r.getString(6), r.getString(7), r.getString(8), at);
                            found.add(new OrderedProof(r.getString(9), r.getLong(10), proof));
                            if (proof.replyId() != null) cited.add(proof.replyId());
                        }
                    }
                }
                try (PreparedStatement p = c.prepareStatement("SELECT sign_off_id FROM sign_off_before_proofs WHERE sign_off_id IN ("
                        + marks(part.size()) + ")")) {
                    bind(p, part);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            UUID id = uuidOrNull(r.getString(1));
                            if (id != null) before.add(id);
                        }
                    }
                }
            }
            List<StoredReply> replies = new ArrayList<>();
            List<UUID> wanted = List.copyOf(cited);
            for (int from = 0; from < wanted.size(); from += IN_LIST) {
                List<UUID> part = wanted.subList(from, Math.min(wanted.size(), from + IN_LIST));
                try (PreparedStatement p = c.prepareStatement("SELECT id, bytes, key_fingerprint, signer, imported_at FROM signed_reply WHERE id IN ("
                        + marks(part.size()) + ") ORDER BY imported_at, rowid")) {
                    bind(p, part);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            UUID id = uuidOrNull(r.getString(1));
                            Instant at = instantOrNull(r.getString(5));
                            byte[] bytes = r.getBytes(2);
                            if (id == null || at == null || bytes == null) continue;
                            replies.add(new StoredReply(id, bytes, text(r.getString(3)), text(r.getString(4)), at));
                        }
                    }
                }
            }
            // proofs in the order evidence() gives them, across the parts: its ORDER BY recorded_at, rowid compares the
            // stored text, which is not always the instants' order (Instant.toString drops trailing zeros)
            found.sort(java.util.Comparator.comparing(OrderedProof::recordedAt).thenComparingLong(OrderedProof::rowid));
            return new Evidence(replies, found.stream().map(OrderedProof::proof).toList(), before);
        });
    }

    /** A proof with the stored text and rowid that evidence() orders proofs by. */
    private record OrderedProof(String recordedAt, long rowid, StoredProof proof) {}

    /** Ids bound per statement: well under SQLite's limit on parameters. */
    private static final int IN_LIST = 500;

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement p, List<UUID> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) p.setString(i + 1, ids.get(i).toString());
    }

    /**
     * Records sign-offs with their evidence in one transaction, all or nothing: the replies (each once), the
     * sign-offs not yet in the file, every proof not yet recorded, and the ids to mark as recorded before proofs were
     * kept. Returns how many sign-off rows were added.
     */
    public int record(Collection<StoredReply> replies, Collection<SignOff> signOffs, Collection<StoredProof> proofs,
                      Collection<UUID> beforeProofs) throws StoreException {
        return record(replies, signOffs, proofs, beforeProofs, List.of(), null);
    }

    /**
     * As {@link #record(Collection, Collection, Collection, Collection)}, in the same transaction also adding
     * {@code checkpoints} as they are (an import) and, with a {@code seal}, the next checkpoint of the sealing key.
     */
    public int record(Collection<StoredReply> replies, Collection<SignOff> signOffs, Collection<StoredProof> proofs,
                      Collection<UUID> beforeProofs, Collection<StoredCheckpoint> checkpoints, Seal seal) throws StoreException {
        return store.writeForProofs(c -> {
            for (StoredReply reply : replies) {
                try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO signed_reply (id, bytes, key_fingerprint, signer, imported_at) "
                        + "VALUES (?, ?, ?, ?, ?)")) {
                    p.setString(1, reply.id().toString());
                    p.setBytes(2, reply.bytes());
                    p.setString(3, reply.keyFingerprint());
                    p.setString(4, reply.signer());
                    p.setString(5, reply.importedAt().toString());
                    p.executeUpdate();
                }
            }
            int added = 0;
            for (SignOff s : signOffs) {
                if (store.hasSignOffForProofs(s.id())) continue;
                store.insertSignOffForProofs(s);
                added++;
            }
            try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO sign_off_proof (id, sign_off_id, kind, reply_id, basis, public_key, "
                    + "key_fingerprint, signature, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (StoredProof proof : proofs) {
                    p.setString(1, proof.id().toString());
                    p.setString(2, proof.signOffId().toString());
                    p.setString(3, proof.kind());
                    p.setString(4, proof.replyId() == null ? null : proof.replyId().toString());
                    p.setString(5, proof.basis());
                    p.setString(6, proof.publicKey());
                    p.setString(7, proof.keyFingerprint());
                    p.setString(8, proof.signature());
                    p.setString(9, proof.recordedAt().toString());
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO sign_off_before_proofs (sign_off_id) VALUES (?)")) {
                for (UUID id : beforeProofs) {
                    p.setString(1, id.toString());
                    p.executeUpdate();
                }
            }
            List<StoredCheckpoint> adding = new ArrayList<>(checkpoints);
            if (seal != null) adding.add(seal.after(checkpoints(c, seal.publicKey())));
            try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO attestation_checkpoint (id, public_key, sequence, previous, "
                    + "covers, signature, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (StoredCheckpoint k : adding) {
                    p.setString(1, k.id().toString());
                    p.setString(2, k.publicKey());
                    p.setLong(3, k.sequence());
                    p.setString(4, k.previous());
                    p.setBytes(5, k.covers());
                    p.setString(6, k.signature());
                    p.setString(7, k.recordedAt().toString());
                    p.executeUpdate();
                }
            }
            return added;
        });
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static UUID uuidOrNull(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instantOrNull(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
