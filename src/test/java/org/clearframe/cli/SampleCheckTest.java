package org.clearframe.cli;

import org.clearframe.exchange.Attestations;
import org.clearframe.exchange.KeyRing;
import org.clearframe.model.Decision;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.Evaluator;
import org.clearframe.rules.Flag;
import org.clearframe.rules.Policies;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.SignOffs;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The bundled sample production through {@code check}: open blocking flags, then every sign-off recorded. */
class SampleCheckTest {

    @TempDir Path dir;

    @Test
    void theSampleHasOpenBlockingFlagsUntilEverySignOffIsRecorded() throws Exception {
        Path file = dir.resolve("harbour-lights.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), file);
        // The sample's record was attested by a key thrown away when it was built: as-is, nothing in it counts.
        ByteArrayOutputStream untrusted = new ByteArrayOutputStream();
        assertEquals(1, Cli.run(new String[]{"check", file.toString()}, new PrintStream(untrusted, true, StandardCharsets.UTF_8), System.err));
        assertTrue(untrusted.toString(StandardCharsets.UTF_8).contains("this machine trusts none of them"), untrusted.toString(StandardCharsets.UTF_8));
        // Whoever adopts it vouches for its record with their own key, as its producer.
        assertEquals(0, Cli.run(new String[]{"attest", file.toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Cli.run(new String[]{"check", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, report);
        for (String rule : List.of("VFX-GEN-FINAL", "VFX-REPLACES-PRACTICAL", "REPLICA-EMPLOYMENT", "SYNTH-CROWD",
                "DEAGE-PERFORMER", "SET-CONCEPT", "WARDROBE-CONCEPT", "UPLOAD-PRODUCTION", "UPLOAD-LIKENESS", "VENDOR-TRAINS", "PROVENANCE")) {
            assertTrue(report.contains(rule), rule + " is listed");
        }
        assertTrue(report.contains("Stale"), "the digital double's consent predates the current plan");

        try (ProductionStore store = ProductionStore.open(file)) {
            ProductionData data = store.load();
            Map<UUID, List<Flag>> flags = Evaluator.evaluateAll(Policies.inForce(data), data);
            List<SignOff> signOffs = new ArrayList<>();
            for (Shot shot : data.shots()) {
                for (Flag flag : flags.get(shot.id())) {
                    for (RequiredSignature sig : flag.openSignatures()) {
                        signOffs.add(SignOffs.sign(shot, flag, sig, "Signer for " + sig.who(), Decision.APPROVED, ""));
                    }
                }
            }
            assertFalse(signOffs.isEmpty());
            Attestations.record(store, data.production().id(), signOffs, KeyRing.forUser());
        }
        // Signatures do not clear the one use the sample leaves deliberately without a specific consent: Zoë's de-aging.
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        assertEquals(1, Cli.run(new String[]{"check", file.toString()}, new PrintStream(signed, true, StandardCharsets.UTF_8), System.err));
        String signedReport = signed.toString(StandardCharsets.UTF_8);
        assertTrue(signedReport.contains("CONSENT-NOT-COVERED"), signedReport);
        assertTrue(signedReport.contains("4/1  Zoë Niño  Use a replica, or alter a performance: NOT_SPECIFIC"), signedReport);
        assertTrue(signedReport.contains("Open: 1 blocking") || signedReport.contains("open: 1 blocking"), signedReport);

        try (ProductionStore store = ProductionStore.open(file)) {
            org.clearframe.testkit.Consents.recordCoveringEveryUse(store);
        }
        ByteArrayOutputStream after = new ByteArrayOutputStream();
        assertEquals(0, Cli.run(new String[]{"check", file.toString()}, new PrintStream(after, true, StandardCharsets.UTF_8), System.err),
                after.toString(StandardCharsets.UTF_8));
    }
}
