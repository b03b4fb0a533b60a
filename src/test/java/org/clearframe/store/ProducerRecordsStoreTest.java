package org.clearframe.store;

import org.clearframe.model.Contact;
import org.clearframe.model.Decision;
import org.clearframe.model.IntExt;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.SentPackage;
import org.clearframe.model.ShootSchedule;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.model.AiUse;
import org.clearframe.model.Output;
import org.clearframe.rules.Fingerprint;
import org.clearframe.rules.ShotContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Schema 8 in real files: an older production opens and gains empty records; the calendar, contacts and packages are
 * kept; packages, their replies and signed content are history the file itself guards; a sign-off keeps the content it
 * was given for, and content altered in the file is not taken for it.
 */
class ProducerRecordsStoreTest {

    @TempDir Path dir;

    private Path production(Shot... shots) throws Exception {
        Path file = dir.resolve("p.clearframe");
        Scene scene = new Scene(UUID.randomUUID(), "1", IntExt.INT, "Room", "DAY", "", 8, "", List.of(), false);
        List<Shot> placed = java.util.Arrays.stream(shots).map(s -> s.edit().sceneId(scene.id()).build()).toList();
        ProductionStore.createFrom(file, new ProductionData(Production.titled("P"), List.of(), List.of(), List.of(scene), placed, List.of(), ""));
        return file;
    }

    private static Shot vfxShot() {
        return new Shot(UUID.randomUUID(), UUID.randomUUID(), "1", "Tower falls", null, "", "", "", 0, List.of(), "",
                List.of(AiUse.of(Technique.GENERATIVE_VFX, "Collapse", "VendorX", Output.FINAL)));
    }

    @Test
    void aSchema7FileOpensAndGainsEmptyRecords() throws Exception {
        Path file = dir.resolve("v7.clearframe");
        UUID department = UUID.randomUUID();
        // What Clearframe wrote before schema 8: a department head's e-mail on the department row.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + FileHeader.APPLICATION_ID);
            Migrations.migrate(c, 0, 7);
            s.execute("INSERT INTO production (id, title, format, genre) VALUES ('" + UUID.randomUUID() + "', 'Old', 'FEATURE', 'FICTION')");
            s.execute("INSERT INTO department (id, position, name, email) VALUES ('" + department + "', 0, 'VFX', 'vfx@example.com')");
        }
        try (ProductionStore store = ProductionStore.open(file)) {
            assertEquals(Migrations.LATEST, store.formatVersion());
            assertEquals(ShootSchedule.EMPTY, store.schedule().schedule());
            assertTrue(store.packages().all().isEmpty());
            assertEquals(new Contact(department, "vfx@example.com", ""), store.schedule().contacts().get(department));
        }
        try (ProductionStore again = ProductionStore.openReadOnly(file)) {
            assertEquals(Migrations.LATEST, again.formatVersion(), "the upgraded file passes the schema check");
        }
    }

    @Test
    void calendarContactsAndPackagesAreKept() throws Exception {
        Shot shot = vfxShot();
        Path file = production(shot);
        UUID scene;
        UUID cast = UUID.randomUUID();
        try (ProductionStore store = ProductionStore.open(file)) {
            scene = store.load().scenes().get(0).id();
            store.schedule().replaceCalendar(Map.of(1, LocalDate.of(2027, 3, 1), 2, LocalDate.of(2027, 3, 2)), Set.of(LocalDate.of(2027, 3, 6)));
            store.schedule().setSceneDay(scene, 2);
            store.schedule().setDueDate(shot.id(), LocalDate.of(2027, 2, 20));
            store.schedule().setContact(new Contact(cast, "mara@example.com", "+1 555 0100"));
            SentPackage p = new SentPackage(UUID.randomUUID(), SentPackage.AudienceKind.DEPARTMENT, "VFX", null, "", Instant.parse("2027-02-01T09:00:00Z"),
                    "vfx.cfshare", "ab", Map.of(shot.id(), Fingerprint.of(shot)),
                    List.of(new SentPackage.Asked(shot.id(), "VFX-GEN-FINAL", Role.VFX_SUPERVISOR, null, "")), List.of());
            store.packages().record(p, List.of(shot));
            assertTrue(store.packages().linkReply(p.id(), new SentPackage.Answer(UUID.randomUUID(), "Dana", Instant.parse("2027-02-02T09:00:00Z"),
                    List.of(p.asked().get(0).key()))));
            assertFalse(store.packages().linkReply(UUID.randomUUID(), new SentPackage.Answer(UUID.randomUUID(), "X", Instant.now(), List.of())),
                    "a reply to a package not recorded here is not linked");
            assertThrows(StoreException.class, () -> store.packages().record(p, List.of()), "a package is recorded once");
        }
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            ShootSchedule s = store.schedule().schedule();
            assertEquals(LocalDate.of(2027, 3, 2), s.shootDateOf(scene).orElseThrow());
            assertEquals(LocalDate.of(2027, 2, 20), s.dueOverrides().get(shot.id()));
            assertTrue(s.isDayOff(LocalDate.of(2027, 3, 6)));
            assertEquals("+1 555 0100", store.schedule().contacts().get(cast).phone());
            List<SentPackage> all = store.packages().all();
            assertEquals(1, all.size());
            assertEquals("Dana", all.get(0).replies().get(0).signer());
            assertEquals(ShotContent.of(shot), store.packages().signedContents(List.of(Fingerprint.of(shot))).get(Fingerprint.of(shot)),
                    "a package keeps the content of the shots it showed");
        }
    }

    @Test
    void theFileRefusesToChangeOrDeleteItsHistory() throws Exception {
        Shot shot = vfxShot();
        Path file = production(shot);
        try (ProductionStore store = ProductionStore.open(file)) {
            store.packages().record(new SentPackage(UUID.randomUUID(), SentPackage.AudienceKind.ROLE, "Director", null, "", Instant.now(), "", "",
                    Map.of(shot.id(), Fingerprint.of(shot)), List.of(new SentPackage.Asked(shot.id(), "R", Role.DIRECTOR, null, "")),
                    List.of(new SentPackage.Answer(UUID.randomUUID(), "D", Instant.now(), List.of()))), List.of(shot));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : List.of("UPDATE shared_package SET audience = 'Someone else'", "DELETE FROM shared_package",
                    "UPDATE package_reply SET signer = 'X'", "DELETE FROM package_reply",
                    "DELETE FROM shared_package_shot", "UPDATE shared_package_signature SET role = 'DIRECTOR'", "UPDATE signed_content SET content = '{}'", "DELETE FROM signed_content")) {
                Exception e = assertThrows(Exception.class, () -> s.execute(sql), sql);
                assertTrue(e.getMessage().contains("history") || e.getMessage().contains("evidence"), e.getMessage());
            }
        }
    }

    @Test
    void aSignOffKeepsTheContentItWasGivenForAndAlteredContentIsIgnored() throws Exception {
        Shot shot = vfxShot();
        Path file = production(shot);
        String signed = Fingerprint.of(shot);
        try (ProductionStore store = ProductionStore.open(file)) {
            store.addSignOff(new SignOff(UUID.randomUUID(), shot.id(), "VFX-GEN-FINAL", Role.VFX_SUPERVISOR, null, "Dana", Decision.APPROVED, "",
                    Instant.now(), signed));
            // A sign-off for a plan the file never held keeps nothing: there is no content to vouch for.
            store.addSignOff(new SignOff(UUID.randomUUID(), shot.id(), "VFX-GEN-FINAL", Role.STUDIO_LEGAL, null, "Lee", Decision.APPROVED, "",
                    Instant.now(), "f".repeat(64)));
            assertEquals(1, store.packages().allSignedContents().size());
        }
        // Someone edits the file by hand: the triggers stop a change or a delete, so they insert content for the other sign-off.
        String forged = ShotContent.of(shot.withAiUses(List.of(AiUse.of(Technique.GENERATIVE_VFX, "Collapse", "VendorX", Output.TEMPORARY)))).encode();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThrows(Exception.class, () -> s.execute("DELETE FROM signed_content"));
            s.execute("INSERT INTO signed_content (fingerprint, content) VALUES ('" + "f".repeat(64) + "', '" + forged.replace("'", "''") + "')");
        }
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            assertTrue(store.packages().signedContents(List.of("f".repeat(64))).isEmpty(), "content that does not hash to its key is not what was signed");
            assertEquals(ShotContent.of(shot), store.packages().signedContents(List.of(signed)).get(signed));
        }
    }
}
