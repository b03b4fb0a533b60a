package org.clearframe.exchange;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.clearframe.exchange.ExchangeException.Problem;

/**
 * A strict reader over one JSON object that knows where it is ("shots[3].aiUses[0]"), so a bad value is reported
 * by its place in the file. Enum values must be known constants: a file is refused rather than read with guesses.
 */
final class JsonIn {

    /** The canonical text form of a UUID, as {@link UUID#toString()} writes it; anything else is refused. */
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final JsonNode node;
    private final String path;
    private final String file;

    private JsonIn(JsonNode node, String path, String file) {
        this.node = node;
        this.path = path;
        this.file = file;
    }

    static JsonIn root(JsonNode node, String file) {
        return new JsonIn(node, "", file);
    }

    /** Entry {@code index} of the array {@code field} of the root, read on its own (a file read as a stream). */
    static JsonIn element(JsonNode node, String field, int index, String file) throws ExchangeException {
        String path = field + "[" + index + "]";
        if (!node.isObject()) throw new ExchangeException(Problem.INVALID, file + ": " + path + " is not an object.");
        return new JsonIn(node, path, file);
    }

    String path() {
        return path;
    }

    ExchangeException invalid(String field, String message) {
        return new ExchangeException(Problem.INVALID, file + ": " + where(field) + " " + message);
    }

    String where(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    JsonIn object(String field) throws ExchangeException {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) throw invalid(field, "is missing or not an object.");
        return new JsonIn(v, where(field), file);
    }

    /** The objects of an array field; a missing field reads as no entries. */
    List<JsonIn> objects(String field) throws ExchangeException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw invalid(field, "is not a list.");
        List<JsonIn> list = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) throw invalid(field + "[" + i + "]", "is not an object.");
            list.add(new JsonIn(v.get(i), where(field) + "[" + i + "]", file));
        }
        return list;
    }

    /** The text items of an array field; a missing field reads as no entries. */
    List<String> texts(String field) throws ExchangeException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw invalid(field, "is not a list.");
        List<String> list = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) throw invalid(field + "[" + i + "]", "is not text.");
            list.add(v.get(i).textValue());
        }
        return list;
    }

    String text(String field) throws ExchangeException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw invalid(field, "is missing or not text.");
        return v.textValue();
    }

    /** Text that may be absent or null (read as ""). */
    String textOr(String field) throws ExchangeException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return "";
        if (!v.isTextual()) throw invalid(field, "is not text.");
        return v.textValue();
    }

    String nonBlank(String field, int maxLength) throws ExchangeException {
        String s = text(field);
        if (s.isBlank()) throw invalid(field, "is empty.");
        if (s.length() > maxLength) throw invalid(field, "is longer than " + maxLength + " characters.");
        return s;
    }

    int integer(String field) throws ExchangeException {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToInt()) throw invalid(field, "is missing or not a whole number.");
        return v.asInt();
    }

    double number(String field) throws ExchangeException {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) throw invalid(field, "is missing or not a number.");
        return v.doubleValue();
    }

    boolean bool(String field) throws ExchangeException {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) throw invalid(field, "is missing or not true/false.");
        return v.booleanValue();
    }

    boolean boolOr(String field, boolean fallback) throws ExchangeException {
        return has(field) ? bool(field) : fallback;
    }

    UUID uuid(String field) throws ExchangeException {
        return parseUuid(text(field), field);
    }

    UUID uuidOrNull(String field) throws ExchangeException {
        return has(field) ? uuid(field) : null;
    }

    private UUID parseUuid(String s, String field) throws ExchangeException {
        if (!UUID_TEXT.matcher(s).matches()) throw invalid(field, "is not a valid id ('" + abbreviate(s) + "').");
        return UUID.fromString(s);
    }

    List<UUID> uuids(String field) throws ExchangeException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw invalid(field, "is not a list of ids.");
        List<UUID> ids = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) throw invalid(field + "[" + i + "]", "is not an id.");
            UUID id = parseUuid(v.get(i).textValue(), field + "[" + i + "]");
            if (ids.contains(id)) throw new ExchangeException(Problem.DUPLICATE_ID, file + ": " + where(field) + " lists " + id + " twice.");
            ids.add(id);
        }
        return ids;
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) throws ExchangeException {
        return parseEnum(text(field), type, field);
    }

    <E extends Enum<E>> E enumOrNull(String field, Class<E> type) throws ExchangeException {
        return has(field) ? enumValue(field, type) : null;
    }

    private <E extends Enum<E>> E parseEnum(String s, Class<E> type, String field) throws ExchangeException {
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "has an unknown value '" + abbreviate(s) + "'.");
        }
    }

    <E extends Enum<E>> Set<E> enumSet(String field, Class<E> type) throws ExchangeException {
        JsonNode v = node.get(field);
        EnumSet<E> set = EnumSet.noneOf(type);
        if (v == null || v.isNull()) return set;
        if (!v.isArray()) throw invalid(field, "is not a list.");
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) throw invalid(field + "[" + i + "]", "is not text.");
            set.add(parseEnum(v.get(i).textValue(), type, field + "[" + i + "]"));
        }
        return set;
    }

    /**
     * The values of a list field as written, order and repeats kept: what a reader must hand back unchanged when
     * the list is under a signature (a rule's roles in a sealed package), where {@link #enumList} would sort them.
     */
    <E extends Enum<E>> List<E> enumsAsWritten(String field, Class<E> type) throws ExchangeException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw invalid(field, "is not a list.");
        List<E> list = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) throw invalid(field + "[" + i + "]", "is not text.");
            list.add(parseEnum(v.get(i).textValue(), type, field + "[" + i + "]"));
        }
        return List.copyOf(list);
    }

    <E extends Enum<E>> List<E> enumList(String field, Class<E> type) throws ExchangeException {
        return List.copyOf(enumSet(field, type));
    }

    Instant instant(String field) throws ExchangeException {
        String s = text(field);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw invalid(field, "is not a valid time ('" + abbreviate(s) + "').");
        }
    }

    LocalDate dateOrNull(String field) throws ExchangeException {
        if (!has(field)) return null;
        String s = text(field);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw invalid(field, "is not a valid date ('" + abbreviate(s) + "').");
        }
    }

    byte[] base64(String field) throws ExchangeException {
        try {
            return Base64.getDecoder().decode(text(field));
        } catch (IllegalArgumentException e) {
            throw invalid(field, "is not valid base64.");
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
