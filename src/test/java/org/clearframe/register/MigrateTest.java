package org.clearframe.register;

import org.clearframe.cli.Console;
import org.clearframe.model.Tristate;
import org.clearframe.testkit.RegisterProductions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;

import static org.clearframe.register.RegisterAcceptanceTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's set-up, as written: an administrator role that is not a superuser migrates; its producers publish. */
class MigrateTest {

    @TempDir Path dir;

    @Test
    void theReadmesSetUpWorksWithoutASuperuser() throws Exception {
        TestRegister.fresh(); // starts the server (and makes sure the group roles exist, as an earlier register would)
        String tag = "m" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
        String admin = "clearframe_admin_" + tag, db = "clearframe_register_" + tag, producer = "alice_" + tag;
        try (Connection c = TestRegister.admin("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + admin + " LOGIN CREATEROLE");
            s.execute("CREATE DATABASE " + db + " OWNER " + admin);
            s.execute("CREATE ROLE " + producer + " LOGIN IN ROLE clearframe_producer");
        }
        String base = "postgresql://%s@localhost:" + TestRegister.server().getPort() + "/" + db;
        String saved = System.getProperty("clearframe.config");
        try {
            Console c = Console.as(dir.resolve("admin"), "register", "migrate", "--register", base.formatted(admin));
            assertEquals(0, c.code(), c.both());
            assertTrue(c.out().contains("schema version 1"), c.both());
            c = Console.as(dir.resolve("admin"), "register", "migrate", "--register", base.formatted(admin));
            assertTrue(c.out().contains("up to date"), c.both());
            Path file = RegisterProductions.write(dir.resolve("a.clearframe"),
                    RegisterProductions.of("Tidewater", LocalDate.now(), "Mara Lind", "CloudGen", Tristate.NO));
            c = Console.as(dir.resolve("alice"), "publish", file.toString(), "--register", base.formatted(producer));
            assertEquals(0, c.code(), c.both());
            // The schema's owner reads nothing through row-level security either: it owns the tables, not the productions.
            try (Connection a = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + TestRegister.server().getPort() + "/" + db
                    + "?user=" + admin); Statement s = a.createStatement()) {
                assertEquals(0, count(s, "SELECT count(*) FROM clearframe.shots"));
            }
        } finally {
            if (saved == null) System.clearProperty("clearframe.config");
            else System.setProperty("clearframe.config", saved);
        }
    }
}
