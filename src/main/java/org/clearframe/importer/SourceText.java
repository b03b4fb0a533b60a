package org.clearframe.importer;

import org.clearframe.importer.ImportException.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a file from outside as text, refusing what cannot be a script or a shot list before any parser sees it:
 * too large, empty, binary, or in an encoding we cannot be sure of.
 *
 * <p>Text is UTF-8 (with or without a byte order mark) or UTF-16 with a byte order mark. Invalid UTF-8 is
 * refused rather than guessed at, because a wrong guess silently misspells character names, which then become
 * cast members. The one exception is a shot list: Excel's default "CSV (Comma delimited)" on Windows writes the
 * ANSI code page, so a CSV that is not UTF-8 is read as windows-1252 (strictly: undefined bytes are still
 * refused), and the mapping dialog and preview show the decoded text before anything is imported.
 */
final class SourceText {

    /** Far above any real script (a 200-page Fountain file is about 250 KB) and small enough to hold in memory. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SourceText() {}

    /** {@code what} names the kind of file in messages ("script", "shot list"). */
    static String read(Path file, String what, boolean allowWindows1252) throws ImportException {
        return decode(file, readBytes(file), what, allowWindows1252);
    }

    static byte[] readBytes(Path file) throws ImportException {
        String name = name(file);
        if (Files.isDirectory(file)) {
            throw new ImportException(Problem.UNREADABLE, file, name + " is a folder, not a file.");
        }
        if (!Files.exists(file)) {
            throw new ImportException(Problem.MISSING, file, "The file " + name + " does not exist.");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) throw tooLarge(file, size);
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1); // the file may have grown since we asked its size
            }
            if (bytes.length > MAX_BYTES) throw tooLarge(file, bytes.length);
            return bytes;
        } catch (NoSuchFileException e) {
            throw new ImportException(Problem.MISSING, file, "The file " + name + " does not exist.", e);
        } catch (IOException e) {
            throw new ImportException(Problem.UNREADABLE, file, "Clearframe could not read " + name + ": " + e.getMessage(), e);
        }
    }

    static String decode(Path file, byte[] bytes, String what, boolean allowWindows1252) throws ImportException {
        String name = name(file);
        if (bytes.length == 0) throw new ImportException(Problem.EMPTY, file, name + " is empty.");
        refuseKnownBinary(file, bytes, what);
        String text;
        if (startsWith(bytes, 0xFE, 0xFF)) {
            text = strictDecode(file, bytes, 2, StandardCharsets.UTF_16BE, "UTF-16");
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = strictDecode(file, bytes, 2, StandardCharsets.UTF_16LE, "UTF-16");
        } else {
            if (indexOf(bytes, (byte) 0) >= 0) {
                throw new ImportException(Problem.BINARY, file, name + " is not a text file (it contains binary data). "
                        + "If it is text saved as UTF-16 without a byte order mark, save it again as UTF-8.");
            }
            int skip = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
            try {
                text = decodeOrFail(bytes, skip, StandardCharsets.UTF_8);
            } catch (Malformed m) {
                if (allowWindows1252 && skip == 0) {
                    text = strictDecode(file, bytes, 0, WINDOWS_1252, "UTF-8 or windows-1252");
                } else {
                    throw new ImportException(Problem.ENCODING, file, name + " is not UTF-8 text (invalid byte at line "
                            + lineAt(bytes, m.offset) + "). Save the " + what + " as UTF-8 (or export it again) and import it again.");
                }
            }
        }
        if (text.isBlank()) throw new ImportException(Problem.EMPTY, file, name + " is empty (it holds only blank space).");
        if (tooManyControlCharacters(text)) {
            throw new ImportException(Problem.BINARY, file, name + " is not a text file (it is mostly control characters).");
        }
        return text;
    }

    /** Formats screenwriters often pick by mistake, named so the message can say what to export instead. */
    private static void refuseKnownBinary(Path file, byte[] b, String what) throws ImportException {
        String kind = null;
        if (startsWith(b, '%', 'P', 'D', 'F')) kind = "a PDF";
        else if (startsWith(b, 'P', 'K', 3, 4)) kind = "a compressed file (such as .docx, .highland or .fadein)";
        else if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) kind = "an old Microsoft Office document";
        else if (startsWith(b, '{', '\\', 'r', 't', 'f')) kind = "an RTF document";
        if (kind == null) return;
        String advice = what.equals("script")
                ? " Export the script from your screenwriting app as Fountain (.fountain) or Final Draft (.fdx)."
                : " Save it as CSV (UTF-8) from your spreadsheet app.";
        throw new ImportException(Problem.BINARY, file, name(file) + " is " + kind + ", not a " + what + " Clearframe can read." + advice);
    }

    /** More than 1% control characters (other than tab, line breaks and form feed) is not a document someone typed. */
    private static boolean tooManyControlCharacters(String text) {
        int sample = Math.min(text.length(), 65_536), control = 0;
        for (int i = 0; i < sample; i++) {
            char c = text.charAt(i);
            if (c == 0) return true;
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x85) control++;
        }
        return control > 4 && control * 100 > sample;
    }

    private static String strictDecode(Path file, byte[] bytes, int skip, Charset charset, String label) throws ImportException {
        try {
            return decodeOrFail(bytes, skip, charset);
        } catch (Malformed m) {
            throw new ImportException(Problem.ENCODING, file, name(file) + " is not valid " + label + " text (invalid data at byte "
                    + m.offset + "). Save it as UTF-8 and import it again.");
        }
    }

    /**
     * Checks the bytes strictly through a small window, then builds the string once: a 10 MB script is not held
     * as bytes, a full-size char buffer and a string at the same time.
     */
    private static String decodeOrFail(byte[] bytes, int skip, Charset charset) throws Malformed {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer window = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, window, true);
            if (result.isError()) throw new Malformed(in.position());
            window.clear();
            if (result.isUnderflow()) break;
        }
        while (true) {
            CoderResult result = decoder.flush(window);
            if (result.isError()) throw new Malformed(in.position());
            window.clear();
            if (result.isUnderflow()) break;
        }
        return new String(bytes, skip, bytes.length - skip, charset);
    }

    private static final class Malformed extends CharacterCodingException {
        final int offset;

        Malformed(int offset) {
            this.offset = offset;
        }
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) if (bytes[i] == '\n') line++;
        return line;
    }

    private static ImportException tooLarge(Path file, long size) {
        return new ImportException(Problem.TOO_LARGE, file, String.format(Locale.ROOT,
                "%s is too large to import (%.1f MB; the limit is %d MB, and a feature script is usually well under 1 MB).",
                name(file), size / 1048576.0, MAX_BYTES / 1048576));
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xFF) != (prefix[i] & 0xFF)) return false;
        return true;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == b) return i;
        return -1;
    }

    static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
