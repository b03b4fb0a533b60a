package org.clearframe.pdf;

import org.clearframe.bench.SyntheticProduction;
import org.clearframe.model.AiUse;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Shot;
import org.clearframe.rules.Flag;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.Rule;
import org.clearframe.rules.Severity;
import org.clearframe.rules.SignatureState;
import org.clearframe.rules.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class BreakdownPdfTest {

    @TempDir Path dir;

    private static final ExportOptions A4 = new ExportOptions(PaperSize.A4, "", false,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", LocalDate.of(2026, 11, 24));

    @Test
    void everyShotAndEveryFlagOfALongProductionPrintsAndNoRowSplits() throws Exception {
        // Unique, non-prefix shot numbers and rule ids, so finding one in the text cannot be a coincidence.
        ProductionData generated = SyntheticProduction.generate(400, 7);
        List<Shot> shots = new ArrayList<>();
        Map<UUID, List<Flag>> flags = new HashMap<>();
        int i = 0;
        for (Shot s : generated.shots()) {
            Shot numbered = s.edit().number(String.format("SH%05d", i++)).build();
            shots.add(numbered);
            if (numbered.hasAiUse()) {
                AiUse use = numbered.aiUses().get(0);
                Rule rule = new Rule(String.format("RULE-%05d", i), "Test rule", "", Trigger.always(), List.of(Role.STUDIO_LEGAL),
                        i % 2 == 0 ? Severity.BLOCKING : Severity.ADVISORY, List.of());
                flags.put(numbered.id(), List.of(new Flag(rule, numbered.id(), use, "because",
                        List.of(new RequiredSignature(Role.STUDIO_LEGAL, null, "", SignatureState.MISSING, null)))));
            }
        }
        ProductionData data = new ProductionData(generated.production(), generated.departments(), generated.cast(),
                generated.scenes(), shots, List.of(), "");
        Path out = dir.resolve("long.pdf");

        ExportSummary summary = BreakdownPdf.write(data, flags, A4, out, ExportProgress.NONE);

        try (PdfText pdf = new PdfText(out)) {
            assertEquals(pdf.pageCount(), summary.pages());
            assertTrue(pdf.pageCount() > 10, "400 shots run over many pages");
            for (Shot s : shots) {
                int page = pdf.pageOf(s.number());
                assertTrue(page >= 0, "shot " + s.number() + " is printed");
                assertTrue(PdfText.hasWords(pdf.pages.get(page), s.description()),
                        "shot " + s.number() + "'s row is whole on page " + (page + 1));
            }
            for (List<Flag> list : flags.values()) {
                for (Flag f : list) assertTrue(pdf.all().contains(f.rule().id()), "flag " + f.rule().id() + " is printed");
            }
            assertEquals(List.of(pdf.pageCount(), pdf.pageCount()), pdf.pageXofY(pdf.pageCount() - 1));
            // The shots table's column headings repeat on every scene page, including continuations.
            for (int p = pdf.pageOf("Scenes in script order"); p < pdf.pageCount(); p++) {
                assertTrue(pdf.pages.get(p).contains("SIGN-OFF BY ROLE"), "column headings on page " + (p + 1));
            }
        }
    }

    @Test
    void aShotTallerThanAPageIsSplitAcrossPagesWithNothingLostAndTheHeadingsRepeated() throws Exception {
        ProductionData generated = SyntheticProduction.generate(30, 3);
        StringBuilder longText = new StringBuilder();
        for (int w = 0; w < 1500; w++) longText.append(String.format("W%04d ", w));
        List<Shot> shots = new ArrayList<>(generated.shots());
        Shot tall = shots.get(5).edit().number("TALL1").description(longText.toString().trim()).build();
        shots.set(5, tall);
        ProductionData data = new ProductionData(generated.production(), generated.departments(), generated.cast(),
                generated.scenes(), shots, List.of(), "");
        Path out = dir.resolve("tall.pdf");

        BreakdownPdf.write(data, Map.of(), A4, out, ExportProgress.NONE);

        try (PdfText pdf = new PdfText(out)) {
            int first = pdf.pageOf("TALL1"), last = pdf.pageOf("W1499");
            assertTrue(first >= 0 && last > first, "the row runs over several pages: " + first + " to " + last);
            String pages = String.join("\n", pdf.pages.subList(first, last + 1));
            for (int w = 0; w < 1500; w++) assertTrue(pages.contains(String.format("W%04d", w)), "word " + w + " is printed");
            for (int p = first + 1; p <= last; p++) {
                assertTrue(pdf.pages.get(p).contains("(continued)") && pdf.pages.get(p).contains("DESCRIPTION"),
                        "the scene's band and column headings head page " + (p + 1));
            }
        }
    }

    @Test
    void theSummarysColumnHeadingsRepeatOnEveryPageItRunsOnto() throws Exception {
        ProductionData generated = SyntheticProduction.generate(300, 7);
        Map<UUID, List<Flag>> flags = new HashMap<>();
        int i = 0;
        for (Shot s : generated.shots()) {
            if (!s.hasAiUse()) continue;
            Rule rule = new Rule(String.format("RULE-%05d", i++), "Test rule", "", Trigger.always(), List.of(Role.STUDIO_LEGAL),
                    Severity.BLOCKING, List.of());
            flags.put(s.id(), List.of(new Flag(rule, s.id(), s.aiUses().get(0), "because",
                    List.of(new RequiredSignature(Role.STUDIO_LEGAL, null, "", SignatureState.MISSING, null)))));
        }
        Path out = dir.resolve("summary.pdf");
        BreakdownPdf.write(generated, flags, A4, out, ExportProgress.NONE);
        try (PdfText pdf = new PdfText(out)) {
            int start = pdf.pageOf("Every flag, grouped by the department"), end = pdf.pageOf("Scenes in script order");
            assertTrue(end - start > 3, "the summary runs over several pages");
            for (int p = start; p < end; p++) {
                assertTrue(pdf.pages.get(p).contains("SIGNS FOR THIS DEPARTMENT"), "column headings on page " + (p + 1));
            }
            for (int p = start + 1; p < end; p++) assertTrue(pdf.pages.get(p).contains("(continued)"), "the group's band on page " + (p + 1));
        }
    }

    @Test
    void theSampleProductionPrintsItsShotsFlagsAndUnicodeNames() throws Exception {
        SampleBreakdown sample = SampleBreakdown.create();
        Path out = dir.resolve("salt road.pdf");

        ExportSummary summary = BreakdownPdf.write(sample.data, sample.flags, A4, out, ExportProgress.NONE);

        try (PdfText pdf = new PdfText(out)) {
            String text = pdf.all();
            assertTrue(text.contains("The Salt Road"));
            assertTrue(text.contains("Zoë Niño"), "Latin accents print");
            assertTrue(text.contains("Łódź"), "Polish letters print");
            assertTrue(text.contains("\u2014"), "the em dash prints");
            assertTrue(text.contains("9f86d081 884c7d65"), "the file's fingerprint is on the cover");
            for (Shot s : sample.printedShots()) assertTrue(PdfText.hasWords(text, s.description()), s.description());
            for (Flag f : sample.printedFlags()) assertTrue(text.contains(f.rule().id()), f.rule().id());
            assertFalse(PdfText.hasWords(text, sample.omittedShot.description()), "an omitted scene's shots are not listed");
            assertFalse(text.contains("COPYRIGHT-REF"), "nor its flags");
            assertTrue(text.contains("OMITTED"));
            assertEquals(List.of(1, pdf.pageCount()), pdf.pageXofY(0));
            assertEquals(summary.pages(), pdf.pageCount());
            assertEquals(7, summary.shots());
            assertEquals(7, summary.flags());
        }
    }

    @Test
    void theCoverCarriesTheTotals() throws Exception {
        SampleBreakdown sample = SampleBreakdown.create();
        Path out = dir.resolve("cover.pdf");
        BreakdownPdf.write(sample.data, sample.flags, A4, out, ExportProgress.NONE);
        try (PdfText pdf = new PdfText(out)) {
            String cover = pdf.pages.get(0).replaceAll("\\s+", " ");
            // 4 scenes (1 omitted), 7 shots, 6 with AI, 5 open blocking, 1 open advisory, 1 stale signature.
            assertTrue(cover.contains("4 Scenes (1 omitted)"), cover);
            assertTrue(cover.contains("7 Shots"), cover);
            assertTrue(cover.contains("6 Shots with AI use"), cover);
            assertTrue(cover.contains("5 Open blocking flags"), cover);
            assertTrue(cover.contains("1 Open advisory flags"), cover);
            assertTrue(cover.contains("1 Flags with stale sign-offs"), cover);
            for (String fact : List.of("Northlight Pictures", "Ada Brennan", "Zoë Niño", "Feature", "24 Nov 2026")) {
                assertTrue(cover.contains(fact), fact);
            }
        }
    }

    @Test
    void theCoversContentsGiveTheRightPages() throws Exception {
        SampleBreakdown sample = SampleBreakdown.create();
        Path out = dir.resolve("contents.pdf");
        BreakdownPdf.write(sample.data, sample.flags, A4, out, ExportProgress.NONE);
        try (PdfText pdf = new PdfText(out)) {
            String cover = pdf.pages.get(0);
            assertEquals(pdf.pageOf("Every flag, grouped by the department") + 1, contentsPage(cover, "AI sign-off summary"));
            assertEquals(pdf.pageOf("Scenes in script order") + 1, contentsPage(cover, "Scene breakdown"));
            // Legal's band carries its counts, "4 flags · 4 open".
            assertEquals(pdf.pageOf("4 flags \u00B7 4 open") + 1, contentsPage(cover, "Legal"));
        }
    }

    private static int contentsPage(String cover, String entry) {
        var m = java.util.regex.Pattern.compile("(?m)^\\s*" + java.util.regex.Pattern.quote(entry) + "\\s*(\\d+)\\s*$").matcher(cover);
        assertTrue(m.find(), entry + " in the contents: " + cover);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void fontsAreEmbedded() throws Exception {
        SampleBreakdown sample = SampleBreakdown.create();
        Path out = dir.resolve("fonts.pdf");
        BreakdownPdf.write(sample.data, sample.flags, A4, out, ExportProgress.NONE);
        try (PdfText pdf = new PdfText(out)) {
            var fonts = pdf.fonts();
            assertFalse(fonts.isEmpty());
            for (var font : fonts) {
                assertTrue(PdfText.embedded(font), "font " + PdfText.baseName(font) + " is embedded");
                assertTrue(PdfText.baseName(font).contains("DejaVuSans"), PdfText.baseName(font));
            }
            assertTrue(fonts.stream().anyMatch(f -> PdfText.baseName(f).contains("DejaVuSans-Bold")), "bold is used too");
        }
    }

    @Test
    void paperSizeSetsTheLandscapePage() throws Exception {
        SampleBreakdown sample = SampleBreakdown.create();
        Path a4 = dir.resolve("a4.pdf"), letter = dir.resolve("letter.pdf");
        BreakdownPdf.write(sample.data, sample.flags, A4, a4, ExportProgress.NONE);
        BreakdownPdf.write(sample.data, sample.flags, A4.withPaper(PaperSize.US_LETTER), letter, ExportProgress.NONE);
        try (PdfText p = new PdfText(a4); PdfText q = new PdfText(letter)) {
            assertEquals(842f, p.reader.getPageSize(1).getWidth(), 0.5f);
            assertEquals(595f, p.reader.getPageSize(1).getHeight(), 0.5f);
            assertEquals(792f, q.reader.getPageSize(2).getWidth(), 0.5f);
            assertEquals(612f, q.reader.getPageSize(2).getHeight(), 0.5f);
        }
    }

    @Test
    void aDepartmentGetsItsShotsAndTheFlagsItSignsOrWhoseAiUseItWorksOn() throws Exception {
        SampleBreakdown sample = SampleBreakdown.create();
        Path out = dir.resolve("sound.pdf");

        ExportSummary summary = BreakdownPdf.write(sample.data, sample.flags, A4.withDepartment("sound"), out, ExportProgress.NONE);

        try (PdfText pdf = new PdfText(out)) {
            String text = pdf.all();
            assertTrue(PdfText.hasWords(text, "Piotr's speech, in Polish"), "a Sound shot");
            assertTrue(PdfText.hasWords(text, "The captain speaks from the tablet"), "a shot Sound works on");
            assertFalse(PdfText.hasWords(text, "Mara at the rail, Piotr behind her"), "not a Camera-only shot");
            assertTrue(text.contains("VOICE-CLONE"), "Sound's supervisor signs it");
            assertTrue(text.contains("VENDOR-TRAINS"), "it is on Sound's AI use");
            for (String other : List.of("DEAGE-PERFORMER", "SYNTH-CROWD", "SET-CONCEPT", "REPLICA-DECEASED", "VFX-GEN-FINAL")) {
                assertFalse(text.contains(other), other + " is not Sound's");
            }
            assertTrue(text.contains("AI shot breakdown \u00B7 Sound"), "the running header names the department");
            assertEquals(2, summary.shots());
            assertEquals(2, summary.flags());
        }
    }

    @Test
    void anUnknownDepartmentIsRefusedWithTheChoices() {
        SampleBreakdown sample = SampleBreakdown.create();
        Path out = dir.resolve("x.pdf");
        ExportException e = assertThrows(ExportException.class,
                () -> BreakdownPdf.write(sample.data, sample.flags, A4.withDepartment("Catering"), out, ExportProgress.NONE));
        assertTrue(e.getMessage().contains("'Catering'"), e.getMessage());
        assertTrue(e.getMessage().contains("VFX"), "it lists the departments: " + e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aLookAlikeOfADepartmentIsNotThatDepartment() throws Exception {
        SampleBreakdown sample = SampleBreakdown.create();
        Path out = dir.resolve("x.pdf");
        for (String fake : List.of("VF\u0425", "S0und")) { // a Cyrillic Ha; a zero for the o
            ExportException e = assertThrows(ExportException.class,
                    () -> BreakdownPdf.write(sample.data, sample.flags, A4.withDepartment(fake), out, ExportProgress.NONE));
            assertTrue(e.getMessage().contains("No department is called"), e.getMessage());
        }
        assertFalse(Files.exists(out));
        // the same name spelt with an invisible character or in another case is the department
        ExportSummary vfx = BreakdownPdf.write(sample.data, sample.flags, A4.withDepartment("v\u200Bfx"), out, ExportProgress.NONE);
        assertTrue(vfx.flags() > 0);
        try (PdfText pdf = new PdfText(out)) {
            assertTrue(pdf.pages.get(0).contains("VFX only"), "named as the production spells it: " + pdf.pages.get(0));
        }
    }

    @Test
    void flaggedOnlyLeavesOutShotsWithoutFlags() throws Exception {
        SampleBreakdown sample = SampleBreakdown.create();
        Path out = dir.resolve("flagged.pdf");
        ExportSummary summary = BreakdownPdf.write(sample.data, sample.flags, A4.withFlaggedOnly(true), out, ExportProgress.NONE);
        try (PdfText pdf = new PdfText(out)) {
            assertFalse(PdfText.hasWords(pdf.all(), "Mara at the rail, Piotr behind her"));
            assertTrue(PdfText.hasWords(pdf.all(), "Flashback: young Mara on the same rail"));
            assertFalse(pdf.all().contains("OMITTED"), "a filtered report leaves omitted scenes out");
            assertEquals(6, summary.shots());
        }
    }

    @Test
    void cancellingLeavesNoFileAndNoTemporaryFile() throws Exception {
        SampleBreakdown sample = SampleBreakdown.create();
        Path out = dir.resolve("cancelled.pdf");
        AtomicLong calls = new AtomicLong();
        ExportProgress cancelMidway = new ExportProgress() {
            @Override public void progress(long done, long total) { calls.incrementAndGet(); }
            @Override public boolean isCancelled() { return calls.get() >= 3; }
        };

        assertThrows(CancellationException.class,
                () -> BreakdownPdf.write(sample.data, sample.flags, A4, out, cancelMidway));

        assertFalse(Files.exists(out));
        assertEquals(List.of(), listing(), "no partial file is left behind");
    }

    @Test
    void aCancelledOrFailedExportLeavesTheExistingFileUntouched() throws Exception {
        SampleBreakdown sample = SampleBreakdown.create();
        Path out = dir.resolve("existing.pdf");
        byte[] before = "the producer's previous PDF".getBytes();
        Files.write(out, before);

        ExportProgress cancelAtOnce = new ExportProgress() {
            @Override public void progress(long done, long total) {}
            @Override public boolean isCancelled() { return true; }
        };
        assertThrows(CancellationException.class, () -> BreakdownPdf.write(sample.data, sample.flags, A4, out, cancelAtOnce));
        assertArrayEquals(before, Files.readAllBytes(out));

        ExportProgress failing = new ExportProgress() {
            @Override public void progress(long done, long total) { if (done > 2) throw new IllegalStateException("boom"); }
            @Override public boolean isCancelled() { return false; }
        };
        assertThrows(IllegalStateException.class, () -> BreakdownPdf.write(sample.data, sample.flags, A4, out, failing));
        assertArrayEquals(before, Files.readAllBytes(out));
        assertEquals(List.of("existing.pdf"), listing());
    }

    @Test
    void aPathThatCannotBeWrittenGivesAClearMessage() throws Exception {
        SampleBreakdown sample = SampleBreakdown.create();

        Path missing = dir.resolve("no such folder").resolve("out.pdf");
        ExportException e = assertThrows(ExportException.class,
                () -> BreakdownPdf.write(sample.data, sample.flags, A4, missing, ExportProgress.NONE));
        assertEquals("Cannot write " + missing + ": the folder " + missing.getParent() + " does not exist.", e.getMessage());

        Path folder = Files.createDirectory(dir.resolve("a folder.pdf"));
        e = assertThrows(ExportException.class,
                () -> BreakdownPdf.write(sample.data, sample.flags, A4, folder, ExportProgress.NONE));
        assertEquals("Cannot write " + folder + ": it is a folder.", e.getMessage());

        Path existing = dir.resolve("existing.pdf");
        Files.writeString(existing, "keep me");
        Path underAFile = existing.resolve("out.pdf");
        e = assertThrows(ExportException.class,
                () -> BreakdownPdf.write(sample.data, sample.flags, A4, underAFile, ExportProgress.NONE));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
        assertEquals("keep me", Files.readString(existing));
        assertEquals(List.of("a folder.pdf", "existing.pdf"), listing());
    }

    @Test
    void aWriteProtectedFolderIsReportedAsPermissionDenied() throws Exception {
        SampleBreakdown sample = SampleBreakdown.create();
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Path out = locked.resolve("out.pdf");
        Files.writeString(out, "keep me");
        assertTrue(locked.toFile().setWritable(false, false));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(locked),
                    "running as root: a write-protected folder is still writable");
            ExportException e = assertThrows(ExportException.class,
                    () -> BreakdownPdf.write(sample.data, sample.flags, A4, out, ExportProgress.NONE));
            assertEquals("Cannot write " + out + ": permission denied.", e.getMessage());
            assertEquals("keep me", Files.readString(out));
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test
    void progressCountsUpToTheTotal() throws Exception {
        SampleBreakdown sample = SampleBreakdown.create();
        List<long[]> seen = new ArrayList<>();
        ExportProgress recorder = new ExportProgress() {
            @Override public void progress(long done, long total) { seen.add(new long[]{done, total}); }
            @Override public boolean isCancelled() { return false; }
        };
        BreakdownPdf.write(sample.data, sample.flags, A4, dir.resolve("p.pdf"), recorder);
        long total = seen.get(0)[1];
        assertEquals(0, seen.get(0)[0]);
        assertEquals(total, seen.get(seen.size() - 1)[0], "it ends at the total");
        for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i)[0] >= seen.get(i - 1)[0], "never goes back");
    }

    @Test
    void theFingerprintIsTheFilesSha256() throws Exception {
        Path file = dir.resolve("f.bin");
        Files.writeString(file, "test");
        assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", FileFingerprint.sha256(file));
    }

    @Test
    void paperSizeFollowsTheLocale() {
        assertEquals(PaperSize.US_LETTER, PaperSize.forLocale(Locale.US));
        assertEquals(PaperSize.US_LETTER, PaperSize.forLocale(Locale.CANADA_FRENCH));
        assertEquals(PaperSize.US_LETTER, PaperSize.forLocale(Locale.of("es", "MX")));
        assertEquals(PaperSize.US_LETTER, PaperSize.forLocale(Locale.of("en", "PH")));
        assertEquals(PaperSize.A4, PaperSize.forLocale(Locale.UK));
        assertEquals(PaperSize.A4, PaperSize.forLocale(Locale.GERMANY));
        assertEquals(PaperSize.A4, PaperSize.forLocale(Locale.ENGLISH), "no country: A4");
        assertEquals(PaperSize.US_LETTER, PaperSize.parse("Letter"));
        assertEquals(PaperSize.A4, PaperSize.parse("a4"));
        assertNull(PaperSize.parse("a3"));
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
