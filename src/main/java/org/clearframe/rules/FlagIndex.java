package org.clearframe.rules;

import org.clearframe.model.CastMember;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The flags of every shot of one production under one policy, kept current edit by edit: after a shot (or one
 * of its sign-offs) changes, {@link #update} re-evaluates that shot alone and adjusts the counts, so the
 * shots table stays responsive on a 10,000-shot production. A new policy or a cast change (which can touch
 * any shot) calls for {@link #rebuild}. Thread-safe; pure Java, no UI types.
 */
public final class FlagIndex {

    /**
     * Counts of flags over the production, the one way Clearframe counts them (check, the PDF, the app, the evidence
     * pack): a flag is counted once in each class it falls in. {@code stale} counts flags with at least one stale
     * signature (not the stale signatures); {@code declined} flags with at least one declined signature.
     */
    public record Summary(int flags, int openBlocking, int openAdvisory, int stale, int declined) {
        public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0);

        /** Counts over flags grouped by shot, as {@link Evaluator#evaluateAll} returns them. */
        public static Summary of(Collection<List<Flag>> flagsPerShot) {
            Summary s = EMPTY;
            for (List<Flag> flags : flagsPerShot) s = s.plus(flags, 1);
            return s;
        }

        /** True when some blocking flag is still open: the production is not cleared to go ahead. */
        public boolean blocked() {
            return openBlocking > 0;
        }

        Summary plus(List<Flag> shotFlags, int sign) {
            int f = flags, b = openBlocking, a = openAdvisory, s = stale, d = declined;
            for (Flag flag : shotFlags) {
                f += sign;
                if (flag.open() && flag.blocking()) b += sign;
                if (flag.open() && !flag.blocking()) a += sign;
                if (flag.stale()) s += sign;
                if (flag.declined()) d += sign;
            }
            return new Summary(f, b, a, s, d);
        }
    }

    private final Policy policy;
    /** Only shots with flags: most shots have none, and an entry for each would be megabytes at 100,000 shots. */
    private final Map<UUID, List<Flag>> byShot = new HashMap<>();
    private Summary summary = Summary.EMPTY;
    /** What a shot's flags depend on besides the shot and its sign-offs: production, cast, scans, consents. */
    private ProductionData facts;
    private Map<UUID, CastMember> cast = Map.of();

    public FlagIndex(Policy policy, ProductionData data) {
        this.policy = Objects.requireNonNull(policy, "policy");
        rebuild(data);
    }

    /**
     * The index of an assessment already made of {@code data}: its flags and counts are taken as they are, not
     * evaluated again; {@code data}'s facts are kept for the {@link #recheck}s that follow.
     */
    public FlagIndex(Assessment assessment, ProductionData data) {
        this.policy = assessment.policy();
        keep(assessment.flagsByShot());
        summary = assessment.summary();
        useFacts(data);
    }

    public Policy policy() {
        return policy;
    }

    /** Re-evaluates every shot (after a bulk edit, a cast change, or a new genre). */
    public synchronized void rebuild(ProductionData data) {
        useFacts(data);
        byShot.clear();
        keep(Evaluator.evaluateAll(policy, data));
        summary = Summary.of(byShot.values());
    }

    private void keep(Map<UUID, List<Flag>> flagsByShot) {
        flagsByShot.forEach((shot, flags) -> {
            if (!flags.isEmpty()) byShot.put(shot, flags);
        });
    }

    /**
     * Re-evaluates one shot after it, or a sign-off on it, changed in {@code data}; a shot no longer in
     * {@code data} is dropped. Returns the shot's flags now.
     */
    public synchronized List<Flag> update(ProductionData data, UUID shotId) {
        useFacts(data);
        Optional<Shot> shot = data.shot(shotId);
        if (shot.isEmpty()) {
            forget(shotId);
            return List.of();
        }
        return recheck(shot.get(), data.signOffsOf(shotId));
    }

    /**
     * Takes the production details, cast, scans and consents that flags depend on (not its shots or sign-offs), for
     * the {@link #recheck}s that follow; re-evaluates nothing by itself. Costs the size of the cast, not of the shots.
     */
    public synchronized void useFacts(ProductionData data) {
        facts = new ProductionData(data.production(), List.of(), data.cast(), List.of(), List.of(), List.of(), data.policyJson(),
                data.scans(), data.consents());
        cast = ProductionData.index(facts.cast(), CastMember::id);
    }

    /**
     * Re-evaluates one shot from its own inputs (the shot, its sign-offs, and the facts last given) and adjusts the
     * counts; the cost does not depend on how many other shots there are. Returns the shot's flags now.
     */
    public synchronized List<Flag> recheck(Shot shot, List<SignOff> signOffs) {
        List<Flag> flags = Evaluator.evaluate(policy, facts, cast, shot, signOffs);
        List<Flag> old = flags.isEmpty() ? byShot.remove(shot.id()) : byShot.put(shot.id(), flags);
        if (old != null) summary = summary.plus(old, -1);
        summary = summary.plus(flags, 1);
        return flags;
    }

    /** Drops a shot that is gone, with its flags from the counts. */
    public synchronized void forget(UUID shotId) {
        List<Flag> old = byShot.remove(shotId);
        if (old != null) summary = summary.plus(old, -1);
    }

    /** The shot's flags (empty for a shot without AI use or not known). */
    public synchronized List<Flag> flags(UUID shotId) {
        return byShot.getOrDefault(shotId, List.of());
    }

    /** The one-word status the shots table shows. */
    public synchronized ShotStatus status(Shot shot) {
        return ShotStatus.of(shot.hasAiUse(), flags(shot.id()));
    }

    public synchronized Summary summary() {
        return summary;
    }
}
