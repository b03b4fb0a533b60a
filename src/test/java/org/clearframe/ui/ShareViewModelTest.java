package org.clearframe.ui;

import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.SentPackages;
import org.clearframe.exchange.SharePackage;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.Scene;
import org.clearframe.model.SentPackage;
import org.clearframe.model.Shot;
import org.clearframe.rules.PackageStates.State;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Sharing from the app on a real production, without a window: the picker, the refusal, the record and each state. */
class ShareViewModelTest {

    @TempDir Path dir;

    @Test
    void aPackageThatAsksNothingIsRefusedAndNothingIsWrittenOrRecorded() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("refuse.clearframe"))) {
            p.session.saveDepartment(new Department(UUID.randomUUID(), "VFX", "Ines Duarte", "ines@example.com", "#3366cc"));
            p.session.saveDepartment(new Department(UUID.randomUUID(), "Makeup & Hair", "Priya Shah", "", "#aa6633"));
            p.withGenerativeVfx(p.shot(p.scene("3", "CANNERY"), "1", "The roof gives way"));
            ShareViewModel model = new ShareViewModel(p.session);

            ShareViewModel.DepartmentChoice vfx = choice(model, "VFX");
            ShareViewModel.DepartmentChoice makeup = choice(model, "Makeup & Hair");
            assertTrue(vfx.open() > 0, vfx.toString());
            assertEquals("Ines Duarte", vfx.head());
            assertEquals(0, makeup.open());
            assertEquals("Makeup & Hair — nothing open · Priya Shah", makeup.toString());

            ShareViewModel.Prepared empty = model.prepare("Makeup & Hair");
            assertTrue(empty.refusal().orElseThrow().startsWith("Makeup & Hair has no open signature"), empty.refusal().get());
            Path target = dir.resolve("makeup.cfshare");
            assertThrows(IllegalStateException.class, () -> model.share(empty, target, new KeyRing(dir.resolve("keys"))));
            assertFalse(Files.exists(target));
            assertTrue(p.session.packages().isEmpty());
            assertTrue(onDisk(p).isEmpty(), "nothing recorded in the file");
        }
    }

    @Test
    void everyPackageSharedIsRecordedAndItsStateFollowsRepliesNewerPackagesAndEdits() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("share.clearframe"))) {
            p.session.saveDepartment(new Department(UUID.randomUUID(), "VFX", "Ines Duarte", "ines@example.com", "#3366cc"));
            Scene cannery = p.scene("3", "CANNERY");
            Shot collapse = p.withGenerativeVfx(p.shot(cannery, "1", "The roof gives way"));
            p.withGenerativeVfx(p.shot(cannery, "2", "Dust settles"));
            ShareViewModel model = new ShareViewModel(p.session);
            KeyRing producer = new KeyRing(dir.resolve("producer"));

            Path first = dir.resolve("vfx-1.cfshare");
            SentPackage sent = model.share(model.prepare("VFX"), first, producer);
            assertTrue(Files.exists(first));
            assertEquals(List.of(sent.id()), onDisk(p).stream().map(SentPackage::id).toList(), "recorded in the file");
            assertEquals(State.SENT, model.packages().get(0).standing().state());
            assertEquals(1, ShareViewModel.awaiting(p.session));

            // The mail: to the head's address, naming the file, since a mailto: link cannot attach it.
            MailApp.Message mail = model.message(sent);
            assertEquals("ines@example.com", mail.to());
            assertTrue(mail.body().contains(first.toAbsolutePath().toString()), mail.body());
            assertTrue(DesktopMailApp.mailto(mail).startsWith("mailto:ines@example.com?subject=Harbour%20Test%3A%20sign-offs%20for%20VFX&body="),
                    DesktopMailApp.mailto(mail));

            // The head answers one signature of several: partly replied, once the reply is linked.
            SharePackage pkg = SharePackage.read(first);
            assertTrue(pkg.slots().size() > 1, "precondition: two shots ask for signatures");
            var one = List.of(new SharePackage.Answer(pkg.slots().get(0), Decision.APPROVED, ""));
            var reply = pkg.sign("Ines Duarte", one, new KeyRing(dir.resolve("ines")).keyPair());
            assertTrue(SentPackages.link(p.store, reply));
            p.session.reloadPackages();
            assertEquals(State.PARTLY_REPLIED, model.packages().get(0).standing().state());

            // The plan changes after sending: answers to it would be stale.
            p.session.saveShot(p.current(collapse).withAiUses(List.of(org.clearframe.model.AiUse.of(org.clearframe.model.Technique.GENERATIVE_VFX,
                    "The cannery and its chimney collapse", "SimVendor", org.clearframe.model.Output.FINAL))));
            ShareViewModel.PackageRow expired = model.packages().get(0);
            assertEquals(State.EXPIRED, expired.standing().state(), expired.standing().why());

            // A newer package to the same head supersedes it; the newer one is listed first.
            Path second = dir.resolve("vfx-2.cfshare");
            SentPackage newer = model.share(model.prepare("VFX"), second, producer);
            List<ShareViewModel.PackageRow> rows = model.packages();
            assertEquals(List.of(newer.id(), sent.id()), rows.stream().map(r -> r.sent().id()).toList());
            assertEquals(State.SENT, rows.get(0).standing().state());
            assertEquals(State.SUPERSEDED, rows.get(1).standing().state());

            // Every signature answered: replied.
            SharePackage again = SharePackage.read(second);
            var all = again.slots().stream().map(s -> new SharePackage.Answer(s, Decision.APPROVED, "")).toList();
            assertTrue(SentPackages.link(p.store, again.sign("Ines Duarte", all, new KeyRing(dir.resolve("ines")).keyPair())));
            p.session.reloadPackages();
            assertEquals(State.REPLIED, model.packages().get(0).standing().state());
            assertEquals(0, ShareViewModel.awaiting(p.session));
        }
    }

    @Test
    void contactDetailsOfCastAndHeadsAreKeptUndoneAndUsedForTheMail() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("contacts.clearframe"))) {
            var zoe = p.castMember("Zoë Niño", "Young Mara");
            Department vfx = new Department(UUID.randomUUID(), "VFX", "Ines Duarte", "ines@example.com", "#3366cc");
            p.session.saveDepartment(vfx);
            p.session.setContact(new org.clearframe.model.Contact(zoe.id(), " zoe@agency.example ", "+44 20 7946 0000"));
            p.session.setContact(new org.clearframe.model.Contact(vfx.id(), vfx.email(), "+44 20 7946 0001"));
            try (ProductionStore reader = ProductionStore.openReadOnly(p.file)) {
                var contacts = reader.schedule().contacts();
                assertEquals("zoe@agency.example", contacts.get(zoe.id()).email(), "kept as typed, trimmed");
                assertEquals("+44 20 7946 0001", contacts.get(vfx.id()).phone());
                assertEquals("ines@example.com", contacts.get(vfx.id()).email(), "a head's e-mail stays the department's");
            }
            p.session.undo();
            assertFalse(p.session.contacts().containsKey(vfx.id()) && !p.session.contacts().get(vfx.id()).phone().isEmpty(), "undo takes the phone back");
            assertEquals("+44 20 7946 0000", p.session.contacts().get(zoe.id()).phone());

            // A department's e-mail edited on its own row is the one the mail goes to.
            p.session.saveDepartment(new Department(vfx.id(), "VFX", "Ines Duarte", "vfx-head@example.com", "#3366cc"));
            SentPackage toVfx = new SentPackage(UUID.randomUUID(), SentPackage.AudienceKind.DEPARTMENT, "VFX", null, "", java.time.Instant.now(),
                    "x.cfshare", "", null, null, null);
            SentPackage toZoe = new SentPackage(UUID.randomUUID(), SentPackage.AudienceKind.PERFORMER, "Zoë Niño", zoe.id(), "", java.time.Instant.now(),
                    "y.cfshare", "", null, null, null);
            ShareViewModel model = new ShareViewModel(p.session);
            assertEquals("vfx-head@example.com", model.emailOf(toVfx));
            assertEquals("zoe@agency.example", model.emailOf(toZoe));
        }
    }

    @Test
    void aPerformerIsSentTheirOwnPackageAndOneAskedNothingIsRefused() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("performer.clearframe"))) {
            var zoe = p.castMember("Zoë Niño", "Young Mara");
            p.castMember("Ray Dunmore", "Joe");
            p.withDigitalDouble(p.shot(p.scene("2", "CANNERY"), "1", "The fall"), zoe);
            ShareViewModel model = new ShareViewModel(p.session);
            var choices = model.performers();
            assertTrue(choices.stream().anyMatch(c -> c.performer().equals("Zoë Niño") && c.open() > 0), choices.toString());
            assertTrue(choices.stream().anyMatch(c -> c.performer().equals("Ray Dunmore") && c.open() == 0), choices.toString());

            ShareViewModel.Prepared ray = model.preparePerformer("Ray Dunmore");
            assertTrue(ray.refusal().orElseThrow().startsWith("Ray Dunmore has no open signature"), ray.refusal().get());

            SentPackage sent = model.share(model.preparePerformer("Zoë Niño"), dir.resolve("zoe.cfshare"), new KeyRing(dir.resolve("producer")));
            assertEquals(SentPackage.AudienceKind.PERFORMER, sent.audienceKind());
            assertEquals(zoe.id(), sent.performerId());
            assertFalse(sent.asked().isEmpty());
            assertEquals(State.SENT, model.packages().get(0).standing().state());
        }
    }

    private static ShareViewModel.DepartmentChoice choice(ShareViewModel model, String department) {
        return model.departments().stream().filter(c -> c.department().equals(department)).findFirst()
                .orElseThrow(() -> new AssertionError(department + " not among " + model.departments()));
    }

    private static List<SentPackage> onDisk(OpenProduction p) throws Exception {
        try (ProductionStore reader = ProductionStore.openReadOnly(p.file)) {
            return reader.packages().all();
        }
    }
}
