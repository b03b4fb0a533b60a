package org.clearframe;

import org.clearframe.cli.Cli;

/**
 * The jar's entry point. Command-line verbs run without touching JavaFX, so the app can be scripted and
 * checked on a machine with no display. The desktop app starts only for no argument, one existing file, or
 * {@code --sample}; everything else is the command line's, which refuses what it does not know.
 * (A main class that does not extend Application also lets JavaFX start from the class path.)
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        org.clearframe.ui.StartupTrace.mark("Launcher.main");
        String training = System.getProperty("clearframe.aot.training");
        if (training != null) {
            // installer/build.sh's AOT training runs, one per cache: the command-line verbs (then the verb asked for),
            // or with no argument the window on a large production
            java.nio.file.Path dir = java.nio.file.Path.of(training);
            if (args.length == 0) args = new String[]{org.clearframe.cli.AotTraining.largeProduction(dir).toString()};
            else if (!Cli.opensApp(args)) org.clearframe.cli.AotTraining.runVerbs(dir);
        }
        if (!Cli.opensApp(args)) {
            System.exit(Cli.run(args));
        }
        org.clearframe.ui.StartupTrace.mark("launching the app");
        org.clearframe.ui.ClearframeApp.launchWith(args);
    }
}
