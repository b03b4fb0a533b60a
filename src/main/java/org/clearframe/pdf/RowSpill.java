package org.clearframe.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;

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
 * the whole production or all its flags. Phrases keep their exact chunks and fonts, so what is laid out is what was
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

    /**
     * A phrase as it was made: either one text in the phrase's own font ({@code new Phrase(text, font)}), or lines of
     * chunks in a phrase without a font of its own ({@link Lines}). Nothing else is written here, so nothing is lost.
     */
    void phrase(Phrase p) {
        try {
            Font own = p.getFont();
            if (own != null && !own.isStandardFont()) {
                if (p.size() != 1 || !(p.get(0) instanceof Chunk c) || c.hasAttributes() || c.getFont() != own || p.hasLeading()) {
                    throw new IllegalStateException("only a single text in its phrase's font can be kept: " + p);
                }
                out.writeByte(1);
                out.writeShort(look.fontId(own));
                text(c.getContent());
                return;
            }
            out.writeByte(2);
            out.writeFloat(p.hasLeading() ? p.getLeading() : Float.NaN);
            out.writeInt(p.size());
            for (Element e : p) {
                if (!(e instanceof Chunk c) || c.hasAttributes()) throw new IllegalStateException("only plain text chunks can be kept: " + e);
                out.writeShort(look.fontId(c.getFont()));
                text(c.getContent());
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

    String readText() {
        try {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    Phrase readPhrase() {
        try {
            int kind = in.readByte();
            if (kind == 1) {
                Font font = look.font(in.readShort());
                return new Phrase(readText(), font);
            }
            float leading = in.readFloat();
            Phrase p = new Phrase(leading);
            int chunks = in.readInt();
            for (int i = 0; i < chunks; i++) {
                Font font = look.font(in.readShort());
                p.add(new Chunk(readText(), font));
            }
            return p;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * The next phrase's text into {@code into} (cleared first), without making OpenPDF objects: what {@link Grid} draws
     * from. A chunk without an embedded font is set in the body font, as a phrase's own font would be.
     */
    CellText readCell(CellText into) {
        try {
            into.clear();
            int kind = in.readByte();
            if (kind == 1) {
                Font font = cellFont(in.readShort());
                return into.add(font, readText());
            }
            in.readFloat();
            int chunks = in.readInt();
            for (int i = 0; i < chunks; i++) {
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
