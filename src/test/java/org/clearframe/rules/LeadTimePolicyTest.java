package org.clearframe.rules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The optional {@code leadTime} of a policy rule: read when given, refused when wrong, absent in older policies. */
class LeadTimePolicyTest {

    private static String policy(String leadTime) {
        return """
                {"name": "Studio", "version": "1", "schemaVersion": 2,
                 "sources": {"H": {"document": "House rules 2027", "checked": "HOUSE_RULE"}},
                 "rules": [{"id": "SCAN", "title": "Scan", "explanation": "A scan needs notice.", "when": {"technique": ["DIGITAL_REPLICA"]},
                            "mustSign": ["PERFORMER"], "severity": "BLOCKING", "sources": ["H"]%s}]}
                """.formatted(leadTime == null ? "" : ", \"leadTime\": " + leadTime);
    }

    @Test
    void aRuleMayGiveItsLeadTimeInWorkingDaysOrHours() throws Exception {
        assertEquals(LeadTime.hours(48), Policy.parse(policy("{\"hours\": 48}"), "p.json").rules().get(0).leadTime());
        assertEquals(LeadTime.workingDays(3), Policy.parse(policy("{\"workingDays\": 3}"), "p.json").rules().get(0).leadTime());
        assertNull(Policy.parse(policy(null), "p.json").rules().get(0).leadTime(), "older policies read unchanged");
        assertNull(Policy.defaultPolicy().rules().get(0).leadTime());
    }

    @Test
    void aWrongLeadTimeIsRefusedByName() {
        for (String bad : new String[] {"{}", "{\"hours\": 48, \"workingDays\": 2}", "{\"hours\": 0}", "{\"workingDays\": -1}",
                "{\"workingDays\": 2.5}", "{\"workingDays\": \"5\"}", "{\"days\": 5}", "5", "{\"hours\": 100000}"}) {
            PolicyException e = assertThrows(PolicyException.class, () -> Policy.parse(policy(bad), "p.json"), bad);
            assertTrue(e.getMessage().contains("leadTime") || e.getMessage().contains("days"), bad + ": " + e.getMessage());
        }
    }
}
