package org.clearframe.evidence;

import static org.clearframe.testkit.ProductionBuilder.use;
import org.clearframe.testkit.ProductionBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.clearframe.cli.Console;
import org.clearframe.exchange.KeyRing;
import org.clearframe.model.IntExt;
import org.clearframe.model.Scene;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.KeepsUserConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** The evidence pack end to end through the real command line, real files and real zips; then attacked. */
@ExtendWith(KeepsUserConfig.class)
class EvidencePackTest {

    @TempDir Path dir;
    String out, err;

    @BeforeEach
    void saveConfig() {
    }

    int run(String who, String... args) {
        Console c = Console.as(dir.resolve(who + "-config"), args);
        out = c.out();
        err = c.err();
        return c.code();
    }

    int verify(Path pack) {
        return run("insurer", "verify-pack", pack.toString());
    }

    Path samplePack() throws Exception {
        Path sample = dir.resolve("harbour-lights.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), sample);
        // The sample's record was attested with a key thrown away when it was built; its producer adopts it first.
        assertEquals(0, run("producer", "attest", sample.toString()), err);
        Path pack = dir.resolve("harbour-lights-evidence.zip");
        assertEquals(0, run("producer", "evidence", sample.toString(), pack.toString(), "--for", "festival"), err);
        return pack;
    }

    // ------------------------------------------------------------------------------------------- the sample

    @Test
    void theSamplesPackHoldsEveryDocumentAndVerifiesWithOpenItems() throws Exception {
        Path pack = samplePack();
        assertTrue(out.contains("Still open:"), out);
        Map<String, byte[]> files = unzip(pack);
        assertEquals(Set.of("ai-usage-register.csv", "shot-disclosure-map.csv", "shot-disclosure-map.pdf", "sign-off-record.csv",
                "performer-consent.csv", "performer-consent.pdf", "compliance-statement.pdf", "audience-disclosure.txt", "sign-off-log.csv",
                "manifest.json"), files.keySet().stream().filter(n -> !n.startsWith("consent/")).collect(java.util.stream.Collectors.toSet()));
        List<String> personal = files.keySet().stream().filter(n -> n.startsWith("consent/")).sorted().toList();
        assertEquals(2, personal.size(), "one consent package per performer named in the plan: " + personal);
        assertTrue(personal.get(0).startsWith("consent/tomasz-wojcik-") && personal.get(1).startsWith("consent/zoe-nino-"), personal.toString());
        String zoe = new PdfTextExtractor(new PdfReader(files.get(personal.get(1)))).getTextFromPage(1);
        assertTrue(zoe.contains("Zoë Niño") && !zoe.contains("Tomasz"), "a performer's own package speaks of them alone: " + zoe);

        byte[] register = files.get("ai-usage-register.csv");
        assertArrayEquals(Csv.BOM, Arrays.copyOf(register, 3), "spreadsheets need the BOM to read UTF-8");
        List<List<String>> rows = Csv.parse(new String(register, 3, register.length - 3, StandardCharsets.UTF_8));
        assertNotNull(rows);
        assertEquals(EvidencePack.REGISTER_HEADER, rows.get(0));
        assertEquals(6 + 1, rows.size(), "one row per planned AI use");
        rows.forEach(r -> assertEquals(EvidencePack.REGISTER_HEADER.size(), r.size()));
        String registerText = new String(register, StandardCharsets.UTF_8);
        assertTrue(registerText.contains("Zoë Niño") && registerText.contains("Tomasz Wójcik"), "Unicode names survive");
        assertTrue(registerText.contains("VFX-GEN-FINAL: Generative VFX in the final cut [Blocking] (source: NFX"), "rules with sources");

        List<List<String>> map = Csv.parse(new String(files.get("shot-disclosure-map.csv"), 3, files.get("shot-disclosure-map.csv").length - 3,
                StandardCharsets.UTF_8));
        assertEquals(14 + 1, map.size(), "every shot, in script order");
        assertEquals(List.of("1", "1", "No AI"), List.of(map.get(1).get(0), map.get(1).get(1), map.get(1).get(4)));

        String consent = new String(files.get("performer-consent.csv"), StandardCharsets.UTF_8);
        List<List<String>> consentRows = Csv.parse(consent.substring(1));
        assertNotNull(consentRows, consent);
        assertTrue(consentRows.stream().anyMatch(r -> r.get(0).equals("Tomasz Wójcik") && r.get(5).equals("covered") && r.get(6).startsWith("consent ")),
                "Nico's uses are covered by his consents: " + consent);
        assertTrue(consent.contains("Zoë Niño") && consent.contains("NOT COVERED: Zoë Niño's consent given on 2026-09-15 does not describe the use specifically"),
                "the sample's one uncovered use says why: " + consent);

        String signOffs = new String(files.get("sign-off-record.csv"), StandardCharsets.UTF_8);
        assertTrue(signOffs.contains("not signed by the person"), "attested sign-offs say so");
        assertTrue(new String(files.get("audience-disclosure.txt"), StandardCharsets.UTF_8).contains("END CREDITS"));

        for (String pdf : List.of("compliance-statement.pdf", "shot-disclosure-map.pdf", "performer-consent.pdf")) {
            PdfReader reader = new PdfReader(files.get(pdf));
            assertTrue(reader.getNumberOfPages() >= 1, pdf);
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertTrue(text.contains("Harbour Lights"), pdf + ": " + text);
        }
        String statement = new PdfTextExtractor(new PdfReader(files.get("compliance-statement.pdf"))).getTextFromPage(1);
        assertTrue(statement.contains("NOT CLEARED"), statement);

        assertEquals(1, verify(pack), err);
        assertTrue(out.contains("Checked: The manifest is signed by the producer's key") && out.contains("not cleared"), out);
        assertTrue(out.contains("Each attested sign-off carries a valid attestation: 7 by key ") && out.contains("(not the key that signed this pack)"),
                "the sample was attested with another key, and the verifier says so: " + out);
    }

    @Test
    void theSignedConsentDocumentTravelsInThePackAndAnAlteredOneStopsIt() throws Exception {
        Path sample = dir.resolve("harbour-lights.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), sample);
        assertEquals(0, run("producer", "attest", sample.toString()), err);
        byte[] signed = "%PDF-1.4 Tomasz Wójcik consents to the digital double in scene 2, shot 2 (signed)".getBytes(StandardCharsets.UTF_8);
        org.clearframe.model.ConsentDocument doc;
        try (org.clearframe.store.ProductionStore store = org.clearframe.store.ProductionStore.open(sample)) {
            var consent = org.clearframe.exchange.SignedRecord.planOnly(store).consents().stream()
                    .filter(c -> c.givenBy().equals("Tomasz Wójcik")).findFirst().orElseThrow();
            doc = store.attachDocument(consent.id(), "Nico replica consent.PDF", "application/pdf", signed);
        }
        Path pack = dir.resolve("with-document.zip");
        assertEquals(0, run("producer", "evidence", sample.toString(), pack.toString()), err);
        Map<String, byte[]> files = unzip(pack);
        assertArrayEquals(signed, files.get("consent-documents/" + doc.id() + ".pdf"), "the document, byte for byte");
        assertTrue(new String(files.get("performer-consent.csv"), StandardCharsets.UTF_8).contains("SHA-256 " + doc.sha256()));
        assertEquals(1, verify(pack), err);

        // Someone swaps the document inside the production: the pack is refused rather than carry it.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + sample); java.sql.Statement st = c.createStatement()) {
            List<String[]> triggers = new java.util.ArrayList<>();
            try (var r = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
                while (r.next()) triggers.add(new String[]{r.getString(1), r.getString(2)});
            }
            for (String[] t : triggers) st.execute("DROP TRIGGER " + t[0]);
            st.executeUpdate("UPDATE consent_document SET bytes = x'00' WHERE id = '" + doc.id() + "'");
            for (String[] t : triggers) st.execute(t[1]);
        }
        assertEquals(2, run("producer", "evidence", sample.toString(), dir.resolve("altered.zip").toString()), out);
        assertTrue(err.contains("was altered"), err);
        assertFalse(Files.exists(dir.resolve("altered.zip")));
    }

    @Test
    void anAttestedRowChangedInAResignedPackIsRefused() throws Exception {
        Map<String, byte[]> files = unzip(samplePack());
        String record = new String(files.get("sign-off-record.csv"), StandardCharsets.UTF_8);
        assertTrue(record.contains(",Sam Keller,APPROVED,"), record);
        files.put("sign-off-record.csv", record.replace(",Sam Keller,APPROVED,", ",Sam Keller,DECLINED,").getBytes(StandardCharsets.UTF_8));
        files.put("manifest.json", resign(files));
        assertEquals(2, verify(zip(dir.resolve("attested.zip"), files)));
        assertTrue(err.contains("attestation does not hold"), err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ai-usage-register.csv", "shot-disclosure-map.csv", "shot-disclosure-map.pdf", "sign-off-record.csv",
            "performer-consent.csv", "performer-consent.pdf", "compliance-statement.pdf", "audience-disclosure.txt", "sign-off-log.csv",
            "manifest.json"})
    void aSingleChangedByteInAnyFileIsRefused(String name) throws Exception {
        Path pack = samplePack();
        Map<String, byte[]> files = unzip(pack);
        for (int at : new int[]{0, files.get(name).length / 2, files.get(name).length - 1}) {
            Map<String, byte[]> altered = copy(files);
            altered.get(name)[at] ^= 0x01;
            Path bad = dir.resolve("altered-" + at + ".zip");
            zip(bad, altered);
            assertEquals(2, verify(bad), name + " byte " + at + ": " + out);
            assertTrue(err.contains("NOT valid"), err);
        }
    }

    @Test
    void anAddedRemovedOrRenamedFileIsRefused() throws Exception {
        Path pack = samplePack();
        Map<String, byte[]> files = unzip(pack);

        Map<String, byte[]> added = copy(files);
        added.put("notes.txt", "trust me".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, verify(zip(dir.resolve("added.zip"), added)));
        assertTrue(err.contains("which the manifest does not list"), err);

        for (String name : List.of("compliance-statement.pdf", "manifest.json", "sign-off-record.csv")) {
            Map<String, byte[]> removed = copy(files);
            removed.remove(name);
            assertEquals(2, verify(zip(dir.resolve("removed.zip"), removed)), name);
        }

        Map<String, byte[]> swapped = copy(files);
        byte[] a = swapped.get("performer-consent.csv");
        swapped.put("performer-consent.csv", swapped.get("shot-disclosure-map.csv"));
        swapped.put("shot-disclosure-map.csv", a);
        assertEquals(2, verify(zip(dir.resolve("swapped.zip"), swapped)));
        assertTrue(err.contains("SHA-256 differs"), err);
    }

    // -------------------------------------------------------------------------------- a signed production

    /** A production whose blocking signatures all come from department heads' signed replies. */
    Path signedProduction(String title) throws Exception {
        Path file = ProductionBuilder.titled(title)
                .scene(new Scene(UUID.randomUUID(), "12A", IntExt.EXT, "Tower block", "NIGHT", "", 11, "", List.of(), false))
                .shot("1", "Tower falls", use(Technique.GENERATIVE_VFX).purpose("Collapse").tool("VendorX").fin().department("VFX").frameShare(40))
                .with(s -> s.size(ShotSize.WIDE).durationSeconds(3)).inDepartments("VFX")
                .write(dir.resolve(title + ".clearframe"));
        for (String[] r : new String[][]{{"vfx-supervisor", "Dana Reyes"}, {"studio-ai-contact", "Priya Shah"}}) {
            Path share = dir.resolve(title + "-" + r[0] + ".cfshare"), reply = dir.resolve(title + "-" + r[0] + ".cfreply");
            assertEquals(0, run("producer", "share", file.toString(), "--role", r[0], share.toString()), err);
            assertEquals(0, run(r[1].replace(' ', '-'), "sign", share.toString(), "--name", r[1], "--decide-all", "approve", reply.toString()), err);
            assertEquals(0, run("producer", "import-reply", file.toString(), reply.toString()), err);
        }
        return file;
    }

    Path packOf(Path production) {
        Path pack = dir.resolve(production.getFileName() + ".zip");
        assertEquals(0, run("producer", "evidence", production.toString(), pack.toString()), err);
        return pack;
    }

    @Test
    void aFullySignedProductionsPackVerifiesClean() throws Exception {
        Path pack = packOf(signedProduction("Tidewater"));
        Map<String, byte[]> files = unzip(pack);
        assertEquals(2, files.keySet().stream().filter(n -> n.startsWith("replies/")).count(), files.keySet().toString());
        assertTrue(new String(files.get("ai-usage-register.csv"), StandardCharsets.UTF_8).contains(",40,"), "the AI share of the frame");
        assertEquals(0, verify(pack), out + err);
        assertTrue(out.contains("Each of the 2 enclosed replies is signed") && out.contains("valid and cleared"), out);

        String fingerprint = KeyRing.fingerprint(new KeyRing(dir.resolve("producer-config")).publicKey());
        assertEquals(0, run("insurer", "verify-pack", pack.toString(), "--key", fingerprint), err);
        assertEquals(2, run("insurer", "verify-pack", pack.toString(), "--key", "0000-0000-0000-0000"));
        assertTrue(err.contains("not by the expected key"), err);
    }

    @Test
    void aReplyFromAnotherProductionIsRefusedEvenInAPackTheProducerResigned() throws Exception {
        Path pack = packOf(signedProduction("Tidewater"));
        Path other = packOf(signedProduction("Other Film"));
        Map<String, byte[]> files = unzip(pack), foreign = unzip(other);
        String ours = files.keySet().stream().filter(n -> n.startsWith("replies/")).findFirst().orElseThrow();
        byte[] theirs = foreign.entrySet().stream().filter(e -> e.getKey().startsWith("replies/")).findFirst().orElseThrow().getValue();

        Map<String, byte[]> swapped = copy(files);
        swapped.put(ours, theirs);
        assertEquals(2, verify(zip(dir.resolve("swapped.zip"), swapped)));

        // A producer who rewrites the manifest to match: the reply still names another production.
        swapped.put("manifest.json", resign(swapped));
        assertEquals(2, verify(zip(dir.resolve("resigned.zip"), swapped)));
        assertTrue(err.contains("Other Film") && err.contains("another production"), err);
    }

    @Test
    void aSignOffRowThatSaysOtherThanItsReplyIsRefusedEvenWhenResigned() throws Exception {
        Map<String, byte[]> files = unzip(packOf(signedProduction("Tidewater")));
        String record = new String(files.get("sign-off-record.csv"), StandardCharsets.UTF_8);
        assertTrue(record.contains(",APPROVED,"), record);
        files.put("sign-off-record.csv", record.replaceFirst(",APPROVED,", ",APPROVED_WITH_CONDITIONS,").getBytes(StandardCharsets.UTF_8));
        files.put("manifest.json", resign(files));
        assertEquals(2, verify(zip(dir.resolve("edited.zip"), files)));
        assertTrue(err.contains("does not match the signed reply") && err.contains("decision"), err);
    }

    @Test
    void theSignOffLogTravelsInThePackAndAnEditedEventIsRefusedEvenWhenResigned() throws Exception {
        Map<String, byte[]> files = unzip(packOf(signedProduction("Tidewater")));
        String log = new String(files.get("sign-off-log.csv"), StandardCharsets.UTF_8);
        assertEquals(1 + 2, log.split("\r\n").length, "two sign-offs, two events: " + log);
        assertTrue(log.contains("Dana Reyes") && log.contains("Priya Shah"), log);
        files.put("sign-off-log.csv", log.replace("Dana Reyes", "Dana Reyez").getBytes(StandardCharsets.UTF_8));
        files.put("manifest.json", resign(files));
        assertEquals(2, verify(zip(dir.resolve("log.zip"), files)));
        assertTrue(err.contains("does not hold in the hash chain"), err);
    }

    @Test
    void aProductionWhoseLogWasEditedIsNotClearedByCheckOrByItsPack() throws Exception {
        Path file = signedProduction("Tidewater");
        assertEquals(0, run("producer", "check", file.toString()), out);
        assertTrue(out.contains("Sign-off log: 2 events, hash chain intact"), out);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.execute("DROP TRIGGER sign_off_event_never_deleted");
            st.execute("DELETE FROM sign_off_event WHERE seq = 1");
            st.execute("CREATE TRIGGER sign_off_event_never_deleted BEFORE DELETE ON sign_off_event BEGIN "
                    + "SELECT RAISE(ABORT, 'the sign-off log is history: an event cannot be deleted'); END");
        }
        assertEquals(1, run("producer", "check", file.toString()), out + err);
        assertTrue(out.contains("Sign-off log: ALTERED") && out.contains("event 1 is missing"), out);
        Path pack = dir.resolve("altered-log.zip");
        assertEquals(0, run("producer", "evidence", file.toString(), pack.toString()), err);
        assertEquals(1, verify(pack), out + err);
        assertTrue(out.contains("reported its sign-off log ALTERED"), out);
    }

    // ------------------------------------------------------------------------------------- hostile zips

    @Test
    void hostileZipsAreRefused() throws Exception {
        Map<String, byte[]> files = unzip(samplePack());
        Map<String, byte[]> traversal = copy(files);
        traversal.put("../../evil.sh", new byte[]{1});
        assertEquals(2, verify(zip(dir.resolve("traversal.zip"), traversal)));
        assertTrue(err.contains("unsafe name"), err);

        // Two entries with one name: made by renaming one entry's name bytes in place.
        Map<String, byte[]> twice = copy(files);
        twice.put("audience-disclosure.tx2", twice.get("audience-disclosure.txt"));
        Path dup = zip(dir.resolve("dup.zip"), twice);
        byte[] bytes = Files.readAllBytes(dup);
        replaceAll(bytes, "audience-disclosure.tx2".getBytes(StandardCharsets.UTF_8), "audience-disclosure.txt".getBytes(StandardCharsets.UTF_8));
        Files.write(dup, bytes);
        assertEquals(2, verify(dup));
        assertTrue(err.contains("twice"), err);

        Path notZip = dir.resolve("not.zip");
        Files.writeString(notZip, "hello");
        assertEquals(2, verify(notZip));
        Path truncated = dir.resolve("truncated.zip");
        byte[] whole = Files.readAllBytes(samplePack2());
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        assertEquals(2, verify(truncated));
        assertEquals(2, verify(dir.resolve("missing.zip")));
    }

    Path samplePack2() throws Exception {
        Path again = dir.resolve("again.zip");
        Files.copy(dir.resolve("harbour-lights-evidence.zip"), again, StandardCopyOption.REPLACE_EXISTING);
        return again;
    }

    @Test
    void badArgumentsAndOutputsExitTwoAndWriteNothing() throws Exception {
        Path sample = dir.resolve("harbour-lights.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), sample);
        assertEquals(2, run("producer", "evidence", sample.toString(), dir.resolve("p.zip").toString(), "--for", "bank"));
        assertEquals(2, run("producer", "evidence", sample.toString(), sample.toString()));
        assertEquals(2, run("producer", "evidence", sample.toString()));
        assertEquals(2, run("producer", "evidence", dir.resolve("nothing.clearframe").toString(), dir.resolve("p.zip").toString()));
        assertFalse(Files.exists(dir.resolve("p.zip")));
        assertEquals(2, run("producer", "verify-pack"));
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** What a producer with their own key could do: re-sign a manifest over the files as they now are. */
    byte[] resign(Map<String, byte[]> files) throws Exception {
        ObjectNode manifest = Manifest.parse(files.get("manifest.json"));
        var list = manifest.putArray("files");
        for (var e : files.entrySet()) {
            if (e.getKey().equals("manifest.json")) continue;
            var f = list.addObject();
            f.put("name", e.getKey());
            f.put("sha256", java.util.HexFormat.of().formatHex(EvidencePack.sha256().digest(e.getValue())));
            f.put("bytes", e.getValue().length);
        }
        return Manifest.sign(manifest, new KeyRing(dir.resolve("producer-config")).keyPair());
    }

    static Map<String, byte[]> unzip(Path zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) files.put(e.getName(), z.readAllBytes());
        }
        return files;
    }

    static Path zip(Path target, Map<String, byte[]> files) throws Exception {
        try (OutputStream o = Files.newOutputStream(target); ZipOutputStream z = new ZipOutputStream(o)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return target;
    }

    static Map<String, byte[]> copy(Map<String, byte[]> files) {
        Map<String, byte[]> c = new LinkedHashMap<>();
        files.forEach((k, v) -> c.put(k, v.clone()));
        return c;
    }

    static void replaceAll(byte[] bytes, byte[] find, byte[] with) {
        outer:
        for (int i = 0; i + find.length <= bytes.length; i++) {
            for (int j = 0; j < find.length; j++) if (bytes[i + j] != find[j]) continue outer;
            System.arraycopy(with, 0, bytes, i, with.length);
        }
    }
}
