package org.clearframe.cli;

import static org.clearframe.testkit.ProductionBuilder.use;
import org.clearframe.testkit.ProductionBuilder;
import org.clearframe.exchange.Capacity;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyVerifier;
import org.clearframe.exchange.SharePackage;
import org.clearframe.exchange.TrustAttacks;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.IntExt;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
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
import org.clearframe.testkit.KeepsUserConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 10, cases 1, 3, 4, 8 and two of 11, through the real command line and real files, each side of the exchange
 * with its own config folder (so its own key and its own pins). Each test is an attack or a careless use that used to
 * succeed; each asserts the refusal (exit 2, the production's bytes unchanged) or the honest record.
 */
@ExtendWith(KeepsUserConfig.class)
class ExchangeTrustTest {

    @TempDir Path dir;
    Path file;
    String out, err;
    CastMember zara, maya;
    Shot flashback, tower, gown;

    @BeforeEach
    void production() throws Exception {
        zara = CastMember.of("Zara Quinn", "Hale", Tristate.YES);
        maya = CastMember.of("Maya Torres", "Young Hale", Tristate.YES);
        ProductionBuilder tidewater = ProductionBuilder.titled("Tidewater").cast(zara, maya)
                .scene(new Scene(UUID.randomUUID(), "12A", IntExt.EXT, "Tower block", "NIGHT", "", 11, "", List.of(zara.id(), maya.id()), false))
                .shot("1", "Hale at twenty, on the pier", use(Technique.DE_AGING).purpose("De-age Hale by 30 years").tool("VendorX").fin()
                        .on(zara, maya).department("VFX").uploads(Material.LIKENESS_OR_VOICE))
                .with(s -> s.size(ShotSize.MEDIUM).durationSeconds(4)).inDepartments("VFX");
        flashback = tidewater.lastShot();
        tower = tidewater
                .shot("2", "Tower falls", use(Technique.GENERATIVE_VFX).purpose("Collapse").tool("VendorX").fin().department("VFX"))
                .with(s -> s.size(ShotSize.WIDE).durationSeconds(3)).inDepartments("VFX").lastShot();
        gown = tidewater.shot("3", "Gown", use(Technique.WARDROBE_CONCEPT).purpose("Gown").tool("VendorX").department("Costume"))
                .with(s -> s.size(ShotSize.MEDIUM).durationSeconds(3)).inDepartments("Costume").lastShot();
        file = tidewater.write(dir.resolve("tidewater.clearframe"));
    }

    private int run(String who, String... args) {
        System.setProperty("clearframe.config", config(who).toString());
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private Path config(String who) {
        return dir.resolve(who + "-config");
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private ProductionData load() throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return store.load();
        }
    }

    private SignatureState state(Shot shot, Role role, UUID subject) throws Exception {
        ProductionData data = load();
        List<Flag> flags = Evaluator.evaluate(Policies.inForce(data), data, data.shot(shot.id()).orElseThrow());
        return flags.stream().flatMap(f -> f.signatures().stream()).filter(s -> s.role() == role && java.util.Objects.equals(s.subjectId(), subject))
                .map(RequiredSignature::state).findFirst().orElseThrow();
    }

    /** Runs an import that must be refused: exit 2, the message, and not one byte of the production changed. */
    private void refusedImport(String reply, String messagePart, String... extra) throws Exception {
        byte[] before = Files.readAllBytes(file);
        List<String> args = new ArrayList<>(List.of("import-reply", file.toString(), p(reply)));
        args.addAll(List.of(extra));
        assertEquals(2, run("producer", args.toArray(String[]::new)), out + err);
        assertTrue(err.contains(messagePart), err);
        assertArrayEquals(before, Files.readAllBytes(file), "the production is unchanged");
    }

    private void writeReply(Reply reply, String name) throws Exception {
        reply.write(dir.resolve(name));
    }

    // ------------------------------------------------------------------------------------------- case 1

    @Test
    void case1_aTamperedPackageIsRefusedAndCanNeverYieldCurrentConsent() throws Exception {
        assertEquals(0, run("producer", "share", file.toString(), "--role", "PERFORMER", p("pkg.cfshare")), err);
        String genuine = Files.readString(dir.resolve("pkg.cfshare"));
        String tampered = genuine.replace("\"output\" : \"FINAL\"", "\"output\" : \"TEMPORARY\"")
                .replace("\"uploads\" : [ \"LIKENESS_OR_VOICE\" ]", "\"uploads\" : [ ]")
                .replace("Hale at twenty, on the pier", "A harmless colour grade");
        assertNotEquals(genuine, tampered);
        assertTrue(tampered.contains("\"uploads\" : [ ]"), "the attack edits what it means to");

        // The signed package, edited: refused by sign.
        Files.writeString(dir.resolve("pkg.cfshare"), tampered);
        assertEquals(2, run("zara", "sign", p("pkg.cfshare"), "--name", "Zara Quinn", "--decide-all", "approve", p("r.cfreply")));
        assertTrue(err.contains("altered after the producer made it"), err);
        assertFalse(Files.exists(dir.resolve("r.cfreply")));

        // Downgraded to the old unsigned format: its content does not match its fingerprints, refused.
        Files.writeString(dir.resolve("pkg.cfshare"), TrustAttacks.unsignedV1(tampered));
        assertEquals(2, run("zara", "sign", p("pkg.cfshare"), "--name", "Zara Quinn", "--decide-all", "approve", p("r.cfreply")));
        assertTrue(err.contains("does not match its fingerprint"), err);

        // Downgraded and made self-consistent by an attacker who read the source: Zara may review it (with a warning),
        // but her reply binds what she was shown, which is not the real plan: recorded as stale, never current.
        Files.writeString(dir.resolve("pkg.cfshare"), TrustAttacks.refingerprint(TrustAttacks.unsignedV1(tampered)));
        assertEquals(0, run("zara", "sign", p("pkg.cfshare"), "--name", "Zara Quinn", "--decide-all", "approve", p("r.cfreply")), err);
        assertTrue(err.contains("old unsigned format"), err);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("r.cfreply")), err);
        assertTrue(out.contains("New sign-off: 0") && out.contains("Stale: the shot or performer differs from what was signed: 2"), out);
        assertTrue(out.contains("Shot 12A/1, DEAGE-PERFORMER, Affected performer: Zara Quinn: Approved"), out);
        assertEquals(SignatureState.STALE, state(flashback, Role.PERFORMER, zara.id()));
        assertEquals(1, run("producer", "check", file.toString()));
        assertFalse(out.contains("Affected performer: Zara Quinn: Approved"), out);
    }

    @Test
    void case1_aHeadWhoKnowsTheProducerRefusesAStrippedSignatureAndANewKey() throws Exception {
        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        String genuine = Files.readString(dir.resolve("vfx.cfshare"));
        assertEquals(0, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana Reyes", "--decide-all", "approve", p("a.cfreply")), err);
        assertTrue(out.contains("First package of \"Tidewater\" signed by the producer's key " + new KeyRing(config("producer")).fingerprint()), out);

        // The same package with its signature stripped (a downgrade): refused once the production's key is known.
        Files.writeString(dir.resolve("stripped.cfshare"), TrustAttacks.unsignedV1(genuine));
        assertEquals(2, run("dana", "sign", p("stripped.cfshare"), "--list"));
        assertTrue(err.contains("is not signed, but the producer of this production signs"), err);

        // Someone else with a copy of the production makes a package with their key: refused until Dana re-pins.
        assertEquals(0, run("mallory", "share", file.toString(), "--department", "VFX", p("mallory.cfshare")), err);
        assertEquals(2, run("dana", "sign", p("mallory.cfshare"), "--name", "Dana Reyes", "--decide-all", "approve", p("m.cfreply")));
        assertTrue(err.contains("different key") && err.contains(new KeyRing(config("mallory")).fingerprint()), err);
        assertFalse(Files.exists(dir.resolve("m.cfreply")));
        assertEquals(0, run("dana", "sign", p("mallory.cfshare"), "--repin", "--name", "Dana Reyes", "--decide-all", "approve", p("m.cfreply")), err);
        assertTrue(out.contains("RE-PINNING"), out);

        // ... and the producer refuses a reply to a package they did not make.
        refusedImport("m.cfreply", "which is not your key");
    }

    @Test
    void anAlteredPackageByteOrSwappedSealIsRefused() throws Exception {
        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        assertEquals(0, run("producer", "share", file.toString(), "--department", "Costume", p("costume.cfshare")), err);
        Path vfx = dir.resolve("vfx.cfshare");
        byte[] bytes = Files.readAllBytes(vfx);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Collapse");
        bytes[at + 1] ^= 0x01; // "Collapse" -> "Cnllapse": still valid JSON
        Files.write(dir.resolve("byte.cfshare"), bytes);
        assertEquals(2, run("dana", "sign", p("byte.cfshare"), "--list"));
        assertTrue(err.contains("altered"), err);

        Files.writeString(dir.resolve("swapped.cfshare"), TrustAttacks.withSealOf(Files.readString(dir.resolve("costume.cfshare")), Files.readString(vfx)));
        assertEquals(2, run("bea", "sign", p("swapped.cfshare"), "--list"));
        assertTrue(err.contains("altered"), err);

        // The package's audience is part of what is signed: a VFX package re-labelled for Legal is refused.
        Files.writeString(dir.resolve("relabelled.cfshare"), Files.readString(vfx).replaceFirst("\"department\" : \"VFX\"", "\"department\" : \"Legal\""));
        assertEquals(2, run("dana", "sign", p("relabelled.cfshare"), "--list"));
        assertTrue(err.contains("altered"), err);
    }

    // ------------------------------------------------------------------------------------------- case 3

    @Test
    void case3_lookAlikeNamesAndNewKeysDoNotPassAsAFirstReply() throws Exception {
        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        assertEquals(0, run("dana", "sign", p("vfx.cfshare"), "--name", "Lena Sørensen", "--decide-all", "approve", p("lena.cfreply")), err);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("lena.cfreply")), err);

        String[] spoofs = {"Lena\u200B Sørensen", "Lena Sørensen\u00A0", "LENA  SØRENSEN", "Le\u00ADna Sørensen"};
        for (int i = 0; i < spoofs.length; i++) {
            assertEquals(0, run("impostor", "sign", p("vfx.cfshare"), "--name", spoofs[i], "--decide-all", "decline", p("spoof" + i + ".cfreply")), err);
            refusedImport("spoof" + i + ".cfreply", "signed with a different key");
        }
        // Cyrillic "а" and "o" for "ø": another name, but one that looks the same. Flagged and refused until re-pinned.
        assertEquals(0, run("impostor", "sign", p("vfx.cfshare"), "--name", "Lenа Sorensen", "--decide-all", "decline", p("cyr.cfreply")), err);
        refusedImport("cyr.cfreply", "looks like a head already pinned");
        assertEquals(0, run("producer", "import-reply", file.toString(), p("cyr.cfreply"), "--dry-run", "--repin"), err);
        assertTrue(out.contains("LOOK-ALIKE NAME: \"Lenа Sorensen\" looks like \"Lena Sørensen\""), out);
    }

    @Test
    void case3_oneKeyCannotSpeakForAnotherHeadWithoutAWarnedRepin() throws Exception {
        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        assertEquals(0, run("producer", "share", file.toString(), "--department", "Costume", p("costume.cfshare")), err);
        assertEquals(0, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana Reyes", "--decide-all", "approve", p("dana.cfreply")), err);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("dana.cfreply")), err);
        // Dana's key answers the costume package as "Bea Kelly", a head not known yet.
        assertEquals(0, run("dana", "sign", p("costume.cfshare"), "--name", "Bea Kelly", "--decide-all", "approve", p("bea.cfreply")), err);
        refusedImport("bea.cfreply", "is already pinned for someone else");
        assertEquals(0, run("producer", "import-reply", file.toString(), p("bea.cfreply"), "--repin"), err);
        assertTrue(out.contains("RE-PINNING: key") && out.contains("will also speak for Bea Kelly (Costume / Wardrobe)"), out);
    }

    @Test
    void case3_controlAndBidiCharactersInANameAreRefused() throws Exception {
        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        assertEquals(2, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana \u202Eseyer", "--decide-all", "approve", p("x.cfreply")));
        assertTrue(err.contains("bidirectional"), err);
        assertEquals(2, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana\u0007 Reyes", "--decide-all", "approve", p("x.cfreply")));
        assertTrue(err.contains("control character"), err);
        assertFalse(Files.exists(dir.resolve("x.cfreply")));

        // A reply made by hand with such a name, validly signed, is refused on import.
        assertEquals(0, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana Reyes", "--decide-all", "approve", p("ok.cfreply")), err);
        Reply ok = ReplyVerifier.read(dir.resolve("ok.cfreply"));
        Reply bidi = TrustAttacks.resign(ok, r -> new Reply(r.schemaVersion(), r.appVersion(), r.id(), r.packageId(), r.productionId(),
                r.productionTitle(), new Reply.Signer("Dana \u2067Reyes", "VFX", r.signer().roles()), r.createdAt(), r.publicKey(), r.decisions(),
                r.packageSeal(), ""), new KeyRing(config("dana")).keyPair());
        writeReply(bidi, "bidi.cfreply");
        refusedImport("bidi.cfreply", "bidirectional");
    }

    // ------------------------------------------------------------------------------------------- case 4

    @Test
    void case4_oneCastSignerCannotApproveAnotherPerformersSlots() throws Exception {
        assertEquals(0, run("producer", "share", file.toString(), "--role", "PERFORMER", p("cast.cfshare")), err);
        assertEquals(2, run("maya", "sign", p("cast.cfshare"), "--name", "Maya Torres",
                "--decide", "12A:1/DEAGE-PERFORMER/PERFORMER/Zara Quinn=approve", p("x.cfreply")));
        assertTrue(err.contains("cannot give Zara Quinn's consent"), err);
        assertEquals(0, run("maya", "sign", p("cast.cfshare"), "--name", "Maya Torres", "--decide-all", "approve", p("maya.cfreply")), err);
        assertTrue(out.contains("Zara Quinn's consent, which only they"), out);
        Reply mine = ReplyVerifier.read(dir.resolve("maya.cfreply"));
        assertEquals(Set.of(maya.id()), Set.copyOf(mine.decisions().stream().map(Reply.Entry::subjectId).toList()));

        // By hand, with her own key: Maya adds Zara's slot to her reply, or signs Zara's alone.
        Reply.Entry hers = mine.decisions().get(0);
        Reply.Entry zaras = new Reply.Entry(hers.shotId(), hers.ruleId(), hers.role(), zara.id(), Decision.APPROVED, "", hers.signedAt(),
                hers.fingerprint(), "Zara Quinn");
        writeReply(TrustAttacks.resign(mine, r -> withDecisions(r, List.of(hers, zaras)), new KeyRing(config("maya")).keyPair()), "both.cfreply");
        refusedImport("both.cfreply", "one reply, one person");
        writeReply(TrustAttacks.resign(mine, r -> withDecisions(r, List.of(zaras)), new KeyRing(config("maya")).keyPair()), "zaras.cfreply");
        refusedImport("zaras.cfreply", "is from performer " + maya.id() + " but signs for " + zara.id());
        Reply.Signer asZara = new Reply.Signer("Maya Torres", "Cast", mine.signer().roles(), zara.id(), Capacity.SELF);
        writeReply(TrustAttacks.resign(mine, r -> new Reply(r.schemaVersion(), r.appVersion(), r.id(), r.packageId(), r.productionId(),
                r.productionTitle(), asZara, r.createdAt(), r.publicKey(), List.of(zaras), null, ""), new KeyRing(config("maya")).keyPair()), "zaras2.cfreply");
        refusedImport("zaras2.cfreply", "a performer signs only for themselves");

        assertEquals(0, run("producer", "import-reply", file.toString(), p("maya.cfreply")), err);
        assertEquals(SignatureState.APPROVED, state(flashback, Role.PERFORMER, maya.id()));
        assertEquals(SignatureState.MISSING, state(flashback, Role.PERFORMER, zara.id()));
    }

    @Test
    void case4_recastingMakesThePreviousPerformersConsentStale() throws Exception {
        assertEquals(0, run("producer", "share", file.toString(), "--performer", "zara quinn", p("zara.cfshare")), err);
        assertEquals(0, run("zara", "sign", p("zara.cfshare"), "--name", "Zara Quinn", "--decide-all", "approve", p("zara.cfreply")), err);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("zara.cfreply")), err);
        assertTrue(out.contains("New sign-off: 2"), out);
        assertEquals(1, run("producer", "check", file.toString()));
        assertTrue(out.contains("Affected performer: Zara Quinn: Approved by Zara Quinn"), out);
        assertEquals("Zara Quinn", load().signOffs().get(0).subjectName());

        try (ProductionStore store = ProductionStore.open(file)) {
            store.saveCastMember(new CastMember(zara.id(), "Nia Brooks", "Hale", Tristate.YES, false));
        }
        assertEquals(SignatureState.STALE, state(flashback, Role.PERFORMER, zara.id()));
        assertEquals(1, run("producer", "check", file.toString()));
        assertFalse(out.contains("Nia Brooks: Approved"), out);
        // The old reply imported again after the recast is history, never the new performer's consent.
        assertEquals(0, run("producer", "import-reply", file.toString(), p("zara.cfreply")), err);
        assertEquals(SignatureState.STALE, state(flashback, Role.PERFORMER, zara.id()));
    }

    @Test
    void case4_aRepresentativeSignsOnlyWhereThePackageNamesThem() throws Exception {
        assertEquals(0, run("producer", "share", file.toString(), "--performer", "Maya Torres", "--representative", "Sam Okafor",
                "--capacity", "agent", p("maya.cfshare")), err);
        assertEquals(0, run("producer", "share", file.toString(), "--performer", "Maya Torres", p("maya-plain.cfshare")), err);
        assertEquals(2, run("sam", "sign", p("maya-plain.cfshare"), "--name", "Sam Okafor", "--decide-all", "approve", p("x.cfreply")));
        assertTrue(err.contains("asks nothing that Sam Okafor can sign"), err);

        assertEquals(0, run("sam", "sign", p("maya.cfshare"), "--name", "Sam Okafor", "--decide-all", "approve", p("sam.cfreply")), err);
        Reply sams = ReplyVerifier.read(dir.resolve("sam.cfreply"));
        assertEquals(Capacity.AGENT, sams.signer().capacity());
        assertEquals(maya.id(), sams.signer().performerId());

        // Sam's reply moved onto the seal of the package that names no representative: refused.
        SharePackage plain = SharePackage.read(dir.resolve("maya-plain.cfshare"));
        Reply moved = TrustAttacks.resign(sams, r -> new Reply(r.schemaVersion(), r.appVersion(), r.id(), plain.id(), r.productionId(),
                r.productionTitle(), r.signer(), r.createdAt(), r.publicKey(), r.decisions(), plain.seal(), ""), new KeyRing(config("sam")).keyPair());
        writeReply(moved, "moved.cfreply");
        refusedImport("moved.cfreply", "does not name them as such");

        assertEquals(0, run("producer", "import-reply", file.toString(), p("sam.cfreply")), err);
        assertEquals(SignatureState.APPROVED, state(flashback, Role.PERFORMER, maya.id()));
        assertEquals("Maya Torres", load().signOffs().get(0).subjectName());
        assertEquals("Sam Okafor", load().signOffs().get(0).signer());
    }

    private static Reply withDecisions(Reply r, List<Reply.Entry> decisions) {
        return new Reply(r.schemaVersion(), r.appVersion(), r.id(), r.packageId(), r.productionId(), r.productionTitle(), r.signer(),
                r.createdAt(), r.publicKey(), decisions, r.packageSeal(), "");
    }

    // ------------------------------------------------------------------------------------------- case 8

    @Test
    void case8_decideAllNeverWritesAReplyThatImportRejects() throws Exception {
        Department vfx = Department.defaults().stream().filter(d -> d.name().equals("VFX")).findFirst().orElseThrow();
        Shot replica = new Shot(UUID.randomUUID(), flashback.sceneId(), "4", "A double in the crowd", ShotSize.WIDE, "", "", "", 2, List.of(), "",
                List.of(new AiUse(UUID.randomUUID(), Technique.DIGITAL_REPLICA, "Crowd double", "VendorX", Output.FINAL, List.of(), List.of(),
                        Set.of(), Tristate.NO, Set.of(), "")));
        try (ProductionStore store = ProductionStore.open(file)) {
            store.saveShot(replica);
        }
        assertEquals(0, run("producer", "share", file.toString(), "--role", "PERFORMER", p("cast.cfshare")), err);
        assertEquals(0, run("zara", "sign", p("cast.cfshare"), "--list"), err);
        assertTrue(out.contains("12A:4/REPLICA-INDEPENDENT/PERFORMER\t"), out);
        assertEquals(2, run("zara", "sign", p("cast.cfshare"), "--name", "Zara Quinn", "--decide", "12A:4/REPLICA-INDEPENDENT/PERFORMER=approve", p("x.cfreply")));
        assertTrue(err.contains("names no performer, so nobody can sign it yet"), err);

        assertEquals(0, run("zara", "sign", p("cast.cfshare"), "--name", "Zara Quinn", "--decide-all", "approve", p("zara.cfreply")), err);
        assertTrue(out.contains("Not signed: shot 12A:4, REPLICA-INDEPENDENT, Affected performer names no performer"), out);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("zara.cfreply")), err);
        assertTrue(out.contains("New sign-off: 2") && out.contains("Stale: the shot or performer differs from what was signed: 0"), out);
        assertNotNull(vfx);
    }

    // ------------------------------------------------------------------------------------------- case 11

    @Test
    void case11_anOlderApprovalImportedAfterANewerDeclineIsHistoryNotNew() throws Exception {
        assertEquals(0, run("producer", "share", file.toString(), "--department", "Costume", p("costume.cfshare")), err);
        assertEquals(0, run("bea", "sign", p("costume.cfshare"), "--name", "Bea Kelly", "--decide-all", "approve", p("yes.cfreply")), err);
        Thread.sleep(5);
        assertEquals(0, run("bea", "sign", p("costume.cfshare"), "--name", "Bea Kelly", "--decide-all", "decline:not this gown", p("no.cfreply")), err);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("no.cfreply")), err);
        assertTrue(out.contains("Declined: 1"), out);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("yes.cfreply")), err);
        assertTrue(out.contains("New sign-off: 0"), out);
        assertTrue(out.contains("Older than the decision on record: kept as history only: 1"), out);
        assertEquals(SignatureState.DECLINED, state(gown, Role.COSTUME_DESIGNER, null));
        assertEquals(2, load().signOffs().size(), "the older approval is kept as history");
    }

    @Test
    void case11_aZipOrAProductionGivenAsAPackageOrReplyIsNamedForWhatItIs() throws Exception {
        Path zip = dir.resolve("pkg.cfshare");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("pkg.json"));
            z.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(2, run("dana", "sign", zip.toString(), "--list"));
        assertTrue(err.contains("pkg.cfshare is not a Clearframe share package: it is a zip archive"), err);
        Files.copy(zip, dir.resolve("zip.cfreply"));
        refusedImport("zip.cfreply", "is not a Clearframe reply: it is a zip archive");
        Files.copy(file, dir.resolve("prod.cfreply"));
        refusedImport("prod.cfreply", "it is an SQLite database");
        Files.write(dir.resolve("bin.cfreply"), new byte[]{'{', (byte) 0xC3, (byte) 0x28, '}'});
        refusedImport("bin.cfreply", "binary data, not UTF-8 text");
    }

    // ------------------------------------------------------------------------------------------- replies

    @Test
    void swappedSignaturesAndRepliesReplayedIntoAnotherProductionAreRefused() throws Exception {
        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        assertEquals(0, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana Reyes", "--decide-all", "approve", p("yes.cfreply")), err);
        assertEquals(0, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana Reyes", "--decide-all", "decline:no", p("no.cfreply")), err);
        Files.writeString(dir.resolve("swap.cfreply"), TrustAttacks.withSignatureOf(Files.readString(dir.resolve("no.cfreply")),
                Files.readString(dir.resolve("yes.cfreply"))));
        refusedImport("swap.cfreply", "altered since it was signed");
        // A decision's fingerprint edited to another value and re-signed by the head's own key is stale, never current.
        Reply yes = ReplyVerifier.read(dir.resolve("yes.cfreply"));
        Reply edited = TrustAttacks.resign(yes, r -> withDecisions(r, r.decisions().stream().map(e -> new Reply.Entry(e.shotId(), e.ruleId(), e.role(),
                e.subjectId(), e.decision(), e.note(), e.signedAt(), "0".repeat(64), e.subjectName())).toList()), new KeyRing(config("dana")).keyPair());
        writeReply(edited, "edited.cfreply");
        assertEquals(0, run("producer", "import-reply", file.toString(), p("edited.cfreply"), "--dry-run"), err);
        assertTrue(out.contains("New sign-off: 0"), out);

        // Replayed into another production (a copy of the plan under another id).
        Path other = dir.resolve("other.clearframe");
        ProductionData mine = load();
        ProductionStore.createFrom(other, new ProductionData(Production.titled("Tidewater"), mine.departments(), mine.cast(), mine.scenes(),
                mine.shots(), List.of(), ""));
        byte[] before = Files.readAllBytes(other);
        assertEquals(2, run("producer", "import-reply", other.toString(), p("yes.cfreply")));
        assertTrue(err.contains("for another production"), err);
        assertArrayEquals(before, Files.readAllBytes(other));
    }

    // ------------------------------------------------------------------------------------------- older formats

    @Test
    void aGenuineOldUnsignedPackageIsStillReviewedAndItsReplyCounts() throws Exception {
        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        Files.writeString(dir.resolve("old.cfshare"), TrustAttacks.unsignedV1(Files.readString(dir.resolve("vfx.cfshare"))));
        assertEquals(0, run("dana", "sign", p("old.cfshare"), "--name", "Dana Reyes", "--decide-all", "approve", p("dana.cfreply")), err);
        assertTrue(err.contains("old unsigned format"), err);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("dana.cfreply")), err);
        assertTrue(out.matches("(?s).*New sign-off: [1-9].*") && out.contains("Stale: the shot or performer differs from what was signed: 0"), out);
        assertTrue(out.contains("answers an unsigned (old-format) package"), out);
        assertEquals(SignatureState.APPROVED, state(tower, Role.VFX_SUPERVISOR, null));
    }

    @Test
    void anOldReplyIsCheckedAsStrictlyAsANewOne() throws Exception {
        assertEquals(0, run("producer", "share", file.toString(), "--role", "PERFORMER", p("cast.cfshare")), err);
        assertEquals(0, run("maya", "sign", p("cast.cfshare"), "--name", "Maya Torres", "--decide-all", "approve", p("maya.cfreply")), err);
        Reply mine = ReplyVerifier.read(dir.resolve("maya.cfreply"));
        java.security.KeyPair mayaKeys = new KeyRing(config("maya")).keyPair();
        Reply.Entry hers = mine.decisions().get(0);
        Reply.Entry zaras = new Reply.Entry(hers.shotId(), hers.ruleId(), hers.role(), zara.id(), Decision.APPROVED, "", hers.signedAt(),
                hers.fingerprint());

        writeReply(TrustAttacks.v1Reply(mine.packageId(), mine.productionId(), "Tidewater", mine.signer(), List.of(zaras), mayaKeys), "v1-zara.cfreply");
        assertEquals(1, ReplyVerifier.read(dir.resolve("v1-zara.cfreply")).schemaVersion(), "an old reply still reads and verifies");
        refusedImport("v1-zara.cfreply", "a performer signs only for themselves");
        writeReply(TrustAttacks.v1Reply(mine.packageId(), mine.productionId(), "Tidewater", mine.signer(), List.of(hers, zaras), mayaKeys),
                "v1-both.cfreply");
        refusedImport("v1-both.cfreply", "one reply, one person");

        writeReply(TrustAttacks.v1Reply(mine.packageId(), mine.productionId(), "Tidewater", mine.signer(), mine.decisions(), mayaKeys), "v1.cfreply");
        assertEquals(0, run("producer", "import-reply", file.toString(), p("v1.cfreply")), err);
        assertTrue(out.matches("(?s).*New sign-off: [1-9].*"), out);
        assertEquals("Maya Torres", load().signOffs().get(0).subjectName(), "bound to the cast name, which is the signer's own");
        assertEquals(SignatureState.APPROVED, state(flashback, Role.PERFORMER, maya.id()));
    }

    @Test
    void onlyTheNamedEstateSignsForADeceasedPerformer() throws Exception {
        try (ProductionStore store = ProductionStore.open(file)) {
            store.saveCastMember(new CastMember(maya.id(), "Maya Torres", "Young Hale", Tristate.YES, true));
        }
        assertEquals(2, run("producer", "share", file.toString(), "--performer", "Maya Torres", p("x.cfshare")));
        assertTrue(err.contains("deceased: their estate gives consent"), err);
        assertEquals(2, run("producer", "share", file.toString(), "--performer", "Maya Torres", "--representative", "Sam Okafor",
                "--capacity", "agent", p("x.cfshare")));
        assertFalse(Files.exists(dir.resolve("x.cfshare")));

        assertEquals(0, run("producer", "share", file.toString(), "--performer", "Maya Torres", "--representative", "Torres Estate",
                "--capacity", "estate", p("estate.cfshare")), err);
        // Maya's name on a reply cannot sign for her estate; the estate named in the package can.
        assertEquals(2, run("maya", "sign", p("estate.cfshare"), "--name", "Maya Torres", "--decide-all", "approve", p("m.cfreply")));
        assertEquals(0, run("estate", "sign", p("estate.cfshare"), "--name", "Torres Estate", "--decide-all", "approve", p("e.cfreply")), err);
        assertEquals(Capacity.ESTATE, ReplyVerifier.read(dir.resolve("e.cfreply")).signer().capacity());
        assertEquals(0, run("producer", "import-reply", file.toString(), p("e.cfreply")), err);
        assertEquals(SignatureState.APPROVED, state(flashback, Role.RIGHTS_HOLDER, maya.id()));
    }
}
