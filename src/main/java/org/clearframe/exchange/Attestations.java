package org.clearframe.exchange;

import org.clearframe.model.SignOff;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProofRepository;
import org.clearframe.store.ProofRepository.StoredProof;
import org.clearframe.store.StoreException;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sign-offs the producer vouches for with their own key: ones recorded in the app (the person told the producer,
 * who typed it in) and, in one explicit step, ones recorded before proofs were kept. Either way the proof says
 * "attested by the producer", never "signed by the person".
 */
public final class Attestations {

    private Attestations() {}

    /** The exact bytes a producer's attestation of {@code s} signs (see {@link SignOffProof#statement}), for outside checkers. */
    public static byte[] statement(UUID productionId, SignOff s, String basis) {
        return SignOffProof.statement(productionId, s, basis);
    }

    /** Records {@code signOffs} of production {@code productionId} with the producer's attestation, all or nothing. */
    public static void record(ProductionStore store, UUID productionId, Collection<SignOff> signOffs, KeyRing producer)
            throws ExchangeException, StoreException {
        KeyPair keys = producer.keyPair();
        List<StoredProof> proofs = new ArrayList<>();
        for (SignOff s : signOffs) proofs.add(SignOffProof.attest(productionId, s, SignOffProof.RECORDED_IN_APP, keys));
        if (proofs.isEmpty()) return;
        store.proofs().record(List.of(), signOffs, proofs, List.of(), List.of(), AttestationCheckpoints.sealing(productionId, keys, signOffs, proofs));
    }

    /**
     * Attests, with the producer's key, every sign-off of the file that does not count yet although nothing is wrong
     * with it: recorded before proofs were kept, or proven by a key this machine does not trust (a colleague's, or the
     * sample's). Returns them. Sign-offs whose proof fails are never attested: that would launder an alteration.
     * The same checkpoint also covers this key's earlier attestations that no checkpoint covers yet (a file from before
     * checkpoints were kept), each verified first, so later reads need not check them one by one. Nothing else is changed.
     */
    public static List<SignOff> attestEarlier(ProductionStore store, KeyRing producer) throws ExchangeException, StoreException {
        SignedRecord record = SignedRecord.load(store);
        List<SignedRecord.Ignored> waiting = record.ignored().stream()
                .filter(i -> i.why() == SignedRecord.Why.BEFORE_PROOFS || i.why() == SignedRecord.Why.UNTRUSTED_KEY).toList();
        KeyPair keys = producer.keyPair();
        UUID production = record.data().production().id();
        List<StoredProof> proofs = new ArrayList<>();
        List<SignOff> covering = new ArrayList<>();
        for (SignedRecord.Ignored i : waiting) {
            String basis = i.why() == SignedRecord.Why.BEFORE_PROOFS ? SignOffProof.BEFORE_PROOFS : SignOffProof.VOUCHED_FOR_ANOTHER_KEY;
            proofs.add(SignOffProof.attest(production, i.signOff(), basis, keys));
            covering.add(i.signOff());
        }
        List<StoredProof> unsealed = unsealed(store, record, keys);
        Map<UUID, SignOff> counted = new HashMap<>();
        record.data().signOffs().forEach(s -> counted.put(s.id(), s));
        unsealed.forEach(p -> covering.add(counted.get(p.signOffId())));
        if (proofs.isEmpty() && unsealed.isEmpty()) return List.of();
        List<StoredProof> sealed = new ArrayList<>(proofs);
        sealed.addAll(unsealed);
        store.proofs().record(List.of(), List.of(), proofs, List.of(), List.of(), AttestationCheckpoints.sealing(production, keys, covering, sealed));
        return waiting.stream().map(SignedRecord.Ignored::signOff).toList();
    }

    /**
     * This key's attestations of sign-offs that count (so every proof of theirs held, checked one by one where no
     * checkpoint covered it) that no checkpoint of the key covers yet.
     */
    private static List<StoredProof> unsealed(ProductionStore store, SignedRecord record, KeyPair keys) throws StoreException {
        ProofRepository.Evidence evidence = store.proofs().evidence();
        UUID production = record.data().production().id();
        AttestationCheckpoints.Covered covered = AttestationCheckpoints.covered(production, evidence.checkpoints());
        String own = KeyRing.encode(keys.getPublic());
        Map<UUID, SignOff> counted = new HashMap<>();
        record.data().signOffs().forEach(s -> counted.put(s.id(), s));
        List<StoredProof> out = new ArrayList<>();
        for (StoredProof p : evidence.proofs()) {
            if (!SignOffProof.ATTESTED.equals(p.kind()) || !own.equals(p.publicKey()) || !counted.containsKey(p.signOffId())) continue;
            if (!covered.covers(keys.getPublic(), SignOffProof.digest(production, counted.get(p.signOffId()), p, keys.getPublic()))) out.add(p);
        }
        return out;
    }
}
