package org.clearframe.ui;

import java.nio.file.Path;
import java.util.Optional;

/** Opening and creating production files: what the welcome page and the menus ask of the window. */
public interface ProductionFiles {

    /** The production open in the window, if any. */
    Optional<Session> current();

    void newProduction();

    /** Asks for a production file and opens it. */
    void open();

    void openSample();

    void openFile(Path file);
}
