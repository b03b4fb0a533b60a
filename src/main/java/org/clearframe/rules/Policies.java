package org.clearframe.rules;

import org.clearframe.model.ProductionData;

/**
 * Which policy applies to a production: the studio policy stored in its file, or the built-in default when none
 * is stored. A stored policy that no longer reads (edited by hand, written by a newer Clearframe) must not stop
 * anyone working, so it falls back to the default with a warning the app and the command line can show.
 */
public final class Policies {

    private static final System.Logger LOG = System.getLogger(Policies.class.getName());

    /**
     * The policy in force. {@code stored} is true when it is the production's own policy; {@code problem} is
     * empty, or says why the stored policy was set aside for the default.
     */
    public record InForce(Policy policy, boolean stored, String problem) {
        public boolean fellBack() {
            return !problem.isEmpty();
        }
    }

    /** Parsing is cheap but not free, and the same stored text is asked for after every edit: remember the last. */
    private static volatile Cached last;

    private record Cached(String json, InForce result) {}

    private Policies() {}

    public static Policy inForce(ProductionData data) {
        return choose(data).policy();
    }

    public static InForce choose(ProductionData data) {
        String json = data.policyJson();
        // No stored policy: a production from before policies were versioned, so the first built-in version.
        if (json.isBlank()) return new InForce(BuiltInPolicies.forProductionWithoutPolicy().policy(), false, "");
        Cached cached = last;
        if (cached != null && cached.json().equals(json)) return cached.result();
        InForce result;
        try {
            result = new InForce(Policy.parse(json, "the production's stored policy"), true, "");
        } catch (PolicyException e) {
            LOG.log(System.Logger.Level.WARNING, "Using the built-in default policy for {0}: {1}",
                    data.production().title(), e.getMessage());
            result = new InForce(Policy.defaultPolicy(), false, e.getMessage());
        }
        last = new Cached(json, result);
        return result;
    }
}
