package org.clearframe.ui;

import org.clearframe.model.Production;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.store.StoreException;

/** Edits of the production's details and of the policy it is planned under; either may change every shot's flags. */
final class ProductionEditor {

    private final SessionState state;

    ProductionEditor(SessionState state) {
        this.state = state;
    }

    void updateProduction(Production next) throws StoreException {
        Production before = state.production.get();
        if (before.equals(next)) return;
        writeProduction(next);
        state.record("Edit production details", () -> writeProduction(before), () -> writeProduction(next));
    }

    private void writeProduction(Production p) throws StoreException {
        boolean genreChanged = state.production.get() != null && state.production.get().genre() != p.genre();
        state.store.updateProduction(p);
        state.production.set(p);
        if (genreChanged) state.flags.everyShotChanged();
    }

    /** Puts a studio policy in force ({@code json} null for the built-in default); every flag is re-evaluated. */
    void setPolicy(String source, String json) throws StoreException {
        state.store.setPolicy(source, json);
        state.policyJson = json == null ? "" : json;
        state.flags.policyChanged();
    }

    /**
     * Moves the production to a newer built-in policy, as one undoable step: undo puts back exactly the policy text
     * it was under (none, for a production from before policies were versioned). Sign-offs are untouched.
     */
    void upgradePolicy(BuiltInPolicies.BuiltIn target) throws StoreException {
        String before = state.policyJson;
        String after = target.json();
        if (before.equals(after)) return;
        setPolicy(BuiltInPolicies.SOURCE, after);
        state.record("Upgrade policy to " + target.version(),
                () -> setPolicy(before.isBlank() ? null : BuiltInPolicies.SOURCE, before.isBlank() ? null : before),
                () -> setPolicy(BuiltInPolicies.SOURCE, after));
    }
}
