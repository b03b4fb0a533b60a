package org.clearframe.ui;

import org.clearframe.model.AiUse;
import org.clearframe.model.Decision;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.Flag;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.SignOffs;
import org.clearframe.rules.SignatureState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The void warning before an edit that makes sign-offs stale, and the change list a stale sign-off then shows, on a real
 * production file through the view models a window uses.
 */
class ChangesExplainedTest {

    @TempDir Path dir;

    /** Signs every signature the shot's flags ask for, as the producer recording them. */
    static void signAll(OpenProduction p, Shot shot, String signer) throws Exception {
        Shot now = p.current(shot);
        for (Flag flag : p.session.flags(now.id())) {
            for (RequiredSignature sig : flag.signatures()) {
                p.session.addSignOff(SignOffs.sign(now, flag, sig, signer, Decision.APPROVED, ""));
            }
        }
    }

    private static AiUse retooled(AiUse u) {
        return new AiUse(u.id(), u.technique(), u.purpose(), "CrowdForge", u.output(), u.performerIds(), u.departmentIds(), u.uploads(),
                u.vendorTrains(), u.factors(), u.notes(), u.frameSharePercent());
    }

    @Test
    void anEditThatVoidsSignOffsAsksOnceNamingThem_andTheStaleSignOffSaysWhatChanged() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("void.clearframe"))) {
            Scene scene = p.scene("1", "CANNERY");
            Shot shot = p.withGenerativeVfx(p.shot(scene, "1", "The roof gives way"));
            signAll(p, shot, "Ana Ruiz");
            Shot signed = p.current(shot);
            int signatures = (int) p.session.flags(signed.id()).stream().mapToLong(f -> f.signatures().size()).sum();
            assertTrue(p.session.flags(signed.id()).stream().noneMatch(Flag::open), "precondition: all signed");

            ScriptedDialogs dialogs = new ScriptedDialogs().answer(false);
            ShotDetailViewModel model = new ShotDetailViewModel(p.session, dialogs);
            AiUse use = signed.aiUses().get(0);
            assertFalse(model.replaceUse(signed, retooled(use)), "the producer said no");
            assertEquals(1, dialogs.shown.size());
            assertTrue(dialogs.shown.get(0).startsWith("confirm: This change voids " + signatures + " sign-off"), dialogs.shown.get(0));
            assertTrue(dialogs.shown.get(0).contains("(Ana Ruiz)"), dialogs.shown.get(0));
            assertEquals("SimVendor", p.onDisk().shots().get(0).aiUses().get(0).tool(), "nothing was written");

            dialogs.answer(true);
            assertTrue(model.replaceUse(signed, retooled(use)));
            assertEquals(2, dialogs.shown.size(), "asked once for the one edit");
            Shot edited = p.current(shot);
            RequiredSignature stale = p.session.flags(edited.id()).get(0).signatures().get(0);
            assertEquals(SignatureState.STALE, stale.state());
            assertEquals("Changed since signed: Tool: \"SimVendor\" -> \"CrowdForge\"", model.changesSince(stale.latest().orElseThrow(), edited));

            SignOffsViewModel page = new SignOffsViewModel(p.session);
            SignOffsViewModel.Row row = page.groups().values().stream().flatMap(List::stream)
                    .filter(r -> r.signature() != null && r.signature().state() == SignatureState.STALE).findFirst().orElseThrow();
            assertTrue(page.reason(row).startsWith("Changed since signed: Tool: \"SimVendor\" -> \"CrowdForge\""), page.reason(row));

            dialogs.shown.clear();
            assertTrue(model.save(edited.edit().lens("85mm").build()), "a camera detail is not part of what was signed");
            assertEquals(List.of(), dialogs.shown, "nothing to void, nothing asked");

            p.session.undo();
            p.session.undo();
            assertEquals(SignatureState.APPROVED, p.session.flags(shot.id()).get(0).signatures().get(0).state(), "undo brings the signed plan back");
        }
    }

    @Test
    void aSignOffWhosePlanWasNotKeptSaysThatWhatChangedIsUnknown() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("unknown.clearframe"))) {
            Shot shot = p.withGenerativeVfx(p.shot(p.scene("1", "CANNERY"), "1", "The roof gives way"));
            SignOff forged = new SignOff(java.util.UUID.randomUUID(), shot.id(), "R", org.clearframe.model.Role.DIRECTOR, null, "Ana",
                    Decision.APPROVED, "", java.time.Instant.now(), "sha256:not-a-plan-this-file-kept", "");
            ShotDetailViewModel model = new ShotDetailViewModel(p.session, new ScriptedDialogs());
            assertEquals(SignedChanges.UNKNOWN, model.changesSince(forged, p.current(shot)));
        }
    }
}
