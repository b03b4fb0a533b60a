package org.clearframe.rules;

import org.clearframe.model.Genre;
import org.clearframe.model.ProductionData;
import org.junit.jupiter.api.Test;

import java.util.List;

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
        assertFalse(in.fellBack());
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
    void aStoredPolicyThatNoLongerReadsFallsBackToTheDefaultAndSaysWhy() {
        Policies.InForce in = Policies.choose(withPolicy("{\"name\": \"Broken\", "));
        assertSame(Policy.defaultPolicy(), in.policy());
        assertFalse(in.stored());
        assertTrue(in.fellBack());
        assertTrue(in.problem().contains("syntax error"), in.problem());
        assertEquals(List.copyOf(Policy.defaultPolicy().rules()), Policies.inForce(withPolicy("nonsense")).rules());
    }
}
