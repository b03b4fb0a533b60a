package org.clearframe.cli;

import org.clearframe.model.ProductionData;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.nio.file.Path;

/** Shared file handling for the verbs. */
final class Projects {
    private Projects() {}

    /** Reads a whole production without writing to its file. */
    static ProductionData read(Path file) throws ProjectFileException, StoreException {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return store.load();
        }
    }
}
