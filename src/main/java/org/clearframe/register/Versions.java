package org.clearframe.register;

import java.util.Comparator;

/** Policy versions ("2026.9", "2026.12") compared part by part, numbers as numbers, so 2026.12 is newer than 2026.9. */
final class Versions {

    private Versions() {}

    static final Comparator<String> COMPARATOR = Versions::compare;

    static int compare(String a, String b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        String[] x = a.split("[.\\-]"), y = b.split("[.\\-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "", q = i < y.length ? y[i] : "";
            int c = p.matches("\\d{1,9}") && q.matches("\\d{1,9}") ? Integer.compare(Integer.parseInt(p), Integer.parseInt(q)) : p.compareTo(q);
            if (c != 0) return c;
        }
        return 0;
    }
}
