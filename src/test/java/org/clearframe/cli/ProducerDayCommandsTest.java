package org.clearframe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clearframe.model.AiUse;
import org.clearframe.model.Department;
import org.clearframe.model.IntExt;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.SentPackage;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.KeepsUserConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 15 on the command line: the shoot calendar, due dates in check and its --due-within gate, packages recorded and
 * tracked, the refusal of a package that asks nothing, and a stale sign-off's change list. Each person has their own
 * config folder (and so key).
 */
@ExtendWith(KeepsUserConfig.class)
class ProducerDayCommandsTest {

    @TempDir Path dir;
    Path file;
    String out, err;
    Shot collapse, gown;
    Scene tower, harbour;

    @BeforeEach
    void production() throws Exception {
        List<Department> departments = Department.defaults();
        Department vfx = departments.stream().filter(d -> d.name().equals("VFX")).findFirst().orElseThrow();
        Department costume = departments.stream().filter(d -> d.name().startsWith("Costume")).findFirst().orElseThrow();
        tower = new Scene(UUID.randomUUID(), "12A", IntExt.EXT, "Tower block", "NIGHT", "", 11, "", List.of(), false);
        harbour = new Scene(UUID.randomUUID(), "14", IntExt.EXT, "Harbour", "DAY", "", 8, "", List.of(), false);
        collapse = new Shot(UUID.randomUUID(), tower.id(), "1", "Tower falls", ShotSize.WIDE, "", "", "", 3, List.of(vfx.id()), "",
                List.of(new AiUse(UUID.randomUUID(), Technique.GENERATIVE_VFX, "Collapse", "VendorX", Output.FINAL, List.of(), List.of(vfx.id()),
                        Set.of(), Tristate.NO, Set.of(), "")));
        gown = new Shot(UUID.randomUUID(), harbour.id(), "1", "Gown", ShotSize.MEDIUM, "", "", "", 3, List.of(costume.id()), "",
                List.of(new AiUse(UUID.randomUUID(), Technique.WARDROBE_CONCEPT, "Gown", "VendorX", Output.TEMPORARY, List.of(), List.of(costume.id()),
                        Set.of(), Tristate.NO, Set.of(), "")));
        file = dir.resolve("tidewater.clearframe");
        ProductionStore.createFrom(file, new ProductionData(Production.titled("Tidewater"), departments, List.of(), List.of(tower, harbour),
                List.of(collapse, gown), List.of(), ""));
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

    /** Day 1 Mon 1 March 2027, day 2 Tue 2 March, Wed 3 March off, day 3 Thu 4 March; 12A on day 1, 14 on day 3. */
    private void calendar() throws Exception {
        Files.writeString(dir.resolve("days.csv"), "Day,Date,Off\n1,2027-03-01\n2,2027-03-02\n,2027-03-03,off\n3,2027-03-04\n");
        assertEquals(0, run("producer", "calendar", file.toString(), "--import", p("days.csv")), err);
        assertTrue(out.contains("3 shoot days and 1 day off"), out);
        assertEquals(0, run("producer", "calendar", file.toString(), "--scene", "12A", "1"), err);
        assertEquals(0, run("producer", "calendar", file.toString(), "--scene", "14", "3"), err);
    }

    private JsonNode checkJson(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", file.toString(), "--json"));
        args.addAll(List.of(extra));
        run("producer", args.toArray(String[]::new));
        return new ObjectMapper().readTree(out);
    }

    private static JsonNode signature(JsonNode check, String scene, String ruleId, String role) {
        for (JsonNode shot : check.get("shots")) {
            if (!shot.get("scene").asText().equals(scene)) continue;
            for (JsonNode flag : shot.get("flags")) {
                if (!flag.get("ruleId").asText().equals(ruleId)) continue;
                for (JsonNode s : flag.get("signatures")) if (s.get("role").asText().equals(role)) return s;
            }
        }
        throw new AssertionError("no " + scene + " " + ruleId + " " + role + " in " + check);
    }

    @Test
    void dueDatesComeFromTheCalendarLeadTimesAndDaysOff() throws Exception {
        calendar();
        JsonNode check = checkJson("--today", "2027-02-22");
        // 12A on Monday 1 March: five working days before is Monday 22 February (the weekend does not count).
        JsonNode vfx = signature(check, "12A", "VFX-GEN-FINAL", "VFX_SUPERVISOR").get("due");
        assertEquals("2027-02-22", vfx.get("dueOn").asText(), vfx.toString());
        assertEquals(1, vfx.get("shootDay").asInt());
        assertEquals("DUE_THIS_WEEK", vfx.get("urgency").asText());
        assertEquals("5 working days", vfx.get("leadTime").asText());
        // 14 on Thursday 4 March: Wednesday is off, so the five working days are 2, 1 March, 26, 25 and 24 February.
        JsonNode costume = signature(check, "14", "WARDROBE-CONCEPT", "COSTUME_DESIGNER").get("due");
        assertEquals("2027-02-24", costume.get("dueOn").asText(), costume.toString());
        assertEquals("2027-02-22", check.get("today").asText());
        assertTrue(check.get("summary").get("dueThisWeek").asInt() > 0, check.get("summary").toString());

        JsonNode later = checkJson("--today", "2027-02-24");
        assertTrue(signature(later, "12A", "VFX-GEN-FINAL", "VFX_SUPERVISOR").get("due").get("overdue").asBoolean());
        assertEquals("OVERDUE", signature(later, "12A", "VFX-GEN-FINAL", "VFX_SUPERVISOR").get("due").get("urgency").asText());

        // The producer sets the gown shot's due date by hand.
        assertEquals(0, run("producer", "calendar", file.toString(), "--due", "14/1", "2027-03-03"), err);
        JsonNode set = signature(checkJson("--today", "2027-02-24"), "14", "WARDROBE-CONCEPT", "COSTUME_DESIGNER").get("due");
        assertEquals("2027-03-03", set.get("dueOn").asText());
        assertEquals("SET_ON_SHOT", set.get("basis").asText());
    }

    @Test
    void dueWithinExitsOneOnlyWhenSomethingUnsignedIsDueInTheWindow() throws Exception {
        calendar();
        assertEquals(0, run("producer", "calendar", file.toString(), "--due", "12A/1", "2027-03-20"), err);
        // From 1 February, the gown shot is due 24 February: 23 days away; 12A's by hand on 20 March.
        assertEquals(0, run("producer", "check", file.toString(), "--due-within", "20", "--today", "2027-02-01"), out + err);
        assertTrue(out.contains("0 open signatures are due within 20 days"), out);
        assertEquals(0, run("producer", "check", file.toString(), "--due-within", "22", "--today", "2027-02-01"), out + err);
        assertEquals(1, run("producer", "check", file.toString(), "--due-within", "23", "--today", "2027-02-01"), out + err);
        assertEquals(1, run("producer", "check", file.toString(), "--due-within", "0", "--today", "2027-02-25"), out + err);
        assertTrue(out.contains("overdue"), out);
        JsonNode json = checkJson("--due-within", "23", "--today", "2027-02-01");
        assertTrue(json.get("summary").get("dueWithin").get("open").asInt() > 0);
        assertEquals(2, run("producer", "check", file.toString(), "--due-within", "soon"));
        assertEquals(2, run("producer", "check", file.toString(), "--due-within", "-3"));
        assertEquals(2, run("producer", "check", file.toString(), "--today", "2027-02-30"));
        assertTrue(err.contains("not a date"), err);
    }

    @Test
    void checkWithoutACalendarReportsNoDueDateAndKeepsItsGate() throws Exception {
        JsonNode check = checkJson();
        JsonNode due = signature(check, "12A", "VFX-GEN-FINAL", "VFX_SUPERVISOR").get("due");
        assertTrue(due.get("dueOn").isNull());
        assertEquals("NO_DATE", due.get("urgency").asText());
        assertEquals("NONE", due.get("basis").asText());
        assertEquals(1, run("producer", "check", file.toString()), "blocking flags still fail the plain gate");
        assertEquals(0, run("producer", "check", file.toString(), "--due-within", "30"), "nothing has a due date yet");
    }

    @Test
    void calendarEditsThatDoNotFitAreRefusedAndChangeNothing() throws Exception {
        calendar();
        byte[] before = Files.readAllBytes(file);
        assertEquals(2, run("producer", "calendar", file.toString(), "--set", "2", "2027-03-03"));
        assertTrue(err.contains("day off"), err);
        assertEquals(2, run("producer", "calendar", file.toString(), "--set", "2", "2027-03-08"));
        assertTrue(err.contains("date order"), err);
        assertEquals(2, run("producer", "calendar", file.toString(), "--off", "2027-03-01"));
        assertEquals(2, run("producer", "calendar", file.toString(), "--scene", "99", "1"));
        assertEquals(2, run("producer", "calendar", file.toString(), "--due", "12A", "2027-03-01"));
        assertEquals(2, run("producer", "calendar", file.toString(), "--set", "1"));
        Files.writeString(dir.resolve("bad.csv"), "1,2027-03-01\n2,2027-02-28\n");
        assertEquals(2, run("producer", "calendar", file.toString(), "--import", p("bad.csv")));
        assertTrue(err.contains("not after shoot day 1"), err);
        assertArrayEquals(before, Files.readAllBytes(file), "a refused edit leaves the file as it was");
        assertEquals(0, run("producer", "calendar", file.toString()), err);
        assertTrue(out.contains("Day 1  2027-03-01 Mon  scenes 12A") && out.contains("Off    2027-03-03"), out);
    }

    @Test
    void aPackageThatAsksNothingIsRefusedWithAReason() throws Exception {
        assertEquals(2, run("producer", "share", file.toString(), "--department", "Makeup & Hair", p("mh.cfshare")));
        assertTrue(err.contains("Makeup & Hair has no open signature"), err);
        assertFalse(Files.exists(dir.resolve("mh.cfshare")));

        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        assertEquals(0, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana Reyes", "--decide-all", "approve", p("vfx.cfreply")), err);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("vfx.cfreply")), err);
        assertEquals(2, run("producer", "share", file.toString(), "--department", "VFX", p("again.cfshare")));
        assertTrue(err.contains("VFX has no open signature"), err);
        assertFalse(Files.exists(dir.resolve("again.cfshare")));
        assertEquals(0, run("producer", "packages", file.toString()), err);
        assertEquals(1, out.lines().filter(l -> l.contains("Department head: VFX")).count(), "the refused package is not recorded: " + out);
    }

    @Test
    void aPackageIsNeverWrittenWithoutItsRecord() throws Exception {
        try (ProductionStore app = ProductionStore.open(file)) {
            // The app holds the production: share cannot record, so it writes nothing.
            assertEquals(2, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")));
            assertFalse(Files.exists(dir.resolve("vfx.cfshare")), err);
            try (var left = Files.list(dir)) {
                assertEquals(List.of(), left.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".part")).toList());
            }
        }
        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        assertEquals(1, packages().size());
    }

    @Test
    void packagesAreTrackedFromSentToRepliedSupersededAndExpired() throws Exception {
        Shot skyline = new Shot(UUID.randomUUID(), tower.id(), "2", "Skyline", ShotSize.WIDE, "", "", "", 2, List.of(), "",
                List.of(new AiUse(UUID.randomUUID(), Technique.GENERATIVE_VFX, "Skyline", "VendorX", Output.FINAL, List.of(), List.of(),
                        Set.of(), Tristate.NO, Set.of(), "")));
        try (ProductionStore store = ProductionStore.open(file)) {
            store.insertShot(skyline, 1);
        }
        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        assertEquals(0, run("producer", "share", file.toString(), "--role", "costume-designer", p("costume-1.cfshare")), err);
        assertEquals(0, run("producer", "share", file.toString(), "--role", "costume-designer", p("costume-2.cfshare")), err);
        assertEquals(0, run("producer", "share", file.toString(), "--department", "Production", p("production.cfshare")), err);
        List<SentPackage> sent = packages();
        assertEquals(4, sent.size());
        assertEquals(SentPackage.AudienceKind.DEPARTMENT, sent.get(0).audienceKind());
        // The costume designer is the one role of Costume / Wardrobe: a package for the role goes to the same person.
        assertEquals(SentPackage.AudienceKind.DEPARTMENT, sent.get(1).audienceKind());
        assertEquals(org.clearframe.Sha256.hex(Files.readAllBytes(dir.resolve("vfx.cfshare"))), sent.get(0).sha256(), "the record names the file's bytes");
        assertEquals(Set.of(collapse.id(), skyline.id()), sent.get(0).shots().keySet());
        assertEquals(2, sent.get(0).asked().size(), "the VFX supervisor is asked for both shots");

        assertEquals(0, run("producer", "packages", file.toString()), err);
        assertTrue(stateOf("vfx.cfshare").equals("Sent") && stateOf("costume-1.cfshare").equals("Superseded")
                && stateOf("costume-2.cfshare").equals("Sent"), out);

        assertEquals(0, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana Reyes", "--decide", "12A:1/VFX-GEN-FINAL/VFX_SUPERVISOR=approve",
                p("vfx.cfreply")), err);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("vfx.cfreply")), err);
        assertTrue(out.contains("Linked to package " + sent.get(0).id()), out);
        assertEquals(0, run("ann", "sign", p("production.cfshare"), "--name", "Ann Lee", "--decide-all", "approve", p("production.cfreply")), err);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("production.cfreply")), err);

        assertEquals(0, run("producer", "packages", file.toString()), err);
        assertEquals("Partly replied", stateOf("vfx.cfshare"), out);
        assertEquals("Replied", stateOf("production.cfshare"), out);
        assertTrue(out.contains("Reply from Dana Reyes") && out.contains("Reply from Ann Lee"), out);

        // The gown's plan changes after the second costume package went out: it expires; the replied one stays replied.
        try (ProductionStore store = ProductionStore.open(file)) {
            store.saveShot(gown.withAiUses(List.of(gown.aiUses().get(0).withPurpose("Gown, final fitting"))));
            store.saveShot(skyline.withAiUses(List.of(skyline.aiUses().get(0).withPurpose("Skyline at dusk"))));
        }
        assertEquals(0, run("producer", "packages", file.toString()), err);
        assertEquals("Expired", stateOf("costume-2.cfshare"), out);
        assertEquals("Superseded", stateOf("costume-1.cfshare"), out);
        assertEquals("Expired", stateOf("vfx.cfshare"), out);
        assertEquals("Replied", stateOf("production.cfshare"), out);

        // Importing the same reply again links nothing twice.
        assertEquals(0, run("producer", "import-reply", file.toString(), p("vfx.cfreply")), err);
        assertEquals(1, packages().get(0).replies().size());
    }

    @Test
    void aStaleSignOffSaysWhatChangedSinceItWasSigned() throws Exception {
        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        assertEquals(0, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana Reyes", "--decide-all", "approve", p("vfx.cfreply")), err);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("vfx.cfreply")), err);
        JsonNode fresh = signature(checkJson(), "12A", "VFX-GEN-FINAL", "VFX_SUPERVISOR");
        assertEquals("APPROVED", fresh.get("state").asText());
        assertTrue(fresh.get("changes").isNull());

        AiUse use = collapse.aiUses().get(0);
        AiUse changed = new AiUse(use.id(), use.technique(), use.purpose(), "VendorY", use.output(), use.performerIds(), use.departmentIds(),
                Set.of(Material.LIKENESS_OR_VOICE), use.vendorTrains(), use.factors(), use.notes());
        try (ProductionStore store = ProductionStore.open(file)) {
            store.saveShot(collapse.withAiUses(List.of(changed)));
        }
        JsonNode stale = signature(checkJson(), "12A", "VFX-GEN-FINAL", "VFX_SUPERVISOR");
        assertEquals("STALE", stale.get("state").asText());
        List<String> changes = new ArrayList<>();
        stale.get("changes").forEach(c -> changes.add(c.asText()));
        assertEquals(List.of("Tool: \"VendorX\" -> \"VendorY\"", "uploads added: likeness"), changes);
        assertEquals(1, run("producer", "check", file.toString()));
        assertTrue(out.contains("Changed since signed: Tool: \"VendorX\" -> \"VendorY\"; uploads added: likeness"), out);
    }

    @Test
    void contactsAreSetListedAndCheckedAsTheyComeIn() throws Exception {
        assertEquals(0, run("producer", "contact", file.toString(), "--department", "VFX", "--email", "dana@example.com", "--phone", "+44 20 7946 0000"), err);
        assertEquals(0, run("producer", "contact", file.toString()), err);
        assertTrue(out.contains("Department VFX: head (not named): dana@example.com +44 20 7946 0000"), out);
        assertEquals(2, run("producer", "contact", file.toString(), "--department", "VFX", "--email", "dana at example"));
        assertEquals(2, run("producer", "contact", file.toString(), "--department", "VFX", "--email", "a@b.c\u202Eevil"));
        assertEquals(2, run("producer", "contact", file.toString(), "--department", "VFX", "--phone", "call me"));
        assertEquals(2, run("producer", "contact", file.toString(), "--email", "dana@example.com"));
        assertEquals(2, run("producer", "contact", file.toString(), "--department", "Catering", "--phone", "123"));
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            Department vfx = store.load().departments().stream().filter(d -> d.name().equals("VFX")).findFirst().orElseThrow();
            assertEquals("dana@example.com", vfx.email(), "a head's e-mail is the department's own field");
            assertEquals("+44 20 7946 0000", store.schedule().contacts().get(vfx.id()).phone());
        }
    }

    @Test
    void exportAndImportJsonCarryTheCalendarContactsPackagesAndSignedContent() throws Exception {
        calendar();
        assertEquals(0, run("producer", "calendar", file.toString(), "--due", "14/1", "2027-02-26"), err);
        assertEquals(0, run("producer", "contact", file.toString(), "--department", "VFX", "--phone", "555 0100"), err);
        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        assertEquals(0, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana Reyes", "--decide-all", "approve", p("vfx.cfreply")), err);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("vfx.cfreply")), err);
        assertEquals(0, run("producer", "export-json", file.toString(), p("backup.json")), err);
        assertEquals(0, run("producer", "import-json", p("backup.json"), p("restored.clearframe")), err);
        try (ProductionStore a = ProductionStore.openReadOnly(file); ProductionStore b = ProductionStore.openReadOnly(dir.resolve("restored.clearframe"))) {
            assertEquals(a.schedule().schedule(), b.schedule().schedule());
            assertEquals(a.schedule().contacts(), b.schedule().contacts());
            assertEquals(a.packages().all(), b.packages().all());
            assertEquals(a.packages().allSignedContents(), b.packages().allSignedContents());
            assertFalse(b.packages().allSignedContents().isEmpty());
        }
        // A file of project schema 3 (before these records) still imports, with none of them.
        com.fasterxml.jackson.databind.node.ObjectNode old = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(dir.resolve("backup.json").toFile());
        old.put("schemaVersion", 3);
        old.remove(List.of("shootCalendar", "contacts", "sharedPackages", "signedContents"));
        new ObjectMapper().writeValue(dir.resolve("v3.json").toFile(), old);
        assertEquals(0, run("producer", "import-json", p("v3.json"), p("v3.clearframe")), err);
        try (ProductionStore v3 = ProductionStore.openReadOnly(dir.resolve("v3.clearframe"))) {
            assertEquals(org.clearframe.model.ShootSchedule.EMPTY, v3.schedule().schedule());
            assertTrue(v3.packages().all().isEmpty());
        }
        // Altered signed content is refused, not imported as if it had been signed.
        Path json = dir.resolve("backup.json");
        String text = Files.readString(json);
        Files.writeString(dir.resolve("altered.json"), text.replace("\\\"tool\\\":\\\"VendorX\\\"", "\\\"tool\\\":\\\"VendorZ\\\""));
        assertNotEquals(text, Files.readString(dir.resolve("altered.json")), "the test must alter something");
        assertEquals(2, run("producer", "import-json", p("altered.json"), p("altered.clearframe")));
        assertTrue(err.contains("signedContents"), err);
        assertFalse(Files.exists(dir.resolve("altered.clearframe")));
    }

    @Test
    void thePdfSummaryShowsDueDatesOverdueAndWhatChanged() throws Exception {
        // A shoot already past, so its open signatures are overdue whenever the test runs.
        Files.writeString(dir.resolve("days.csv"), "1,2021-03-01\n2,2021-03-02\n");
        assertEquals(0, run("producer", "calendar", file.toString(), "--import", p("days.csv")), err);
        assertEquals(0, run("producer", "calendar", file.toString(), "--scene", "12A", "1"), err);
        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        assertEquals(0, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana Reyes", "--decide-all", "approve", p("vfx.cfreply")), err);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("vfx.cfreply")), err);
        try (ProductionStore store = ProductionStore.open(file)) {
            store.saveShot(collapse.withAiUses(List.of(collapse.aiUses().get(0).withPurpose("Collapse, slower"))));
        }
        assertEquals(0, run("producer", "export-pdf", file.toString(), p("breakdown.pdf")), err);
        String text = pdfText(dir.resolve("breakdown.pdf")).replaceAll("\\s+", " "); // a table cell's lines wrap
        assertTrue(text.contains("Due 22 Feb 2021 (overdue, shoot day 1)"), text);
        assertTrue(text.contains("Changed: Purpose: \"Collapse\" -> \"Collapse, slower\""), text);
        assertFalse(text.contains("no shoot date"), "a signature without a date shows nothing rather than a non-date");
    }

    private static String pdfText(Path pdf) throws Exception {
        return org.clearframe.pdf.PdfText.textOf(pdf);
    }

    private List<SentPackage> packages() throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return store.packages().all();
        }
    }

    /** The state the last {@code packages} listing gives the package written to {@code fileName}. */
    private String stateOf(String fileName) {
        List<String> lines = out.lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(fileName + ",")) {
                String head = lines.get(i - 1);
                return head.substring(head.lastIndexOf('[') + 1, head.lastIndexOf(']'));
            }
        }
        throw new AssertionError(fileName + " not listed in:\n" + out);
    }
}
