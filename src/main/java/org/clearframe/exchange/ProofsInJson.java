package org.clearframe.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.model.ProductionData;
import org.clearframe.model.ReferenceImage;
import org.clearframe.model.SignOff;
import org.clearframe.store.ProofRepository.Evidence;
import org.clearframe.store.ProofRepository.StoredCheckpoint;
import org.clearframe.store.ProofRepository.StoredProof;
import org.clearframe.store.ProofRepository.StoredReply;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;

/**
 * The evidence behind the sign-offs in a project JSON file (schema version 2): the signed replies as base64 of
 * their exact bytes, the proofs, and the ids of sign-offs recorded before proofs were kept. An import checks every
 * sign-off with the same rules as {@link SignedRecord}; one that does not hold refuses the whole file.
 */
final class ProofsInJson {

    private static final System.Logger LOG = System.getLogger(ProofsInJson.class.getName());

    private ProofsInJson() {}

    /**
     * What an export carries: the proven sign-offs with their proofs, and the ones recorded before proofs were kept
     * (marked so). Sign-offs with no valid proof are left out: they do not count here, and must not start to elsewhere.
     */
    static ProjectJson.Contents exportable(SignedRecord record, Evidence evidence, Map<UUID, ReferenceImage> images) {
        List<SignOff> signOffs = new ArrayList<>(record.data().signOffs());
        for (SignedRecord.Ignored i : record.ignored()) {
            // Earlier sign-offs, and proven ones this machine does not vouch for, travel with their evidence. Withdrawn ones
            // stay behind: the withdrawal does not travel, and they must not start to count in the file made from this one.
            if (i.why() != SignedRecord.Why.NO_VALID_PROOF && i.why() != SignedRecord.Why.WITHDRAWN) signOffs.add(i.signOff());
            else LOG.log(System.Logger.Level.WARNING, "Left out of the export: {0}", i.describe());
        }
        signOffs.sort(Comparator.comparing(SignOff::signedAt));
        Set<UUID> ids = new HashSet<>();
        signOffs.forEach(s -> ids.add(s.id()));
        List<StoredProof> proofs = evidence.proofs().stream().filter(p -> ids.contains(p.signOffId())).toList();
        Set<UUID> cited = new HashSet<>();
        proofs.forEach(p -> { if (p.replyId() != null) cited.add(p.replyId()); });
        List<StoredReply> replies = evidence.replies().stream().filter(r -> cited.contains(r.id())).toList();
        Set<UUID> before = new HashSet<>(evidence.beforeProofs());
        before.retainAll(ids);
        ProductionData d = record.data();
        ProductionData data = d.withSignOffs(signOffs);
        // checkpoints travel whole: they vouch for attestations by digest, and one not needed here covers nothing here
        return new ProjectJson.Contents(data, images, new Evidence(replies, proofs, before, evidence.checkpoints()));
    }

    static void write(Evidence evidence, ObjectNode root) {
        ArrayNode replies = root.putArray("signedReplies");
        for (StoredReply r : evidence.replies()) {
            ObjectNode o = replies.addObject();
            o.put("id", r.id().toString());
            o.put("signer", r.signer());
            o.put("keyFingerprint", r.keyFingerprint());
            o.put("importedAt", r.importedAt().toString());
            o.put("bytes", Base64.getEncoder().encodeToString(r.bytes()));
        }
        ArrayNode proofs = root.putArray("signOffProofs");
        for (StoredProof p : evidence.proofs()) {
            ObjectNode o = proofs.addObject();
            o.put("id", p.id().toString());
            o.put("signOffId", p.signOffId().toString());
            o.put("kind", p.kind());
            if (p.replyId() == null) o.putNull("replyId");
            else o.put("replyId", p.replyId().toString());
            o.put("basis", p.basis());
            o.put("publicKey", p.publicKey());
            o.put("keyFingerprint", p.keyFingerprint());
            o.put("signature", p.signature());
            o.put("recordedAt", p.recordedAt().toString());
        }
        ArrayNode before = root.putArray("signOffsBeforeProofs");
        evidence.beforeProofs().stream().map(UUID::toString).sorted().forEach(before::add);
        ArrayNode checkpoints = root.putArray("attestationCheckpoints");
        for (StoredCheckpoint c : evidence.checkpoints()) {
            checkpoints.addObject().put("id", c.id().toString()).put("publicKey", c.publicKey()).put("sequence", c.sequence())
                    .put("previous", c.previous()).put("covers", Base64.getEncoder().encodeToString(c.covers()))
                    .put("signature", c.signature()).put("recordedAt", c.recordedAt().toString());
        }
    }

    /**
     * The evidence in {@code root}. A version 1 file predates proofs: all its sign-offs are recorded before proofs
     * were kept (they import, and count once the producer attests them).
     */
    static Evidence read(JsonIn root, ProductionData data) throws ExchangeException {
        if (root.integer("schemaVersion") < 2) {
            Set<UUID> all = new HashSet<>();
            data.signOffs().forEach(s -> all.add(s.id()));
            return new Evidence(List.of(), List.of(), all);
        }
        Set<UUID> signOffs = new HashSet<>();
        data.signOffs().forEach(s -> signOffs.add(s.id()));
        List<StoredReply> replies = new ArrayList<>();
        Set<UUID> replyIds = new HashSet<>();
        for (JsonIn r : root.objects("signedReplies")) {
            StoredReply reply = new StoredReply(r.uuid("id"), r.base64("bytes"), r.textOr("keyFingerprint"), r.textOr("signer"), r.instant("importedAt"));
            if (!replyIds.add(reply.id())) throw duplicate(r, "signed reply", reply.id());
            replies.add(reply);
        }
        List<StoredProof> proofs = new ArrayList<>();
        Set<UUID> proofIds = new HashSet<>();
        for (JsonIn p : root.objects("signOffProofs")) {
            StoredProof proof = new StoredProof(p.uuid("id"), p.uuid("signOffId"), p.nonBlank("kind", 20), p.uuidOrNull("replyId"), p.textOr("basis"),
                    p.textOr("publicKey"), p.textOr("keyFingerprint"), p.textOr("signature"), p.instant("recordedAt"));
            if (!proofIds.add(proof.id())) throw duplicate(p, "proof", proof.id());
            if (!signOffs.contains(proof.signOffId())) throw p.invalid("signOffId", "names sign-off " + proof.signOffId() + ", which is not in the file.");
            if (proof.replyId() != null && !replyIds.contains(proof.replyId())) {
                throw p.invalid("replyId", "names reply " + proof.replyId() + ", which is not in the file.");
            }
            proofs.add(proof);
        }
        Set<UUID> before = new HashSet<>(root.uuids("signOffsBeforeProofs"));
        return new Evidence(replies, proofs, before, checkpoints(root));
    }

    /**
     * The attestation checkpoints (absent before production schema 10: none). Only their shape is checked here; what
     * they vouch for is decided as the file's are ({@link AttestationCheckpoints}), so a bad one merely covers nothing.
     */
    private static List<StoredCheckpoint> checkpoints(JsonIn root) throws ExchangeException {
        List<StoredCheckpoint> out = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        Set<String> places = new HashSet<>();
        for (JsonIn c : root.objects("attestationCheckpoints")) {
            UUID id = c.uuid("id");
            if (!ids.add(id)) throw duplicate(c, "attestation checkpoint", id);
            String key = c.nonBlank("publicKey", 200);
            int sequence = c.integer("sequence");
            if (sequence < 1) throw c.invalid("sequence", "is not a checkpoint number (they start at 1).");
            if (!places.add(sequence + " " + key)) throw c.invalid("sequence", "repeats checkpoint " + sequence + " of its key.");
            byte[] covers = c.base64("covers");
            if (covers.length % AttestationCheckpoints.DIGEST_BYTES != 0) throw c.invalid("covers", "is not a list of SHA-256 digests.");
            String previous = c.textOr("previous");
            if (previous.length() > 64) throw c.invalid("previous", "is longer than 64 characters.");
            out.add(new StoredCheckpoint(id, key, sequence, previous, covers, c.nonBlank("signature", 200), c.instant("recordedAt")));
        }
        return out;
    }

    /** Refuses the file when any sign-off's proof does not hold (one recorded before proofs were kept is let in, uncounted). */
    static void requireProven(String fileName, ProductionData data, Evidence evidence) throws ExchangeException {
        SignedRecord sorted = SignedRecord.sort(data, evidence);
        List<SignedRecord.Ignored> bad = sorted.ignored().stream().filter(i -> i.why() == SignedRecord.Why.NO_VALID_PROOF).toList();
        if (bad.isEmpty()) return;
        throw new ExchangeException(Problem.BAD_SIGNATURE, fileName + ": " + bad.get(0).describe()
                + (bad.size() > 1 ? "; and " + (bad.size() - 1) + " more" : "")
                + ". Its sign-offs may have been altered or forged, so nothing was imported.");
    }

    private static ExchangeException duplicate(JsonIn at, String what, UUID id) {
        return new ExchangeException(Problem.DUPLICATE_ID, at.path() + ": the " + what + " id " + id + " appears more than once.");
    }
}
