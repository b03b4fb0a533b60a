package org.clearframe.store;

/** A failed read or write of an open production file. The edit that failed was rolled back whole. */
public class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
