package org.clearframe.rules;

import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a production stands under its policy, worked out once: the policy in force (and whether the file stores
 * it), every shot's flags, and the counts. The check command, the breakdown PDF, share packages, reply import and
 * the evidence pack all read this one answer, so they cannot disagree about a production.
 *
 * <p>Fails closed like {@link Policies#choose}: a stored policy that does not read throws {@link PolicyUnreadable}
 * and there is no assessment, rather than one under a policy the studio did not choose. Pure and immutable.
 *
 * @param inForce     the policy the flags were evaluated under
 * @param flagsByShot every shot's flags, keyed by shot id in the production's shot order (empty list: no flag)
 * @param summary     the counts over all flags ({@link FlagIndex.Summary} says how each is counted)
 */
public record Assessment(Policies.InForce inForce, Map<UUID, List<Flag>> flagsByShot, FlagIndex.Summary summary) {

    public Assessment {
        Objects.requireNonNull(inForce, "inForce");
        // a read-only view, not a copy: at 100,000 shots the evaluator's map is not copied again
        flagsByShot = Collections.unmodifiableMap(Objects.requireNonNull(flagsByShot, "flagsByShot"));
        Objects.requireNonNull(summary, "summary");
    }

    /** The production assessed under its policy in force; throws {@link PolicyUnreadable} when that cannot be used. */
    public static Assessment of(ProductionData data) {
        Policies.InForce inForce = Policies.choose(data);
        return of(inForce, Evaluator.evaluateAll(inForce.policy(), data));
    }

    /**
     * The production assessed with flags already evaluated under its policy in force (the app's live index, a
     * test's flags); the policy is still chosen here, and throws {@link PolicyUnreadable} when it cannot be used.
     */
    public static Assessment of(ProductionData data, Map<UUID, List<Flag>> flagsByShot) {
        return of(Policies.choose(data), flagsByShot);
    }

    private static Assessment of(Policies.InForce inForce, Map<UUID, List<Flag>> flagsByShot) {
        return new Assessment(inForce, flagsByShot, FlagIndex.Summary.of(flagsByShot.values()));
    }

    public Policy policy() {
        return inForce.policy();
    }

    /** True when the policy is the production's own stored one, false for the built-in default. */
    public boolean policyStored() {
        return inForce.stored();
    }

    /** The shot's flags; empty for a shot without flags or not in the production. */
    public List<Flag> flags(UUID shotId) {
        return flagsByShot.getOrDefault(shotId, List.of());
    }

    /** The one-word status of {@code shot}, as the shots table, check and the PDF show it. */
    public ShotStatus status(Shot shot) {
        return ShotStatus.of(shot.hasAiUse(), flags(shot.id()));
    }

    /** How many shots have at least one flag. */
    public int shotsWithFlags() {
        int n = 0;
        for (List<Flag> flags : flagsByShot.values()) if (!flags.isEmpty()) n++;
        return n;
    }

    /** True when some blocking flag is still open: the production is not cleared to go ahead. */
    public boolean blocked() {
        return summary.blocked();
    }
}
