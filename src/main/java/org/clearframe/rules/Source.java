package org.clearframe.rules;

/** Where a rule comes from: a short label ("SAG"), the document's name, and a URL when there is one. */
public record Source(String label, String document, String url) {
    public Source {
        label = label == null ? "" : label;
        document = document == null ? "" : document;
        url = url == null ? "" : url;
    }
}
