package org.clearframe.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.exchange.TrustStore;
import org.clearframe.model.Decision;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Shot;
import org.clearframe.model.Tristate;
import org.clearframe.testkit.RegisterProductions;
import org.clearframe.rules.Fingerprint;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.KeepsUserConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The register is a post box, not a notary: whatever a studio user (or anyone with the database) puts in it, pull
 * records only what a signed reply proves, as import-reply would. Each attack leaves the production file as it was.
 */
@ExtendWith(KeepsUserConfig.class)
class PullAttacksTest {

    @TempDir Path dir;
    TestRegister reg;
    String alice, studio;
    ProductionData data;
    Path file;
    TrustStore trust;

    @BeforeEach
    void published() throws Exception {
        System.setProperty("clearframe.config", dir.resolve("producer").toString());
        trust = TrustStore.forUser();
        reg = TestRegister.fresh();
        alice = reg.role("alice", "clearframe_producer");
        studio = reg.role("sam", "clearframe_studio");
        data = RegisterProductions.of("Tidewater", LocalDate.now(), "Mara Lind", "CloudGen", Tristate.NO);
        file = RegisterProductions.write(dir.resolve("a.clearframe"), data);
        Publishing.publish(file, reg.url(alice));
    }

    private static KeyPair key() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private Reply reply(UUID production, String signer, String department, Role role, KeyPair key) throws Exception {
        Shot shot = data.shots().get(0);
        return Reply.sign(StudioSigning.packageId(production), production, "Tidewater", new Reply.Signer(signer, department, List.of(role)),
                List.of(new Reply.Entry(shot.id(), "VFX-GEN-FINAL", role, null, Decision.APPROVED, "", Instant.now(), Fingerprint.of(shot))), key);
    }

    /** Puts bytes into the register as the studio role could, with plain SQL. */
    private void post(UUID id, byte[] bytes) throws Exception {
        try (Connection c = reg.as(studio); PreparedStatement s = c.prepareStatement("INSERT INTO clearframe.replies (id, production_id, owner, "
                + "package_id, signer, department, roles, key_fingerprint, bytes, signed_in_register) SELECT ?, id, owner, gen_random_uuid(), "
                + "'Sam Okafor', 'Production', ARRAY['STUDIO_AI_CONTACT'], 'x', ?, true FROM clearframe.productions WHERE id = ?")) {
            s.setObject(1, id);
            s.setBytes(2, bytes);
            s.setObject(3, data.production().id());
            assertEquals(1, s.executeUpdate());
        }
    }

    private static byte[] bytes(Reply r) throws Exception {
        return new ObjectMapper().writeValueAsBytes(r.toJson());
    }

    private int signOffsInFile() throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return SignedRecord.load(store).data().signOffs().size();
        }
    }

    private String pullRefusal() throws Exception {
        Pulling.Result result = Pulling.pull(file, reg.url(alice), trust);
        assertEquals(1, result.refused().size(), String.valueOf(result));
        assertEquals(0, result.recorded());
        assertEquals(0, signOffsInFile());
        return result.refused().get(0).refusal();
    }

    @Test
    void anAlteredReplyIsRefused() throws Exception {
        Reply r = reply(data.production().id(), "Sam Okafor", "Production", Role.STUDIO_AI_CONTACT, key());
        post(r.id(), new String(bytes(r), StandardCharsets.UTF_8).replace("APPROVED", "DECLINED").getBytes(StandardCharsets.UTF_8));
        assertTrue(pullRefusal().contains("altered since it was signed"));
    }

    @Test
    void aHeadsReplySlippedIntoTheRegisterIsRefused() throws Exception {
        Reply r = reply(data.production().id(), "Dana Reyes", "VFX", Role.VFX_SUPERVISOR, key());
        post(r.id(), bytes(r));
        assertTrue(pullRefusal().contains("only the studio AI contact signs in the register"));
    }

    @Test
    void aReplyForAnotherProductionIsRefused() throws Exception {
        Reply r = reply(UUID.randomUUID(), "Sam Okafor", "Production", Role.STUDIO_AI_CONTACT, key());
        post(r.id(), bytes(r));
        assertTrue(pullRefusal().contains("another production"));
    }

    @Test
    void aNewKeyForTheStudioContactIsRefusedOnceTheirKeyIsPinned() throws Exception {
        StudioSigning.sign(reg.url(studio), data.production().id(), "Sam Okafor", Decision.APPROVED, "", key());
        assertEquals(2, Pulling.pull(file, reg.url(alice), trust).recorded());
        Reply impostor = reply(data.production().id(), "Sam Okafor", "Production", Role.STUDIO_AI_CONTACT, key());
        post(impostor.id(), new ObjectMapper().writeValueAsBytes(
                reply(data.production().id(), "Sam Okafor", "Production", Role.STUDIO_AI_CONTACT, key()).toJson()));
        Pulling.Result again = Pulling.pull(file, reg.url(alice), trust);
        assertEquals(1, again.refused().size());
        assertEquals(0, again.recorded());
        assertEquals(2, signOffsInFile());
        Reply other = reply(data.production().id(), "Sam Okafor", "Production", Role.STUDIO_AI_CONTACT, key());
        post(other.id(), bytes(other));
        Pulling.Result third = Pulling.pull(file, reg.url(alice), trust);
        assertTrue(third.refused().stream().anyMatch(o -> o.refusal().contains("different key")), String.valueOf(third));
        assertEquals(2, signOffsInFile());
    }
}
