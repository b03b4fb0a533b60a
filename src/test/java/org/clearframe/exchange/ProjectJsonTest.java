package org.clearframe.exchange;

import org.clearframe.testkit.ProductionBuilder;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.bench.SyntheticProduction;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.Factor;
import org.clearframe.model.Format;
import org.clearframe.model.Genre;
import org.clearframe.model.IntExt;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.ReferenceImage;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;
import static org.junit.jupiter.api.Assertions.*;

class ProjectJsonTest {

    @TempDir Path dir;

    /** A production in which every field of every table holds something other than its default. */
    static ProductionData everyFieldPopulated() {
        Production p = new Production(UUID.randomUUID(), "Tidewater \"Pilot\"", Format.SERIES_EPISODE, Genre.DOCUMENTARY, "Northlight",
                "Ada Producer", "Zoë Niño", LocalDate.of(2027, 3, 1), "Łódź unit\nsecond line\ttab");
        Department vfx = new Department(UUID.randomUUID(), "VFX", "Sam Okafor", "sam@example.org", "#1565C0");
        Department costume = new Department(UUID.randomUUID(), "Costume / Wardrobe", "Bea Kelly", "bea@example.org", "#AD1457");
        CastMember lead = new CastMember(UUID.randomUUID(), "Mara Quinn", "Detective Hale", Tristate.YES, false, true,
                org.clearframe.model.Representation.LAWYER);
        CastMember late = new CastMember(UUID.randomUUID(), "Old Star", "Grandfather", Tristate.NO, true);
        Scene scene = new Scene(UUID.randomUUID(), "12A", IntExt.INT_EXT, "Tower block", "NIGHT", "It falls. 😀", 11, "Day 3",
                List.of(late.id(), lead.id()), true);
        AiUse collapse = new AiUse(UUID.randomUUID(), Technique.DESTRUCTION_SIMULATION, "Collapse", "VendorX", Output.FINAL,
                List.of(lead.id(), late.id()), List.of(costume.id(), vfx.id()), EnumSet.allOf(Material.class), Tristate.YES,
                EnumSet.of(Factor.REPLACES_PRACTICAL, Factor.COULD_PASS_AS_REAL), "use note");
        AiUse gown = new AiUse(UUID.randomUUID(), Technique.WARDROBE_CONCEPT, "Gown", "Tool", Output.TEMPORARY, List.of(), List.of(costume.id()),
                Set.of(), Tristate.NO, Set.of(), "");
        Shot shot = new Shot(UUID.randomUUID(), scene.id(), "3", "Wide of tower", ShotSize.AERIAL, "Low", "Crane up", "24mm", 4.25,
                List.of(vfx.id(), costume.id()), "shot notes", List.of(collapse, gown));
        Shot plain = new Shot(UUID.randomUUID(), scene.id(), "4", "", null, "", "", "", 0, List.of(), "", List.of());
        SignOff first = new SignOff(UUID.randomUUID(), shot.id(), "VFX-GEN-FINAL", Role.VFX_SUPERVISOR, null, "Sam Okafor",
                Decision.APPROVED_WITH_CONDITIONS, "Only the wide", Instant.parse("2026-11-24T10:00:00.123456Z"), "fp1");
        SignOff second = new SignOff(UUID.randomUUID(), shot.id(), "DEAGE-PERFORMER", Role.PERFORMER, lead.id(), "Mara Quinn",
                Decision.DECLINED, "", Instant.parse("2026-11-25T10:00:00Z"), "fp2");
        org.clearframe.model.Scan scan = new org.clearframe.model.Scan(UUID.randomUUID(), lead.id(), LocalDate.of(2026, 9, 3),
                LocalDate.of(2026, 9, 1), "Stunt fall");
        org.clearframe.model.Consent withdrawn = new org.clearframe.model.Consent(UUID.randomUUID(), lead.id(), "Mara Quinn",
                org.clearframe.model.ConsentKind.CREATE_REPLICA, p.id(), List.of(scene.id()), List.of(shot.id()),
                EnumSet.of(Technique.DIGITAL_REPLICA, Technique.DE_AGING), "Fall", "A double for the fall in 12A, \"final\" ✓",
                LocalDate.of(2026, 8, 30), null, LocalDate.of(2026, 10, 1), "Scale + 10%");
        org.clearframe.model.Consent estate = new org.clearframe.model.Consent(UUID.randomUUID(), null, "Estate of Old Star",
                org.clearframe.model.ConsentKind.VOICE, UUID.randomUUID(), List.of(), List.of(), Set.of(), "", "", null, null, null, "");
        return new ProductionData(p, List.of(vfx, costume), List.of(lead, late), List.of(scene), List.of(shot, plain),
                // a studio's own policy (a valid one: import refuses a policy that does not read)
                List.of(first, second), org.clearframe.rules.Policy.defaultPolicyJson().replace("\"Clearframe default policy\"", "\"Studio\""),
                List.of(scan), List.of(withdrawn, estate));
    }

    /** The production in a new file, its sign-offs recorded as the app records them: attested by this user's key. */
    private Path saved(ProductionData data, String name) throws Exception {
        Path file = dir.resolve(name);
        return ProductionBuilder.from(data).write(file);
    }

    private static ProductionData load(Path file) throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return store.load();
        }
    }

    @Test
    void everyFieldUuidAndSignOffSurvivesARoundTrip() throws Exception {
        Path original = saved(everyFieldPopulated(), "tidewater.clearframe");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xFF};
        ProductionData before;
        try (ProductionStore store = ProductionStore.open(original)) {
            before = store.load();
            store.setReferenceImage(before.shots().get(0).id(), new ReferenceImage("image/png", png));
            store.attachDocument(before.consents().get(0).id(), "mara-signed.pdf", "application/pdf", "%PDF-1.7 signed".getBytes());
            before = store.load();
        }
        Path json = dir.resolve("tidewater.json");
        ProjectJson.export(original, json);
        String text = Files.readString(json);
        assertTrue(text.contains("\"format\" : \"clearframe-project\""), text.substring(0, 200));
        assertTrue(text.contains("\"schemaVersion\" : " + ProjectJson.SCHEMA_VERSION));

        Path copy = dir.resolve("copy.clearframe");
        ProjectJson.importTo(json, copy);
        ProductionData after = load(copy);
        assertEquals(before, after);
        try (ProductionStore store = ProductionStore.openReadOnly(copy)) {
            assertArrayEquals(png, store.referenceImage(before.shots().get(0).id()).orElseThrow().bytes());
            assertEquals("image/png", store.referenceImage(before.shots().get(0).id()).orElseThrow().mediaType());
            assertTrue(store.referenceImage(before.shots().get(1).id()).isEmpty());
            // The signed consent travels with its bytes and stays attached to its consent.
            assertNotNull(after.consents().get(0).documentId());
            assertArrayEquals("%PDF-1.7 signed".getBytes(), store.documentBytes(after.consents().get(0).documentId()).orElseThrow());
            assertEquals("mara-signed.pdf", store.documents().get(0).fileName());
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
                    "no temporary files are left behind");
        }
    }

    @Test
    void theBundledSampleProductionRoundTripsTableByTable() throws Exception {
        Path original = dir.resolve("harbour-lights.clearframe");
        Files.copy(Path.of("assets/sample/harbour-lights.clearframe"), original);
        ProductionData before = load(original);
        assertFalse(before.signOffs().isEmpty(), "the sample carries sign-offs");
        Path json = dir.resolve("harbour-lights.json");
        ProjectJson.export(original, json);
        Path copy = dir.resolve("harbour-lights copy.clearframe");
        ProjectJson.importTo(json, copy);
        assertSameTables(before, load(copy));
    }

    @Test
    void theSyntheticProductionWithSignOffsRoundTripsTableByTable() throws Exception {
        ProductionData generated = SyntheticProduction.generate(300, 1);
        List<SignOff> signOffs = new ArrayList<>();
        Instant t = Instant.parse("2026-11-01T09:00:00Z");
        for (Shot s : generated.shots()) {
            if (!s.hasAiUse()) continue;
            signOffs.add(new SignOff(UUID.randomUUID(), s.id(), "VFX-GEN-FINAL", Role.VFX_SUPERVISOR, null, "Sam", Decision.APPROVED,
                    "ok", t = t.plusSeconds(61), "fp-" + s.number()));
            UUID performer = s.aiUses().get(0).performerIds().get(0);
            signOffs.add(new SignOff(UUID.randomUUID(), s.id(), "DEAGE-PERFORMER", Role.PERFORMER, performer, "", Decision.DECLINED,
                    "", t = t.plusSeconds(61), ""));
        }
        ProductionData data = new ProductionData(generated.production(), generated.departments(), generated.cast(), generated.scenes(),
                generated.shots(), signOffs, "");
        Path original = saved(data, "synthetic.clearframe");
        ProductionData before = load(original);
        Path json = dir.resolve("synthetic.json");
        ProjectJson.export(original, json);
        Path copy = dir.resolve("copy.clearframe");
        ProjectJson.importTo(json, copy);
        ProductionData after = load(copy);

        assertSameTables(before, after);
        assertEquals(300, after.shots().size());
        assertFalse(after.signOffs().isEmpty());
    }

    // ------------------------------------------------------------------------------------------- bad input

    private ObjectNode exported() throws Exception {
        return ProjectJson.toJson(new ProjectJson.Contents(everyFieldPopulated(), java.util.Map.of()));
    }

    private ExchangeException importFails(Object json) throws Exception {
        Path in = dir.resolve("in.json");
        if (json instanceof byte[] bytes) Files.write(in, bytes);
        else Files.writeString(in, json instanceof ObjectNode o ? JsonFiles.MAPPER.writeValueAsString(o) : json.toString());
        Path target = dir.resolve("out.clearframe");
        ExchangeException e = assertThrows(ExchangeException.class, () -> ProjectJson.importTo(in, target));
        assertFalse(Files.exists(target), "nothing is created for a refused import");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("in.json"), files.map(f -> f.getFileName().toString()).toList(), "no temporary files either");
        }
        return e;
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() throws Exception {
        ExchangeException e = importFails("{\"format\": \"clearframe-project\", \"schemaVersion\": 1,,}");
        assertEquals(Problem.MALFORMED, e.problem());
        assertTrue(e.getMessage().contains("not valid JSON") && e.getMessage().contains("line 1"), e.getMessage());
        assertEquals(Problem.MALFORMED, importFails(new byte[0]).problem());
        assertEquals(Problem.MALFORMED, importFails("[1, 2]").problem());
    }

    @Test
    void anotherKindOfFileIsRefused() throws Exception {
        ObjectNode json = exported();
        json.put("format", "clearframe-reply");
        ExchangeException e = importFails(json);
        assertEquals(Problem.MALFORMED, e.problem());
        assertTrue(e.getMessage().contains("not a Clearframe project file"), e.getMessage());
    }

    @Test
    void aNewerSchemaIsRefused() throws Exception {
        ObjectNode json = exported();
        json.put("schemaVersion", ProjectJson.SCHEMA_VERSION + 1);
        json.put("appVersion", "9.0.0");
        ExchangeException e = importFails(json);
        assertEquals(Problem.NEWER_SCHEMA, e.problem());
        assertTrue(e.getMessage().contains("newer Clearframe (9.0.0)") && e.getMessage().contains("version " + (ProjectJson.SCHEMA_VERSION + 1)), e.getMessage());
    }

    @Test
    void duplicateIdsAreRefused() throws Exception {
        ObjectNode json = exported();
        ArrayNode shots = (ArrayNode) json.get("shots");
        ((ObjectNode) shots.get(1)).put("id", shots.get(0).get("id").asText());
        ExchangeException e = importFails(json);
        assertEquals(Problem.DUPLICATE_ID, e.problem());
        assertTrue(e.getMessage().contains("shot id " + shots.get(0).get("id").asText()), e.getMessage());

        ObjectNode keys = exported();
        String text = JsonFiles.MAPPER.writeValueAsString(keys).replaceFirst("\"title\"", "\"title\":\"x\",\"title\"");
        assertEquals(Problem.MALFORMED, importFails(text).problem(), "a key given twice is refused too");
    }

    @Test
    void unknownReferencesAreRefused() throws Exception {
        ObjectNode json = exported();
        UUID stranger = UUID.randomUUID();
        ((ObjectNode) json.get("signOffs").get(0)).put("shotId", stranger.toString());
        ExchangeException e = importFails(json);
        assertEquals(Problem.UNKNOWN_ID, e.problem());
        assertTrue(e.getMessage().contains(stranger.toString()), e.getMessage());
    }

    @Test
    void consentDataIsCheckedLikeEveryOtherTable() throws Exception {
        // A swapped signed document is refused, not kept under the old fingerprint.
        ObjectNode swapped = exported();
        ObjectNode doc = ((ArrayNode) swapped.get("consentDocuments")).addObject();
        doc.put("id", UUID.randomUUID().toString());
        doc.put("fileName", "signed.pdf");
        doc.put("mediaType", "application/pdf");
        doc.put("sha256", "0".repeat(64));
        doc.put("attachedAt", "2026-11-01T10:00:00Z");
        doc.put("data", java.util.Base64.getEncoder().encodeToString("%PDF forged".getBytes()));
        ExchangeException e = importFails(swapped);
        assertEquals(Problem.INVALID, e.problem());
        assertTrue(e.getMessage().contains("does not match its sha256"), e.getMessage());
        // A consent naming a document the file does not carry, and a scan of nobody in the cast, are unknown references.
        ObjectNode missingDoc = exported();
        ((ObjectNode) missingDoc.get("consents").get(0)).put("documentId", UUID.randomUUID().toString());
        assertEquals(Problem.UNKNOWN_ID, importFails(missingDoc).problem());
        ObjectNode strayScan = exported();
        ((ObjectNode) strayScan.get("scans").get(0)).put("castId", UUID.randomUUID().toString());
        assertEquals(Problem.UNKNOWN_ID, importFails(strayScan).problem());
        ObjectNode badKind = exported();
        ((ObjectNode) badKind.get("consents").get(0)).put("kind", "ANYTHING_GOES");
        assertEquals(Problem.INVALID, importFails(badKind).problem());
        ObjectNode twice = exported();
        ArrayNode consents = (ArrayNode) twice.get("consents");
        ((ObjectNode) consents.get(1)).put("id", consents.get(0).get("id").asText());
        assertEquals(Problem.DUPLICATE_ID, importFails(twice).problem());
    }

    @Test
    void aSchema2FileWithoutConsentDataStillImports() throws Exception {
        ObjectNode older = exported();
        older.put("schemaVersion", 2);
        older.remove(List.of("scans", "consents", "consentDocuments"));
        for (var m : older.get("cast")) ((ObjectNode) m).remove(List.of("minor", "representation"));
        older.remove(List.of("signOffs", "signedReplies", "signOffProofs", "signOffsBeforeProofs"));
        Path in = dir.resolve("older.json");
        Files.writeString(in, JsonFiles.MAPPER.writeValueAsString(older));
        Path target = dir.resolve("older.clearframe");
        ProjectJson.importTo(in, target);
        ProductionData back = load(target);
        assertTrue(back.consents().isEmpty() && back.scans().isEmpty());
        assertEquals(org.clearframe.model.Representation.UNKNOWN, back.cast().get(0).representation());
        assertFalse(back.cast().get(0).minor());
    }

    @Test
    void badValuesAreNamedByTheirPlace() throws Exception {
        ObjectNode json = exported();
        ((ObjectNode) json.get("shots").get(0).get("aiUses").get(1)).put("technique", "TIME_TRAVEL");
        ExchangeException e = importFails(json);
        assertEquals(Problem.INVALID, e.problem());
        assertTrue(e.getMessage().contains("shots[0].aiUses[1].technique has an unknown value 'TIME_TRAVEL'"), e.getMessage());

        ObjectNode badId = exported();
        ((ObjectNode) badId.get("cast").get(0)).put("id", "not-a-uuid");
        assertTrue(importFails(badId).getMessage().contains("cast[0].id is not a valid id"));
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsRead() throws Exception {
        Path in = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(in.toFile(), "rw")) {
            f.setLength(ProjectJson.MAX_BYTES + 1);
        }
        ExchangeException e = assertThrows(ExchangeException.class, () -> ProjectJson.importTo(in, dir.resolve("out.clearframe")));
        assertEquals(Problem.TOO_LARGE, e.problem());
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out.clearframe")));
    }

    @Test
    void anExistingTargetIsNeverOverwritten() throws Exception {
        Path json = dir.resolve("p.json");
        ProjectJson.write(new ProjectJson.Contents(everyFieldPopulated(), java.util.Map.of()), json);
        Path target = dir.resolve("taken.clearframe");
        Files.writeString(target, "mine", StandardCharsets.UTF_8);
        ExchangeException e = assertThrows(ExchangeException.class, () -> ProjectJson.importTo(json, target));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("mine", Files.readString(target));
    }

    /** Table by table, so a failure names the table that differs. */
    private static void assertSameTables(ProductionData before, ProductionData after) {
        assertEquals(before.production(), after.production());
        assertEquals(before.departments(), after.departments());
        assertEquals(before.cast(), after.cast());
        assertEquals(before.scenes(), after.scenes());
        assertEquals(before.shots(), after.shots());
        assertEquals(before.signOffs(), after.signOffs());
        assertEquals(before.policyJson(), after.policyJson());
        assertEquals(before, after);
    }
}
