package org.clearframe.exchange;


import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;

/**
 * The producers' keys a department head trusts, one per production, pinned on first use: the first signed package
 * of a production pins the key that signed it, and a later package of that production signed by another key is
 * refused until the head re-pins on purpose (after comparing the fingerprint with the producer by phone). Once a
 * production's key is pinned, an unsigned (old-format) package for it is refused too: a producer who signs does
 * not send unsigned packages, so one is a signature stripped off. Kept beside the key ring in the config folder.
 */
public final class ProducerTrust {

    static final String FILE = "trusted-producers.json";
    private static final String FORMAT = "clearframe-trusted-producers";

    /** One pinned producer key. */
    public record Pin(UUID productionId, String productionTitle, String publicKey, String fingerprint, Instant pinnedAt) {}

    /** How a package's signature compares with what is pinned for its production. */
    public enum Check {
        /** Signed, and nothing pinned for this production yet: reviewing it pins the key. */
        NEW,
        /** Signed with the key pinned for this production. */
        MATCHES,
        /** Signed with another key than the one pinned for this production: refused unless re-pinned. */
        CHANGED,
        /** Unsigned (schema 1), and nothing pinned for the production: reviewable, with a warning. */
        UNSIGNED,
        /** Unsigned, but this production's packages are known to be signed: refused. */
        UNSIGNED_BUT_PINNED
    }

    private final PinFile<Pin> file;

    public ProducerTrust(Path dir) {
        this.file = new PinFile<>(dir, FILE, FORMAT, "the list of trusted producers", "productions", p -> {
            String key = p.text("publicKey");
            KeyRing.decodePublicKey(key);
            return new Pin(p.uuid("productionId"), p.textOr("productionTitle"), key, p.text("fingerprint"), p.instant("pinnedAt"));
        }, (p, o) -> {
            o.put("productionId", p.productionId().toString());
            o.put("productionTitle", p.productionTitle());
            o.put("fingerprint", p.fingerprint());
            o.put("publicKey", p.publicKey());
            o.put("pinnedAt", p.pinnedAt().toString());
        });
    }

    public static ProducerTrust forUser() {
        return new ProducerTrust(KeyRing.configDir());
    }

    public Path file() {
        return file.file();
    }

    public synchronized List<Pin> pins() throws ExchangeException {
        return file.read();
    }

    public Optional<Pin> pinned(UUID productionId) throws ExchangeException {
        return pins().stream().filter(p -> p.productionId().equals(productionId)).findFirst();
    }

    public Check check(SharePackage pkg) throws ExchangeException {
        Optional<Pin> pin = pinned(pkg.production().id());
        if (!pkg.sealed()) return pin.isPresent() ? Check.UNSIGNED_BUT_PINNED : Check.UNSIGNED;
        if (pin.isEmpty()) return Check.NEW;
        return pin.get().publicKey().equals(pkg.seal().producerKey()) ? Check.MATCHES : Check.CHANGED;
    }

    /**
     * Decides whether the head may review {@code pkg}: refuses a changed key (unless {@code repin}) and an unsigned
     * package for a production whose key is pinned. Pins nothing; see {@link #accept}. Returns the line to show.
     */
    public String vet(SharePackage pkg, boolean repin) throws ExchangeException {
        Check check = check(pkg);
        String title = pkg.production().title();
        return switch (check) {
            case NEW -> "First package of \"" + title + "\" signed by the producer's key " + pkg.seal().keyFingerprint()
                    + ": compare it with the producer by phone. Reviewing pins this key for the production.";
            case MATCHES -> "Signed by the producer of \"" + title + "\" with their known key " + pkg.seal().keyFingerprint() + ".";
            case UNSIGNED -> "WARNING: this package is in the old unsigned format, so Clearframe cannot tell who made it or whether it was "
                    + "changed. Your reply binds only the plan shown here: the producer's Clearframe treats any difference from the "
                    + "real plan as stale.";
            case CHANGED -> {
                String was = pinned(pkg.production().id()).map(Pin::fingerprint).orElse("");
                if (!repin) {
                    throw new ExchangeException(Problem.KEY_CHANGED, "WARNING: this package of \"" + title + "\" is signed with a different key ("
                            + pkg.seal().keyFingerprint() + ") from the one pinned for its producer (" + was + "). It may be forged, or the "
                            + "producer may have a new computer. Call them and compare the fingerprint; only if they confirm it, open it again "
                            + "choosing to re-pin their key. Nothing was signed.");
                }
                yield "RE-PINNING: the producer of \"" + title + "\" now signs with key " + pkg.seal().keyFingerprint() + " instead of " + was + ".";
            }
            case UNSIGNED_BUT_PINNED -> throw new ExchangeException(Problem.UNSIGNED, "This package of \"" + title + "\" is not signed, but "
                    + "the producer of this production signs their packages: its signature was removed, or it is not from them. "
                    + "Ask the producer to send it again. Nothing was signed.");
        };
    }

    /** Pins the producer's key for the package's production, if it is signed and not pinned yet (or re-pinned). */
    public synchronized void accept(SharePackage pkg) throws ExchangeException {
        if (!pkg.sealed()) return;
        Check check = check(pkg);
        if (check == Check.MATCHES) return;
        List<Pin> pins = new ArrayList<>(pins());
        pins.removeIf(p -> p.productionId().equals(pkg.production().id()));
        pins.add(new Pin(pkg.production().id(), pkg.production().title(), pkg.seal().producerKey(), pkg.seal().keyFingerprint(), Instant.now()));
        file.write(pins);
    }
}
