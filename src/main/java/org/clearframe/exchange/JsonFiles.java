package org.clearframe.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.AppInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.clearframe.exchange.ExchangeException.Problem;

/** Reading and writing the exchange files: size limits, the format header, and writes that land whole or not at all. */
final class JsonFiles {

    /**
     * Duplicate keys are refused rather than "last one wins", so what a person reads in the file is what we read.
     * Long strings are allowed because a project file carries reference images as base64.
     */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build())
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** {@link #MAPPER} for streamed writing: the same output, without a flush to the file after every row written as a tree. */
    private static final ObjectMapper STREAMING = MAPPER.copy().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private JsonFiles() {}

    static ObjectNode header(String format, int schemaVersion) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", format);
        root.put("schemaVersion", schemaVersion);
        root.put("appVersion", AppInfo.version());
        return root;
    }

    /**
     * Reads {@code file} as a JSON object of the given format, refusing a file over {@code maxBytes}, one that is not
     * JSON, one of another kind, and one from a newer schema than {@code knownVersion}.
     */
    static ObjectNode read(Path file, String what, String format, int knownVersion, long maxBytes) throws ExchangeException {
        byte[] bytes = readBytes(file, what, maxBytes);
        return parse(bytes, file.getFileName().toString(), what, format, knownVersion);
    }

    static byte[] readBytes(Path file, String what, long maxBytes) throws ExchangeException {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > maxBytes) throw tooLarge(name, what, size, maxBytes);
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                // The file may grow between the size check and the read; never read past the limit.
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (bytes.length > maxBytes) throw tooLarge(name, what, bytes.length, maxBytes);
            return bytes;
        } catch (NoSuchFileException e) {
            throw new ExchangeException(Problem.IO, "The file " + name + " does not exist.", e);
        } catch (IOException e) {
            throw new ExchangeException(Problem.IO, "Clearframe cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static ExchangeException tooLarge(String name, String what, long size, long max) {
        return new ExchangeException(Problem.TOO_LARGE, name + " is too large for " + what + " (" + megabytes(size)
                + "; the limit is " + megabytes(max) + "). It is probably not a Clearframe file.");
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    static ObjectNode parse(byte[] bytes, String name, String what, String format, int knownVersion) throws ExchangeException {
        String kind = otherKind(bytes);
        if (kind != null) {
            throw new ExchangeException(Problem.MALFORMED, name + " is not " + what + ": it is " + kind + ". Choose the file Clearframe wrote.");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage();
            if (e.getLocation() != null) detail += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ExchangeException(Problem.MALFORMED, name + " is not valid JSON: " + detail, e);
        } catch (IOException e) {
            throw new ExchangeException(Problem.MALFORMED, name + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ExchangeException(Problem.MALFORMED, name + " is empty: it holds no " + what + ".");
        }
        return checkHeader(root, name, what, format, knownVersion);
    }

    private static ObjectNode checkHeader(JsonNode root, String name, String what, String format, int knownVersion) throws ExchangeException {
        if (!(root instanceof ObjectNode object) || !format.equals(root.path("format").asText(null))) {
            throw new ExchangeException(Problem.MALFORMED, name + " is not " + what + " (its \"format\" is not \"" + format + "\").");
        }
        JsonNode version = object.get("schemaVersion");
        if (version == null || !version.canConvertToExactIntegral() || version.asInt() < 1) {
            throw new ExchangeException(Problem.MALFORMED, name + " has no valid \"schemaVersion\".");
        }
        if (version.asInt() > knownVersion) {
            String by = object.path("appVersion").asText("");
            throw new ExchangeException(Problem.NEWER_SCHEMA, name + " was written by a newer Clearframe"
                    + (by.isBlank() ? "" : " (" + by + ")") + " in " + what + " format version " + version.asInt()
                    + "; this version reads up to " + knownVersion + ". Update Clearframe to read it.");
        }
        return object;
    }

    /**
     * What a file that is not JSON text is, when its first bytes say so: a zip archive (which a renamed package often
     * is), a production file, a PDF... or simply binary. Null when it may be JSON, so the parser can say what is wrong.
     */
    static String otherKind(byte[] bytes) {
        String kind = kindByMagic(bytes);
        if (kind != null) return kind;
        java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT).onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try {
            utf8.decode(java.nio.ByteBuffer.wrap(bytes));
        } catch (java.nio.charset.CharacterCodingException e) {
            return "binary data, not UTF-8 text";
        }
        return null;
    }

    /** What the first bytes say a file is, when they say so. */
    private static String kindByMagic(byte[] bytes) {
        if (startsWith(bytes, 'P', 'K', 3, 4) || startsWith(bytes, 'P', 'K', 5, 6)) return "a zip archive";
        if (startsWith(bytes, 'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't')) return "an SQLite database (a production file?)";
        if (startsWith(bytes, '%', 'P', 'D', 'F')) return "a PDF document";
        if (startsWith(bytes, 0x1f, 0x8b)) return "a gzip archive";
        if (startsWith(bytes, 0x89, 'P', 'N', 'G')) return "a PNG image";
        if (startsWith(bytes, 0xff, 0xd8, 0xff)) return "a JPEG image";
        if (startsWith(bytes, 0xfe, 0xff) || startsWith(bytes, 0xff, 0xfe)) return "UTF-16 text; Clearframe files are UTF-8";
        return null;
    }

    /** {@link #otherKind} of a whole file, read in pieces rather than held. */
    static String otherKind(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        String kind = kindByMagic(head);
        if (kind != null) return kind;
        java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT).onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(1 << 16);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
        try (java.nio.channels.ReadableByteChannel in = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = in.read(bytes) < 0;
                bytes.flip();
                java.nio.charset.CoderResult r;
                do {
                    chars.clear();
                    r = utf8.decode(bytes, chars, end);
                    if (r.isError()) return "binary data, not UTF-8 text";
                } while (r.isOverflow());
                bytes.compact();
            }
        }
        return null;
    }

    /** Reads the root object of a file as a stream: what is not asked for by name arrives whole, as a tree. */
    interface Streamed {
        /** True when this reader takes the array {@code field} element by element, now that {@code root} holds what came before. */
        boolean takes(String field, ObjectNode root);

        /** Reads entry {@code index} of {@code field} (a tree of one entry). */
        void entry(String field, int index, JsonNode entry) throws ExchangeException;
    }

    /**
     * Like {@link #read}, but the file is parsed as a stream: arrays {@code streamed} takes go to it one entry at a
     * time instead of into the tree, so a file of hundreds of megabytes is never held as bytes or as one tree. The
     * same refusals as {@link #read}: too large, another kind of file, not JSON, duplicate keys, another format, a
     * newer schema. (A streamed array is only taken once the header before it was checked.)
     */
    static ObjectNode readStreaming(Path file, String what, String format, int knownVersion, long maxBytes, Streamed streamed)
            throws ExchangeException {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > maxBytes) throw tooLarge(name, what, size, maxBytes);
            String kind = otherKind(file);
            if (kind != null) {
                throw new ExchangeException(Problem.MALFORMED, name + " is not " + what + ": it is " + kind + ". Choose the file Clearframe wrote.");
            }
            ObjectNode root = MAPPER.createObjectNode();
            try (InputStream in = new Limited(Files.newInputStream(file), maxBytes);
                 com.fasterxml.jackson.core.JsonParser p = MAPPER.createParser(in)) {
                com.fasterxml.jackson.core.JsonToken first = p.nextToken();
                if (first == null) throw new ExchangeException(Problem.MALFORMED, name + " is empty: it holds no " + what + ".");
                if (first != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    MAPPER.readTree(p); // a syntax error is reported as one
                    throw new ExchangeException(Problem.MALFORMED, name + " is not " + what + " (its \"format\" is not \"" + format + "\").");
                }
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    com.fasterxml.jackson.core.JsonToken value = p.nextToken();
                    if (value == com.fasterxml.jackson.core.JsonToken.START_ARRAY && streamed.takes(field, root)) {
                        int index = 0;
                        while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                            streamed.entry(field, index++, MAPPER.readTree(p));
                        }
                        root.putArray(field); // present, and read
                    } else {
                        JsonNode tree = MAPPER.readTree(p);
                        root.set(field, tree == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : tree);
                    }
                }
                if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.END_OBJECT) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected end-of-input: expected close marker for Object");
                }
            }
            checkHeader(root, name, what, format, knownVersion);
            return root;
        } catch (Limited.TooLarge e) {
            throw tooLarge(name, what, maxBytes + 1, maxBytes);
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage();
            if (e.getLocation() != null) detail += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ExchangeException(Problem.MALFORMED, name + " is not valid JSON: " + detail, e);
        } catch (NoSuchFileException e) {
            throw new ExchangeException(Problem.IO, "The file " + name + " does not exist.", e);
        } catch (IOException e) {
            throw new ExchangeException(Problem.IO, "Clearframe cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code root} already says it is {@code format} in a schema this version reads. */
    static boolean headerReadable(ObjectNode root, String format, int knownVersion) {
        JsonNode version = root.get("schemaVersion");
        return format.equals(root.path("format").asText(null)) && version != null && version.canConvertToExactIntegral()
                && version.asInt() >= 1 && version.asInt() <= knownVersion;
    }

    /** Stops reading a file that grew past the limit after its size was checked. */
    private static final class Limited extends java.io.FilterInputStream {
        static final class TooLarge extends IOException {}

        private long left;

        Limited(InputStream in, long max) {
            super(in);
            left = max;
        }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) throw new TooLarge();
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (left -= n) < 0) throw new TooLarge();
            return n;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xff) != prefix[i]) return false;
        return true;
    }

    /** Writes {@code json} next to {@code file} under a temporary name, then moves it into place whole. */
    static void write(Path file, JsonNode json) throws ExchangeException {
        try {
            writeBytes(file, MAPPER.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new ExchangeException(Problem.IO, "Clearframe could not write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Writes a JSON document to a generator. */
    interface Body {
        void writeTo(com.fasterxml.jackson.core.JsonGenerator json) throws IOException;
    }

    /**
     * Like {@link #write}, but the document is written as {@code body} produces it, so a file of hundreds of megabytes
     * is never held as a tree or as bytes. Indented exactly as {@link #write} indents.
     */
    static void stream(Path file, Body body) throws ExchangeException {
        try {
            org.clearframe.OutputFile.write(file, out -> {
                try (com.fasterxml.jackson.core.JsonGenerator g = STREAMING.createGenerator(out)) {
                    body.writeTo(g);
                }
            });
        } catch (org.clearframe.OutputFile.Refused e) {
            throw new ExchangeException(Problem.IO, e.getMessage(), e);
        } catch (IOException e) {
            throw new ExchangeException(Problem.IO, "Clearframe could not write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static void writeBytes(Path file, byte[] bytes) throws ExchangeException {
        try {
            org.clearframe.OutputFile.write(file, out -> out.write(bytes));
        } catch (org.clearframe.OutputFile.Refused e) {
            throw new ExchangeException(Problem.IO, e.getMessage(), e);
        } catch (IOException e) {
            throw new ExchangeException(Problem.IO, "Clearframe could not write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless and there is nobody useful to tell
        }
    }
}
