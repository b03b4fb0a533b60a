package org.clearframe.register;

import org.clearframe.model.Decision;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Tristate;
import org.clearframe.testkit.RegisterProductions;
import org.clearframe.store.register.Register;
import org.clearframe.testkit.KeepsUserConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;

import static org.clearframe.register.RegisterAcceptanceTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each denial the register promises, tried against a real PostgreSQL with plain SQL, as a hostile producer or studio
 * user would try it with psql rather than through Clearframe.
 */
@ExtendWith(KeepsUserConfig.class)
class RegisterSecurityTest {

    @TempDir Path dir;
    TestRegister reg;
    String alice, bob, studio;
    UUID tidewater, northern;

    @BeforeEach
    void published() throws Exception {
        System.setProperty("clearframe.config", dir.resolve("config").toString());
        reg = TestRegister.fresh();
        alice = reg.role("alice", "clearframe_producer");
        bob = reg.role("bob", "clearframe_producer");
        studio = reg.role("sam", "clearframe_studio");
        ProductionData a = RegisterProductions.of("Tidewater", LocalDate.now(), "Mara Lind", "CloudGen", Tristate.NO);
        ProductionData b = RegisterProductions.of("Northern Line", null, "Ona Fey", "FrameForge", Tristate.YES);
        tidewater = a.production().id();
        northern = b.production().id();
        Publishing.publish(RegisterProductions.write(dir.resolve("a.clearframe"), a), reg.url(alice));
        Publishing.publish(RegisterProductions.write(dir.resolve("b.clearframe"), b), reg.url(bob));
        StudioSigning.sign(reg.url(studio), tidewater, "Sam Okafor", Decision.APPROVED, "",
                java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    }

    private static void refused(Statement s, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
        assertTrue(e.getMessage().contains("row-level security") || e.getMessage().contains("permission denied")
                || e.getMessage().contains("history cannot be changed") || e.getMessage().contains("foreign key"), e.getMessage());
    }

    @Test
    void aProducerCannotReadAnotherProducersProduction() throws Exception {
        try (Connection c = reg.as(bob); Statement s = c.createStatement()) {
            for (String table : new String[]{"productions", "scenes", "shots", "ai_uses", "people", "flags", "packages", "replies", "signoffs"}) {
                String column = table.equals("productions") ? "id" : "production_id";
                assertEquals(0, count(s, "SELECT count(*) FROM clearframe." + table + " WHERE " + column + " = '" + tidewater + "'"), table);
            }
            assertEquals(1, count(s, "SELECT count(*) FROM clearframe.productions"), "bob sees his own production only");
        }
    }

    @Test
    void aProducerCannotWriteAnotherProducersProduction() throws Exception {
        try (Connection c = reg.as(bob); Statement s = c.createStatement()) {
            assertEquals(0, s.executeUpdate("UPDATE clearframe.productions SET title = 'Mine' WHERE id = '" + tidewater + "'"));
            assertEquals(0, s.executeUpdate("DELETE FROM clearframe.shots WHERE production_id = '" + tidewater + "'"));
            assertEquals(0, s.executeUpdate("UPDATE clearframe.flags SET open = false WHERE production_id = '" + tidewater + "'"));
            // A row hung under her production: as himself the composite key refuses it, in her name the policy does.
            refused(s, "INSERT INTO clearframe.shots (id, production_id, scene_id, number, description, fingerprint, row_hash) VALUES "
                    + "(gen_random_uuid(), '" + tidewater + "', gen_random_uuid(), '9', 'x', 'x', 'x')");
            refused(s, "INSERT INTO clearframe.shots (id, production_id, owner, scene_id, number, description, fingerprint, row_hash) VALUES "
                    + "(gen_random_uuid(), '" + tidewater + "', '" + alice + "', gen_random_uuid(), '9', 'x', 'x', 'x')");
            // His own production cannot be handed to her, nor can he take over her production's id.
            refused(s, "UPDATE clearframe.productions SET owner = '" + alice + "' WHERE id = '" + northern + "'");
            refused(s, "INSERT INTO clearframe.productions (id, title, studio, producer, format, policy_name, policy_version, row_hash) VALUES ('"
                    + tidewater + "', 'Mine', '', '', 'FEATURE', 'p', '1', 'x') ON CONFLICT (id) DO UPDATE SET title = 'Mine'");
        }
        try (Connection c = reg.admin(); Statement s = c.createStatement()) {
            assertEquals(1, count(s, "SELECT count(*) FROM clearframe.productions WHERE id = '" + tidewater + "' AND title = 'Tidewater'"));
            assertEquals(2, count(s, "SELECT count(*) FROM clearframe.shots WHERE production_id = '" + tidewater + "'"));
        }
    }

    @Test
    void aProducerCannotForgeTheStudioSignOff() throws Exception {
        try (Connection c = reg.as(alice); Statement s = c.createStatement()) {
            refused(s, "INSERT INTO clearframe.replies (id, production_id, owner, package_id, signer, department, roles, key_fingerprint, bytes, "
                    + "signed_in_register) VALUES (gen_random_uuid(), '" + tidewater + "', current_user, gen_random_uuid(), 'Sam', 'Production', "
                    + "ARRAY['STUDIO_AI_CONTACT'], 'x', '\\x00', true)");
            refused(s, "INSERT INTO clearframe.signoffs (id, production_id, owner, shot_id, rule_id, role, subject_name, signer, decision, note, "
                    + "signed_at, fingerprint, key_fingerprint, signed_in_register) VALUES (gen_random_uuid(), '" + tidewater + "', current_user, "
                    + "gen_random_uuid(), 'R', 'STUDIO_AI_CONTACT', '', 'Sam', 'APPROVED', '', now(), 'x', 'x', true)");
        }
    }

    @Test
    void theStudioReadsAllAndWritesOnlyTheStudioContactsSignOffs() throws Exception {
        try (Connection c = reg.as(studio); Statement s = c.createStatement()) {
            assertEquals(2, count(s, "SELECT count(*) FROM clearframe.productions"));
            assertEquals(4, count(s, "SELECT count(*) FROM clearframe.shots"));
            refused(s, "UPDATE clearframe.productions SET title = 'x'");
            refused(s, "DELETE FROM clearframe.flags");
            refused(s, "INSERT INTO clearframe.scenes (id, production_id, owner, position, number, heading, row_hash) VALUES "
                    + "(gen_random_uuid(), '" + northern + "', '" + bob + "', 1, '1', 'x', 'x')");
            // Another role's decision, or one not signed in the register, or one filed in another user's name: refused.
            refused(s, "INSERT INTO clearframe.signoffs (id, production_id, owner, shot_id, rule_id, role, subject_name, signer, decision, note, "
                    + "signed_at, fingerprint, key_fingerprint, signed_in_register) VALUES (gen_random_uuid(), '" + northern + "', '" + bob
                    + "', gen_random_uuid(), 'R', 'VFX_SUPERVISOR', '', 'Sam', 'APPROVED', '', now(), 'x', 'x', true)");
            refused(s, "INSERT INTO clearframe.replies (id, production_id, owner, package_id, signer, department, roles, key_fingerprint, bytes, "
                    + "signed_in_register) VALUES (gen_random_uuid(), '" + northern + "', '" + bob + "', gen_random_uuid(), 'Sam', 'Production', "
                    + "ARRAY['STUDIO_AI_CONTACT','STUDIO_LEGAL'], 'x', '\\x00', true)");
            refused(s, "INSERT INTO clearframe.replies (id, production_id, owner, package_id, signer, department, roles, key_fingerprint, bytes, "
                    + "signed_in_register, submitted_by) VALUES (gen_random_uuid(), '" + northern + "', '" + bob + "', gen_random_uuid(), 'Sam', "
                    + "'Production', ARRAY['STUDIO_AI_CONTACT'], 'x', '\\x00', true, '" + alice + "')");
        }
    }

    @Test
    void nobodyChangesOrDeletesPublishedSignOffHistory() throws Exception {
        for (String who : new String[]{alice, studio}) {
            try (Connection c = reg.as(who); Statement s = c.createStatement()) {
                refused(s, "UPDATE clearframe.signoffs SET decision = 'DECLINED'");
                refused(s, "DELETE FROM clearframe.replies");
                refused(s, "TRUNCATE clearframe.signoffs");
            }
        }
        // Not even the register's owner (a superuser here): the triggers hold for every role.
        try (Connection c = reg.admin(); Statement s = c.createStatement()) {
            refused(s, "UPDATE clearframe.signoffs SET decision = 'DECLINED'");
            refused(s, "DELETE FROM clearframe.signoffs");
            refused(s, "TRUNCATE clearframe.replies CASCADE");
            refused(s, "DELETE FROM clearframe.productions WHERE id = '" + tidewater + "'");
            assertEquals(2, count(s, "SELECT count(*) FROM clearframe.signoffs"));
        }
    }

    @Test
    void migratingTwiceChangesNothing() throws Exception {
        try (Register r = Register.connect(reg.url("postgres"))) {
            assertEquals(java.util.List.of(), r.migrate());
            assertEquals(1, r.schemaVersion());
        }
    }
}
