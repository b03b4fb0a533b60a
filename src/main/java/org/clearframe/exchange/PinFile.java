package org.clearframe.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of pinned keys kept as JSON in the user's config folder (the heads' keys a producer trusts, the producers'
 * keys a head trusts): read fresh each time, since another Clearframe window may have pinned a key meanwhile, and
 * written whole into a private folder.
 */
final class PinFile<P> {

    /** Reads one pin from its JSON object, checking its key. */
    interface Reader<P> {
        P read(JsonIn pin) throws ExchangeException;
    }

    /** Writes one pin into an empty JSON object. */
    interface Writer<P> {
        void write(P pin, ObjectNode into);
    }

    private final Path dir;
    private final String fileName;
    private final String format;
    private final String description;
    private final String listName;
    private final Reader<P> reader;
    private final Writer<P> writer;

    PinFile(Path dir, String fileName, String format, String description, String listName, Reader<P> reader, Writer<P> writer) {
        this.dir = dir;
        this.fileName = fileName;
        this.format = format;
        this.description = description;
        this.listName = listName;
        this.reader = reader;
        this.writer = writer;
    }

    Path dir() {
        return dir;
    }

    Path file() {
        return dir.resolve(fileName);
    }

    List<P> read() throws ExchangeException {
        if (!Files.exists(file())) return List.of();
        ObjectNode json = JsonFiles.read(file(), description, format, 1, 16L * 1024 * 1024);
        JsonIn root = JsonIn.root(json, file().toString());
        List<P> pins = new ArrayList<>();
        for (JsonIn p : root.objects(listName)) pins.add(reader.read(p));
        return pins;
    }

    void write(List<P> pins) throws ExchangeException {
        ObjectNode root = JsonFiles.header(format, 1);
        ArrayNode list = root.putArray(listName);
        for (P p : pins) writer.write(p, list.addObject());
        try {
            KeyRing.createPrivateDir(dir);
        } catch (IOException e) {
            throw new ExchangeException(ExchangeException.Problem.IO, "Clearframe could not create " + dir + ": " + e.getMessage(), e);
        }
        JsonFiles.write(file(), root);
    }
}
