package org.clearframe.ui;

/** A navigator page's controller, made with its dependencies for one open production, then shown and hidden. */
interface PageController {

    /** Called each time the page comes to the front. */
    default void shown() {}
}
