package org.clearframe.ui;

import org.clearframe.testkit.ProductionBuilder;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.store.ProductionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Production > Policy's upgrade goes through the window's Session: written to the file, one undoable step. */
class PolicyUpgradeSessionTest {

    @TempDir Path dir;

    @Test
    void upgradingIsOneUndoableStep_andTheFileRecordsTheVersion() throws Exception {
        Path file = dir.resolve("old.clearframe");
        ProductionBuilder.titled("Old").write(file);
        try (ProductionStore store = ProductionStore.open(file); Session session = new Session(store, org.clearframe.exchange.SignedRecord.load(store))) {
            assertEquals("2026.11", session.policy().version());

            session.upgradePolicy(BuiltInPolicies.latest());
            assertEquals("2026.12", session.policy().version());
            assertEquals("Upgrade policy to 2026.12", session.undoNameProperty().get());
            assertEquals(BuiltInPolicies.latest().json(), store.policyJson().orElseThrow(), "written to the file");

            session.undo();
            assertEquals("2026.11", session.policy().version());
            assertTrue(store.policyJson().isEmpty(), "back to exactly what the file held: no stored policy");

            session.redo();
            assertEquals("2026.12", session.policy().version());
        }
        try (ProductionStore reopened = ProductionStore.openReadOnly(file)) {
            assertTrue(reopened.policyJson().isPresent(), "the upgrade survives closing the production");
        }
    }
}
