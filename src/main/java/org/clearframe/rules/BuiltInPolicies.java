package org.clearframe.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Every default policy Clearframe has shipped, oldest first. A production stays under the built-in version it
 * was planned under until the producer upgrades it (see {@link PolicyUpgrade}): sign-offs were given against
 * those rules, so a new Clearframe must not change them silently.
 *
 * <p>How a production records its version: a production made before 2026.12 has no stored policy, and is under
 * 2026.11, the only built-in policy there was. A production made since stores the built-in policy's JSON like a
 * studio policy (source {@link #SOURCE}); it is recognised as built-in because it reads to exactly the rules of a
 * bundled version.
 */
public final class BuiltInPolicies {

    /** The {@code source} written beside a built-in policy stored in a production. */
    public static final String SOURCE = "built-in";

    /** One bundled version: its label and the resource holding its JSON. */
    public record BuiltIn(String version, String resource) {

        public String json() {
            try (InputStream in = Policy.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("the built-in policy " + resource + " is missing from the build");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Policy policy() {
            return Parsed.of(this);
        }
    }

    static final BuiltIn V2026_11 = new BuiltIn("2026.11", "default-policy-2026.11.json");
    static final BuiltIn V2026_12 = new BuiltIn("2026.12", Policy.DEFAULT_RESOURCE);

    private static final List<BuiltIn> ALL = List.of(V2026_11, V2026_12);

    private BuiltInPolicies() {}

    /** Oldest first. */
    public static List<BuiltIn> all() {
        return ALL;
    }

    /** The newest built-in policy: what a new production is planned under. */
    public static BuiltIn latest() {
        return ALL.get(ALL.size() - 1);
    }

    /** The policy of a production that stores none: it was made before productions recorded their version. */
    public static BuiltIn forProductionWithoutPolicy() {
        return V2026_11;
    }

    public static Optional<BuiltIn> version(String version) {
        return ALL.stream().filter(b -> b.version().equals(version)).findFirst();
    }

    /** The bundled version {@code policy} is, rule for rule; empty for a studio's own or an edited copy. */
    public static Optional<BuiltIn> identify(Policy policy) {
        for (BuiltIn b : ALL) {
            if (b.policy() == policy || b.policy().equals(policy)) return Optional.of(b);
        }
        return Optional.empty();
    }

    /** The newest built-in version after {@code current}, if {@code current} is built in and not the newest. */
    public static Optional<BuiltIn> newerThan(Policy current) {
        return identify(current).filter(b -> !b.equals(latest())).map(b -> latest());
    }

    /** Each bundled file is parsed once; a failure is a broken build, not bad input (the files are tested). */
    private static final class Parsed {
        private static final Policy[] POLICIES = new Policy[ALL.size()];

        static synchronized Policy of(BuiltIn b) {
            int i = ALL.indexOf(b);
            if (POLICIES[i] == null) {
                try {
                    POLICIES[i] = b.resource().equals(Policy.DEFAULT_RESOURCE) ? Policy.defaultPolicy() : Policy.parse(b.json(), b.resource());
                } catch (PolicyException e) {
                    throw new IllegalStateException("the built-in policy " + b.version() + " is invalid: " + e.getMessage(), e);
                }
            }
            return POLICIES[i];
        }
    }
}
