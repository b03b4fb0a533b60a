package org.clearframe.exchange;

import java.security.PublicKey;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whose word this machine takes for a sign-off. A proof shows that some key signed; anyone can make a key, so a
 * sign-off counts only when a key this machine trusts stands behind it: the user's own key, a head's key pinned here
 * on first use, or a key fingerprint named as trusted (for a build server that gates on {@code check}: the
 * {@value #ENVIRONMENT} environment variable or {@code check --trust-key}).
 */
public record RecordTrust(PublicKey ownKey, Set<String> fingerprints, boolean anyKey) {

    /** Comma- or space-separated key fingerprints a machine trusts without keys of its own. */
    public static final String ENVIRONMENT = "CLEARFRAME_TRUSTED_KEYS";

    public RecordTrust {
        fingerprints = Set.copyOf(fingerprints);
    }

    /** This user's own key, and the fingerprints named in the environment and in {@code extra}. */
    public static RecordTrust forUser(Collection<String> extra) {
        Set<String> named = new LinkedHashSet<>(namedInEnvironment());
        for (String e : extra) named.addAll(fingerprints(e));
        return new RecordTrust(SignedRecord.ownKey(), named, false);
    }

    /** {@code key} as the user's own (the key that signs an evidence pack), and the fingerprints named in the environment. */
    public static RecordTrust forKey(PublicKey key) {
        return new RecordTrust(key, namedInEnvironment(), false);
    }

    private static Set<String> namedInEnvironment() {
        String env = System.getenv(ENVIRONMENT);
        return env == null ? Set.of() : fingerprints(env);
    }

    /** Checks a proof's signature and nothing about who holds the key: for reading a file's evidence, not for counting it. */
    static RecordTrust everyKey() {
        return new RecordTrust(null, Set.of(), true);
    }

    /** Whether {@code key} (with its {@code fingerprint}) may vouch for a sign-off here. */
    boolean trusts(PublicKey key, String fingerprint) {
        return anyKey || (ownKey != null && ownKey.equals(key)) || fingerprints.contains(normalise(fingerprint));
    }

    /** Parses "058C-9D5C-B468-9CFA, 3f2a9b1c0d4e77a1" into canonical fingerprints; throws on anything else. */
    public static Set<String> fingerprints(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) continue;
            String fp = normalise(part);
            if (!fp.matches("[0-9A-F]{4}(-[0-9A-F]{4}){3}")) {
                throw new IllegalArgumentException("'" + part + "' is not a key fingerprint (16 hexadecimal digits, e.g. 058C-9D5C-B468-9CFA)");
            }
            out.add(fp);
        }
        return out;
    }

    private static String normalise(String fingerprint) {
        String hex = fingerprint.strip().replace("-", "").toUpperCase(Locale.ROOT);
        if (hex.length() != 16) return fingerprint.strip().toUpperCase(Locale.ROOT);
        return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12);
    }
}
