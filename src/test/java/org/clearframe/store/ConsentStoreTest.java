package org.clearframe.store;

import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.ConsentKind;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Representation;
import org.clearframe.model.Scan;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Performer facts, scans, consents and attached documents in a real production file. */
class ConsentStoreTest {

    @TempDir Path dir;

    @Test
    void factsScansConsentsAndDocumentsAreKeptAndReadBack() throws Exception {
        Path file = dir.resolve("p.clearframe");
        CastMember mara = new CastMember(UUID.randomUUID(), "Mara Quinn", "Hale", Tristate.YES, false, true, Representation.NEITHER);
        Scan scan = Scan.of(mara.id(), LocalDate.of(2026, 9, 3), LocalDate.of(2026, 9, 1), "Fall");
        Consent consent;
        try (ProductionStore store = ProductionStore.create(file, Production.titled("P"))) {
            store.saveCastMember(mara);
            store.saveScan(scan);
            consent = new Consent(UUID.randomUUID(), mara.id(), "Mara Quinn", ConsentKind.VOICE, store.load().production().id(),
                    List.of(UUID.randomUUID()), List.of(), Set.of(Technique.VOICE_SYNTHESIS), "ADR", "Her voice for two lines of ADR in scene 4",
                    LocalDate.of(2026, 9, 2), null, null, "Scale");
            store.saveConsent(consent);
            store.attachDocument(consent.id(), "signed.pdf", "application/pdf", new byte[]{1, 2, 3});
        }
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            ProductionData d = store.load();
            assertEquals(mara, d.cast().get(0));
            assertEquals(List.of(scan), d.scans());
            Consent back = d.consents().get(0);
            assertNotNull(back.documentId());
            assertEquals(consent.withDocument(back.documentId()), back);
            assertArrayEquals(new byte[]{1, 2, 3}, store.documentBytes(back.documentId()).orElseThrow());
            assertEquals(64, store.documents().get(0).sha256().length());
        }
    }

    @Test
    void aWithdrawalStands_itCannotBeTakenBackOrRedated() throws Exception {
        Path file = dir.resolve("w.clearframe");
        try (ProductionStore store = ProductionStore.create(file, Production.titled("W"))) {
            CastMember zoe = CastMember.of("Zoë Niño", "Elena", Tristate.YES);
            store.saveCastMember(zoe);
            Consent c = new Consent(UUID.randomUUID(), zoe.id(), "Zoë Niño", ConsentKind.CREATE_REPLICA, store.load().production().id(),
                    List.of(), List.of(), Set.of(), "", "", null, null, null, "");
            store.saveConsent(c);
            store.withdrawConsent(c.id(), LocalDate.of(2026, 10, 1));
            assertThrows(StoreException.class, () -> store.saveConsent(c), "un-withdrawing by saving the old record");
            assertThrows(StoreException.class, () -> store.withdrawConsent(c.id(), LocalDate.of(2026, 12, 1)), "redating");
            assertEquals(LocalDate.of(2026, 10, 1), store.load().consents().get(0).withdrawnOn());
            assertThrows(StoreException.class, () -> store.withdrawConsent(UUID.randomUUID(), LocalDate.of(2026, 10, 1)), "no such consent");
        }
    }
}
