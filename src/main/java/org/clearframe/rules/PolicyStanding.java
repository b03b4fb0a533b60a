package org.clearframe.rules;

import org.clearframe.model.ProductionData;

import java.util.Optional;

/**
 * Which policy a production is under, said the way a producer asks it: is it one of Clearframe's built-in
 * versions (and which), and is there a newer built-in version it could be upgraded to? A studio's own policy is
 * never offered a built-in upgrade: replacing it is the studio's decision.
 */
public record PolicyStanding(Policy policy, Optional<BuiltInPolicies.BuiltIn> builtIn, Optional<BuiltInPolicies.BuiltIn> newer) {

    public static PolicyStanding of(Policy policy) {
        Optional<BuiltInPolicies.BuiltIn> builtIn = BuiltInPolicies.identify(policy);
        return new PolicyStanding(policy, builtIn, BuiltInPolicies.newerThan(policy));
    }

    public static PolicyStanding of(ProductionData data) {
        return of(Policies.inForce(data));
    }

    /** The upgrade to the newer built-in version, if there is one. */
    public Optional<PolicyUpgrade> upgrade() {
        return newer.map(n -> PolicyUpgrade.between(policy, n.policy()));
    }

    /** "built-in 2026.11; a newer built-in policy, 2026.12, can be applied" and the like. */
    public String describe() {
        if (builtIn.isEmpty()) return "a studio policy stored in the production";
        return "built-in " + builtIn.get().version()
                + newer.map(n -> "; a newer built-in policy, " + n.version() + ", is available (upgrade in Production > Policy)").orElse("; the newest built-in policy");
    }
}
