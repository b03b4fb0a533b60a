package org.clearframe.store;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Versions are the numbers in the scripts' names; a number with no script here is a step that only moves the version on. */
class MigrationStepsTest {

    @Test
    void theLatestVersionIsTheHighestScriptNumberAndEveryStepIsReached() throws Exception {
        assertEquals(Migrations.SCRIPTS.stream().mapToInt(Migrations::versionOf).max().orElseThrow(), Migrations.LATEST);
        assertEquals(10, Migrations.versionOf("V10__attestation_checkpoints.sql"));
        try (Connection c = ProductionFile.sqlite("jdbc:sqlite::memory:", new Properties())) {
            Migrations.migrate(c, 0, 8);
            assertEquals(8, version(c));
            Migrations.migrate(c, 8, Migrations.LATEST);
            assertEquals(Migrations.LATEST, version(c));
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'attestation_checkpoint'")) {
                assertTrue(r.next() && r.getInt(1) == 1, "version 10's table is there, whatever came between");
            }
        }
    }

    private static int version(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.getInt(1);
        }
    }
}
