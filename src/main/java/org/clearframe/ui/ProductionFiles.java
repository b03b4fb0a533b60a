package org.clearframe.ui;

import java.nio.file.Path;
import java.util.Optional;

/** Opening, creating and re-reading production files: what the welcome page and the menus ask of the window. */
public interface ProductionFiles {

    /** The production open in the window, if any. */
    Optional<Session> current();

    void newProduction();

    /** Asks for a production file and opens it. */
    void open();

    void openSample();

    void openFile(Path file);

    /** Re-reads the open production after a service wrote to its file (a script or shot-list import). */
    void reload();
}
