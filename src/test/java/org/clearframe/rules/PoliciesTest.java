package org.clearframe.rules;

import org.clearframe.model.Genre;
import org.clearframe.model.ProductionData;
import org.junit.jupiter.api.Test;

import static org.clearframe.rules.Fixture.production;
import static org.junit.jupiter.api.Assertions.*;

class PoliciesTest {

    private static ProductionData withPolicy(String json) {
        ProductionData d = production(Genre.FICTION);
        return new ProductionData(d.production(), d.departments(), d.cast(), d.scenes(), d.shots(), d.signOffs(), json);
    }

    @Test
    void noStoredPolicyMeansTheBuiltInPolicyOfItsTime() {
        // A file with no stored policy was planned before productions recorded their version: 2026.11.
        Policies.InForce in = Policies.choose(withPolicy(""));
        assertEquals("2026.11", in.policy().version());
        assertNotEquals(Policy.defaultPolicy(), in.policy());
        assertFalse(in.stored());
    }

    @Test
    void aStoredPolicyApplies() throws Exception {
        String json = Policy.defaultPolicyJson().replace("\"Clearframe default policy\"", "\"Northlight policy\"");
        Policies.InForce in = Policies.choose(withPolicy(json));
        assertEquals("Northlight policy", in.policy().name());
        assertTrue(in.stored());
        assertSame(in.policy(), Policies.inForce(withPolicy(json)), "the same stored text is parsed once");
    }

    @Test
    void aStoredPolicyThatNoLongerReadsFailsClosedAndSaysWhy() {
        String misspelt = Policy.defaultPolicyJson().replaceFirst("\"severity\": \"BLOCKING\"", "\"severity\": \"BLOKING\"");
        assertNotEquals(Policy.defaultPolicyJson(), misspelt, "the default policy has a blocking rule to misspell");
        PolicyUnreadable e = assertThrows(PolicyUnreadable.class, () -> Policies.choose(withPolicy(misspelt)));
        assertTrue(e.getMessage().contains("BLOKING"), e.getMessage());
        assertNotNull(e.policyError().ruleId(), "the error names the rule");
        assertTrue(e.policyError().field().contains("severity"), e.policyError().field());
        // asked again (the answer is cached), it still refuses rather than returning the default
        assertThrows(PolicyUnreadable.class, () -> Policies.inForce(withPolicy(misspelt)));
        assertThrows(PolicyUnreadable.class, () -> Policies.inForce(withPolicy("nonsense")));
        assertNotNull(Policies.problem(withPolicy("{\"name\": \"Broken\", ")));
        assertNull(Policies.problem(withPolicy("")));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\"BLOKING\"", "\"\"", "null", "1", "[\"BLOCKING\"]", "true"})
    void noMisspeltOrEmptySeverityIsTakenForAnything(String severity) {
        String json = Policy.defaultPolicyJson().replaceFirst("\"severity\": \"BLOCKING\"", "\"severity\": " + java.util.regex.Matcher.quoteReplacement(severity));
        PolicyUnreadable e = assertThrows(PolicyUnreadable.class, () -> Policies.choose(withPolicy(json)), severity);
        assertEquals("severity", e.policyError().field(), e.getMessage());
    }
}
