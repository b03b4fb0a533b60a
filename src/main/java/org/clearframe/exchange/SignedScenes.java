package org.clearframe.exchange;

import org.clearframe.model.ProductionData;
import org.clearframe.model.SignOff;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.StoreException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A production read through the record a run of scenes at a time, for outputs that stream (the breakdown PDF): each
 * page holds whole scenes, their shots, and only those of their sign-offs that {@link SignedRecord} would count, judged
 * by the same rules against the evidence that bears on them, the producer's withdrawals and the file's attestation
 * checkpoints. Memory follows the page, not the production.
 */
public final class SignedScenes {

    /** Scenes a page: about 500 shots in a feature, small beside a 256 MB heap and large enough to keep queries few. */
    public static final int SCENES_PER_PAGE = 64;

    private final ProductionStore store;
    private final ProductionData facts;
    private final RecordTrust trust;
    private final Function<Reply, Boolean> pinned;
    private final ReplyWithdrawals.Standing withdrawals;
    private final AttestationCheckpoints.Covered covered;
    private final int scenesPerPage;
    private int next;

    private SignedScenes(ProductionStore store, RecordTrust trust, int scenesPerPage) throws StoreException {
        this.store = store;
        this.facts = store.facts();
        this.trust = trust;
        this.pinned = SignedRecord.pinnedHere(TrustStore.forUser());
        // Withdrawals and checkpoints bear on every page: read and verified once, as SignedRecord.load does for the whole file.
        this.withdrawals = ReplyWithdrawals.read(store, facts.production().id(), trust);
        this.covered = AttestationCheckpoints.covered(facts.production().id(), store.proofs().checkpoints());
        this.scenesPerPage = scenesPerPage;
    }

    /** The scenes of {@code store} from the first, trusting this user's keys as {@link SignedRecord#load(ProductionStore)} does. */
    public static SignedScenes of(ProductionStore store) throws StoreException {
        return new SignedScenes(store, RecordTrust.forUser(List.of()), SCENES_PER_PAGE);
    }

    /** As {@link #of(ProductionStore)}, {@code scenesPerPage} scenes a page (tests use small pages to cross page edges). */
    public static SignedScenes of(ProductionStore store, int scenesPerPage) throws StoreException {
        if (scenesPerPage < 1) throw new IllegalArgumentException("scenesPerPage " + scenesPerPage);
        return new SignedScenes(store, RecordTrust.forUser(List.of()), scenesPerPage);
    }

    /** The production, departments, cast, policy, scans and consents: no scene, shot or sign-off. */
    public ProductionData facts() {
        return facts;
    }

    /** The next page of scenes with their shots and proven sign-offs, or null after the last scene. */
    public ProductionData nextPage() throws StoreException {
        ProductionStore.ScenePage page = store.scenePage(next, scenesPerPage);
        if (page.scenes().isEmpty()) return null;
        next += page.scenes().size();
        ProductionData raw = new ProductionData(facts.production(), facts.departments(), facts.cast(), page.scenes(), page.shots(),
                page.signOffs(), facts.policyJson(), facts.scans(), facts.consents());
        if (page.signOffs().isEmpty()) return raw;
        List<java.util.UUID> ids = new ArrayList<>(page.signOffs().size());
        for (SignOff s : page.signOffs()) ids.add(s.id());
        return SignedRecord.sort(raw, store.proofs().evidenceFor(ids), withdrawals, trust, pinned, covered).data();
    }
}
