package org.clearframe.exchange;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The exact bytes a reply's or a package's signature covers, so signer and verifier agree whatever whitespace or key order the
 * file has. Written by hand rather than through Jackson's generator so the form cannot drift with a library
 * upgrade. The rules (also in src/docs/exchange-format.md):
 * <ul>
 *   <li>UTF-8, no whitespace outside strings;</li>
 *   <li>object members sorted by key in {@link String#compareTo} order (UTF-16 code units), members whose value is
 *       null left out;</li>
 *   <li>arrays in their given order, nulls inside arrays written as {@code null};</li>
 *   <li>strings in double quotes, escaping only {@code "} as {@code \"}, {@code \} as {@code \\} and the control
 *       characters U+0000..U+001F as {@code \}{@code u00xx} (lower-case hex); everything else as its UTF-8 bytes;
 *       a string with an unpaired surrogate is refused;</li>
 *   <li>whole numbers are written in plain decimal; other numbers (a shot's duration in a package) as the plain decimal
 *       of their value without trailing zeros ({@link java.math.BigDecimal#toPlainString} after
 *       {@code stripTrailingZeros}), so 3, 3.0 and 3.00 are the same; infinities and NaN are refused;
 *       {@code true} and {@code false} as such.</li>
 * </ul>
 */
public final class Canonical {

    private Canonical() {}

    /** The canonical bytes of {@code node}; also what an evidence pack's manifest signature covers. */
    public static byte[] bytes(JsonNode node) {
        StringBuilder b = new StringBuilder(1024);
        write(node, b);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder b) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> keys = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isNull()) keys.add(e.getKey());
                }
                keys.sort(String::compareTo);
                b.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    if (i > 0) b.append(',');
                    string(keys.get(i), b);
                    b.append(':');
                    write(node.get(keys.get(i)), b);
                }
                b.append('}');
            }
            case ARRAY -> {
                b.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) b.append(',');
                    write(node.get(i), b);
                }
                b.append(']');
            }
            case STRING -> string(node.textValue(), b);
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    b.append(node.bigIntegerValue().toString());
                } else {
                    if (node.isDouble() || node.isFloat()) {
                        double d = node.doubleValue();
                        if (Double.isNaN(d) || Double.isInfinite(d)) throw new IllegalArgumentException("a signed file cannot hold " + d);
                    }
                    java.math.BigDecimal value = node.decimalValue().stripTrailingZeros();
                    b.append(value.signum() == 0 ? "0" : value.toPlainString());
                }
            }
            case BOOLEAN -> b.append(node.booleanValue());
            case NULL -> b.append("null");
            default -> throw new IllegalArgumentException("a signed file cannot hold " + node.getNodeType());
        }
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) throw unpaired();
                b.append(c).append(s.charAt(++i));
            } else if (Character.isLowSurrogate(c)) {
                throw unpaired();
            } else if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    private static IllegalArgumentException unpaired() {
        return new IllegalArgumentException("text with an unpaired surrogate cannot be signed");
    }
}
