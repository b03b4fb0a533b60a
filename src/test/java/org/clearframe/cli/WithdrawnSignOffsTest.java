package org.clearframe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyVerifier;
import org.clearframe.exchange.ReplyWithdrawals;
import org.clearframe.model.IntExt;
import org.clearframe.model.Scene;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.KeepsUserConfig;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.clearframe.testkit.ProductionBuilder.use;
import static org.junit.jupiter.api.Assertions.*;

/**
 * After the producer undoes a reply import, the real command line shows its sign-offs as withdrawn, never as forged:
 * check (text and --json), the evidence pack and its verification; importing the same reply file again brings them back.
 */
@ExtendWith(KeepsUserConfig.class)
class WithdrawnSignOffsTest {

    @TempDir Path dir;
    Path file;
    String out, err;

    @BeforeEach
    void importedThenUndone() throws Exception {
        file = ProductionBuilder.titled("Tidewater")
                .scene(new Scene(UUID.randomUUID(), "12A", IntExt.EXT, "Tower block", "NIGHT", "", 11, "", List.of(), false))
                .shot("1", "Tower falls", use(Technique.GENERATIVE_VFX).purpose("Collapse").tool("VendorX").temp().department("VFX"))
                .with(s -> s.size(ShotSize.WIDE).durationSeconds(3)).inDepartments("VFX")
                .write(dir.resolve("tidewater.clearframe"));
        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        assertEquals(0, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana Reyes", "--decide-all", "approved", p("vfx.cfreply")), err);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("vfx.cfreply")), err);
        assertEquals(0, run("producer", "check", file.toString()), out);
        assertTrue(out.contains("VFX supervisor: Approved"), "the reply gives the signature: " + out);
        // Edit > Undo in the producer's window does this (see Session.apply)
        System.setProperty("clearframe.config", dir.resolve("producer-config").toString());
        Reply reply = ReplyVerifier.read(Path.of(p("vfx.cfreply")));
        try (ProductionStore store = ProductionStore.open(file)) {
            List<UUID> ids = reply.decisions().stream().map(reply::signOffId).toList();
            assertEquals(ids.size(), ReplyWithdrawals.withdraw(store, reply.productionId(), reply.id(), ids, "Ana Ruiz",
                    KeyRing.forUser().keyPair()).size());
        }
    }

    private int run(String who, String... args) {
        Console c = Console.as(dir.resolve(who + "-config"), args);
        out = c.out();
        err = c.err();
        return c.code();
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void checkShowsThemWithdrawnByTheProducer_notForged() throws Exception {
        assertEquals(0, run("producer", "check", file.toString()), out);
        assertTrue(out.contains("VFX supervisor: Missing"), "withdrawn, the signature is missing again: " + out);
        assertTrue(out.contains("is not counted: withdrawn by the producer (Ana Ruiz, key ") && out.contains("(undo of the reply import)"), out);
        assertTrue(out.contains("Withdrawn sign-offs are not forged"), out);
        assertFalse(out.contains("has no valid proof"), out);
        assertTrue(out.contains("hash chain intact"), "the withdrawals are links of the log: " + out);

        run("producer", "check", file.toString(), "--json");
        JsonNode json = new ObjectMapper().readTree(out);
        JsonNode ignored = json.path("ignoredSignOffs");
        assertTrue(ignored.size() > 0, out);
        for (JsonNode i : ignored) {
            assertEquals("WITHDRAWN", i.path("why").asText());
            assertTrue(i.path("reason").asText().startsWith("withdrawn by the producer"), i.toString());
        }
        assertTrue(json.path("signOffLog").path("intact").asBoolean(), json.path("signOffLog").toString());
    }

    @Test
    void aHandMadeReinstatementIsNamedByCheckAndBringsNothingBack() throws Exception {
        Reply reply = ReplyVerifier.read(Path.of(p("vfx.cfreply")));
        UUID signOff = reply.signOffId(reply.decisions().get(0));
        String standing;
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            standing = ReplyWithdrawals.read(store, reply.productionId(), org.clearframe.exchange.RecordTrust.forUser(List.of()))
                    .withdrawn().get(signOff).eventHash();
        }
        // someone with their own key writes a reinstatement that names the right withdrawal, into the chain as Clearframe would
        java.security.KeyPair stranger = new KeyRing(dir.resolve("mallory")).keyPair();
        var w = new org.clearframe.store.WithdrawalRepository.StoredWithdrawal(UUID.randomUUID(), 0,
                org.clearframe.store.WithdrawalRepository.Action.REINSTATED, reply.productionId(), reply.id(), signOff, standing,
                java.time.Instant.now(), "Ana Ruiz", KeyRing.encode(stranger.getPublic()), "");
        java.security.Signature sig = java.security.Signature.getInstance("Ed25519");
        sig.initSign(stranger.getPrivate());
        sig.update(w.entry().getBytes(StandardCharsets.UTF_8));
        try (ProductionStore store = ProductionStore.open(file)) {
            store.withdrawals().record(List.of(w.signed(java.util.Base64.getEncoder().encodeToString(sig.sign()))));
        }
        assertEquals(0, run("producer", "check", file.toString()), out);
        assertTrue(out.contains("VFX supervisor: Missing"), out);
        assertTrue(out.contains("Withdrawals and reinstatements that do not hold") && out.contains("which this machine does not trust"), out);
        run("producer", "check", file.toString(), "--json");
        JsonNode problems = new ObjectMapper().readTree(out).path("signOffLog").path("withdrawalProblems");
        assertEquals(1, problems.size(), out);
        assertTrue(problems.get(0).asText().contains("is not honoured"), problems.toString());
    }

    @Test
    void theEvidencePackListsThemAsWithdrawnAndVerifies() throws Exception {
        Path pack = dir.resolve("pack.zip");
        assertEquals(0, run("producer", "evidence", file.toString(), pack.toString(), "--for", "festival"), err);
        String record = entry(pack, "sign-off-record.csv");
        assertTrue(record.contains("Withdrawn by the producer,No,NONE"), record);
        assertFalse(record.contains("replies/"), "a withdrawn sign-off cites no reply in the pack: " + record);
        int code = run("insurer", "verify-pack", pack.toString());
        assertNotEquals(2, code, "the pack is not refused: " + out + err);
        assertTrue(out.contains("listed as withdrawn by the producer (the undo of a reply import): not counted, and not a sign of forgery"), out);
    }

    @Test
    void theStreamedBreakdownPdfCountsThemNoMore() throws Exception {
        // export-pdf reads the file a page of scenes at a time (SignedScenes), not through SignedRecord.load: the same rules hold
        Path pdf = dir.resolve("withdrawn.pdf");
        assertEquals(0, run("producer", "export-pdf", file.toString(), pdf.toString()), err);
        String withdrawn = pdfText(pdf);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("vfx.cfreply")), err);
        Path again = dir.resolve("reinstated.pdf");
        assertEquals(0, run("producer", "export-pdf", file.toString(), again.toString()), err);
        String reinstated = pdfText(again);
        assertTrue(reinstated.contains("Approved"), "reinstated, the signature shows: " + reinstated);
        assertTrue(count(withdrawn, "Approved") < count(reinstated, "Approved"),
                "withdrawn, it does not show as approved:\n" + withdrawn);
    }

    private static String pdfText(Path pdf) throws Exception {
        return org.clearframe.pdf.PdfText.textOf(pdf);
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) n++;
        return n;
    }

    @Test
    void importingTheSameReplyAgainReinstatesItAndSaysSo() {
        assertEquals(0, run("producer", "import-reply", file.toString(), p("vfx.cfreply")), err);
        assertTrue(out.contains("Warning: This reply was imported before and the import was undone; importing it again reinstated its"), out);
        assertEquals(0, run("producer", "check", file.toString()), out);
        assertTrue(out.contains("VFX supervisor: Approved") && !out.contains("withdrawn"), "counted again: " + out);
    }

    private static String entry(Path zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.getName().equals(name)) continue;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " is not in " + zip);
    }
}
