package org.clearframe.rules;

import org.clearframe.model.Role;

import java.util.List;

/**
 * One rule of a policy: when it applies ({@code when}), who must sign, how serious it is, and on what
 * authority. {@code id} is stable across policy versions so sign-offs can refer to it.
 */
public record Rule(String id, String title, String explanation, Trigger when, List<Role> mustSign, Severity severity,
                   List<Source> sources) {

    public Rule {
        mustSign = List.copyOf(mustSign);
        sources = List.copyOf(sources);
    }
}
