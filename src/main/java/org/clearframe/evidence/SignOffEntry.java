package org.clearframe.evidence;

import org.clearframe.exchange.SignedRecord;
import org.clearframe.model.CastMember;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.Fingerprint;
import org.clearframe.rules.SignOffs;
import org.clearframe.store.ProofRepository.Evidence;
import org.clearframe.store.ProofRepository.StoredProof;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One line of the sign-off record: a sign-off row of the file, where it stands now, and the proof behind it. Every
 * row the file holds is listed, counted or not, so the pack shows the whole history and hides nothing.
 */
record SignOffEntry(SignOff signOff, Status status, String proof, String keyFingerprint, String basis, UUID replyId, String note,
                    StoredProof attestation) {

    static final String REPLY = "REPLY";
    static final String ATTESTED = "ATTESTED";
    static final String NONE = "NONE";

    enum Status {
        GIVEN("Given"), GIVEN_WITH_CONDITIONS("Given with conditions"), DECLINED("Declined"), SUPERSEDED("Superseded"),
        STALE("Stale: the plan changed after signing"), NOT_COUNTED("Not counted"),
        /** Proven, but withdrawn by the producer (undo of the reply import that added it): not counted, and not forged. */
        WITHDRAWN("Withdrawn by the producer");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    boolean counted() {
        return status != Status.NOT_COUNTED && status != Status.WITHDRAWN;
    }

    /** "replies/{id}.cfreply", the reply's path in the pack; "" when the sign-off did not come from a reply. */
    String replyFile() {
        return replyId == null ? "" : replyFile(replyId);
    }

    static String replyFile(UUID replyId) {
        return "replies/" + replyId + ".cfreply";
    }

    /** Every sign-off row, counted or not, in script order of their shots and then by time. */
    static List<SignOffEntry> of(SignedRecord record, Evidence evidence) {
        ProductionData data = record.data();
        Map<UUID, Shot> shots = ProductionData.index(data.shots(), Shot::id);
        Map<UUID, CastMember> cast = ProductionData.index(data.cast(), CastMember::id);
        Map<UUID, UUID> replyOf = new HashMap<>();
        Map<UUID, List<StoredProof>> attestations = new HashMap<>();
        Set<UUID> kept = new HashSet<>();
        evidence.replies().forEach(r -> kept.add(r.id()));
        for (StoredProof p : evidence.proofs()) {
            if (isReplyProof(p) && kept.contains(p.replyId())) replyOf.putIfAbsent(p.signOffId(), p.replyId());
            if (ATTESTED.equals(p.kind())) attestations.computeIfAbsent(p.signOffId(), k -> new ArrayList<>()).add(p);
        }
        Map<UUID, String> currentFingerprint = new HashMap<>();
        List<SignOffEntry> out = new ArrayList<>();
        List<SignOff> counted = data.signOffs();
        for (SignOff s : counted) {
            SignedRecord.Proven proof = record.proven().get(s.id());
            SignOff latest = SignOffs.latest(counted, s.shotId(), s.ruleId(), s.role(), s.subjectId()).orElse(s);
            Status status;
            if (latest != s) {
                status = Status.SUPERSEDED;
            } else {
                Shot shot = shots.get(s.shotId());
                String now = shot == null ? "" : currentFingerprint.computeIfAbsent(shot.id(), id -> Fingerprint.of(shot));
                CastMember who = s.subjectId() == null ? null : cast.get(s.subjectId());
                status = switch (SignOffs.state(s, now, who == null ? "" : who.performer())) {
                    case STALE, MISSING -> Status.STALE;
                    case DECLINED -> Status.DECLINED;
                    case APPROVED -> Status.GIVEN;
                    case APPROVED_WITH_CONDITIONS -> Status.GIVEN_WITH_CONDITIONS;
                };
            }
            String kind = proof.attested() ? ATTESTED : REPLY;
            String note = proof.attested() ? proof.label().replace("attested by you, the producer", "attested by the producer") : "";
            StoredProof attestation = !proof.attested() ? null : attestations.getOrDefault(s.id(), List.of()).stream()
                    .filter(p -> p.keyFingerprint().equals(proof.keyFingerprint()) && p.basis().equals(proof.basis())).findFirst().orElse(null);
            out.add(new SignOffEntry(s, status, kind, proof.keyFingerprint(), proof.basis(), proof.attested() ? null : replyOf.get(s.id()), note,
                    attestation));
        }
        for (SignedRecord.Ignored i : record.ignored()) {
            String why = switch (i.why()) {
                case BEFORE_PROOFS -> "recorded before proofs were kept; not attested by the producer";
                case WITHDRAWN -> i.reason();
                case NO_VALID_PROOF, UNTRUSTED_KEY -> "no valid proof: " + i.reason();
            };
            Status status = i.why() == SignedRecord.Why.WITHDRAWN ? Status.WITHDRAWN : Status.NOT_COUNTED;
            out.add(new SignOffEntry(i.signOff(), status, NONE, "", "", null, why, null));
        }
        Map<UUID, Integer> order = new HashMap<>();
        for (int k = 0; k < data.shots().size(); k++) order.put(data.shots().get(k).id(), k);
        out.sort(Comparator.comparing((SignOffEntry e) -> order.getOrDefault(e.signOff().shotId(), Integer.MAX_VALUE))
                .thenComparing(e -> e.signOff().signedAt()));
        return out;
    }

    private static boolean isReplyProof(StoredProof p) {
        return REPLY.equals(p.kind()) && p.replyId() != null;
    }
}
