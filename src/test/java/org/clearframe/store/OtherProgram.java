package org.clearframe.store;

import org.clearframe.cli.Cli;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.AiUse;
import org.clearframe.model.Output;
import org.clearframe.model.Technique;

import java.nio.file.Path;
import java.util.List;

/** A second Clearframe, in its own process, doing one thing to a production (see {@link ChildJvm}). */
public final class OtherProgram {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        switch (args[0]) {
            case "open" -> {
                try (ProductionStore store = ProductionStore.open(file)) {
                    Scene scene = store.load().scenes().get(0);
                    store.saveShot(Shot.numbered(scene.id(), "from-the-other-program", ""));
                    System.out.println("OPENED AND WROTE");
                } catch (ProjectFileException e) {
                    System.out.println(e.problem() + ": " + e.getMessage());
                }
            }
            case "cli" -> {
                String[] rest = java.util.Arrays.copyOfRange(args, 2, args.length);
                String[] cli = new String[rest.length + 1];
                cli[0] = rest[0];
                cli[1] = file.toString();
                System.arraycopy(rest, 1, cli, 2, rest.length - 1);
                System.exit(Cli.run(cli));
            }
            case "edit-slowly" -> {
                // Holds the file and commits one shot at a time, each with three AI uses, until told how many.
                int count = Integer.parseInt(args[2]);
                try (ProductionStore store = ProductionStore.open(file)) {
                    Scene scene = store.load().scenes().get(0);
                    System.out.println("READY");
                    System.out.flush();
                    for (int i = 0; i < count; i++) {
                        List<AiUse> uses = List.of(AiUse.of(Technique.SET_CONCEPT, "a" + i, "T", Output.TEMPORARY),
                                AiUse.of(Technique.SET_CONCEPT, "b" + i, "T", Output.TEMPORARY),
                                AiUse.of(Technique.SET_CONCEPT, "c" + i, "T", Output.TEMPORARY));
                        Shot s = Shot.numbered(scene.id(), "s" + i, "x".repeat(300));
                        store.saveShot(new Shot(s.id(), s.sceneId(), s.number(), s.description(), s.size(), s.angle(), s.movement(),
                                s.lens(), s.durationSeconds(), s.departmentIds(), s.notes(), uses));
                    }
                    System.out.println("DONE");
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
