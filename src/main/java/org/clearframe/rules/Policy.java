package org.clearframe.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named, versioned set of rules: the studio's (or Clearframe's default) view of which AI uses need whose
 * signature. The file format is described in src/docs/policy-format.md; {@code schemaVersion} is the version of
 * that format, {@code version} the policy author's own revision label.
 */
public record Policy(String name, String version, int schemaVersion, List<Rule> rules) {

    /**
     * The newest policy file format this Clearframe reads. Format 2 (policy 2026.12) adds source dates and what was
     * checked, and {@code anyOf} in triggers; format 1 files read as before, their sources marked "not stated".
     */
    public static final int SCHEMA_VERSION = 2;

    static final String DEFAULT_RESOURCE = "default-policy.json";

    public Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        rules = List.copyOf(rules);
    }

    /**
     * Reads a policy from JSON text. {@code sourceName} (usually the file name) is only used in messages.
     *
     * @throws PolicyException naming the source, rule id and field of the first problem found
     */
    public static Policy parse(String json, String sourceName) throws PolicyException {
        return PolicyReader.read(json, sourceName);
    }

    /** Reads a policy file, as the "Load policy" action does. */
    public static Policy read(Path file) throws PolicyException {
        String name = String.valueOf(file.getFileName());
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new PolicyException(name, null, null, "cannot be read: " + e.getMessage(), 0, 0, e);
        }
    }

    /**
     * The newest policy built into Clearframe, encoding the checked rule catalogue: what new productions are planned
     * under. A production that stores no policy is under an older one; see {@link BuiltInPolicies}. Parsed once.
     */
    public static Policy defaultPolicy() {
        return DefaultHolder.POLICY;
    }

    /** The JSON text of the built-in policy, to show it or to save it as a starting point for a studio's own. */
    public static String defaultPolicyJson() {
        try (InputStream in = Policy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("the built-in policy " + DEFAULT_RESOURCE + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The policy's rule with this id, or one of the checks every policy carries ({@link PerformerChecks}). */
    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst()
                .or(() -> PerformerChecks.RULES.stream().filter(r -> r.id().equals(id)).findFirst())
                .or(() -> PerformerChecks.FALLBACKS.stream().filter(r -> r.id().equals(id)).findFirst());
    }

    /** "Clearframe default policy (2026.11)", for window titles and reports. */
    public String display() {
        return version.isBlank() ? name : name + " (" + version + ")";
    }

    private static final class DefaultHolder {
        static final Policy POLICY = load();

        private static Policy load() {
            try {
                return parse(defaultPolicyJson(), DEFAULT_RESOURCE);
            } catch (PolicyException e) {
                // The built-in file is tested; failing here means a broken build, not bad user input.
                throw new IllegalStateException("the built-in policy is invalid: " + e.getMessage(), e);
            }
        }
    }
}
