package org.clearframe.cli;

import org.clearframe.bench.FeatureProduction;
import org.clearframe.exchange.Attestations;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.exchange.SignedScenes;
import org.clearframe.model.ProductionData;
import org.clearframe.model.SignOff;
import org.clearframe.pdf.BreakdownPdf;
import org.clearframe.pdf.ExportOptions;
import org.clearframe.pdf.ExportProgress;
import org.clearframe.pdf.ExportSummary;
import org.clearframe.pdf.PaperSize;
import org.clearframe.rules.Assessment;
import org.clearframe.rules.ShotContent;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.KeepsUserConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * export-pdf reads the production a page of scenes at a time: the PDF is the one the whole production in memory gives,
 * wherever the page edges fall, and a sign-off counts on a page only as it counts in the record.
 */
@ExtendWith(KeepsUserConfig.class)
class StreamedPdfTest {

    @TempDir Path dir;
    private Path file;
    private ProductionData generated;
    private final LocalDate today = LocalDate.of(2027, 4, 6);

    @BeforeEach
    void production() throws Exception {
        System.setProperty("clearframe.config", dir.resolve("producer-config").toString());
        generated = FeatureProduction.generate(60, 5);
        file = dir.resolve("feature.clearframe");
        ProductionStore.createFrom(file, generated.withSignOffs(List.of()));
        try (ProductionStore store = ProductionStore.open(file)) {
            Attestations.record(store, generated.production().id(), generated.signOffs(), KeyRing.forUser());
        }
    }

    private ExportOptions options() {
        return new ExportOptions(PaperSize.A4, "", false, "fingerprint", today);
    }

    /** The PDF from the whole production loaded through the record, as the app writes it. */
    private String whole(ExportOptions options) throws Exception {
        Path pdf = dir.resolve("whole.pdf");
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            ProductionData data = SignedRecord.load(store).data();
            Map<String, ShotContent> signed = new HashMap<>();
            for (ShotContent c : store.packages().allSignedContents()) signed.put(c.fingerprint(), c);
            BreakdownPdf.write(data, Assessment.of(data), options.withProducerRecords(store.schedule().schedule(), signed), pdf,
                    ExportProgress.NONE);
        }
        return text(pdf);
    }

    private String streamed(ExportOptions options, int scenesPerPage) throws Exception {
        Path pdf = dir.resolve("streamed-" + scenesPerPage + ".pdf");
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            ExportSummary summary = BreakdownPdf.write(ExportPdfCommand.pages(store, SignedScenes.of(store, scenesPerPage)),
                    options.withProducerRecords(store.schedule().schedule(), null), pdf, ExportProgress.NONE);
            assertTrue(summary.pages() > 3);
        }
        return text(pdf);
    }

    @Test
    void theStreamedPdfIsTheWholeProductionsWhereverThePagesBreak() throws Exception {
        String whole = whole(options());
        assertTrue(whole.contains("Approved") && whole.contains("Stale") && whole.contains("Declined"), "the sign-offs count");
        for (int scenes : new int[]{1, 64}) assertEquals(whole, streamed(options(), scenes), scenes + " scenes a page");

        ExportOptions narrowed = options().withDepartment("VFX").withFlaggedOnly(true);
        assertEquals(whole(narrowed), streamed(narrowed, 4));
    }

    @Test
    void theCommandLineWritesTheStreamedPdf() throws Exception {
        Path pdf = dir.resolve("cli.pdf");
        Console c = Console.as(dir.resolve("producer-config"), "export-pdf", file.toString(), pdf.toString(), "--paper", "a4");
        assertEquals(Command.OK, c.code(), c.err());
        Matcher m = Pattern.compile("(\\d+) scenes, (\\d+) shots, (\\d+) flags").matcher(c.out());
        assertTrue(m.find(), c.out());
        assertEquals(generated.shots().size(), Integer.parseInt(m.group(2)));
        String text = text(pdf);
        for (var shot : generated.shots().subList(0, 5)) assertTrue(text.contains(shot.description().split(" ")[0]), shot.description());
    }

    @Test
    void aSignOffWrittenIntoTheFileWithSqlClearsNothingInTheStreamedPdf() throws Exception {
        String before = streamed(options(), 2);
        int approvedBefore = count(before, "Approved");
        // an attacker's rows: the missing signatures "approved", without proofs, and with a proof copied from a real sign-off
        SignOff real = generated.signOffs().get(0);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             PreparedStatement copy = c.prepareStatement("INSERT INTO sign_off_proof (id, sign_off_id, kind, reply_id, basis, public_key, "
                     + "key_fingerprint, signature, recorded_at) SELECT ?, ?, kind, reply_id, basis, public_key, key_fingerprint, signature, "
                     + "recorded_at FROM sign_off_proof WHERE sign_off_id = ?");
             PreparedStatement forge = c.prepareStatement("INSERT INTO sign_off (id, shot_id, rule_id, role, subject_id, signer, decision, "
                     + "note, signed_at, fingerprint, subject_name) SELECT ?, shot_id, rule_id, role, subject_id, 'Mallory', 'APPROVED', '', "
                     + "'2030-01-01T00:00:00Z', fingerprint, subject_name FROM sign_off WHERE id = ?")) {
            c.setAutoCommit(false);
            for (SignOff s : generated.signOffs()) {
                if (s.decision() == org.clearframe.model.Decision.APPROVED) continue;
                UUID forged = UUID.randomUUID();
                forge.setString(1, forged.toString());
                forge.setString(2, s.id().toString());
                forge.executeUpdate();
                copy.setString(1, UUID.randomUUID().toString());
                copy.setString(2, forged.toString());
                copy.setString(3, real.id().toString());
                copy.executeUpdate();
            }
            c.commit();
        }
        String after = streamed(options(), 2);
        assertEquals(approvedBefore, count(after, "Approved"), "no forged approval counts");
        assertFalse(after.contains("Mallory"), "no forged sign-off is shown");
        assertEquals(before, after);
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) n++;
        return n;
    }

    private static String text(Path pdf) throws Exception {
        return org.clearframe.pdf.PdfText.textOf(pdf);
    }
}
