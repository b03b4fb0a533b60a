package org.clearframe.rules;

import java.util.List;

/**
 * A named, versioned set of rules. TO BE COMPLETED by the rules implementation: parsing from JSON, the
 * built-in default policy, validation.
 */
public record Policy(String name, String version, List<Rule> rules) {
    public Policy {
        rules = List.copyOf(rules);
    }
}
