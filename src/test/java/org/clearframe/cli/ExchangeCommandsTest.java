package org.clearframe.cli;

import static org.clearframe.testkit.ProductionBuilder.use;
import org.clearframe.testkit.ProductionBuilder;
import org.clearframe.model.IntExt;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.KeepsUserConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The exchange verbs end to end, each side with its own config folder (and so its own key). */
@ExtendWith(KeepsUserConfig.class)
class ExchangeCommandsTest {

    @TempDir Path dir;
    Path file;
    String out, err;

    @BeforeEach
    void production() throws Exception {
        file = ProductionBuilder.titled("Tidewater")
                .scene(new Scene(UUID.randomUUID(), "12A", IntExt.EXT, "Tower block", "NIGHT", "", 11, "", List.of(), false))
                .shot("1", "Tower falls", use(Technique.GENERATIVE_VFX).purpose("Collapse").tool("VendorX").fin().department("VFX"))
                .with(s -> s.size(ShotSize.WIDE).durationSeconds(3)).inDepartments("VFX")
                .shot("2", "Gown", use(Technique.WARDROBE_CONCEPT).purpose("Gown").tool("VendorX").department("Costume"))
                .with(s -> s.size(ShotSize.MEDIUM).durationSeconds(3)).inDepartments("Costume")
                .write(dir.resolve("tidewater.clearframe"));
    }

    private int run(String who, String... args) {
        Console c = Console.as(dir.resolve(who + "-config"), args);
        out = c.out();
        err = c.err();
        return c.code();
    }

    private ProductionData load() throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return store.load();
        }
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void shareSignAndImportFromTheCommandLine() throws Exception {
        assertEquals(0, run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare")), err);
        assertTrue(out.contains("1 signature to give"), out);
        assertEquals(0, run("producer", "share", file.toString(), "--role", "costume-designer", p("costume.cfshare")), err);

        assertEquals(0, run("dana", "sign", p("vfx.cfshare"), "--list"), err);
        assertTrue(out.contains("12A:1/VFX-GEN-FINAL/VFX_SUPERVISOR\tMissing"), out);
        assertEquals(0, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana Reyes",
                "--decide", "12A:1/VFX-GEN-FINAL/vfx_supervisor=approve-with-conditions:wide only: no close-ups", p("vfx.cfreply")), err);
        assertTrue(out.contains("Your key fingerprint is "), out);
        String danaKey = out.substring(out.indexOf("fingerprint is ") + 15, out.indexOf("fingerprint is ") + 34);
        assertEquals(0, run("bea", "sign", p("costume.cfshare"), "--name", "Bea Kelly", "--decide-all", "decline:not this one", p("costume.cfreply")), err);

        ProductionData before = load();
        assertEquals(0, run("producer", "import-reply", file.toString(), p("vfx.cfreply"), "--dry-run"), err);
        assertTrue(out.contains("First reply from Dana Reyes (VFX). Their key fingerprint is " + danaKey), out);
        assertTrue(out.contains("New sign-off: 1") && out.contains("Dry run: nothing was changed."), out);
        assertEquals(before, load());
        assertFalse(Files.exists(dir.resolve("producer-config").resolve("trusted-keys.json")), "a dry run pins nothing");

        assertEquals(0, run("producer", "import-reply", file.toString(), p("vfx.cfreply")), err);
        assertTrue(out.contains("Approved with conditions (wide only: no close-ups)"), out);
        assertEquals(0, run("producer", "import-reply", file.toString(), p("costume.cfreply")), err);
        assertTrue(out.contains("Declined: 1"), out);
        assertEquals(2, load().signOffs().size());

        assertEquals(0, run("producer", "import-reply", file.toString(), p("vfx.cfreply")), err);
        assertTrue(out.contains("Already signed: 1") && out.contains("Recorded 0 sign-offs"), out);
        assertEquals(2, load().signOffs().size());
    }

    @Test
    void refusalsExitWithTwoAndChangeNothing() throws Exception {
        run("producer", "share", file.toString(), "--department", "VFX", p("vfx.cfshare"));
        run("dana", "sign", p("vfx.cfshare"), "--name", "Dana Reyes", "--decide-all", "approve", p("vfx.cfreply"));
        Path reply = dir.resolve("vfx.cfreply");
        Files.writeString(reply, Files.readString(reply).replace("APPROVED", "DECLINED"));
        ProductionData before = load();
        assertEquals(2, run("producer", "import-reply", file.toString(), reply.toString()));
        assertTrue(err.startsWith("clearframe: ") && err.contains("altered since it was signed"), err);
        assertEquals(before, load());

        // The same head with another key: refused loudly, then accepted with --repin.
        run("dana", "sign", p("vfx.cfshare"), "--name", "Dana Reyes", "--decide-all", "approve", p("good.cfreply"));
        assertEquals(0, run("producer", "import-reply", file.toString(), p("good.cfreply")), err);
        run("impostor", "sign", p("vfx.cfshare"), "--name", "Dana Reyes", "--decide-all", "decline", p("other-key.cfreply"));
        ProductionData pinned = load();
        assertEquals(2, run("producer", "import-reply", file.toString(), p("other-key.cfreply")));
        assertTrue(err.contains("WARNING") && err.contains("different key"), err);
        assertEquals(pinned, load());
        assertEquals(0, run("producer", "import-reply", file.toString(), p("other-key.cfreply"), "--repin"), err);
        assertTrue(out.contains("RE-PINNING"), out);

        assertEquals(2, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana", "--decide", "99:1/VFX-GEN-FINAL/VFX_SUPERVISOR=approve", p("x.cfreply")));
        assertTrue(err.contains("no shot '99:1'"), err);
        assertEquals(2, run("dana", "sign", p("vfx.cfshare"), "--name", "Dana", "--decide-all", "maybe", p("x.cfreply")));
        assertTrue(err.contains("'maybe' is not a decision"), err);
        assertFalse(Files.exists(dir.resolve("x.cfreply")));
        assertEquals(2, run("producer", "share", file.toString(), "--department", "Catering", p("c.cfshare")));
        assertTrue(err.contains("no department called \"Catering\""), err);
    }

    @Test
    void exportAndImportJsonFromTheCommandLine() throws Exception {
        assertEquals(0, run("producer", "export-json", file.toString(), p("backup.json")), err);
        assertEquals(0, run("producer", "import-json", p("backup.json"), p("restored.clearframe")), err);
        assertTrue(out.contains("\"Tidewater\", 1 scene, 2 shots"), out);
        try (ProductionStore store = ProductionStore.openReadOnly(dir.resolve("restored.clearframe"))) {
            assertEquals(load(), store.load());
        }
        assertEquals(2, run("producer", "import-json", p("backup.json"), p("restored.clearframe")));
        assertTrue(err.contains("already exists"), err);
        Files.writeString(dir.resolve("bad.json"), "{\"format\": \"clearframe-project\", \"schemaVersion\": 99}");
        assertEquals(2, run("producer", "import-json", p("bad.json"), p("new.clearframe")));
        assertTrue(err.contains("newer Clearframe"), err);
        assertFalse(Files.exists(dir.resolve("new.clearframe")));
    }
}
