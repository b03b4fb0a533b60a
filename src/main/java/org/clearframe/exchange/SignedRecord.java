package org.clearframe.exchange;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.model.ProductionData;
import org.clearframe.model.SignOff;
import org.clearframe.rules.SigningDepartments;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProofRepository.Evidence;
import org.clearframe.store.ProofRepository.StoredProof;
import org.clearframe.store.ProofRepository.StoredReply;
import org.clearframe.store.StoreException;

import java.nio.file.Files;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * A production as the record can prove it: the only way to read a whole production from its file (the architecture
 * test holds every other class to that). A sign-off counts only when every one of its proofs holds and a key this
 * machine trusts stands behind one of them ({@link RecordTrust}); every other sign-off row is left out of
 * {@link #data()} and listed in {@link #ignored()} with the reason, so a row written into the file by hand, altered
 * after it was proven, or signed with a key anyone could have made, cannot clear a flag.
 *
 * <p>A REPLY proof holds when the reply stored in the file parses, its signature verifies, it is for this
 * production, its signer answers for the role, and it holds a decision for exactly this sign-off (its id is derived
 * from the reply and the slot) with the same shot, rule, role, subject, decision, note, time, fingerprint and signer.
 * An ATTESTED proof holds when its Ed25519 signature verifies over {@link SignOffProof#statement}, or when a
 * checkpoint signed by the same key covers that exact statement and signature ({@link AttestationCheckpoints}).
 *
 * <p>Sign-offs with no proof at all that the file held when proofs began to be kept are "recorded before proofs were
 * kept": they do not count either (a file can be made to look old), until the producer attests them once, on purpose.
 *
 * <p>A proven sign-off the producer withdrew (undo of the reply import that added it, see {@link ReplyWithdrawals}) does
 * not count either, until a reinstatement that holds takes the withdrawal back; it then counts by its own proof again.
 */
public record SignedRecord(ProductionData data, Map<UUID, Proven> proven, List<Ignored> ignored) {

    private static final System.Logger LOG = System.getLogger(SignedRecord.class.getName());

    public SignedRecord {
        proven = Map.copyOf(proven);
        ignored = List.copyOf(ignored);
    }

    /**
     * Why a sign-off counts: the proof that held, and the key behind it. For a reply, {@code pinned} says whether its
     * key is the one this machine has pinned for its signer (trust on first use), or is null where no keys are pinned.
     */
    public record Proven(SignOff signOff, String kind, String keyFingerprint, String basis, boolean ownKey, Boolean pinned) {

        public boolean attested() {
            return SignOffProof.ATTESTED.equals(kind);
        }

        /** "signed by Dana Reyes in their reply (key 3F2A-…)", "attested by you, the producer (key …), not signed by the person". */
        public String label() {
            if (!attested()) {
                return "signed by " + signOff.signer() + " in their reply (key " + keyFingerprint + ")"
                        + (Boolean.FALSE.equals(pinned) ? ", a key not pinned for them on this machine" : "");
            }
            String earlier = switch (basis) {
                case SignOffProof.BEFORE_PROOFS -> "recorded before proofs were kept; ";
                case SignOffProof.VOUCHED_FOR_ANOTHER_KEY -> "first proven by a key this machine did not trust; ";
                default -> "";
            };
            return earlier + (ownKey ? "attested by you, the producer (key " + keyFingerprint + "), not signed by the person"
                    : "attested by another key " + keyFingerprint + ", not signed by the person");
        }
    }

    /** Why a sign-off row in the file does not count. */
    public enum Why {
        /** It has no proof, or none of its proofs holds: possibly forged or altered. */
        NO_VALID_PROOF,
        /** Recorded before this version kept proofs, and not yet attested by the producer. */
        BEFORE_PROOFS,
        /** Its proof holds, but no key this machine trusts stands behind it: anyone can make a key and sign. */
        UNTRUSTED_KEY,
        /** Its proof holds, but the producer withdrew it (undo of the reply import that added it); redo reinstates it. */
        WITHDRAWN
    }

    /** A sign-off row that is not counted, and why. */
    public record Ignored(SignOff signOff, Why why, String reason) {
        public String describe() {
            String who = signOff.signer().isBlank() ? "(no name)" : signOff.signer();
            String what = "sign-off " + signOff.id() + " (" + signOff.ruleId() + ", " + signOff.role().label() + ", "
                    + signOff.decision().label().toLowerCase(java.util.Locale.ROOT) + ") by " + who;
            return switch (why) {
                case NO_VALID_PROOF -> what + " has no valid proof: ignored (" + reason + ")";
                case BEFORE_PROOFS -> what + " was recorded before proofs were kept: not counted until the producer attests it";
                case UNTRUSTED_KEY, WITHDRAWN -> what + " is not counted: " + reason;
            };
        }
    }

    /**
     * Reads the production from {@code store}, keeping only sign-offs that are proven and vouched for by a key this
     * user trusts (see {@link RecordTrust}).
     */
    public static SignedRecord load(ProductionStore store) throws StoreException {
        return load(store, RecordTrust.forUser(List.of()));
    }

    public static SignedRecord load(ProductionStore store, RecordTrust trust) throws StoreException {
        ProductionData raw = store.load();
        return sort(raw, store.proofs().evidence(), ReplyWithdrawals.read(store, raw.production().id(), trust), trust,
                pinnedHere(TrustStore.forUser()));
    }

    /**
     * Decides, as {@link #load} would, which of {@code signOffs} (rows already in {@code store}, e.g. just written by a
     * reply import) its evidence proves, without reading the rest of the production: an open session adds what holds.
     * Only the evidence that bears on them is read (their proofs and the replies those cite), with the file's
     * checkpoints, so recording one sign-off does not read every proof and reply in the file.
     */
    public static SignedRecord prove(ProductionStore store, org.clearframe.model.Production production, List<SignOff> signOffs)
            throws StoreException {
        ProductionData raw = new ProductionData(production, List.of(), List.of(), List.of(), List.of(), signOffs, "");
        RecordTrust trust = RecordTrust.forUser(List.of());
        Evidence bearing = store.proofs().evidenceFor(signOffs.stream().map(SignOff::id).toList());
        Evidence evidence = new Evidence(bearing.replies(), bearing.proofs(), bearing.beforeProofs(), store.proofs().checkpoints());
        return sort(raw, evidence, ReplyWithdrawals.read(store, production.id(), trust), trust, pinnedHere(TrustStore.forUser()));
    }

    /**
     * Whether a reply's key is the one pinned for its signer in {@code trust}; null when this machine pins no keys
     * (a build server), so that nothing is claimed either way.
     */
    static Function<Reply, Boolean> pinnedHere(TrustStore trust) {
        if (!Files.exists(trust.file())) return r -> null;
        return r -> {
            try {
                return trust.check(r.signer().name(), r.signer().department(), KeyRing.decodePublicKey(r.publicKey())) == TrustStore.Check.MATCHES;
            } catch (ExchangeException e) {
                return null;
            }
        };
    }

    /**
     * The production without any sign-off, for code that needs only the plan (re-reading shots after a cascade).
     * Carries no sign-off at all, so nothing unproven can slip through it.
     */
    public static ProductionData planOnly(ProductionStore store) throws StoreException {
        ProductionData d = store.load();
        return d.withSignOffs(List.of());
    }

    /** This user's public key, if they have one; reading it never makes one. */
    static PublicKey ownKey() {
        KeyRing ring = KeyRing.forUser();
        if (!ring.exists()) return null;
        try {
            return ring.publicKey();
        } catch (ExchangeException e) {
            LOG.log(System.Logger.Level.WARNING, "Your signing key could not be read, so no attestation is shown as yours: {0}", e.getMessage());
            return null;
        }
    }

    /**
     * Decides, for every sign-off row of {@code raw}, whether its evidence proves it, whoever holds the keys: for
     * checking a file's evidence on import. Pure: reads no file.
     */
    static SignedRecord sort(ProductionData raw, Evidence evidence) {
        return sort(raw, evidence, ReplyWithdrawals.Standing.NONE, RecordTrust.everyKey(), r -> null);
    }

    /**
     * As {@link #sort(ProductionData, Evidence)}, judged with {@code trust}, leaving out (as {@link Why#WITHDRAWN}) the
     * proven sign-offs that {@code withdrawals} shows withdrawn: a withdrawal never makes a sign-off count, it only stops one.
     */
    static SignedRecord sort(ProductionData raw, Evidence evidence, ReplyWithdrawals.Standing withdrawals, RecordTrust trust,
                             Function<Reply, Boolean> pinned) {
        return sort(raw, evidence, withdrawals, trust, pinned,
                AttestationCheckpoints.covered(raw.production().id(), evidence.checkpoints()));
    }

    /**
     * As above, with what the file's checkpoints vouch for worked out already ({@code covered}): a reader that sorts a
     * production a page at a time ({@link SignedScenes}) verifies the checkpoint chains once, not once a page.
     */
    static SignedRecord sort(ProductionData raw, Evidence evidence, ReplyWithdrawals.Standing withdrawals, RecordTrust trust,
                             Function<Reply, Boolean> pinned, AttestationCheckpoints.Covered covered) {
        PublicKey ownKey = trust.ownKey();
        UUID production = raw.production().id();
        Map<UUID, List<StoredProof>> proofsOf = new HashMap<>();
        for (StoredProof p : evidence.proofs()) proofsOf.computeIfAbsent(p.signOffId(), k -> new ArrayList<>()).add(p);
        Map<UUID, StoredReply> replies = new HashMap<>();
        for (StoredReply r : evidence.replies()) replies.putIfAbsent(r.id(), r);
        Map<UUID, Object> parsed = new HashMap<>(); // reply id -> Reply, or the String reason it cannot be used
        Map<UUID, Optional<Boolean>> pins = new HashMap<>();
        Function<Reply, Boolean> pinnedOnce = r -> pins.computeIfAbsent(r.id(), id -> Optional.ofNullable(pinned.apply(r))).orElse(null);
        String own = ownKey == null ? null : KeyRing.encode(ownKey);

        Keys keys = new Keys();
        Map<StoredProof, Boolean> attestations = attestationsHolding(production, raw.signOffs(), evidence, covered, keys);

        List<SignOff> kept = new ArrayList<>();
        Map<UUID, Proven> proven = new LinkedHashMap<>();
        List<Ignored> ignored = new ArrayList<>();
        for (SignOff s : raw.signOffs()) {
            List<StoredProof> proofs = proofsOf.getOrDefault(s.id(), List.of());
            if (proofs.isEmpty()) {
                boolean before = evidence.beforeProofs().contains(s.id());
                ignored.add(new Ignored(s, before ? Why.BEFORE_PROOFS : Why.NO_VALID_PROOF, before ? "" : "no proof is recorded for it"));
                continue;
            }
            Proven holds = null;
            boolean vouched = false;
            List<String> failures = new ArrayList<>();
            Set<String> strangers = new LinkedHashSet<>();
            for (StoredProof p : proofs) {
                Check c = check(production, s, p, replies, parsed, own, pinnedOnce, attestations, keys);
                if (c.proven == null) {
                    failures.add(c.failure);
                    continue;
                }
                if (vouchedHere(c.proven, c.key, trust)) vouched = true;
                else strangers.add(c.proven.keyFingerprint());
                // The person's own signed reply names the sign-off where there is one; an attestation otherwise.
                if (holds == null || (holds.attested() && !c.proven.attested())) holds = c.proven;
            }
            if (!failures.isEmpty()) {
                // One proof that fails is tampering with this sign-off's evidence, whatever else holds: fail closed.
                ignored.add(new Ignored(s, Why.NO_VALID_PROOF, String.join("; ", failures)));
            } else if (holds != null && withdrawals.isWithdrawn(s.id())) {
                // judged after the proof, so a withdrawn row that was never proven still shows as having no valid proof
                ignored.add(new Ignored(s, Why.WITHDRAWN, withdrawals.withdrawn().get(s.id()).reason()));
            } else if (holds != null && vouched) {
                kept.add(s);
                proven.put(s.id(), holds);
            } else if (holds != null) {
                ignored.add(new Ignored(s, Why.UNTRUSTED_KEY, "its proof holds, but only key" + (strangers.size() == 1 ? " " : "s ")
                        + String.join(", ", strangers) + " stand" + (strangers.size() == 1 ? "s" : "") + " behind it, and this machine "
                        + "trusts none of them (name the producer's key with --trust-key or " + RecordTrust.ENVIRONMENT + ")"));
            } else {
                ignored.add(new Ignored(s, Why.NO_VALID_PROOF, String.join("; ", failures)));
            }
        }
        ProductionData data = raw.withSignOffs(kept);
        return new SignedRecord(data, proven, ignored);
    }

    /**
     * Whether a holding proof is backed by a key this machine trusts: an attestation by a trusted key, or a reply whose
     * key is pinned here for its signer or is itself trusted.
     */
    private static boolean vouchedHere(Proven proof, PublicKey key, RecordTrust trust) {
        if (trust.trusts(key, proof.keyFingerprint())) return true;
        return !proof.attested() && Boolean.TRUE.equals(proof.pinned());
    }

    private record Check(Proven proven, PublicKey key, String failure) {
        static Check ok(Proven p, PublicKey key) { return new Check(p, key, null); }
        static Check fail(String why) { return new Check(null, null, why); }
    }

    /**
     * Whether each ATTESTED proof of a sign-off in {@code signOffs} holds: covered by a checkpoint of its own key (see
     * {@link AttestationCheckpoints}), or else its own signature verifies. Worked out up front and on every core, since
     * each signature left to check costs most of a millisecond. A proof whose key cannot be read is left out (it fails).
     */
    private static Map<StoredProof, Boolean> attestationsHolding(UUID production, List<SignOff> signOffs, Evidence evidence,
                                                                 AttestationCheckpoints.Covered covered, Keys keys) {
        Map<UUID, SignOff> byId = new HashMap<>();
        for (SignOff s : signOffs) byId.putIfAbsent(s.id(), s);
        List<StoredProof> attested = evidence.proofs().stream()
                .filter(p -> SignOffProof.ATTESTED.equals(p.kind()) && byId.containsKey(p.signOffId())).toList();
        if (attested.isEmpty()) return Map.of();
        Map<StoredProof, Boolean> holds = new java.util.concurrent.ConcurrentHashMap<>();
        (attested.size() > 64 ? attested.parallelStream() : attested.stream()).forEach(p -> {
            PublicKey key = keys.decode(p.publicKey());
            if (key == null) return;
            SignOff s = byId.get(p.signOffId());
            holds.put(p, SignOffProof.holds(key, SignOffProof.statement(production, s, p.basis()), p.signature(), covered));
        });
        return holds;
    }

    /** The few keys a file's attestations name, each decoded, encoded and fingerprinted once rather than per proof. */
    private static final class Keys {
        private final Map<String, Optional<PublicKey>> decoded = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<PublicKey, String[]> described = new java.util.concurrent.ConcurrentHashMap<>();

        /** The key, or null when {@code encoded} is not a valid Ed25519 key. */
        PublicKey decode(String encoded) {
            return decoded.computeIfAbsent(encoded, e -> {
                try {
                    return Optional.of(KeyRing.decodePublicKey(e));
                } catch (ExchangeException bad) {
                    return Optional.empty();
                }
            }).orElse(null);
        }

        String fingerprint(PublicKey key) {
            return describe(key)[0];
        }

        String encoded(PublicKey key) {
            return describe(key)[1];
        }

        private String[] describe(PublicKey key) {
            return described.computeIfAbsent(key, k -> new String[]{KeyRing.fingerprint(k), KeyRing.encode(k)});
        }
    }

    private static Check check(UUID production, SignOff s, StoredProof p, Map<UUID, StoredReply> replies, Map<UUID, Object> parsed,
                               String own, Function<Reply, Boolean> pinned, Map<StoredProof, Boolean> attestations, Keys keys) {
        switch (p.kind()) {
            case SignOffProof.ATTESTED -> {
                PublicKey key = keys.decode(p.publicKey());
                if (key == null) return Check.fail("its attestation names no valid key");
                if (!attestations.getOrDefault(p, Boolean.FALSE)) {
                    return Check.fail("its attestation's signature does not match the sign-off as recorded");
                }
                return Check.ok(new Proven(s, SignOffProof.ATTESTED, keys.fingerprint(key), p.basis(), keys.encoded(key).equals(own), null), key);
            }
            case SignOffProof.REPLY -> {
                if (p.replyId() == null || !replies.containsKey(p.replyId())) return Check.fail("the reply it cites is not in the file");
                Object r = parsed.computeIfAbsent(p.replyId(), id -> parse(replies.get(id)));
                if (r instanceof String why) return Check.fail(why);
                Reply reply = (Reply) r;
                String mismatch = mismatch(production, s, reply);
                if (mismatch != null) return Check.fail(mismatch);
                String fp;
                try {
                    fp = reply.keyFingerprint();
                } catch (ExchangeException e) {
                    return Check.fail("the stored reply names no valid key");
                }
                PublicKey key;
                try {
                    key = KeyRing.decodePublicKey(reply.publicKey());
                } catch (ExchangeException e) {
                    return Check.fail("the stored reply names no valid key");
                }
                return Check.ok(new Proven(s, SignOffProof.REPLY, fp, "", reply.publicKey().equals(own), pinned.apply(reply)), key);
            }
            default -> {
                return Check.fail("its proof is of an unknown kind");
            }
        }
    }

    /** The stored bytes as a verified reply, or the reason they are not one. */
    private static Object parse(StoredReply stored) {
        String name = "The stored reply " + stored.id();
        try {
            ObjectNode json = JsonFiles.parse(stored.bytes(), name, "a Clearframe reply", Reply.FORMAT, Reply.SCHEMA_VERSION);
            ReplyVerifier.verify(json, name);
            Reply reply = ReplyVerifier.parse(json, name);
            if (!reply.id().equals(stored.id())) return "the stored reply is filed under another reply's id";
            return reply;
        } catch (ExchangeException | RuntimeException e) {
            return "the stored reply is damaged or altered (" + e.getMessage() + ")";
        }
    }

    /**
     * Whether the performer's name recorded with a sign-off is the one its reply binds. A version 2 entry carries
     * the name as signed. A version 1 reply carries none, but its performer signed in their own name (version 1
     * knows no representatives), so the signer's name must match; an estate's version 1 reply gives nothing to
     * compare with, and binds to the name recorded at import.
     */
    private static boolean boundToName(Reply reply, Reply.Entry e, String recorded) {
        if (reply.schemaVersion() >= 2) return e.subjectName().equals(recorded);
        if (e.role() == org.clearframe.model.Role.PERFORMER) return org.clearframe.rules.Names.same(reply.signer().name(), recorded);
        return true;
    }

    /** Null when {@code reply} holds exactly {@code s}; else what differs. */
    private static String mismatch(UUID production, SignOff s, Reply reply) {
        if (!reply.productionId().equals(production)) return "the reply it cites is for another production";
        Optional<Reply.Entry> found = reply.decisions().stream().filter(e -> reply.signOffId(e).equals(s.id())).findFirst();
        if (found.isEmpty()) return "the reply it cites holds no decision for this sign-off";
        Reply.Entry e = found.get();
        if (!SigningDepartments.signsFor(reply.signer().department(), e.role())) return "the reply's signer does not answer for this role";
        List<String> differ = new ArrayList<>();
        if (!e.shotId().equals(s.shotId())) differ.add("shot");
        if (!e.ruleId().equals(s.ruleId())) differ.add("rule");
        if (e.role() != s.role()) differ.add("role");
        if (!Objects.equals(e.subjectId(), s.subjectId())) differ.add("performer");
        else if (e.subjectId() != null && !boundToName(reply, e, s.subjectName())) differ.add("performer's name");
        if (e.decision() != s.decision()) differ.add("decision");
        if (!e.note().equals(s.note())) differ.add("note");
        if (!e.signedAt().equals(s.signedAt())) differ.add("time");
        if (!e.fingerprint().equals(s.fingerprint())) differ.add("fingerprint");
        if (!reply.signer().name().equals(s.signer())) differ.add("signer");
        return differ.isEmpty() ? null : "its " + String.join(", ", differ) + " differ" + (differ.size() == 1 ? "s" : "")
                + " from what the signed reply says";
    }
}
