package org.clearframe.ui;

import org.clearframe.store.ProductionStore;
import org.clearframe.store.StoreException;

import java.nio.file.Path;
import java.util.List;

/**
 * Opening a production in two steps, so a large file is on screen at once: a first look (the production's counts
 * and its first shots, a few small queries) and then the whole production read, its sign-offs proven and its flags
 * worked out, which makes the {@link Session}. The store is opened (and locked) once, by the first look, and handed
 * to the session; nothing can be edited before the session exists, so no edit can fall between the two.
 */
final class ProductionOpening {

    /** How many shots the first look lists: a few screens' worth, read in milliseconds at any size. */
    static final int FIRST_SHOTS = 500;

    /** What the window shows while the rest is read. Holds the open store until {@link #fill()} takes it over. */
    record FirstLook(ProductionStore store, ProductionStore.Counts counts, List<ProductionStore.ShotLine> shots) {

        Path file() {
            return store.file();
        }

        /** True when the first look lists every shot of the production. */
        boolean complete() {
            return shots.size() >= counts.shots();
        }

        /**
         * Reads the whole production into a session over the store (slow work, off the FX thread). If that fails,
         * the store is closed again, so the file is not left locked by a window that does not hold it.
         */
        Session fill() throws StoreException {
            return Session.over(store);
        }

        /** The opening did not end in a session: the file is let go (closing twice is harmless). */
        void abandon() {
            store.close();
        }
    }

    private ProductionOpening() {}

    /** Opens the file for editing and reads what its first screen shows (off the FX thread). */
    static FirstLook firstLook(Path file) throws org.clearframe.store.ProjectFileException, StoreException {
        ProductionStore store = ProductionStore.open(file);
        try {
            return new FirstLook(store, store.counts(), store.shotLines(0, FIRST_SHOTS));
        } catch (StoreException | RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
