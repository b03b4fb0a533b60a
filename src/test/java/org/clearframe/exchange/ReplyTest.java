package org.clearframe.exchange;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.model.Decision;
import org.clearframe.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;
import static org.junit.jupiter.api.Assertions.*;

class ReplyTest {

    @TempDir Path dir;

    private final UUID shot = UUID.randomUUID();
    private final UUID performer = UUID.randomUUID();

    private Reply signed(KeyPair keys, List<Reply.Entry> entries) throws Exception {
        return Reply.sign(UUID.randomUUID(), UUID.randomUUID(), "Tidewater",
                new Reply.Signer("Dana Reyes", "VFX", List.of(Role.VFX_SUPERVISOR, Role.PERFORMER)), entries, keys);
    }

    private List<Reply.Entry> entries() {
        Instant at = Instant.parse("2026-11-24T10:15:30Z");
        return List.of(
                new Reply.Entry(shot, "VFX-GEN-FINAL", Role.VFX_SUPERVISOR, null, Decision.APPROVED_WITH_CONDITIONS,
                        "Only the wide \"plate\"\nno close-ups — Zoë", at, "fp-1"),
                new Reply.Entry(shot, "DEAGE-PERFORMER", Role.PERFORMER, performer, Decision.DECLINED, "", at, "fp-1"));
    }

    private static KeyPair newKeys() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @Test
    void aSignedReplyReadsBackVerifiedAndEqual() throws Exception {
        Reply reply = signed(newKeys(), entries());
        ReplyVerifier.verify(reply);
        Path file = dir.resolve("vfx.cfreply");
        reply.write(file);
        assertEquals(reply, ReplyVerifier.read(file));
    }

    @Test
    void layoutAndKeyOrderDoNotMatterToTheSignature() throws Exception {
        Reply reply = signed(newKeys(), entries());
        Path file = dir.resolve("compact.cfreply");
        // Written compactly with members in another order: the same content, so the same canonical bytes.
        ObjectNode shuffled = JsonFiles.MAPPER.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        reply.toJson().fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        for (String n : names) shuffled.set(n, reply.toJson().get(n));
        Files.writeString(file, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(shuffled));
        assertEquals(reply, ReplyVerifier.read(file));
    }

    @Test
    void theCanonicalFormIsSortedCompactAndEscapedAsDocumented() throws Exception {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("b", "é\"\\\n\u0001/");
        o.put("a", 12);
        o.putNull("z");
        o.putArray("c").add(true).addNull();
        assertEquals("{\"a\":12,\"b\":\"é\\\"\\\\\\u000a\\u0001/\",\"c\":[true,null]}",
                new String(Canonical.bytes(o), StandardCharsets.UTF_8));
    }

    @Test
    void oneFlippedByteIsRefused() throws Exception {
        Path file = dir.resolve("vfx.cfreply");
        signed(newKeys(), entries()).write(file);
        byte[] bytes = Files.readAllBytes(file);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Only the wide");
        bytes[at] ^= 0x20; // "Only" becomes "only": still valid JSON, different content
        Files.write(file, bytes);
        ExchangeException e = assertThrows(ExchangeException.class, () -> ReplyVerifier.read(file));
        assertEquals(Problem.BAD_SIGNATURE, e.problem());
        assertTrue(e.getMessage().contains("altered since it was signed"), e.getMessage());
    }

    @Test
    void aChangedDecisionIsRefused() throws Exception {
        Path file = dir.resolve("vfx.cfreply");
        signed(newKeys(), entries()).write(file);
        String text = Files.readString(file);
        Files.writeString(file, text.replace("\"DECLINED\"", "\"APPROVED\""));
        assertEquals(Problem.BAD_SIGNATURE, assertThrows(ExchangeException.class, () -> ReplyVerifier.read(file)).problem());
    }

    @Test
    void aReplyResignedWithAnotherKeyStillVerifiesButNamesThatKey() throws Exception {
        // Swapping both key and signature makes a valid reply by someone else: the trust store, not the verifier, catches it.
        Reply mine = signed(newKeys(), entries());
        KeyPair other = newKeys();
        Reply forged = Reply.sign(mine.packageId(), mine.productionId(), mine.productionTitle(), mine.signer(), mine.decisions(), other);
        ReplyVerifier.verify(forged);
        assertNotEquals(mine.keyFingerprint(), forged.keyFingerprint());

        // Swapping only the key is caught here.
        ObjectNode json = mine.toJson();
        json.put("publicKey", KeyRing.encode(other.getPublic()));
        Path file = dir.resolve("swapped.cfreply");
        JsonFiles.write(file, json);
        assertEquals(Problem.BAD_SIGNATURE, assertThrows(ExchangeException.class, () -> ReplyVerifier.read(file)).problem());
    }

    @Test
    void anUnsignedReplyIsRefused() throws Exception {
        ObjectNode json = signed(newKeys(), entries()).toJson();
        json.remove("signature");
        Path file = dir.resolve("unsigned.cfreply");
        JsonFiles.write(file, json);
        ExchangeException e = assertThrows(ExchangeException.class, () -> ReplyVerifier.read(file));
        assertEquals(Problem.UNSIGNED, e.problem());
        assertTrue(e.getMessage().contains("not signed"), e.getMessage());
    }

    @Test
    void aDecisionGivenTwiceIsRefusedEvenWhenSigned() throws Exception {
        Reply twice = signed(newKeys(), List.of(entries().get(0), entries().get(0)));
        Path file = dir.resolve("twice.cfreply");
        twice.write(file);
        ExchangeException e = assertThrows(ExchangeException.class, () -> ReplyVerifier.read(file));
        assertEquals(Problem.DUPLICATE_ID, e.problem());
        assertTrue(e.getMessage().contains("decisions[1]"), e.getMessage());
    }

    @Test
    void malformedIdsAndRolesNotHeldAreRefused() throws Exception {
        KeyPair keys = newKeys();
        Reply bad = signed(keys, List.of(new Reply.Entry(shot, "<script>", Role.VFX_SUPERVISOR, null, Decision.APPROVED, "", Instant.now(), "")));
        Path file = dir.resolve("bad.cfreply");
        bad.write(file);
        assertTrue(assertThrows(ExchangeException.class, () -> ReplyVerifier.read(file)).getMessage().contains("decisions[0].ruleId is not a rule id"));

        Reply legal = signed(keys, List.of(new Reply.Entry(shot, "COPYRIGHT-REF", Role.STUDIO_LEGAL, null, Decision.APPROVED, "", Instant.now(), "")));
        legal.write(file);
        ExchangeException e = assertThrows(ExchangeException.class, () -> ReplyVerifier.read(file));
        assertEquals(Problem.INVALID, e.problem());
        assertTrue(e.getMessage().contains("a role the signer does not answer for"), e.getMessage());
    }

    @Test
    void aNewerSchemaMalformedJsonAndOversizedFilesAreRefused() throws Exception {
        Path file = dir.resolve("r.cfreply");
        ObjectNode json = signed(newKeys(), entries()).toJson();
        json.put("schemaVersion", 7);
        JsonFiles.write(file, json);
        assertEquals(Problem.NEWER_SCHEMA, assertThrows(ExchangeException.class, () -> ReplyVerifier.read(file)).problem());

        Files.writeString(file, "{\"format\": \"clearframe-reply\", ");
        assertEquals(Problem.MALFORMED, assertThrows(ExchangeException.class, () -> ReplyVerifier.read(file)).problem());

        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(ReplyVerifier.MAX_BYTES + 1);
        }
        assertEquals(Problem.TOO_LARGE, assertThrows(ExchangeException.class, () -> ReplyVerifier.read(file)).problem());
    }

    @Test
    void signOffIdsAreStablePerReplyAndSlot() throws Exception {
        Reply reply = signed(newKeys(), entries());
        assertEquals(reply.signOffId(reply.decisions().get(0)), reply.signOffId(reply.decisions().get(0)));
        assertNotEquals(reply.signOffId(reply.decisions().get(0)), reply.signOffId(reply.decisions().get(1)));
        Reply again = signed(newKeys(), entries());
        assertNotEquals(reply.signOffId(reply.decisions().get(0)), again.signOffId(again.decisions().get(0)));
    }
}
