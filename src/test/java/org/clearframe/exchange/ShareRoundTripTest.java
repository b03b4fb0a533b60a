package org.clearframe.exchange;

import static org.clearframe.testkit.ProductionBuilder.use;
import org.clearframe.testkit.ProductionBuilder;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.IntExt;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.rules.Evaluator;
import org.clearframe.rules.Flag;
import org.clearframe.rules.Policies;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.SignatureState;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The whole exchange through real files: the producer shares with VFX and Costume, two heads with their own key
 * pairs sign, the producer imports both replies into the SQLite production file.
 */
class ShareRoundTripTest {

    @TempDir Path dir;

    Path file;
    Path producerConfig, danaConfig, beaConfig;
    Shot collapse, gown, previs;

    @BeforeEach
    void production() throws Exception {
        producerConfig = dir.resolve("producer-config");
        danaConfig = dir.resolve("dana-config");
        beaConfig = dir.resolve("bea-config");
        CastMember lead = CastMember.of("Mara Quinn", "Detective Hale", Tristate.YES);
        ProductionBuilder tidewater = ProductionBuilder.titled("Tidewater").cast(lead)
                .scene(new Scene(UUID.randomUUID(), "12A", IntExt.EXT, "Tower block", "NIGHT", "It falls.", 11, "Day 3", List.of(lead.id()), false));
        collapse = shot(tidewater, "1", use(Technique.GENERATIVE_VFX).purpose("Tower collapse").fin(), "VFX");
        gown = shot(tidewater, "2", use(Technique.WARDROBE_CONCEPT).purpose("Gala gown").temp(), "Costume");
        tidewater.scene(new Scene(UUID.randomUUID(), "13", IntExt.INT, "Kitchen", "DAY", "", 4, "Day 3", List.of(), false));
        previs = shot(tidewater, "1", use(Technique.GENERATIVE_VFX).purpose("Previs of the flood").temp(), "VFX");
        tidewater.shot("2", "Kettle").with(s -> s.size(ShotSize.INSERT).durationSeconds(2));
        file = tidewater.write(dir.resolve("tidewater.clearframe"));
    }

    /** A wide 35mm shot with one AI use by VendorX, both in {@code department}. */
    private static Shot shot(ProductionBuilder production, String number, ProductionBuilder.Use use, String department) {
        return production.shot(number, "Shot " + number, use.tool("VendorX").department(department))
                .with(s -> s.size(ShotSize.WIDE).lens("35mm").durationSeconds(3)).inDepartments(department).lastShot();
    }

    private ProductionData load() throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return store.load();
        }
    }

    private Path share(String department, String name) throws Exception {
        ProductionData data = load();
        Path out = dir.resolve(name + SharePackage.EXTENSION);
        SharePackageBuilder.build(data, SharePackageBuilder.forDepartment(data, department)).sealedWith(new KeyRing(producerConfig).keyPair()).write(out);
        return out;
    }

    /** The head's side: read the package and answer every question in it with {@code decision}. */
    private Path signAll(Path pkgFile, String signer, Path config, Decision decision, String name) throws Exception {
        SharePackage pkg = SharePackage.read(pkgFile);
        List<SharePackage.Answer> answers = pkg.slots().stream()
                .map(s -> new SharePackage.Answer(s, decision, decision == Decision.APPROVED_WITH_CONDITIONS ? "Wide only" : "")).toList();
        Reply reply = pkg.sign(signer, answers, new KeyRing(config).keyPair());
        Path out = dir.resolve(name + Reply.EXTENSION);
        reply.write(out);
        return out;
    }

    private ReplyImport importer() {
        return new ReplyImport(new TrustStore(producerConfig));
    }

    private ReplyImport.Preview importReply(Path replyFile) throws Exception {
        ReplyImport imp = importer();
        Reply reply = imp.read(replyFile);
        try (ProductionStore store = ProductionStore.open(file)) {
            return imp.apply(store, reply);
        }
    }

    private static List<RequiredSignature> signatures(ProductionData data, Shot shot, Role role) {
        List<Flag> flags = Evaluator.evaluate(Policies.inForce(data), data, data.shot(shot.id()).orElseThrow());
        return flags.stream().flatMap(f -> f.signatures().stream()).filter(s -> s.role() == role).toList();
    }

    @Test
    void packagesHoldWhatConcernsTheirDepartment() throws Exception {
        SharePackage vfx = SharePackage.read(share("VFX", "vfx"));
        assertEquals(List.of(Role.VFX_SUPERVISOR), vfx.audience().roles());
        assertEquals(Set.of(collapse.id(), previs.id()), Set.copyOf(vfx.shots().stream().map(Shot::id).toList()));
        assertEquals(Set.of("VFX-GEN-FINAL", "VFX-GEN-TEMP"), Set.copyOf(vfx.rules().stream().map(SharePackage.RuleInfo::id).toList()));
        assertFalse(vfx.rules().get(0).sources().isEmpty(), "rules travel with their sources");
        assertEquals(2, vfx.slots().size(), "one question per shot: the studio AI contact's signature is not the VFX head's to give");
        assertTrue(vfx.flags().stream().allMatch(f -> !f.reason().isBlank()));
        assertEquals(org.clearframe.rules.Fingerprint.of(collapse), vfx.fingerprints().get(collapse.id()));
        assertEquals("", vfx.production().notes(), "internal production notes stay home");

        SharePackage costume = SharePackage.read(share("costume", "costume"));
        assertEquals("Costume / Wardrobe", costume.audience().department());
        assertEquals(List.of(gown.id()), costume.shots().stream().map(Shot::id).toList());

        ProductionData data = load();
        SharePackage all = SharePackageBuilder.build(data, SharePackageBuilder.forDepartment(data, "VFX").withAllShots(true));
        assertEquals(4, all.shots().size());
        assertEquals(2, all.scenes().size());
    }

    @Test
    void twoHeadsSignTheProducerImportsBothAndTheFlagsClearExceptAShotChangedMeanwhile() throws Exception {
        Path vfxPkg = share("VFX", "vfx");
        Path costumePkg = share("Costume / Wardrobe", "costume");
        Path vfxReply = signAll(vfxPkg, "Dana Reyes", danaConfig, Decision.APPROVED, "vfx");
        Path costumeReply = signAll(costumePkg, "Bea Kelly", beaConfig, Decision.APPROVED_WITH_CONDITIONS, "costume");
        assertNotEquals(new KeyRing(danaConfig).fingerprint(), new KeyRing(beaConfig).fingerprint(), "two different key pairs");

        // The producer changes the previs shot's AI use after sharing it.
        try (ProductionStore store = ProductionStore.open(file)) {
            AiUse old = previs.aiUses().get(0);
            AiUse changed = new AiUse(old.id(), old.technique(), "Previs of the flood AND the fire", old.tool(), old.output(),
                    old.performerIds(), old.departmentIds(), old.uploads(), old.vendorTrains(), old.factors(), old.notes());
            store.saveShot(previs.withAiUses(List.of(changed)));
        }

        ReplyImport.Preview vfx = importReply(vfxReply);
        assertEquals(TrustStore.Check.NEW, vfx.keyCheck());
        assertEquals(new KeyRing(danaConfig).fingerprint(), vfx.keyFingerprint());
        assertEquals(1, vfx.newSignOffs().size());
        assertEquals(1, vfx.stale().size());
        assertEquals(previs.id(), vfx.stale().get(0).entry().shotId());
        ReplyImport.Preview costume = importReply(costumeReply);
        assertEquals(1, costume.newSignOffs().size());

        ProductionData after = load();
        assertEquals(3, after.signOffs().size(), "the stale decision is kept in history too");
        for (RequiredSignature s : signatures(after, collapse, Role.VFX_SUPERVISOR)) assertFalse(s.state().open(), s.toString());
        assertTrue(signatures(after, collapse, Role.STUDIO_AI_CONTACT).stream().allMatch(s -> s.state().open()), "not the VFX head's to clear");
        List<RequiredSignature> gownSigs = signatures(after, gown, Role.COSTUME_DESIGNER);
        assertEquals(List.of(SignatureState.APPROVED_WITH_CONDITIONS), gownSigs.stream().map(RequiredSignature::state).toList());
        assertEquals("Wide only", gownSigs.get(0).latest().orElseThrow().note());
        assertEquals("Bea Kelly", gownSigs.get(0).latest().orElseThrow().signer());
        assertEquals(List.of(SignatureState.STALE), signatures(after, previs, Role.VFX_SUPERVISOR).stream().map(RequiredSignature::state).toList());

        // Both heads are now pinned in the producer's trust store.
        TrustStore trust = new TrustStore(producerConfig);
        assertEquals(new KeyRing(danaConfig).fingerprint(), trust.pinned("Dana Reyes", "VFX").orElseThrow().fingerprint());
        assertEquals(new KeyRing(beaConfig).fingerprint(), trust.pinned("Bea Kelly", "Costume / Wardrobe").orElseThrow().fingerprint());
    }

    @Test
    void importingTheSameReplyTwiceChangesNothingTheSecondTime() throws Exception {
        Path reply = signAll(share("VFX", "vfx"), "Dana Reyes", danaConfig, Decision.APPROVED, "vfx");
        importReply(reply);
        ProductionData once = load();
        byte[] trustOnce = Files.readAllBytes(new TrustStore(producerConfig).file());

        ReplyImport.Preview second = importReply(reply);
        assertEquals(2, second.alreadySigned().size());
        assertTrue(second.changesNothing());
        assertEquals(once, load());
        assertArrayEquals(trustOnce, Files.readAllBytes(new TrustStore(producerConfig).file()), "the key is not pinned again");
    }

    @Test
    void aDeclineIsRecordedAndLeavesTheFlagDeclined() throws Exception {
        Path reply = signAll(share("costume", "costume"), "Bea Kelly", beaConfig, Decision.DECLINED, "costume");
        ReplyImport.Preview p = importReply(reply);
        assertEquals(1, p.declined().size());
        assertEquals(List.of(SignatureState.DECLINED), signatures(load(), gown, Role.COSTUME_DESIGNER).stream().map(RequiredSignature::state).toList());
    }

    // ------------------------------------------------------------------------------------ refusals

    private void assertRefusedUnchanged(Path reply, Problem expected, String messagePart) throws Exception {
        assertRefusedUnchanged(reply, expected, messagePart, importer());
    }

    private void assertRefusedUnchanged(Path reply, Problem expected, String messagePart, ReplyImport imp) throws Exception {
        ProductionData before = load();
        byte[] trustBefore = Files.exists(new TrustStore(producerConfig).file()) ? Files.readAllBytes(new TrustStore(producerConfig).file()) : null;
        ExchangeException e = assertThrows(ExchangeException.class, () -> {
            Reply r = imp.read(reply);
            try (ProductionStore store = ProductionStore.open(file)) {
                imp.apply(store, r);
            }
        });
        assertEquals(expected, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        assertEquals(before, load(), "the production is unchanged");
        Path trustFile = new TrustStore(producerConfig).file();
        if (trustBefore == null) assertFalse(Files.exists(trustFile), "no key was pinned");
        else assertArrayEquals(trustBefore, Files.readAllBytes(trustFile), "the trusted keys are unchanged");
    }

    @Test
    void aReplyWithOneByteFlippedIsRefused() throws Exception {
        Path reply = signAll(share("VFX", "vfx"), "Dana Reyes", danaConfig, Decision.APPROVED, "vfx");
        byte[] bytes = Files.readAllBytes(reply);
        int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Dana Reyes");
        bytes[at + 1] ^= 0x01; // "Dana" -> "D`na": valid JSON, different signer
        Files.write(reply, bytes);
        assertRefusedUnchanged(reply, Problem.BAD_SIGNATURE, "altered since it was signed");
    }

    @Test
    void aReplyWithOneFieldChangedIsRefused() throws Exception {
        Path reply = signAll(share("costume", "costume"), "Bea Kelly", beaConfig, Decision.DECLINED, "costume");
        Files.writeString(reply, Files.readString(reply).replace("\"decision\" : \"DECLINED\"", "\"decision\" : \"APPROVED\""));
        assertTrue(Files.readString(reply).contains("\"APPROVED\""));
        assertRefusedUnchanged(reply, Problem.BAD_SIGNATURE, "altered since it was signed");
    }

    @Test
    void anUnsignedReplyIsRefused() throws Exception {
        Path reply = signAll(share("VFX", "vfx"), "Dana Reyes", danaConfig, Decision.APPROVED, "vfx");
        Files.writeString(reply, Files.readString(reply).replaceAll("\"signature\" : \"[^\"]*\"", "\"signature\" : \"\""));
        assertRefusedUnchanged(reply, Problem.UNSIGNED, "not signed");
    }

    @Test
    void aReplyFromAKnownHeadSignedWithANewKeyIsRefusedUntilRepinned() throws Exception {
        importReply(signAll(share("VFX", "vfx"), "Dana Reyes", danaConfig, Decision.APPROVED, "first"));
        String pinned = new KeyRing(danaConfig).fingerprint();

        Path impostorConfig = dir.resolve("impostor-config");
        Path forged = signAll(share("VFX", "vfx2"), "Dana Reyes", impostorConfig, Decision.APPROVED, "forged");
        assertRefusedUnchanged(forged, Problem.KEY_CHANGED, "signed with a different key");
        ExchangeException e = assertThrows(ExchangeException.class, () -> importer().preview(load(), importer().read(forged)));
        assertTrue(e.getMessage().contains(pinned) && e.getMessage().contains(new KeyRing(impostorConfig).fingerprint()),
                "both fingerprints are named: " + e.getMessage());

        // After a phone call the producer re-pins on purpose.
        ReplyImport.Preview repinned;
        try (ProductionStore store = ProductionStore.open(file)) {
            ReplyImport imp = importer().repinning();
            repinned = imp.apply(store, imp.read(forged));
        }
        assertEquals(TrustStore.Check.CHANGED, repinned.keyCheck());
        assertTrue(repinned.keyLine().contains("RE-PINNING"));
        assertEquals(new KeyRing(impostorConfig).fingerprint(), new TrustStore(producerConfig).pinned("Dana Reyes", "VFX").orElseThrow().fingerprint());
    }

    @Test
    void aReplyForAnotherProductionIsRefused() throws Exception {
        Path otherFile = dir.resolve("other.clearframe");
        ProductionData mine = load();
        ProductionStore.createFrom(otherFile, new ProductionData(Production.titled("Another Show"), mine.departments(), mine.cast(),
                mine.scenes(), mine.shots(), List.of(), ""));
        ProductionData other;
        try (ProductionStore store = ProductionStore.openReadOnly(otherFile)) {
            other = store.load();
        }
        Path pkg = dir.resolve("other.cfshare");
        SharePackageBuilder.build(other, SharePackageBuilder.forDepartment(other, "VFX")).sealedWith(new KeyRing(producerConfig).keyPair()).write(pkg);
        Path reply = signAll(pkg, "Dana Reyes", danaConfig, Decision.APPROVED, "other");
        assertRefusedUnchanged(reply, Problem.WRONG_PRODUCTION, "another production (\"Another Show\"");
    }

    @Test
    void aReplyNamingAShotDeletedMeanwhileIsRefused() throws Exception {
        Path reply = signAll(share("VFX", "vfx"), "Dana Reyes", danaConfig, Decision.APPROVED, "vfx");
        try (ProductionStore store = ProductionStore.open(file)) {
            store.deleteShot(previs.id());
        }
        assertRefusedUnchanged(reply, Problem.UNKNOWN_ID, "shot " + previs.id());
    }

    @Test
    void aHeadCannotSignForAnotherDepartmentsRole() throws Exception {
        SharePackage pkg = SharePackage.read(share("VFX", "vfx"));
        SharePackage.Slot slot = pkg.slots().get(0);
        Reply overreach = Reply.sign(pkg.id(), pkg.production().id(), pkg.production().title(),
                new Reply.Signer("Dana Reyes", "VFX", List.of(Role.VFX_SUPERVISOR, Role.STUDIO_AI_CONTACT)),
                List.of(new Reply.Entry(slot.shotId(), slot.ruleId(), Role.STUDIO_AI_CONTACT, null, Decision.APPROVED, "", java.time.Instant.now(),
                        pkg.fingerprints().get(slot.shotId()))), new KeyRing(danaConfig).keyPair());
        Path reply = dir.resolve("overreach.cfreply");
        overreach.write(reply);
        assertRefusedUnchanged(reply, Problem.INVALID, "claims to sign as Studio AI contact");
    }

    @Test
    void aPackageFileIsNotAReply() throws Exception {
        assertRefusedUnchanged(share("VFX", "vfx"), Problem.MALFORMED, "not a Clearframe reply");
    }

    @Test
    void theHeadCanOnlyAnswerWhatThePackageAsks() throws Exception {
        SharePackage pkg = SharePackage.read(share("VFX", "vfx"));
        SharePackage.Slot real = pkg.slots().get(0);
        SharePackage.Slot legal = new SharePackage.Slot(real.shotId(), real.ruleId(), Role.STUDIO_LEGAL, null, "");
        KeyRingHolder keys = new KeyRingHolder(danaConfig);
        assertEquals(Problem.UNKNOWN_ID, assertThrows(ExchangeException.class,
                () -> pkg.sign("Dana", List.of(new SharePackage.Answer(legal, Decision.APPROVED, "")), keys.pair())).problem());
        assertEquals(Problem.DUPLICATE_ID, assertThrows(ExchangeException.class, () -> pkg.sign("Dana",
                List.of(new SharePackage.Answer(real, Decision.APPROVED, ""), new SharePackage.Answer(real, Decision.DECLINED, "")), keys.pair())).problem());
        assertEquals(Problem.INVALID, assertThrows(ExchangeException.class,
                () -> pkg.sign("Dana", List.of(new SharePackage.Answer(real, Decision.APPROVED_WITH_CONDITIONS, " ")), keys.pair())).problem());
        assertEquals(Problem.INVALID, assertThrows(ExchangeException.class,
                () -> pkg.sign(" ", List.of(new SharePackage.Answer(real, Decision.APPROVED, "")), keys.pair())).problem());
    }

    private record KeyRingHolder(Path dir) {
        java.security.KeyPair pair() throws ExchangeException {
            return new KeyRing(dir).keyPair();
        }
    }

    @Test
    void badPackagesAreRefusedWithClearMessages() throws Exception {
        Path pkg = share("VFX", "vfx");
        String text = Files.readString(pkg);
        Files.writeString(pkg, text.replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 3"));
        assertEquals(Problem.NEWER_SCHEMA, assertThrows(ExchangeException.class, () -> SharePackage.read(pkg)).problem());
        Files.writeString(pkg, text.substring(0, text.length() / 2));
        assertEquals(Problem.MALFORMED, assertThrows(ExchangeException.class, () -> SharePackage.read(pkg)).problem());
        String previsId = previs.id().toString(), collapseId = collapse.id().toString();
        String duplicated = text.replace("\"id\" : \"" + previsId + "\"", "\"id\" : \"" + collapseId + "\"");
        Files.writeString(pkg, duplicated);
        assertEquals(Problem.BAD_SIGNATURE, assertThrows(ExchangeException.class, () -> SharePackage.read(pkg)).problem(), "a signed package is checked first");
        // The same damage in an old unsigned (schema 1) package is still found by the structural checks.
        Files.writeString(pkg, TrustAttacks.unsignedV1(duplicated));
        ExchangeException dup = assertThrows(ExchangeException.class, () -> SharePackage.read(pkg));
        assertEquals(Problem.DUPLICATE_ID, dup.problem(), dup.getMessage());
        try (var f = new java.io.RandomAccessFile(pkg.toFile(), "rw")) {
            f.setLength(SharePackage.MAX_BYTES + 1);
        }
        assertEquals(Problem.TOO_LARGE, assertThrows(ExchangeException.class, () -> SharePackage.read(pkg)).problem());
    }

    @Test
    void departmentNamesAreMatchedHelpfully() throws Exception {
        ProductionData data = load();
        assertEquals(List.of(Role.COSTUME_DESIGNER), SharePackageBuilder.forDepartment(data, "COSTUME").roles());
        assertEquals(Problem.UNKNOWN_ID, assertThrows(ExchangeException.class, () -> SharePackageBuilder.forDepartment(data, "Catering")).problem());
        ExchangeException ambiguous = assertThrows(ExchangeException.class, () -> SharePackageBuilder.forDepartment(data, "st"));
        assertTrue(ambiguous.getMessage().contains("could be any of"), ambiguous.getMessage());
        assertEquals(Problem.INVALID, assertThrows(ExchangeException.class, () -> SharePackageBuilder.forDepartment(data, "Locations")).problem(),
                "no role signs for Locations");
        assertTrue(Arrays.asList(Role.values()).containsAll(SharePackageBuilder.forDepartment(data, "Production").roles()));
    }
}
