package org.clearframe.rules;

import org.clearframe.model.Role;
import org.clearframe.model.Technique;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A policy file with a mistake is refused with a message naming the file, the rule and the field. */
class PolicyParseTest {

    /** A valid two-rule policy; tests break it in one place each. */
    private static final String GOOD = """
            {
              "name": "Northlight studio policy",
              "version": "3",
              "schemaVersion": 1,
              "sources": {
                "HOUSE": {"document": "Northlight AI guidelines 2026", "url": "https://example.org/ai"},
                "SAG": {"document": "SAG-AFTRA 2023 TV/Theatrical Agreement"}
              },
              "rules": [
                {
                  "id": "HOUSE-DEAGE",
                  "title": "De-aging",
                  "explanation": "The performer and legal sign.",
                  "when": {"technique": ["DE_AGING"], "performerAffected": true},
                  "mustSign": ["PERFORMER", "STUDIO_LEGAL"],
                  "severity": "BLOCKING",
                  "sources": ["HOUSE", "SAG"]
                },
                {
                  "id": "HOUSE-FINAL",
                  "title": "Anything final",
                  "explanation": "Post records provenance.",
                  "when": {"output": "FINAL"},
                  "mustSign": ["POST_SUPERVISOR"],
                  "severity": "ADVISORY",
                  "sources": ["HOUSE"]
                }
              ]
            }
            """;

    private static PolicyException refused(String json) {
        return assertThrows(PolicyException.class, () -> Policy.parse(json, "northlight.json"));
    }

    private static void assertNames(PolicyException e, String ruleId, String field) {
        assertEquals("northlight.json", e.source());
        assertEquals(ruleId, e.ruleId(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith("northlight.json: "), e.getMessage());
        if (ruleId != null) assertTrue(e.getMessage().contains("rule " + ruleId), e.getMessage());
        if (field != null) assertTrue(e.getMessage().contains("field " + field), e.getMessage());
    }

    @Test
    void aGoodPolicyReadsWhole() throws Exception {
        Policy p = Policy.parse(GOOD, "northlight.json");
        assertEquals("Northlight studio policy", p.name());
        assertEquals("3", p.version());
        assertEquals(1, p.schemaVersion());
        Rule deage = p.rules().get(0);
        assertEquals("HOUSE-DEAGE", deage.id());
        assertEquals(List.of(Technique.DE_AGING), deage.when().technique());
        assertEquals(Boolean.TRUE, deage.when().performerAffected());
        assertNull(deage.when().output());
        assertEquals(List.of(Role.PERFORMER, Role.STUDIO_LEGAL), deage.mustSign());
        assertEquals(List.of(new Source("HOUSE", "Northlight AI guidelines 2026", "https://example.org/ai"),
                new Source("SAG", "SAG-AFTRA 2023 TV/Theatrical Agreement", "")), deage.sources());
        assertEquals(Severity.ADVISORY, p.rules().get(1).severity());
    }

    @Test
    void aSyntaxErrorNamesTheRuleTheFieldAndThePosition() {
        String broken = GOOD.replace("\"severity\": \"ADVISORY\",", "\"severity\": \"ADVISORY\"");
        PolicyException e = refused(broken);
        assertNames(e, "HOUSE-FINAL", "severity");
        assertTrue(e.problem().startsWith("syntax error"), e.getMessage());
        int line = broken.substring(0, broken.indexOf("\"sources\": [\"HOUSE\"]")).split("\n", -1).length;
        assertEquals(line, e.line(), "the parser stops at the token after the missing comma: " + e.getMessage());
        assertEquals(7, e.column());
        assertTrue(e.getMessage().endsWith("(line " + line + ", column 7)"), e.getMessage());
    }

    @Test
    void aSyntaxErrorBeforeTheRuleIdStillNamesTheRuleByPosition() {
        String broken = GOOD.replace("\"id\": \"HOUSE-FINAL\",\n      \"title\": \"Anything final\",", "\"title\": \"Anything final\" \"id\": \"HOUSE-FINAL\",");
        PolicyException e = refused(broken);
        assertNames(e, "#2", "title");
        assertTrue(e.getMessage().contains("rule #2 (no id)"), e.getMessage());
    }

    @Test
    void anUnknownFieldIsRefused() {
        PolicyException e = refused(GOOD.replace("\"performerAffected\": true", "\"performerAffected\": true, \"colour\": \"red\""));
        assertNames(e, "HOUSE-DEAGE", "when.colour");
        assertTrue(e.problem().contains("unknown field \"colour\""), e.getMessage());
        assertTrue(e.problem().contains("performerDeceased"), "lists the known fields: " + e.getMessage());
        assertTrue(e.line() > 0);
    }

    @Test
    void anUnknownFieldAtTheTopIsRefused() {
        PolicyException e = refused(GOOD.replace("\"version\": \"3\",", "\"version\": \"3\", \"author\": \"Ada\","));
        assertNames(e, null, "author");
    }

    @Test
    void anUnknownTechniqueIsRefused() {
        PolicyException e = refused(GOOD.replace("[\"DE_AGING\"]", "[\"DE_AGEING\"]"));
        assertNames(e, "HOUSE-DEAGE", "when.technique");
        assertTrue(e.problem().startsWith("unknown technique \"DE_AGEING\""), e.getMessage());
        assertTrue(e.problem().contains("DE_AGING"), "suggests the known names");
    }

    @Test
    void anUnknownRoleIsRefused() {
        PolicyException e = refused(GOOD.replace("[\"POST_SUPERVISOR\"]", "[\"POST_SUPERVISOR\", \"PRODUCER\"]"));
        assertNames(e, "HOUSE-FINAL", "mustSign");
        assertTrue(e.problem().startsWith("unknown role \"PRODUCER\""), e.getMessage());
    }

    @Test
    void unknownFactorMaterialAndSeverityNamesAreRefused() {
        assertTrue(refused(GOOD.replace("\"performerAffected\": true", "\"factors\": [\"FAMOUS\"]")).problem().startsWith("unknown factor \"FAMOUS\""));
        assertTrue(refused(GOOD.replace("\"performerAffected\": true", "\"uploads\": [\"DAILIES\"]")).problem().startsWith("unknown material \"DAILIES\""));
        PolicyException e = refused(GOOD.replace("\"BLOCKING\"", "\"blocking\""));
        assertNames(e, "HOUSE-DEAGE", "severity");
    }

    @Test
    void aDuplicateRuleIdIsRefused() {
        PolicyException e = refused(GOOD.replace("\"HOUSE-FINAL\"", "\"HOUSE-DEAGE\""));
        assertNames(e, "HOUSE-DEAGE", "id");
        assertTrue(e.problem().contains("duplicate"), e.getMessage());
        assertTrue(e.problem().contains("#1") && e.problem().contains("#2"), e.getMessage());
    }

    @Test
    void missingRequiredFieldsAreRefused() {
        assertNames(refused(GOOD.replace("\"title\": \"De-aging\",", "")), "HOUSE-DEAGE", "title");
        assertNames(refused(GOOD.replace("\"mustSign\": [\"POST_SUPERVISOR\"],", "")), "HOUSE-FINAL", "mustSign");
        assertNames(refused(GOOD.replace("\"when\": {\"output\": \"FINAL\"},", "")), "HOUSE-FINAL", "when");
        assertNames(refused(GOOD.replace("\"severity\": \"ADVISORY\",", "")), "HOUSE-FINAL", "severity");
        assertNames(refused(GOOD.replace("\"id\": \"HOUSE-FINAL\",", "")), "#2", "id");
        assertNames(refused(GOOD.replace("\"name\": \"Northlight studio policy\",", "")), null, "name");
        assertNames(refused(GOOD.replace("\"schemaVersion\": 1,", "")), null, "schemaVersion");
    }

    @Test
    void citingAnUndeclaredSourceIsRefused() {
        PolicyException e = refused(GOOD.replace("[\"HOUSE\", \"SAG\"]", "[\"HOUSE\", \"WGA\"]"));
        assertNames(e, "HOUSE-DEAGE", "sources");
        assertTrue(e.problem().contains("unknown source \"WGA\""), e.getMessage());
    }

    @Test
    void aWrongKindOfValueIsRefused() {
        PolicyException e = refused(GOOD.replace("\"performerAffected\": true", "\"performerAffected\": {\"yes\": 1}"));
        assertNames(e, "HOUSE-DEAGE", "when.performerAffected");
        assertTrue(e.problem().contains("true or false"), e.getMessage());
    }

    @Test
    void anEmptyListOrAContradictionIsRefused() {
        assertNames(refused(GOOD.replace("[\"DE_AGING\"]", "[]")), "HOUSE-DEAGE", "when.technique");
        PolicyException e = refused(GOOD.replace("\"performerAffected\": true", "\"factors\": [\"KEY_CREATIVE\"], \"notFactors\": [\"KEY_CREATIVE\"]"));
        assertNames(e, "HOUSE-DEAGE", "when.notFactors");
    }

    @Test
    void aPolicyForANewerClearframeIsRefusedAsSuch() {
        PolicyException e = refused(GOOD.replace("\"schemaVersion\": 1,", "\"schemaVersion\": " + (Policy.SCHEMA_VERSION + 1) + ", \"priority\": 5,"));
        assertNames(e, null, "schemaVersion");
        assertTrue(e.problem().contains("newer Clearframe"), e.getMessage());
    }

    @Test
    void somethingThatIsNotAPolicyIsRefused() {
        assertTrue(refused("").problem().contains("empty"));
        assertTrue(refused("[1, 2]").problem().contains("one JSON object"));
        assertTrue(refused(GOOD + "{}").problem().contains("after the policy's closing }"));
    }

    @Test
    void readingAFileUsesItsNameInMessages(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("studio-policy.json");
        Files.writeString(file, GOOD);
        assertEquals("Northlight studio policy", Policy.read(file).name());
        Files.writeString(file, GOOD.replace("[\"DE_AGING\"]", "[\"DE_AGEING\"]"));
        PolicyException e = assertThrows(PolicyException.class, () -> Policy.read(file));
        assertTrue(e.getMessage().startsWith("studio-policy.json: rule HOUSE-DEAGE, field when.technique: unknown technique"), e.getMessage());
        PolicyException missing = assertThrows(PolicyException.class, () -> Policy.read(dir.resolve("nope.json")));
        assertTrue(missing.getMessage().startsWith("nope.json: cannot be read"), missing.getMessage());
    }

    @Test
    void theDefaultPolicyTextReadsBackToTheDefaultPolicy() throws Exception {
        assertEquals(Policy.defaultPolicy(), Policy.parse(Policy.defaultPolicyJson(), "copy.json"));
    }
}
