package org.clearframe.exchange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;

import static org.junit.jupiter.api.Assertions.*;

class KeyRingTest {

    @TempDir Path dir;

    @Test
    void aKeyPairIsMadeOnFirstUseAndTheSameOneIsReadBack() throws Exception {
        Path config = dir.resolve("config");
        KeyRing ring = new KeyRing(config);
        assertFalse(ring.exists());
        KeyPair first = ring.keyPair();
        assertTrue(Files.exists(config.resolve(KeyRing.FILE)));
        assertEquals("Ed25519", first.getPublic().getAlgorithm().replace("EdDSA", "Ed25519"));

        KeyPair again = new KeyRing(config).keyPair();
        assertArrayEquals(first.getPublic().getEncoded(), again.getPublic().getEncoded());
        assertArrayEquals(first.getPrivate().getEncoded(), again.getPrivate().getEncoded());
        try (var files = Files.list(config)) {
            assertEquals(1, files.count(), "only the key file, no temporary left over");
        }
    }

    @Test
    void thePrivateKeyFileAndFolderAreOwnerOnly() throws Exception {
        Path config = dir.resolve("config");
        new KeyRing(config).keyPair();
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolve(KeyRing.FILE))));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        }
    }

    @Test
    void aDamagedKeyFileIsReportedNotReplaced() throws Exception {
        Path config = dir.resolve("config");
        KeyRing ring = new KeyRing(config);
        ring.keyPair();
        String text = Files.readString(ring.file());
        // Swap in another pair's public key: the file no longer holds a matching pair.
        PublicKey other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        String damaged = text.replaceFirst("\"publicKey\" : \"[^\"]+\"", "\"publicKey\" : \"" + KeyRing.encode(other) + "\"");
        assertNotEquals(text, damaged);
        Files.writeString(ring.file(), damaged);
        ExchangeException e = assertThrows(ExchangeException.class, () -> new KeyRing(config).keyPair());
        assertTrue(e.getMessage().contains("do not belong together"), e.getMessage());
        assertEquals(damaged, Files.readString(ring.file()), "the damaged file is left for the user to deal with");
    }

    @Test
    void fingerprintsAreShortGroupedAndStable() throws Exception {
        PublicKey key = new KeyRing(dir).publicKey();
        String fp = KeyRing.fingerprint(key);
        assertTrue(fp.matches("[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}"), fp);
        assertEquals(fp, KeyRing.fingerprint(KeyRing.decodePublicKey(KeyRing.encode(key))));
        assertNotEquals(fp, KeyRing.fingerprint(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()));
    }

    @Test
    void theConfigFolderFollowsThePropertyThenThePlatform() {
        String saved = System.getProperty("clearframe.config");
        try {
            System.setProperty("clearframe.config", dir.toString());
            assertEquals(dir, KeyRing.configDir());
            System.clearProperty("clearframe.config");
            Path platform = KeyRing.configDir();
            String os = System.getProperty("os.name").toLowerCase();
            if (os.contains("linux")) {
                String xdg = System.getenv("XDG_CONFIG_HOME");
                Path expected = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg, "clearframe")
                        : Path.of(System.getProperty("user.home"), ".config", "clearframe");
                assertEquals(expected, platform);
            }
        } finally {
            if (saved == null) System.clearProperty("clearframe.config");
            else System.setProperty("clearframe.config", saved);
        }
    }

    @Test
    void theTrustStorePinsChecksAndRepins() throws Exception {
        TrustStore trust = new TrustStore(dir.resolve("config"));
        PublicKey dana = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        PublicKey impostor = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertEquals(TrustStore.Check.NEW, trust.check("Dana Reyes", "VFX", dana));
        trust.pin("Dana Reyes", "VFX", dana);

        TrustStore reread = new TrustStore(dir.resolve("config"));
        assertEquals(TrustStore.Check.MATCHES, reread.check("  dana   REYES ", "vfx", dana), "case and spacing do not make a new head");
        assertEquals(TrustStore.Check.CHANGED, reread.check("Dana Reyes", "VFX", impostor));
        assertEquals(TrustStore.Check.NEW, reread.check("Dana Reyes", "Costume / Wardrobe", impostor), "another department is another head");
        assertEquals(KeyRing.fingerprint(dana), reread.pinned("Dana Reyes", "VFX").orElseThrow().fingerprint());

        reread.pin("Dana Reyes", "VFX", impostor);
        assertEquals(TrustStore.Check.MATCHES, trust.check("Dana Reyes", "VFX", impostor));
        assertEquals(1, trust.pins().size());
        assertTrue(trust.forget("Dana Reyes", "VFX"));
        assertEquals(TrustStore.Check.NEW, trust.check("Dana Reyes", "VFX", impostor));
    }

    @Test
    void aDamagedTrustFileIsReportedRatherThanReadAsEmpty() throws Exception {
        Path config = dir.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve(TrustStore.FILE), "{ not json");
        ExchangeException e = assertThrows(ExchangeException.class, () -> new TrustStore(config).pins());
        assertEquals(ExchangeException.Problem.MALFORMED, e.problem());
    }
}
