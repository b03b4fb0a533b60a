package org.clearframe.ui;

import org.clearframe.model.Scene;

import java.util.UUID;

/** How one page takes the producer to another, without knowing the window that holds them. */
public interface Navigator {

    void show(Page page);

    /** The Shots page with every shot listed and {@code shotId} selected. */
    void revealShot(UUID shotId);

    /** The Shots page filtered to one scene. */
    void showShotsOf(Scene scene);
}
