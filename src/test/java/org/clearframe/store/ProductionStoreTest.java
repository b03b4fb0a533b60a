package org.clearframe.store;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.Factor;
import org.clearframe.model.IntExt;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class ProductionStoreTest {

    @TempDir Path dir;

    @Test
    void everythingWrittenComesBackAfterReopening() throws Exception {
        Path file = dir.resolve("tower.clearframe");
        Production header = new Production(UUID.randomUUID(), "The Tower", org.clearframe.model.Format.SERIES_EPISODE,
                org.clearframe.model.Genre.FICTION, "Northlight", "Ada Producer", "Zoë Niño", LocalDate.of(2027, 3, 1), "Łódź unit");
        Shot shot;
        CastMember lead = CastMember.of("Mara Quinn", "Detective Hale", Tristate.YES);
        try (ProductionStore store = ProductionStore.create(file, header)) {
            ProductionData fresh = store.load();
            assertEquals(Department.defaults().size(), fresh.departments().size(), "a new production has the default departments");
            Department vfx = fresh.departments().stream().filter(d -> d.name().equals("VFX")).findFirst().orElseThrow();
            store.saveCastMember(lead);
            Scene scene = new Scene(UUID.randomUUID(), "12A", IntExt.EXT, "Tower block", "NIGHT", "It falls.", 11, "Day 3", List.of(lead.id()), false);
            store.saveScene(scene);
            AiUse collapse = new AiUse(UUID.randomUUID(), Technique.DESTRUCTION_SIMULATION, "Collapse", "VendorX", Output.FINAL,
                    List.of(lead.id()), List.of(vfx.id()), Set.of(Material.PRODUCTION_MATERIAL), Tristate.NO,
                    Set.of(Factor.REPLACES_PRACTICAL), "note");
            shot = new Shot(UUID.randomUUID(), scene.id(), "1", "Wide of tower", ShotSize.WIDE, "Low", "Static", "24mm", 4.5,
                    List.of(vfx.id()), "", List.of(collapse));
            store.saveShot(shot);
            store.addSignOff(new SignOff(UUID.randomUUID(), shot.id(), "VFX-GEN-FINAL", Role.VFX_SUPERVISOR, null, "Sam",
                    Decision.APPROVED, "", Instant.parse("2026-11-24T10:00:00Z"), "abc"));
        }
        try (ProductionStore store = ProductionStore.open(file)) {
            ProductionData data = store.load();
            assertEquals(header, data.production());
            assertEquals(List.of(lead), data.cast());
            assertEquals(List.of(shot), data.shots());
            assertEquals(1, data.signOffs().size());
            assertEquals("12A", data.scenes().get(0).number());
            assertEquals(List.of(lead.id()), data.scenes().get(0).castIds());
        }
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFileIsOpen() throws Exception {
        Path file = dir.resolve("a.clearframe");
        try (ProductionStore first = ProductionStore.create(file, Production.titled("A"))) {
            ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProductionStore.open(file));
            assertEquals(ProjectFileException.Problem.LOCKED, e.problem());
            first.updateProduction(first.load().production().withTitle("still mine"));
        }
        try (ProductionStore again = ProductionStore.openReadOnly(file)) {
            assertEquals("still mine", again.load().production().title());
        }
    }

    @Test
    void foreignEmptyAndNonDatabaseFilesAreRefusedUntouched() throws Exception {
        Path foreign = dir.resolve("foreign.clearframe");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE accounts(id INTEGER)");
        }
        Path empty = Files.createFile(dir.resolve("empty.clearframe"));
        Path text = Files.writeString(dir.resolve("notes.clearframe"), "INT. KITCHEN - DAY\n".repeat(20));
        assertRefused(foreign, ProjectFileException.Problem.FOREIGN);
        assertRefused(empty, ProjectFileException.Problem.EMPTY);
        assertRefused(text, ProjectFileException.Problem.NOT_SQLITE);
    }

    @Test
    void aFileFromANewerVersionIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("newer.clearframe");
        ProductionStore.create(file, Production.titled("Future")).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (Migrations.LATEST + 1));
        }
        ProjectFileException e = assertRefused(file, ProjectFileException.Problem.NEWER_VERSION);
        assertTrue(e.getMessage().contains("newer Clearframe"), e.getMessage());
    }

    @Test
    void aCorruptFileIsRefused() throws Exception {
        Path file = dir.resolve("broken.clearframe");
        try (ProductionStore store = ProductionStore.create(file, Production.titled("Broken"))) {
            Scene scene = Scene.numbered("1", IntExt.INT, "Room", "DAY");
            store.saveScene(scene);
            List<Shot> shots = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) shots.add(Shot.numbered(scene.id(), "" + i, "x".repeat(200)));
            store.insertShots(shots);
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 4096; i < bytes.length; i++) bytes[i] = (byte) 0x5A; // keep the header, wreck the pages
        Files.write(file, bytes);
        assertRefused(file, ProjectFileException.Problem.CORRUPT);
    }

    @Test
    void aFirstFormatFileIsUpgradedAndKeepsItsData() throws Exception {
        Path file = dir.resolve("old.clearframe");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + FileHeader.APPLICATION_ID);
            Migrations.migrate(c, 0, 1);
            s.execute("INSERT INTO production (id, title, format, genre) VALUES ('" + UUID.randomUUID() + "', 'Old Show', 'FEATURE', 'FICTION')");
            s.execute("INSERT INTO scene (id, position, number, int_ext) VALUES ('" + UUID.randomUUID() + "', 0, '7', 'EXT')");
        }
        byte[] before = Files.readAllBytes(file);
        assertEquals(1, ByteBuffer.wrap(before).getInt(60), "the file starts at format 1");

        try (ProductionStore store = ProductionStore.open(file)) {
            assertEquals(Migrations.LATEST, store.formatVersion());
            ProductionData data = store.load();
            assertEquals("Old Show", data.production().title());
            assertEquals("7", data.scenes().get(0).number());
            assertTrue(data.signOffs().isEmpty());
        }
        Path backup = dir.resolve("old.clearframe.format1.bak");
        assertArrayEquals(before, Files.readAllBytes(backup), "the pre-upgrade file is kept as it was");
    }

    @Test
    void scenesAndShotsKeepTheirOrderThroughMovesAndDeletes() throws Exception {
        Path file = dir.resolve("order.clearframe");
        try (ProductionStore store = ProductionStore.create(file, Production.titled("Order"))) {
            Scene a = Scene.numbered("1", IntExt.INT, "A", "DAY"), b = Scene.numbered("2", IntExt.INT, "B", "DAY");
            store.saveScene(a);
            store.saveScene(b);
            store.moveScene(b.id(), 0);
            Shot s1 = Shot.numbered(a.id(), "1", ""), s2 = Shot.numbered(a.id(), "2", ""), s3 = Shot.numbered(a.id(), "3", "");
            store.insertShots(List.of(s1, s2, s3));
            store.moveShot(s3.id(), 0);
            ProductionData data = store.load();
            assertEquals(List.of("2", "1"), data.scenes().stream().map(Scene::number).toList());
            assertEquals(List.of("3", "1", "2"), data.shotsOf(a.id()).stream().map(Shot::number).toList());

            store.deleteScene(a.id());
            assertTrue(store.load().shots().isEmpty(), "deleting a scene deletes its shots");
            store.restoreScene(a, 1, data.shotsOf(a.id()), List.of());
            assertEquals(data.shots(), store.load().shots(), "undo puts the shots back in order");
        }
    }

    @Test
    void saveACopyWritesAnOpenableFile() throws Exception {
        Path file = dir.resolve("orig.clearframe"), copy = dir.resolve("copy.clearframe");
        try (ProductionStore store = ProductionStore.create(file, Production.titled("Copied"))) {
            store.saveScene(Scene.numbered("1", IntExt.EXT, "Beach", "DAWN"));
            store.copyTo(copy);
        }
        try (ProductionStore store = ProductionStore.open(copy)) {
            assertEquals("Copied", store.load().production().title());
            assertEquals(1, store.load().scenes().size());
        }
    }

    private static ProjectFileException assertRefused(Path file, ProjectFileException.Problem expected) throws Exception {
        byte[] before = Files.readAllBytes(file);
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProductionStore.open(file));
        assertEquals(expected, e.problem(), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "a refused file stays byte-for-byte as it was");
        assertFalse(Files.exists(file.resolveSibling(file.getFileName() + "-wal")), "no journal left beside it");
        return e;
    }

    @Test
    void aWholeProductionWrittenAtOnceReadsBackEqual() throws Exception {
        ProductionData generated = org.clearframe.bench.SyntheticProduction.generate(300, 7);
        Path file = dir.resolve("whole.clearframe");
        ProductionStore.createFrom(file, generated);
        assertFalse(Files.exists(dir.resolve(".whole.clearframe.partial")));
        try (ProductionStore store = ProductionStore.open(file)) {
            assertEquals(generated, store.load());
        }
        assertThrows(ProjectFileException.class, () -> ProductionStore.createFrom(file, generated), "never overwrites");
    }

    /**
     * Filling a new file inserts each row's first appearance directly; a shot id that appears again in the data is
     * written as an edit, as every shot once was: one shot, with the later content and only the later AI uses.
     */
    @Test
    void aShotRepeatedInTheDataIsWrittenAsAnEditOfTheFirst() throws Exception {
        Scene scene = Scene.numbered("1", IntExt.INT, "Room", "DAY");
        Shot first = Shot.numbered(scene.id(), "1", "first").withAiUses(List.of(AiUse.of(Technique.SET_CONCEPT, "a", "T", Output.TEMPORARY)));
        Shot again = new Shot(first.id(), scene.id(), "1", "again", null, "", "", "50mm", 2, List.of(), "",
                List.of(AiUse.of(Technique.DE_AGING, "b", "T", Output.TEMPORARY)));
        Shot other = Shot.numbered(scene.id(), "2", "other");
        ProductionData data = new ProductionData(Production.titled("Twice"), Department.defaults(), List.of(), List.of(scene),
                List.of(first, other, again), List.of(), "");
        Path file = dir.resolve("twice.clearframe");
        ProductionStore.createFrom(file, data);
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            List<Shot> shots = store.load().shots();
            assertEquals(List.of("again", "other"), shots.stream().map(Shot::description).toList());
            assertEquals(List.of(Technique.DE_AGING), shots.get(0).aiUses().stream().map(AiUse::technique).toList());
        }
    }
}
