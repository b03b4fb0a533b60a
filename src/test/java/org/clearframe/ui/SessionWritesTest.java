package org.clearframe.ui;

import org.clearframe.exchange.SignedRecord;
import org.clearframe.importer.ColumnMapping;
import org.clearframe.importer.ScriptImport;
import org.clearframe.importer.ScriptRevision;
import org.clearframe.importer.ShotList;
import org.clearframe.importer.ShotListImport;
import org.clearframe.importer.ShotListPreview;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Department;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The session is the only writer: an import or a delete goes to the file in one transaction, the lists follow it
 * without reading the file again, and each is one undoable step. After every step the file, read back through the
 * verifying loader, holds exactly what the session shows.
 */
class SessionWritesTest {

    @TempDir Path dir;

    private static final String DRAFT_ONE = """
            Title: Tide Tables

            EXT. QUAY - DAWN #1#

            MARA
            Late again.

            INT. BOATHOUSE - NIGHT #2#

            MARA
            It's the wrong tide.

            EXT. SLIPWAY - NIGHT #3#

            The boat slides into black water.

            INT. PUB - DAY #4#

            JONAS
            One more.
            """;

    /** Scene 2 changes and gains a new speaker, 3 is cut, 3A is new and comes before 4. */
    private static final String DRAFT_TWO = """
            Title: Tide Tables

            EXT. QUAY - DAWN #1#

            MARA
            Late again.

            INT. BOATHOUSE - DAWN #2#

            HARBOURMASTER
            Both of you, out.

            EXT. OPEN SEA - NIGHT #3A#

            JONAS
            Told you.

            INT. PUB - DAY #4#

            JONAS
            One more.
            """;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Session open(Path file) throws Exception {
        ProductionStore store = ProductionStore.open(file);
        return new Session(store, SignedRecord.load(store));
    }

    /** What the session shows, as lists comparable with what the file holds. */
    private static List<List<?>> shown(ProductionData d) {
        return List.of(d.departments(), d.cast(), d.scenes(), d.shots(), d.signOffs(), d.scans());
    }

    private static void fileMatches(Session session, String when) throws Exception {
        assertEquals(shown(session.readBack().data()), shown(session.snapshot()), "the file holds what the session shows " + when);
    }

    private Path production() throws Exception {
        Path file = dir.resolve("tide.clearframe");
        ScriptImport.importNew(write("tide-1.fountain", DRAFT_ONE), file);
        return file;
    }

    @Test
    void aScriptImportIsOneUndoableStep_andTheFileFollows() throws Exception {
        try (Session session = open(production())) {
            ProductionData before = session.snapshot();
            session.addShot(Shot.numbered(before.scenes().get(1).id(), "1", "Oars on the wall"), 0);
            ProductionData withShot = session.snapshot();
            ScriptRevision revision = ScriptImport.preview(session.snapshot(), write("tide-2.fountain", DRAFT_TWO));
            assertFalse(revision.added().isEmpty() || revision.omitted().isEmpty() || revision.newCast().isEmpty(), revision.summary());

            session.apply(revision);
            assertEquals("Import script tide-2.fountain", session.undoNameProperty().get());
            List<String> numbers = session.scenes().stream().map(s -> s.number()).toList();
            assertTrue(numbers.indexOf("3A") >= 0 && numbers.indexOf("3A") < numbers.indexOf("4"), "3A comes before 4: " + numbers);
            assertTrue(session.cast().stream().anyMatch(c -> c.character().equals("Harbourmaster")));
            fileMatches(session, "after the import");
            ProductionData imported = session.snapshot();

            session.undo();
            assertEquals(shown(withShot), shown(session.snapshot()), "undo puts back the scenes, their order and the cast");
            fileMatches(session, "after undo");
            assertEquals("Add shot 1", session.undoNameProperty().get(), "the edit before the import is still undoable");

            session.redo();
            assertEquals(shown(imported), shown(session.snapshot()));
            fileMatches(session, "after redo");
        }
    }

    @Test
    void aShotListImportIsOneUndoableStep_andTheFileFollows() throws Exception {
        try (Session session = open(production())) {
            session.addShot(Shot.numbered(session.scenes().get(0).id(), "1", "Mara on the quay"), 0);
            ProductionData before = session.snapshot();
            Path csv = write("shots.csv", "Scene,Shot,Description,Lens\n1,1,Mara on the quay,35mm\n1,2,Close on Mara,85mm\n9,1,A new scene,\n2,1,Boathouse wide,24mm\n");
            ShotList list = ShotListImport.read(csv);
            ShotListPreview preview = ShotListImport.preview(session.snapshot(), list, ColumnMapping.guess(list.header()));
            assertEquals(1, preview.updated().size(), preview.summary());
            assertEquals(3, preview.newShots().size(), preview.summary());
            assertEquals(1, preview.newScenes().size(), preview.summary());

            session.apply(preview);
            assertEquals("Import shot list shots.csv", session.undoNameProperty().get());
            assertEquals(List.of("Mara on the quay", "Close on Mara"), session.shotsOf(session.scenes().get(0).id()).stream().map(Shot::description).toList());
            assertEquals("35mm", session.shotsOf(session.scenes().get(0).id()).get(0).lens());
            fileMatches(session, "after the import");
            ProductionData imported = session.snapshot();

            session.undo();
            assertEquals(shown(before), shown(session.snapshot()), "undo removes the new shots and scene and puts the changed shot back");
            fileMatches(session, "after undo");

            session.redo();
            assertEquals(shown(imported), shown(session.snapshot()));
            fileMatches(session, "after redo");
        }
    }

    @Test
    void deletingADepartmentOrACastMemberUnlinksInMemoryAsTheFileDoes_andUndoPutsItBack() throws Exception {
        try (Session session = open(production())) {
            Department vfx = session.departments().get(0);
            CastMember mara = session.cast().stream().filter(c -> c.character().equals("Mara")).findFirst().orElseThrow();
            AiUse use = new AiUse(java.util.UUID.randomUUID(), Technique.DIGITAL_REPLICA, "De-age", "tool", Output.FINAL,
                    List.of(mara.id()), List.of(vfx.id()), null, null, null, "", null);
            Shot shot = Shot.numbered(session.scenes().get(0).id(), "1", "Mara young").edit().departmentIds(List.of(vfx.id()))
                    .aiUses(List.of(use)).build();
            session.addShot(shot, 0);
            ProductionData before = session.snapshot();
            int flagsBefore = session.flags(shot.id()).size();

            session.deleteDepartment(vfx);
            Shot unlinked = session.shot(shot.id()).orElseThrow();
            assertTrue(unlinked.departmentIds().isEmpty() && unlinked.aiUses().get(0).departmentIds().isEmpty());
            fileMatches(session, "after deleting the department");
            session.undo();
            assertEquals(shown(before), shown(session.snapshot()));
            fileMatches(session, "after undoing the department's delete");

            session.deleteCastMember(mara);
            assertTrue(session.shot(shot.id()).orElseThrow().aiUses().get(0).performerIds().isEmpty());
            assertTrue(session.scenes().stream().noneMatch(s -> s.castIds().contains(mara.id())));
            fileMatches(session, "after deleting the cast member");
            session.undo();
            assertEquals(shown(before), shown(session.snapshot()));
            assertEquals(flagsBefore, session.flags(shot.id()).size(), "the performer's flags are back");
            fileMatches(session, "after undoing the cast member's delete");
        }
    }

    /** The Consent page's count, as worked out over the whole production. */
    private static int recounted(Session session) {
        return (int) org.clearframe.rules.ConsentCoverage.of(session.snapshot()).stream().filter(c -> !c.covered()).count();
    }

    @Test
    void theConsentGapCountIsKeptPerShotAndAgreesWithACountOverTheWholeProduction() throws Exception {
        try (Session session = open(production())) {
            CastMember mara = session.cast().stream().filter(c -> c.character().equals("Mara")).findFirst().orElseThrow();
            AiUse use = new AiUse(java.util.UUID.randomUUID(), Technique.DIGITAL_REPLICA, "De-age", "tool", Output.FINAL,
                    List.of(mara.id()), List.of(), null, null, null, "", null);
            Shot shot = Shot.numbered(session.scenes().get(0).id(), "1", "Mara young").edit().aiUses(List.of(use)).build();
            assertEquals(0, session.consentGaps());
            session.addShot(shot, 0);
            assertTrue(session.consentGaps() > 0, "a replica of a performer without consent on record is a gap");
            assertEquals(recounted(session), session.consentGaps(), "after adding the shot");

            var consent = new org.clearframe.model.Consent(java.util.UUID.randomUUID(), mara.id(), mara.performer(),
                    org.clearframe.model.ConsentKind.USE_REPLICA_OR_ALTERATION, session.production().id(), List.of(shot.sceneId()),
                    List.of(), java.util.Set.of(Technique.DIGITAL_REPLICA), "Flashback",
                    "De-aging of Mara to twenty for the flashback on the quay, final cut, this film only",
                    java.time.LocalDate.of(2026, 8, 1), null, null, "");
            int withoutConsent = session.consentGaps();
            session.saveConsent(consent);
            assertEquals(recounted(session), session.consentGaps(), "after recording consent");
            assertTrue(session.consentGaps() < withoutConsent, "the consent covers the use");

            session.deleteCastMember(mara);
            assertEquals(recounted(session), session.consentGaps(), "after deleting the performer");
            session.undo();
            assertEquals(recounted(session), session.consentGaps(), "after undoing the delete");
            session.deleteShots(List.of(session.shot(shot.id()).orElseThrow()));
            assertEquals(0, session.consentGaps());
            assertEquals(recounted(session), session.consentGaps(), "after deleting the shot");
        }
    }
}
