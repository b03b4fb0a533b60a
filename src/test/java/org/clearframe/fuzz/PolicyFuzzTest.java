package org.clearframe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.rules.Evaluator;
import org.clearframe.rules.Flag;
import org.clearframe.rules.Policy;
import org.clearframe.rules.PolicyException;
import org.clearframe.rules.Rule;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The policy reader on any bytes, through a real file as "Load policy" reads it. Only {@link PolicyException}
 * may escape. A policy it accepts has rules with distinct ids and can be evaluated against a production
 * without error, every flag naming one of its rules.
 */
class PolicyFuzzTest {

    private static final ProductionData PRODUCTION = FuzzFiles.production();

    @FuzzTest(maxDuration = "3m")
    void policy(byte[] input) {
        Path file = FuzzFiles.write("studio-policy.json", input);
        Policy policy;
        try {
            policy = Policy.read(file);
        } catch (PolicyException e) {
            FuzzFiles.assertExplained(e);
            return;
        }
        Set<String> ids = new HashSet<>();
        for (Rule r : policy.rules()) {
            if (!ids.add(r.id())) throw new AssertionError("two rules with id " + r.id());
        }
        for (Shot shot : PRODUCTION.shots()) {
            List<Flag> flags = Evaluator.evaluate(policy, PRODUCTION, shot);
            for (Flag f : flags) {
                // The policy's own rules, or the performer checks every policy carries.
                if (policy.rule(f.rule().id()).isEmpty()) throw new AssertionError("flag for a rule the policy lacks: " + f.rule().id());
            }
        }
    }
}
