package org.clearframe.cli;

import org.clearframe.model.Decision;
import org.clearframe.model.IntExt;
import org.clearframe.model.Role;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 10, case 10: a production file is outside input. A file whose schema is not exactly Clearframe's is
 * refused by every verb, naming what is wrong, before anything is written.
 */
class TamperedProductionTest {

    @TempDir Path dir;
    Path file, csv;

    @BeforeEach
    void production() throws Exception {
        file = dir.resolve("signed.clearframe");
        ProductionBuilder.titled("Signed").scene("1", IntExt.INT, "Room", "DAY").shot("1", "")
                .signOff("R", Role.VFX_SUPERVISOR, "Ada", Decision.APPROVED).unproven().write(file);
        csv = Files.writeString(dir.resolve("shots.csv"), "Scene,Shot,Description\n1,2,New shot\n");
    }

    private void tamper(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String statement : sql.split(" ~ ")) s.execute(statement);
        }
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @org.junit.jupiter.api.Test
    void aTriggerHiddenInALeftOverLogIsRefusedAndTheLogIsNotMovedIntoTheFile() throws Exception {
        Path crashed = dir.resolve("crashed.clearframe"), log = dir.resolve("crashed.clearframe-wal");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA wal_autocheckpoint = 0");
            s.execute("CREATE TRIGGER wipe_signoffs AFTER INSERT ON shot BEGIN DELETE FROM sign_off; END");
            Files.copy(file, crashed); // as a crash would leave it: the trigger only in the log
            Files.copy(dir.resolve("signed.clearframe-wal"), log);
        }
        byte[] bytes = Files.readAllBytes(crashed), logBytes = Files.readAllBytes(log);
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProductionStore.open(crashed));
        assertTrue(e.getMessage().contains("trigger wipe_signoffs is not part of Clearframe's format"), e.getMessage());
        Console check = Console.run("check", crashed.toString());
        assertEquals(Command.BAD_INPUT, check.code());
        assertArrayEquals(bytes, Files.readAllBytes(crashed));
        assertArrayEquals(logBytes, Files.readAllBytes(log));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "CREATE TRIGGER wipe_signoffs AFTER INSERT ON shot BEGIN DELETE FROM sign_off; END | trigger wipe_signoffs is not part of Clearframe's format",
            "ALTER TABLE shot ADD COLUMN payload TEXT | table shot has been altered from Clearframe's format",
            "CREATE VIEW everything AS SELECT * FROM shot | view everything is not part of Clearframe's format",
            "CREATE TABLE side_channel (x) | table side_channel is not part of Clearframe's format",
            "CREATE INDEX shot_by_number ON shot(number) | index shot_by_number is not part of Clearframe's format",
            "DROP TRIGGER sign_off_never_deleted | trigger sign_off_never_deleted is missing",
            "DROP TRIGGER sign_off_never_deleted ~ CREATE TRIGGER sign_off_never_deleted BEFORE DELETE ON sign_off WHEN 0 BEGIN SELECT 1; END"
                    + " | trigger sign_off_never_deleted has been altered from Clearframe's format",
            "CREATE TRIGGER \"wipe\u202Eevil\" AFTER INSERT ON shot BEGIN SELECT 1; END | trigger wipe?evil is not part",
            "CREATE TRIGGER Sign_Off_Never_Changes_2 BEFORE INSERT ON policy BEGIN SELECT 1; END | trigger Sign_Off_Never_Changes_2 is not part",
    })
    void aFileWhoseSchemaIsNotOursIsRefusedByEveryVerbBeforeAnyWrite(String sql, String named) throws Exception {
        tamper(sql);
        byte[] bytes = Files.readAllBytes(file);
        List<String> before = listing();

        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProductionStore.open(file));
        assertEquals(ProjectFileException.Problem.TAMPERED, e.problem());
        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertThrows(ProjectFileException.class, () -> ProductionStore.openReadOnly(file));

        for (String[] args : List.of(new String[] {"import-shots", file.toString(), csv.toString()},
                new String[] {"check", file.toString()}, new String[] {"info", file.toString()},
                new String[] {"export-json", file.toString(), dir.resolve("out.json").toString()})) {
            Console run = Console.run(args);
            assertEquals(Command.BAD_INPUT, run.code(), args[0] + ": " + run.out());
            assertTrue(run.err().contains(named), args[0] + ": " + run.err());
        }
        assertArrayEquals(bytes, Files.readAllBytes(file), "a refused file stays byte-for-byte as it was");
        assertEquals(before, listing(), "and nothing was written beside it");
    }
}
