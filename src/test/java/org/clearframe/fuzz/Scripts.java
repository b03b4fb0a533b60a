package org.clearframe.fuzz;

import org.clearframe.importer.ScriptImport;
import org.clearframe.importer.Screenplay;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Invariants every screenplay the readers accept must hold, whatever the format. */
final class Scripts {

    private Scripts() {}

    /** Lines in the raw input, counting every kind of line break, so a bound holds however the text is decoded. */
    static int lines(byte[] input) {
        int n = 1;
        for (byte b : input) if (b == '\n' || b == '\r') n++;
        return n;
    }

    /**
     * An accepted script has scenes, no more of them than {@code bound} (lines, or paragraphs for FDX), and turns
     * into a production with one scene per script scene and no character listed twice.
     */
    static void check(Screenplay play, Path file, int bound) {
        int scenes = play.scenes().size();
        if (scenes == 0) throw new AssertionError("a script was accepted with no scenes");
        if (scenes > bound) throw new AssertionError(scenes + " scenes from input bounded by " + bound);
        ProductionData data = ScriptImport.newProduction(play, file.getFileName().toString());
        if (data.scenes().size() != scenes) throw new AssertionError("scene count changed on import: " + scenes + " -> " + data.scenes().size());
        for (Scene s : data.scenes()) {
            for (var id : s.castIds()) {
                if (data.castMember(id).isEmpty()) throw new AssertionError("scene " + s.number() + " names a cast member the production lacks");
            }
        }
        Set<String> characters = new HashSet<>();
        data.cast().forEach(c -> {
            if (!characters.add(c.character().toUpperCase(Locale.ROOT))) throw new AssertionError("character listed twice: " + c.character());
        });
    }
}
