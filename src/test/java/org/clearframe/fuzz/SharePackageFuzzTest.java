package org.clearframe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyVerifier;
import org.clearframe.exchange.SharePackage;
import org.clearframe.model.Decision;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The .cfshare reader on any bytes, as {@code sign} and the Review window read a package. Only
 * {@link ExchangeException} may escape. A package it accepts lists its questions, writes back to a file that
 * reads as the same package, and can be answered: the signed reply verifies.
 *
 * <p>Written against the public read entry point ({@link SharePackage#read}) so it follows format changes.
 */
class SharePackageFuzzTest {

    private static final KeyPair HEAD = keys();

    @FuzzTest(maxDuration = "3m")
    void sharePackage(byte[] input) {
        Path file = FuzzFiles.write("package" + SharePackage.EXTENSION, input);
        SharePackage pkg;
        try {
            pkg = SharePackage.read(file);
        } catch (ExchangeException e) {
            FuzzFiles.assertExplained(e);
            return;
        }
        List<SharePackage.Slot> slots = pkg.slots();
        for (SharePackage.Slot s : slots) {
            pkg.flagsFor(s);
            pkg.shotLabel(s.shotId());
        }
        try {
            Path copy = FuzzFiles.fresh("copy" + SharePackage.EXTENSION);
            pkg.write(copy);
            if (!SharePackage.read(copy).equals(pkg)) throw new AssertionError("a package does not read back as written");
        } catch (ExchangeException e) {
            throw new AssertionError("a package Clearframe accepted cannot be written and read again", e);
        }
        if (slots.isEmpty()) return;
        List<SharePackage.Answer> answers = slots.stream().map(s -> new SharePackage.Answer(s, Decision.APPROVED, "")).toList();
        try {
            Reply reply = pkg.sign("Fuzz Head", answers, HEAD);
            ReplyVerifier.verify(reply);
        } catch (ExchangeException e) {
            FuzzFiles.assertExplained(e);
        }
    }

    static KeyPair keys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
