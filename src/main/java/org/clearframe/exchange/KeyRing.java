package org.clearframe.exchange;

import org.clearframe.AppFolders;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import static org.clearframe.exchange.ExchangeException.Problem;

/**
 * The user's own Ed25519 key pair, with which a department head signs the replies they return. Made on first use
 * and kept in the user's Clearframe config folder; the file holding the private key is readable by its owner
 * only, where the file system has POSIX permissions (elsewhere the per-user config folder is the protection).
 */
public final class KeyRing {

    private static final System.Logger LOG = System.getLogger(KeyRing.class.getName());

    static final String ALGORITHM = "Ed25519";
    static final String FILE = "signing-key.json";
    private static final String FORMAT = "clearframe-signing-key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dir;
    private KeyPair cached;

    public KeyRing(Path dir) {
        this.dir = dir;
    }

    /** The key ring in this user's config folder ({@link #configDir()}). */
    public static KeyRing forUser() {
        return new KeyRing(configDir());
    }

    /**
     * The user's Clearframe config folder: the system property {@code clearframe.config} when set (tests, portable
     * installs), else the platform's place for per-user settings.
     */
    public static Path configDir() {
        return AppFolders.config();
    }

    public Path dir() {
        return dir;
    }

    public Path file() {
        return dir.resolve(FILE);
    }

    public boolean exists() {
        return Files.exists(file());
    }

    /** The user's key pair, made and saved now if this is the first time it is needed. */
    public synchronized KeyPair keyPair() throws ExchangeException {
        if (cached == null) cached = exists() ? load() : create();
        return cached;
    }

    public PublicKey publicKey() throws ExchangeException {
        return keyPair().getPublic();
    }

    /** The short fingerprint of the user's own public key, to read out over the phone. */
    public String fingerprint() throws ExchangeException {
        return fingerprint(publicKey());
    }

    private KeyPair create() throws ExchangeException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new ExchangeException(Problem.IO, "This Java runtime cannot make Ed25519 keys: " + e.getMessage(), e);
        }
        ObjectNode json = JsonFiles.header(FORMAT, 1);
        json.put("algorithm", ALGORITHM);
        json.put("createdAt", Instant.now().toString());
        json.put("fingerprint", fingerprint(pair.getPublic()));
        json.put("publicKey", encode(pair.getPublic()));
        json.put("privateKey", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        Path temp = null;
        try {
            createPrivateDir(dir);
            temp = Files.createTempFile(dir, ".signing-key", ".partial", ownerOnly(dir, OWNER_ONLY));
            Files.write(temp, JsonFiles.MAPPER.writeValueAsBytes(json));
            try {
                // A hard link never replaces: if another Clearframe made a key meanwhile, theirs wins and we read it.
                Files.createLink(file(), temp);
            } catch (FileAlreadyExistsException raced) {
                return load();
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (Files.exists(file())) return load();
                Files.move(temp, file(), StandardCopyOption.ATOMIC_MOVE);
            }
            LOG.log(System.Logger.Level.INFO, "Made a new signing key {0} in {1}", fingerprint(pair.getPublic()), dir);
            return pair;
        } catch (IOException e) {
            throw new ExchangeException(Problem.IO, "Clearframe could not save your signing key in " + dir + ": " + e.getMessage(), e);
        } finally {
            JsonFiles.deleteQuietly(temp);
        }
    }

    private KeyPair load() throws ExchangeException {
        Path file = file();
        warnIfReadableByOthers(file);
        ObjectNode json = JsonFiles.read(file, "a Clearframe signing key", FORMAT, 1, 64 * 1024);
        JsonIn in = JsonIn.root(json, file.toString());
        if (!ALGORITHM.equals(in.text("algorithm"))) throw in.invalid("algorithm", "is not " + ALGORITHM + ".");
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(in.base64("publicKey")));
            PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(in.base64("privateKey")));
            KeyPair pair = new KeyPair(pub, priv);
            if (!matches(pair)) {
                throw new ExchangeException(Problem.INVALID, file + " is damaged: its public and private keys do not belong together. "
                        + "Move it aside to make a new key (heads you sent replies to will then see a new key).");
            }
            return pair;
        } catch (GeneralSecurityException e) {
            throw new ExchangeException(Problem.INVALID, file + " is damaged: its keys cannot be read (" + e.getMessage() + ").", e);
        }
    }

    private static boolean matches(KeyPair pair) throws GeneralSecurityException {
        byte[] probe = "clearframe key check".getBytes(StandardCharsets.US_ASCII);
        Signature s = Signature.getInstance(ALGORITHM);
        s.initSign(pair.getPrivate());
        s.update(probe);
        byte[] sig = s.sign();
        s.initVerify(pair.getPublic());
        s.update(probe);
        return s.verify(sig);
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(perms)) {
                    LOG.log(System.Logger.Level.WARNING, "{0} can be read by other users ({1}); it should be rw-------",
                            file, PosixFilePermissions.toString(perms));
                }
            }
        } catch (IOException ignored) {
            // only a warning; reading the key will report a real problem
        }
    }

    static void createPrivateDir(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try {
            Files.createDirectory(dir, ownerOnly(parent, OWNER_ONLY_DIR));
        } catch (FileAlreadyExistsException raced) {
            // made by someone else meanwhile: fine
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path where, Set<PosixFilePermission> perms) throws IOException {
        boolean posix = where != null && Files.exists(where) && Files.getFileStore(where).supportsFileAttributeView("posix");
        return posix ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(perms)} : new FileAttribute<?>[0];
    }

    // ------------------------------------------------------------------------------------------- key helpers

    /** The public key as base64 of its X.509 SubjectPublicKeyInfo encoding (44 bytes for Ed25519). */
    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PublicKey decodePublicKey(String base64) throws ExchangeException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ExchangeException(Problem.INVALID, "The public key is not a valid Ed25519 key.", e);
        }
    }

    /**
     * A short fingerprint to compare by phone: the first 16 hex digits of the SHA-256 of the X.509-encoded public
     * key, in groups of four ("3F2A-9B1C-0D4E-77A1"). Pinning compares the whole key; this is only for people.
     */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            String hex = HexFormat.of().withUpperCase().formatHex(hash, 0, 8);
            return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
