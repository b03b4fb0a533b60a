package org.clearframe.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.model.ProductionData;
import org.clearframe.tools.SampleProduction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.clearframe.exchange.ExchangeException.Problem;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Share packages written by Clearframe 0.1 (before the package was split into record, builder and JSON mapping)
 * still verify and read the same, and the reader refuses broken content with a named reason, never another exception.
 * The golden files in src/test/resources/org/clearframe/exchange/golden were written by commit 724102a from
 * {@link SampleProduction}.
 */
class SharePackageFormatTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> GOLDEN = List.of("vfx-0.1.cfshare", "performer-0.1.cfshare", "costume-all-0.1.cfshare");

    @TempDir Path dir;

    private static Path golden(String name) throws Exception {
        return Path.of(SharePackageFormatTest.class.getResource("golden/" + name).toURI());
    }

    @Test
    void aSealedPackageWrittenBeforeTheSplitVerifiesAndWritesBackByteForByte() throws Exception {
        for (String name : GOLDEN) {
            SharePackage pkg = SharePackage.read(golden(name));
            assertTrue(pkg.sealed(), name);
            assertEquals(2, pkg.schemaVersion());
            Path again = dir.resolve(name);
            pkg.write(again);
            assertArrayEquals(Files.readAllBytes(golden(name)), Files.readAllBytes(again), name + " is written back byte for byte");
            assertEquals(pkg, SharePackage.read(again), name + " written back still verifies and reads the same");
        }
    }

    @Test
    void theBuilderMakesTheSamePackageAsBeforeTheSplit() throws Exception {
        ProductionData data = SampleProduction.build();
        Map<String, SharePackage> now = Map.of(
                "vfx-0.1.cfshare", SharePackageBuilder.build(data, SharePackageBuilder.forDepartment(data, "VFX")),
                "performer-0.1.cfshare", SharePackageBuilder.build(data, SharePackageBuilder.forPerformer(data, "Zoë Niño", "Ana Ruiz", Capacity.AGENT)),
                "costume-all-0.1.cfshare", SharePackageBuilder.build(data, SharePackageBuilder.forDepartment(data, "Costume").withAllShots(true)));
        for (String name : GOLDEN) {
            ObjectNode before = (ObjectNode) MAPPER.readTree(golden(name).toFile());
            ObjectNode after = SharePackageJson.toJson(now.get(name));
            for (ObjectNode o : List.of(before, after)) o.remove(List.of("packageId", "createdAt", "seal", "appVersion"));
            assertEquals(before, after, name);
        }
    }

    @Test
    void anUnsealedCopyOfASealedPackageIsRefused() throws Exception {
        ObjectNode json = read("vfx-0.1.cfshare");
        json.remove("seal");
        assertRefused(json, Problem.UNSIGNED, "not signed by the producer");
    }

    @Test
    void everyChangeToASealedPackageBreaksItsSeal() throws Exception {
        for (Consumer<ObjectNode> change : mutations()) {
            ObjectNode json = read("vfx-0.1.cfshare");
            change.accept(json);
            ExchangeException e = refused(json);
            assertTrue(e.problem() == Problem.BAD_SIGNATURE || e.problem() == Problem.INVALID || e.problem() == Problem.UNSIGNED,
                    e.problem() + ": " + e.getMessage());
        }
    }

    /** Format 1 packages carry no seal: their content alone is checked, field by field. */
    @Test
    void anUnsignedFormat1PackageIsCheckedFieldByField() throws Exception {
        ObjectNode base = unsigned("vfx-0.1.cfshare");
        assertEquals(1, SharePackageJson.fromJson(base.deepCopy(), "old.cfshare").schemaVersion(), "the old format still reads");

        assertRefused(with(base, j -> j.remove("audience")), Problem.INVALID, "audience");
        assertRefused(with(base, j -> j.putNull("audience")), Problem.INVALID, "audience");
        assertRefused(with(base, j -> j.put("audience", "VFX")), Problem.INVALID, "audience");
        assertRefused(with(base, j -> ((ObjectNode) j.get("audience")).putArray("roles")), Problem.INVALID, "roles");
        assertRefused(with(base, j -> ((ObjectNode) j.get("audience")).putNull("roles").put("department", "VFX")), Problem.INVALID, "roles");
        assertRefused(with(base, j -> ((ObjectNode) j.get("audience")).putObject("representative").put("name", "Ana").put("capacity", "AGENT")),
                Problem.INVALID, "names no performer");
        assertRefused(with(base, j -> j.remove("production")), Problem.INVALID, "production");
        assertRefused(with(base, j -> j.remove("policy")), Problem.INVALID, "policy");
        assertRefused(with(base, j -> j.putNull("packageId")), Problem.INVALID, "packageId");
        assertRefused(with(base, j -> j.put("packageId", 7)), Problem.INVALID, "packageId");
        assertRefused(with(base, j -> j.put("createdAt", "yesterday")), Problem.INVALID, "createdAt");
        assertRefused(with(base, j -> j.put("shots", "all")), Problem.INVALID, "shots");
        assertRefused(with(base, j -> shot(j).putNull("id")), Problem.INVALID, "id");
        assertRefused(with(base, j -> shot(j).remove("sceneId")), Problem.INVALID, "sceneId");
        assertRefused(with(base, j -> shot(j).put("durationSeconds", -1)), Problem.INVALID, "durationSeconds");
        assertRefused(with(base, j -> shot(j).put("durationSeconds", "long")), Problem.INVALID, "durationSeconds");
        assertRefused(with(base, j -> shot(j).remove("fingerprint")), Problem.INVALID, "fingerprint");
        assertRefused(with(base, j -> shot(j).put("description", shot(j).get("description").asText() + "!")), Problem.INVALID, "fingerprint");
        assertRefused(with(base, j -> ((ArrayNode) shot(j).get("aiUses")).add(7)), Problem.INVALID, "aiUses");
        assertRefused(with(base, j -> scene(j).put("eighths", -8)), Problem.INVALID, "eighths");
        assertRefused(with(base, j -> scene(j).putNull("intExt")), Problem.INVALID, "intExt");
        assertRefused(with(base, j -> flag(j).put("ruleId", "")), Problem.INVALID, "ruleId");
        assertRefused(with(base, j -> flag(j).put("ruleId", "NO-SUCH-RULE")), Problem.UNKNOWN_ID, "NO-SUCH-RULE");
        assertRefused(with(base, j -> flag(j).put("shotId", "00000000-0000-0000-0000-000000000000")), Problem.UNKNOWN_ID, "a flag is for shot");
        assertRefused(with(base, j -> flag(j).put("aiUseId", "00000000-0000-0000-0000-000000000000")), Problem.UNKNOWN_ID, "AI use");
        assertRefused(with(base, j -> need(j).put("role", "DIRECTOR")), Problem.INVALID, "not for");
        assertRefused(with(base, j -> need(j).putNull("state")), Problem.INVALID, "state");
        assertRefused(with(base, j -> need(j).put("subjectId", "00000000-0000-0000-0000-0000000000aa")), Problem.INVALID, "per performer");
        assertRefused(with(base, j -> ((ObjectNode) j.withArray("rules").get(0)).put("severity", "MILD")), Problem.INVALID, "severity");
        assertRefused(with(base, j -> ((ObjectNode) j.withArray("rules").get(0)).putNull("id")), Problem.INVALID, "id");
    }

    @Test
    void aRepeatedIdInAnyTableIsRefused() throws Exception {
        ObjectNode base = unsigned("costume-all-0.1.cfshare");
        for (String table : List.of("scenes", "shots", "departments", "cast", "rules")) {
            ArrayNode rows = base.withArray(table);
            assertFalse(rows.isEmpty(), table + " has rows to repeat");
            ObjectNode twice = with(base, j -> j.withArray(table).add(j.withArray(table).get(0).deepCopy()));
            assertRefused(twice, Problem.DUPLICATE_ID, "appears more than once");
        }
        ObjectNode sameUseTwice = with(base, j -> {
            ArrayNode shots = j.withArray("shots");
            JsonNode use = null;
            for (JsonNode s : shots) if (!s.get("aiUses").isEmpty()) use = s.get("aiUses").get(0);
            for (JsonNode s : shots) if (s.get("aiUses").isEmpty()) ((ArrayNode) s.get("aiUses")).add(use.deepCopy());
        });
        assertRefused(sameUseTwice, Problem.DUPLICATE_ID, "AI use");
    }

    @Test
    void aPerformersPackageAsksOnlyForThatPerformerUnderTheCastListsName() throws Exception {
        ObjectNode base = unsigned("performer-0.1.cfshare");
        SharePackageJson.fromJson(base.deepCopy(), "p.cfshare");
        assertRefused(with(base, j -> ((ObjectNode) j.get("audience").get("performer")).put("name", "Someone Else")),
                Problem.INVALID, "not in its cast list");
        assertRefused(with(base, j -> ((ObjectNode) j.get("audience").get("representative")).put("capacity", "SELF")),
                Problem.INVALID, "not a representative");
        assertRefused(with(base, j -> ((ObjectNode) j.get("audience").get("representative")).put("name", "Ana\u202ERuiz")),
                Problem.INVALID, "bidirectional");
        assertRefused(with(base, j -> ((ObjectNode) j.get("audience").get("performer")).putNull("id")), Problem.INVALID, "id");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static List<Consumer<ObjectNode>> mutations() {
        List<Consumer<ObjectNode>> m = new ArrayList<>();
        m.add(j -> ((ObjectNode) j.get("audience")).put("department", "Legal"));
        m.add(j -> ((ArrayNode) j.get("audience").get("roles")).add("STUDIO_LEGAL"));
        m.add(j -> j.put("createdAt", "2020-01-01T00:00:00Z"));
        m.add(j -> shot(j).put("notes", "changed"));
        m.add(j -> need(j).put("state", "APPROVED"));
        m.add(j -> j.withArray("flags").removeAll());
        return m;
    }

    private ObjectNode read(String name) throws Exception {
        return (ObjectNode) MAPPER.readTree(golden(name).toFile());
    }

    /** The golden package as format 1 wrote it: no seal. */
    private ObjectNode unsigned(String name) throws Exception {
        ObjectNode json = read(name);
        json.remove("seal");
        json.put("schemaVersion", 1);
        return json;
    }

    private static ObjectNode with(ObjectNode base, Consumer<ObjectNode> change) {
        ObjectNode copy = base.deepCopy();
        change.accept(copy);
        return copy;
    }

    private static ObjectNode shot(ObjectNode j) {
        for (JsonNode s : j.withArray("shots")) if (!s.get("aiUses").isEmpty()) return (ObjectNode) s;
        throw new AssertionError("no shot with AI use");
    }

    private static ObjectNode scene(ObjectNode j) {
        return (ObjectNode) j.withArray("scenes").get(0);
    }

    private static ObjectNode flag(ObjectNode j) {
        return (ObjectNode) j.withArray("flags").get(0);
    }

    private static ObjectNode need(ObjectNode j) {
        return (ObjectNode) flag(j).withArray("signatures").get(0);
    }

    private ExchangeException refused(ObjectNode json) throws Exception {
        // through the file reader, as sign and the Review window read a package
        Path file = dir.resolve("p" + System.nanoTime() + SharePackage.EXTENSION);
        Files.write(file, MAPPER.writeValueAsBytes(json));
        return assertThrows(ExchangeException.class, () -> SharePackage.read(file), json.toString());
    }

    private void assertRefused(ObjectNode json, Problem problem, String says) throws Exception {
        ExchangeException e = refused(json);
        assertEquals(problem, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(says), "\"" + says + "\" in: " + e.getMessage());
    }
}
