package org.clearframe.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;
import org.clearframe.model.Labelled;

import java.util.Arrays;
import java.util.Objects;

/** The stylesheet and the small bits of presentation shared by every view. */
public final class Styles {
    private static final String SOURCE = "clearframe.css";

    /**
     * The app's stylesheet: the binary form the build compiles from clearframe.css when it is there and made from this
     * very text, else the text. Parsing the text cost the first window about 50 ms of the FX thread before the first
     * frame, reading the binary form a few. The binary file's name carries a checksum of the text it was made from, so
     * a stale one (the text edited since the last full build) is never used.
     */
    public static final String STYLESHEET = stylesheet();

    private Styles() {}

    private static String stylesheet() {
        java.net.URL css = Objects.requireNonNull(Styles.class.getResource(SOURCE));
        try (java.io.InputStream in = css.openStream()) {
            java.net.URL binary = Styles.class.getResource(binaryName(in.readAllBytes()));
            if (binary != null) return binary.toExternalForm();
        } catch (java.io.IOException e) {
            // the text is there (checked above): use it
        }
        return css.toExternalForm();
    }

    /** The name of the binary stylesheet made from {@code css}, the stylesheet's text: beside it in the same package. */
    public static String binaryName(byte[] css) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(css);
        return String.format("clearframe-%08x.bss", crc.getValue());
    }

    /** Shows enum values by their label ("INT./EXT.") and parses labels back. */
    public static <E extends Enum<E> & Labelled> StringConverter<E> labels(Class<E> type) {
        return new StringConverter<>() {
            @Override public String toString(E value) {
                return value == null ? "" : value.label();
            }

            @Override public E fromString(String text) {
                return Arrays.stream(type.getEnumConstants()).filter(e -> e.label().equals(text)).findFirst().orElse(null);
            }
        };
    }

    public static <E extends Enum<E> & Labelled> void fill(ComboBox<E> box, Class<E> type) {
        box.getItems().setAll(type.getEnumConstants());
        box.setConverter(labels(type));
    }

    public static <E extends Enum<E> & Labelled> void fill(ChoiceBox<E> box, Class<E> type) {
        box.getItems().setAll(type.getEnumConstants());
        box.setConverter(labels(type));
    }
}
