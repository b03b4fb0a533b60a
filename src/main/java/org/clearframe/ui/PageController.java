package org.clearframe.ui;

/** A navigator page's controller: bound once to the open production, then shown and hidden. */
interface PageController {
    void bind(Session session, MainController main);

    /** Called each time the page comes to the front. */
    default void shown() {}
}
