package org.clearframe.pdf;

import com.lowagie.text.Font;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Table text written to a temporary file as it is worked out, and read back in the same order when it is laid out.
 * The cover and the sign-off summary come before the scenes but need every flag, so the breakdown is worked out in
 * one pass over the production and laid out in a second from these files: memory holds one run of scenes, never
 * the whole production or all its flags. Cells keep their exact runs and fonts, so what is laid out is what was
 * worked out. The file is deleted on {@link #close}.
 */
final class RowSpill implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final Look look;
    private final Path file;
    private DataOutputStream out;
    private DataInputStream in;

    RowSpill(Look look) {
        this.look = look;
        try {
            this.file = Files.createTempFile("clearframe-breakdown-", ".rows");
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary file for the breakdown", e);
        }
    }

    void number(int n) {
        try {
            out.writeInt(n);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    void text(String s) {
        try {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** A cell's text: its runs, each with its font's number. */
    void cell(CellText t) {
        try {
            out.writeShort(t.size());
            for (int i = 0; i < t.size(); i++) {
                out.writeShort(look.fontId(t.font(i)));
                text(t.text(i));
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Ends writing; what was written is then read from the start. */
    void finish() {
        try {
            if (out != null) out.close();
            out = null;
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
        } catch (IOException e) {
            throw failed(e);
        }
    }

    int readNumber() {
        try {
            return in.readInt();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Reused for reading each text, so only the string itself is made. */
    private byte[] readBuffer = new byte[256];

    String readText() {
        try {
            int length = in.readInt();
            if (length > readBuffer.length) readBuffer = new byte[Math.max(length, readBuffer.length * 2)];
            in.readFully(readBuffer, 0, length);
            return new String(readBuffer, 0, length, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The next cell's text into {@code into} (cleared first): what {@link Grid} draws from. */
    CellText readCell(CellText into) {
        try {
            into.clear();
            int runs = in.readShort();
            for (int i = 0; i < runs; i++) {
                Font font = cellFont(in.readShort());
                into.add(font, readText());
            }
            return into;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private Font cellFont(int id) {
        return id < 0 ? look.body : look.font(id);
    }

    @Override
    public void close() {
        try {
            if (out != null) out.close();
            if (in != null) in.close();
        } catch (IOException ignored) {
            // the file is deleted next either way
        } finally {
            out = null;
            in = null;
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    private static UncheckedIOException failed(IOException e) {
        return new UncheckedIOException("the breakdown's temporary file could not be used", e);
    }
}
