package org.clearframe.testkit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that act as different people by pointing {@code clearframe.config} at each one's folder (their key and
 * pinned keys): puts the property back as it was after each test, so no test leaks its person into the next.
 */
public final class KeepsUserConfig implements BeforeEachCallback, AfterEachCallback {
    private static final String PROPERTY = "clearframe.config";
    private static final ExtensionContext.Namespace SPACE = ExtensionContext.Namespace.create(KeepsUserConfig.class);
    /** Stored for a test that started with no config folder set (the store holds no nulls). */
    private static final String NONE = "";

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(SPACE).put(PROPERTY, System.getProperty(PROPERTY, NONE));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String saved = context.getStore(SPACE).remove(PROPERTY, String.class);
        if (saved == null || saved.equals(NONE)) System.clearProperty(PROPERTY);
        else System.setProperty(PROPERTY, saved);
    }
}
