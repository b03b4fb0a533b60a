package org.clearframe.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clearframe.cli.Console;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Tristate;
import org.clearframe.testkit.KeepsUserConfig;
import org.clearframe.testkit.RegisterProductions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16's acceptance, through the real command line against a real PostgreSQL: two producers publish, the studio
 * reads the report, the producers cannot touch each other's production, and the studio AI contact's sign-off
 * reaches the file through pull and counts in check.
 */
@ExtendWith(KeepsUserConfig.class)
class RegisterAcceptanceTest {

    @TempDir Path dir;
    TestRegister reg;
    String alice, bob, studio;
    ProductionData tidewater, northern;
    Path tidewaterFile, northernFile;

    @BeforeEach
    void twoProductions() throws Exception {
        reg = TestRegister.fresh();
        alice = reg.role("alice", "clearframe_producer");
        bob = reg.role("bob", "clearframe_producer");
        studio = reg.role("sam", "clearframe_studio");
        tidewater = RegisterProductions.of("Tidewater", LocalDate.now().minusDays(3), "Mara Lind", "CloudGen", Tristate.NO);
        // The same performer, written with other spacing and case: the register matches her by normalised name.
        northern = RegisterProductions.of("Northern Line", LocalDate.now().plusDays(60), "  MARA   lind ", "FrameForge", Tristate.YES);
        tidewaterFile = RegisterProductions.write(dir.resolve("tidewater.clearframe"), tidewater);
        northernFile = RegisterProductions.write(dir.resolve("northern.clearframe"), northern);
    }

    private Console as(String who, String... args) {
        return Console.as(dir.resolve(who + "-config"), args);
    }

    @Test
    void twoProducersPublishTheStudioReportsAndTheStudioSignOffReachesCheck() throws Exception {
        Console c = as("alice", "publish", tidewaterFile.toString(), "--register", reg.url(alice));
        assertEquals(0, c.code(), c.both());
        assertTrue(c.out().contains("new in the register"), c.both());
        c = as("alice", "publish", tidewaterFile.toString(), "--register", reg.url(alice));
        assertEquals(0, c.code(), c.both());
        assertTrue(c.out().contains("nothing changed"), "publishing again is idempotent\n" + c.both());
        c = as("bob", "publish", northernFile.toString(), "--register", reg.url(bob));
        assertEquals(0, c.code(), c.both());

        c = as("sam", "register", "report", "--register", reg.url(studio));
        assertEquals(1, c.code(), c.both());
        String out = c.out();
        assertTrue(out.contains("Open blocking flags: 2 productions") && out.contains("Tidewater") && out.contains("Northern Line"), out);
        assertTrue(out.contains("more than one production: 1") && out.contains("Tidewater (1 uses)") && out.contains("Northern Line (1 uses)"), out);
        assertTrue(out.contains("Waiting on the studio AI contact: 2 productions"), out);
        assertTrue(out.contains("FrameForge: Northern Line"), "a vendor that may train on uploads\n" + out);
        assertTrue(out.contains("(OVERDUE)"), "Tidewater shot three days ago with flags open\n" + out);

        JsonNode json = new ObjectMapper().readTree(as("sam", "register", "report", "--json", "--register", reg.url(studio)).out());
        assertEquals(2, json.get("productions").size());
        assertEquals(2, json.get("samePersonAcrossProductions").get(0).get("uses").size());

        // A producer sees only their own production in the same report.
        c = as("alice", "register", "report", "--register", reg.url(alice));
        assertTrue(c.out().contains("Tidewater") && !c.out().contains("Northern Line"), c.both());

        // Bob cannot publish over Alice's production (a copy of her file), nor read or change it.
        Path copy = dir.resolve("stolen.clearframe");
        java.nio.file.Files.copy(tidewaterFile, copy);
        c = as("bob", "publish", copy.toString(), "--register", reg.url(bob));
        assertEquals(2, c.code(), c.both());
        assertTrue(c.err().contains("does not own it"), c.both());
        try (Connection b = reg.as(bob); Statement s = b.createStatement()) {
            assertEquals(0, count(s, "SELECT count(*) FROM clearframe.shots WHERE production_id = '" + tidewater.production().id() + "'"));
            assertEquals(0, s.executeUpdate("UPDATE clearframe.productions SET title = 'Mine' WHERE id = '" + tidewater.production().id() + "'"));
            assertThrows(java.sql.SQLException.class, () -> s.executeUpdate("INSERT INTO clearframe.scenes (id, production_id, position, number, "
                    + "heading, row_hash) VALUES (gen_random_uuid(), '" + tidewater.production().id() + "', 9, '99', 'X', 'x')"));
        }

        // The studio AI contact signs Tidewater's two open studio signatures (generative VFX, production material uploaded).
        c = as("sam", "register", "sign", tidewater.production().id().toString(), "--as", "Sam Okafor", "--register", reg.url(studio));
        assertEquals(0, c.code(), c.both());
        assertTrue(c.out().contains("Signed 2 studio AI contact decisions"), c.both());
        c = as("sam", "register", "report", "--register", reg.url(studio));
        assertTrue(c.out().contains("Waiting on the studio AI contact: 1 productions"), c.both());

        c = as("alice", "check", tidewaterFile.toString(), "--json");
        assertFalse(studioSigned(c.out()), c.out());
        c = as("alice", "pull", tidewaterFile.toString(), "--register", reg.url(alice));
        assertEquals(0, c.code(), c.both());
        assertTrue(c.out().contains("First reply from Sam Okafor (Production)") && c.out().contains("Recorded 2 sign-offs"), c.both());
        c = as("alice", "check", tidewaterFile.toString(), "--json");
        assertTrue(studioSigned(c.out()), c.out());
        c = as("alice", "pull", tidewaterFile.toString(), "--register", reg.url(alice));
        assertEquals(0, c.code(), c.both());
        assertTrue(c.out().contains("Recorded 0 sign-offs"), "pulling again changes nothing\n" + c.both());

        // Re-publishing carries the pulled sign-off with its reply; the register's history grows by nothing twice.
        c = as("alice", "publish", tidewaterFile.toString(), "--register", reg.url(alice));
        assertEquals(0, c.code(), c.both());
        try (Connection a = reg.admin(); Statement s = a.createStatement()) {
            assertEquals(1, count(s, "SELECT count(*) FROM clearframe.replies"));
            assertEquals(2, count(s, "SELECT count(*) FROM clearframe.signoffs"));
        }
    }

    @Test
    void badAddressesAndUnreachableRegistersExitTwo() {
        Console c = as("alice", "publish", tidewaterFile.toString(), "--register", "postgresql://alice:secret@localhost/x");
        assertEquals(2, c.code(), c.both());
        assertTrue(c.err().contains("holds a password"), c.both());
        c = as("alice", "publish", tidewaterFile.toString(), "--register", "http://example.org/");
        assertEquals(2, c.code(), c.both());
        assertTrue(c.err().contains("is not a register address"), c.both());
        c = as("alice", "publish", tidewaterFile.toString(), "--register", "postgresql://nobody@127.0.0.1:1/none");
        assertEquals(2, c.code(), c.both());
        assertTrue(c.err().contains("Cannot reach the register"), c.both());
        c = as("alice", "publish", tidewaterFile.toString());
        assertEquals(2, c.code(), c.both());
        c = as("alice", "register", "report", "--register", "postgresql://" + alice + "@localhost:" + TestRegister.server().getPort() + "/postgres");
        assertEquals(2, c.code(), c.both());
        assertTrue(c.err().contains("not a Clearframe register yet"), c.both());
    }

    private static boolean studioSigned(String checkJson) {
        return checkJson.contains("Sam Okafor");
    }

    static int count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
