package org.clearframe.cli;

import org.clearframe.exchange.SignedRecord;
import org.clearframe.model.ProductionData;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.nio.file.Path;

/** Shared file handling for the verbs. */
final class Projects {
    private Projects() {}

    /** Two file arguments and an optional {@code --dry-run}, as the import verbs take them. */
    record TwoFiles(java.nio.file.Path first, java.nio.file.Path second, boolean dryRun) {

        /** The parsed arguments, or empty when they do not fit (the caller prints its usage). */
        static java.util.Optional<TwoFiles> parse(java.util.List<String> args) {
            java.util.List<String> files = new java.util.ArrayList<>(args);
            boolean dryRun = files.remove("--dry-run");
            if (files.size() != 2 || files.stream().anyMatch(a -> a.startsWith("--"))) return java.util.Optional.empty();
            return java.util.Optional.of(new TwoFiles(Path.of(files.get(0)), Path.of(files.get(1)), dryRun));
        }
    }

    /** Reads a whole production without writing to its file; only sign-offs with a valid proof are in it. */
    static ProductionData read(Path file) throws ProjectFileException, StoreException {
        return readRecord(file).data();
    }

    /** As {@link #read}, with the sign-offs that were left out and why. */
    static SignedRecord readRecord(Path file) throws ProjectFileException, StoreException {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return SignedRecord.load(store);
        }
    }
}
