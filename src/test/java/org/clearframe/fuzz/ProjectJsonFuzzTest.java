package org.clearframe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.ProjectJson;

import java.nio.file.Path;

/**
 * Project JSON import on any bytes, through real files as {@code import-json} does it. Only
 * {@link ExchangeException} may escape. What it accepts writes back to JSON that reads as the same data, and
 * imports into a real production file (or is refused with an ExchangeException, leaving no file behind).
 */
class ProjectJsonFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void projectJson(byte[] input) {
        Path file = FuzzFiles.write("project.json", input);
        ProjectJson.Contents contents;
        try {
            contents = ProjectJson.read(file);
        } catch (ExchangeException e) {
            FuzzFiles.assertExplained(e);
            return;
        }
        try {
            ProjectJson.Contents again = ProjectJson.fromJson(ProjectJson.toJson(contents), "again.json");
            if (!again.data().equals(contents.data())) throw new AssertionError("project JSON does not read back as written");
        } catch (ExchangeException e) {
            throw new AssertionError("project JSON refuses what it wrote itself", e);
        }
        Path target = FuzzFiles.fresh("imported.clearframe");
        try {
            ProjectJson.importTo(file, target);
        } catch (ExchangeException e) {
            FuzzFiles.assertExplained(e);
            if (java.nio.file.Files.exists(target)) throw new AssertionError("a refused import left " + target.getFileName() + " behind");
        }
    }
}
