package org.clearframe.rules;

import org.clearframe.model.Role;

import java.util.List;

/**
 * One rule of a policy: when it applies ({@code when}), who must sign, how serious it is, and on what
 * authority. {@code id} is stable across policy versions so sign-offs can refer to it. {@code leadTime} is how long
 * before the shoot day its signatures are due, or null when the policy does not say ({@link LeadTime#of}).
 */
public record Rule(String id, String title, String explanation, Trigger when, List<Role> mustSign, Severity severity,
                   List<Source> sources, LeadTime leadTime) {

    public Rule {
        mustSign = List.copyOf(mustSign);
        sources = List.copyOf(sources);
    }

    /** A rule that gives no lead time of its own. */
    public Rule(String id, String title, String explanation, Trigger when, List<Role> mustSign, Severity severity,
                List<Source> sources) {
        this(id, title, explanation, when, mustSign, severity, sources, null);
    }
}
