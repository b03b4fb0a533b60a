package org.clearframe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.clearframe.exchange.SharePackage;
import org.clearframe.model.Role;
import org.clearframe.rules.SignatureState;
import org.clearframe.rules.SigningDepartments;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.KeepsUserConfig;
import org.clearframe.tools.SampleProduction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One production, three outputs: {@code check --json}, the breakdown PDF's cover and the share packages must tell
 * the same story (the same flags, open and stale), because they all read one assessment.
 */
@ExtendWith(KeepsUserConfig.class)
class OneAssessmentTest {

    @TempDir Path dir;
    private Path file;

    @BeforeEach
    void sample() throws Exception {
        System.setProperty("clearframe.config", dir.resolve("config").toString());
        file = dir.resolve("harbour.clearframe");
        SampleProduction.write(file);
        Console attest = Console.run("attest", file.toString());
        assertEquals(0, attest.code(), attest.both());
    }

    @Test
    void checkThePdfAndTheSharePackagesCountTheSameFlags() throws Exception {
        Console check = Console.run("check", file.toString(), "--json");
        assertEquals(1, check.code(), check.both());
        JsonNode json = new ObjectMapper().readTree(check.out());
        JsonNode summary = json.get("summary");
        int flags = summary.get("flags").asInt();
        assertTrue(flags > 5 && summary.get("stale").asInt() > 0 && summary.get("openBlocking").asInt() > 0,
                "the sample has open and stale flags to compare: " + summary);

        // The PDF of every department says the same as check.
        Path pdf = dir.resolve("breakdown.pdf");
        Console export = Console.run("export-pdf", file.toString(), pdf.toString(), "--paper", "a4");
        assertEquals(0, export.code(), export.both());
        assertTrue(export.out().contains(", " + flags + " flags."), export.out());
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        String cover = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
        reader.close();
        assertEquals(summary.get("openBlocking").asInt(), figure(cover, "Open blocking flags"), cover);
        assertEquals(summary.get("openAdvisory").asInt(), figure(cover, "Open advisory flags"), cover);
        assertEquals(summary.get("stale").asInt(), figure(cover, "Flags with stale sign-offs"), cover);

        // Each department's package holds exactly the flags check lists with a signature of that department's roles,
        // with the same signatures stale.
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            Set<String> inSomePackage = new HashSet<>();
            for (String department : SigningDepartments.signing(store.load())) {
                if (department.equals("Cast")) continue; // performers get one package each (share --performer)
                List<Role> roles = SigningDepartments.rolesOf(department);

                Set<String> expected = new HashSet<>();
                int expectedStale = 0, expectedOpen = 0;
                for (JsonNode shot : json.get("shots")) {
                    for (JsonNode f : shot.get("flags")) {
                        for (JsonNode s : f.get("signatures")) {
                            if (!roles.contains(Role.valueOf(s.get("role").asText()))) continue;
                            expected.add(key(shot.get("shotId").asText(), f.get("ruleId").asText(), f.get("aiUse").get("id").asText()));
                            if (s.get("state").asText().equals(SignatureState.STALE.name())) expectedStale++;
                            if (SignatureState.valueOf(s.get("state").asText()).open()) expectedOpen++;
                        }
                    }
                }
                if (expected.isEmpty()) continue; // nothing for this head to sign: no package
                Path share = dir.resolve(department.replaceAll("[^A-Za-z]", "_") + ".cfshare");
                Console made = Console.run("share", file.toString(), "--department", department, share.toString());
                if (expectedOpen == 0) {
                    // check says every signature asked of this head is given: share agrees and refuses an empty package
                    assertEquals(2, made.code(), made.both());
                    assertTrue(made.both().contains("has no open signature"), made.both());
                    continue;
                }
                assertEquals(0, made.code(), made.both());
                SharePackage pkg = SharePackage.read(share);
                assertEquals(roles, pkg.audience().roles());
                Set<String> shown = new HashSet<>();
                int stale = 0;
                for (SharePackage.FlagInfo f : pkg.flags()) {
                    shown.add(key(f.shotId().toString(), f.ruleId(), f.aiUseId().toString()));
                    stale += (int) f.signatures().stream().filter(n -> n.state() == SignatureState.STALE).count();
                }
                assertEquals(expected, shown, department);
                assertEquals(expectedStale, stale, department);
                inSomePackage.addAll(shown);
            }
            assertTrue(inSomePackage.size() >= 5, "several departments' packages were compared: " + inSomePackage.size());
        }
    }

    private static String key(String shot, String rule, String use) {
        return shot + "/" + rule + "/" + use;
    }

    /** The figure printed above {@code label} on the cover ("5 Open blocking flags"). */
    private static int figure(String cover, String label) {
        Matcher m = Pattern.compile("([0-9,]+) " + Pattern.quote(label)).matcher(cover);
        assertTrue(m.find(), label + " on the cover: " + cover);
        return Integer.parseInt(m.group(1).replace(",", ""));
    }
}
