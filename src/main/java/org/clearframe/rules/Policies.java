package org.clearframe.rules;

import org.clearframe.model.ProductionData;

/**
 * Which policy applies to a production: the studio policy stored in its file, or the built-in default when none
 * is stored. This is the one place that chooses, and it fails closed: a stored policy that does not read (edited
 * by hand, misspelt, written by a newer Clearframe) throws {@link PolicyUnreadable} rather than letting the
 * built-in policy stand in for it, because the built-in policy may clear what the studio's would block.
 */
public final class Policies {

    /** The policy in force; {@code stored} is true when it is the production's own policy. */
    public record InForce(Policy policy, boolean stored) {}

    /** Parsing is cheap but not free, and the same stored text is asked for after every edit: remember the last. */
    private static volatile Cached last;

    /** One of {@code result} and {@code failure} is set. */
    private record Cached(String json, InForce result, PolicyException failure) {}

    private Policies() {}

    /** The policy in force; throws {@link PolicyUnreadable} when the stored one cannot be used. */
    public static Policy inForce(ProductionData data) {
        return choose(data).policy();
    }

    /** The policy in force and where it comes from; throws {@link PolicyUnreadable} when the stored one cannot be used. */
    public static InForce choose(ProductionData data) {
        String json = data.policyJson();
        // No stored policy: a production from before policies were versioned, so the first built-in version.
        if (json.isBlank()) return new InForce(BuiltInPolicies.forProductionWithoutPolicy().policy(), false);
        Cached cached = last;
        if (cached == null || !cached.json().equals(json)) {
            try {
                cached = new Cached(json, new InForce(Policy.parse(json, "the production's stored policy"), true), null);
            } catch (PolicyException e) {
                cached = new Cached(json, null, e);
            }
            last = cached;
        }
        if (cached.failure() != null) throw new PolicyUnreadable(cached.failure());
        return cached.result();
    }

    /** Null when {@code data}'s policy can be used, else why not (for a banner or a refusal). */
    public static PolicyUnreadable problem(ProductionData data) {
        try {
            choose(data);
            return null;
        } catch (PolicyUnreadable e) {
            return e;
        }
    }
}
