package org.clearframe.exchange;


import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clearframe.rules.Names;
import java.util.Optional;

/**
 * The department heads' public keys this producer trusts, pinned on first use: the first reply from a head pins
 * the key it was signed with, and a later reply for the same head signed by another key is refused until the
 * producer re-pins on purpose (after checking the new fingerprint with the head by phone). Kept as JSON in the
 * user's config folder beside the key ring, so it is shared by all of this user's productions.
 *
 * <p>A head is known by name and department, compared as {@link Names#normalise} does (so a zero-width space or a
 * no-break space does not make a new head). One key speaks for one head: a key pinned for one name and department
 * that signs as another is refused until the producer re-pins on purpose, and a new name that only looks like a
 * pinned one (Cyrillic "а" for Latin "a", "o" for "ø") is refused the same way, since that is how an impostor would
 * try to pass as a first reply.
 */
public final class TrustStore {

    static final String FILE = "trusted-keys.json";
    private static final String FORMAT = "clearframe-trusted-keys";

    /** One pinned key. */
    public record Pin(String name, String department, String publicKey, String fingerprint, Instant pinnedAt) {}

    /** How a reply's key compares with what is pinned for its signer. */
    public enum Check {
        /** Nothing pinned for this head yet: importing will pin the key (trust on first use). */
        NEW,
        /** The key pinned for this head. */
        MATCHES,
        /** Another key than the one pinned for this head: refused unless the producer re-pins. */
        CHANGED,
        /** No key pinned for this head, but this key is pinned for another head: refused unless the producer re-pins. */
        KEY_OF_ANOTHER_HEAD,
        /** No key pinned for this head, but a pinned head's name looks like this one: refused unless the producer re-pins. */
        LOOKS_LIKE_ANOTHER
    }

    /** The dir this store keeps its file in (the user's config folder). */
    public Path dir() {
        return file.dir();
    }

    private final PinFile<Pin> file;

    public TrustStore(Path dir) {
        this.file = new PinFile<>(dir, FILE, FORMAT, "the list of trusted keys", "heads", p -> {
            String key = p.text("publicKey");
            KeyRing.decodePublicKey(key);
            return new Pin(p.text("name"), p.text("department"), key, p.text("fingerprint"), p.instant("pinnedAt"));
        }, (p, o) -> {
            o.put("name", p.name());
            o.put("department", p.department());
            o.put("fingerprint", p.fingerprint());
            o.put("publicKey", p.publicKey());
            o.put("pinnedAt", p.pinnedAt().toString());
        });
    }

    public static TrustStore forUser() {
        return new TrustStore(KeyRing.configDir());
    }

    public Path file() {
        return file.file();
    }

    /** Read fresh each time: another Clearframe window may have pinned a key meanwhile. */
    public synchronized List<Pin> pins() throws ExchangeException {
        return file.read();
    }

    public Optional<Pin> pinned(String name, String department) throws ExchangeException {
        String id = identity(name, department);
        return pins().stream().filter(p -> identity(p.name(), p.department()).equals(id)).findFirst();
    }

    public Check check(String name, String department, PublicKey key) throws ExchangeException {
        Optional<Pin> pin = pinned(name, department);
        if (pin.isPresent()) return pin.get().publicKey().equals(KeyRing.encode(key)) ? Check.MATCHES : Check.CHANGED;
        if (!otherHeadsOf(key, name, department).isEmpty()) return Check.KEY_OF_ANOTHER_HEAD;
        if (!lookAlikes(name).isEmpty()) return Check.LOOKS_LIKE_ANOTHER;
        return Check.NEW;
    }

    /** The heads other than (name, department) this key is pinned for. */
    public List<Pin> otherHeadsOf(PublicKey key, String name, String department) throws ExchangeException {
        String encoded = KeyRing.encode(key);
        String id = identity(name, department);
        return pins().stream().filter(p -> p.publicKey().equals(encoded) && !identity(p.name(), p.department()).equals(id)).toList();
    }

    /** Pinned heads whose names look like {@code name} without being it. */
    public List<Pin> lookAlikes(String name) throws ExchangeException {
        return pins().stream().filter(p -> Names.lookAlike(p.name(), name)).toList();
    }

    /** Pins {@code key} for the head, replacing any key pinned for them before (an explicit re-pin). */
    public synchronized Pin pin(String name, String department, PublicKey key) throws ExchangeException {
        String id = identity(name, department);
        List<Pin> pins = new ArrayList<>(pins());
        pins.removeIf(p -> identity(p.name(), p.department()).equals(id));
        Pin pin = new Pin(name.strip(), department.strip(), KeyRing.encode(key), KeyRing.fingerprint(key), Instant.now());
        pins.add(pin);
        save(pins);
        return pin;
    }

    public synchronized boolean forget(String name, String department) throws ExchangeException {
        String id = identity(name, department);
        List<Pin> pins = new ArrayList<>(pins());
        boolean removed = pins.removeIf(p -> identity(p.name(), p.department()).equals(id));
        if (removed) save(pins);
        return removed;
    }

    private void save(List<Pin> pins) throws ExchangeException {
        file.write(pins);
    }

    /** How two spellings of the same head compare: as {@link Names#normalise} does, name and department. */
    static String identity(String name, String department) {
        return Names.normalise(name) + "\u0000" + Names.normalise(department);
    }
}
