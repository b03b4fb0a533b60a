package org.clearframe.exchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** Writes a small tree's fields into the object a streaming writer has open (a header, proofs, a due date). */
public final class JsonFields {

    private JsonFields() {}

    public static void write(JsonGenerator g, ObjectNode node) throws IOException {
        for (var field = node.fields(); field.hasNext(); ) {
            var f = field.next();
            g.writeFieldName(f.getKey());
            g.writeTree(f.getValue());
        }
    }
}
