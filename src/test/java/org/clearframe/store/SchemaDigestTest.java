package org.clearframe.store;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The schema digests SchemaCheck takes as a shortcut are the digests of what the migrations make, and a schema that
 * differs by one entry does not match them.
 */
class SchemaDigestTest {

    @Test
    void theKnownDigestsAreThoseOfTheMigrations() throws Exception {
        Map<Integer, String> built = new TreeMap<>();
        for (int version : SchemaCheck.DIGESTS.keySet()) built.put(version, SchemaCheck.digest(SchemaCheck.expected(version)));
        assertEquals(new TreeMap<>(SchemaCheck.DIGESTS), built, "update SchemaCheck.DIGESTS to these values");
        assertEquals(Migrations.LATEST, built.keySet().stream().mapToInt(Integer::intValue).max().orElse(0), "the latest format has a digest");
    }

    @Test
    void oneMoreEntryChangesTheDigest() throws Exception {
        try (Connection c = ProductionFile.sqlite("jdbc:sqlite::memory:", new java.util.Properties())) {
            Migrations.migrate(c, 0, Migrations.LATEST);
            try (var s = c.createStatement()) {
                s.execute("CREATE TRIGGER sneaky AFTER INSERT ON shot BEGIN SELECT 1; END");
            }
            java.lang.reflect.Method read = SchemaCheck.class.getDeclaredMethod("read", Connection.class);
            read.setAccessible(true);
            @SuppressWarnings("unchecked") Map<String, SchemaCheck.Entry> schema = (Map<String, SchemaCheck.Entry>) read.invoke(null, c);
            assertNotEquals(SchemaCheck.DIGESTS.get(Migrations.LATEST), SchemaCheck.digest(schema));
        }
    }
}
