package org.clearframe.rules;

/**
 * The studio policy stored in a production cannot be used. Unchecked on purpose: anything that evaluates flags
 * asks {@link Policies#choose} and must stop here, not fall back to another policy; the command line turns it
 * into exit 2 and the app into a banner. The cause holds the policy's own error (source, rule id, field).
 */
public final class PolicyUnreadable extends RuntimeException {

    private final PolicyException policyError;

    public PolicyUnreadable(PolicyException policyError) {
        super("The studio policy stored in this production cannot be used, so its flags cannot be evaluated: "
                + policyError.getMessage() + ". Load a corrected policy (Production > Load Studio Policy) or go back "
                + "to the built-in one (Production > Use the Default Policy).", policyError);
        this.policyError = policyError;
    }

    /** The parser's error, naming the rule and field. */
    public PolicyException policyError() {
        return policyError;
    }
}
