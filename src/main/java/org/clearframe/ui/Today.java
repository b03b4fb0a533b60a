package org.clearframe.ui;

import java.time.LocalDate;

/**
 * The date the Due page measures from: today, or the date in the system property {@code clearframe.today} (a demo or a
 * screenshot of a shoot months away, as {@code check --today} does on the command line).
 */
final class Today {

    private Today() {}

    static LocalDate date() {
        String set = System.getProperty("clearframe.today");
        if (set != null && !set.isBlank()) {
            try {
                return LocalDate.parse(set.strip());
            } catch (java.time.format.DateTimeParseException e) {
                System.getLogger(Today.class.getName()).log(System.Logger.Level.WARNING, "clearframe.today is not a date (YYYY-MM-DD): " + set);
            }
        }
        return LocalDate.now();
    }
}
