package org.clearframe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.FuzzSigning;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.TrustStore;
import org.clearframe.model.ProductionData;
import org.clearframe.store.ProductionStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;

/**
 * The .cfreply reader on any bytes, as {@code import-reply} reads a reply, then previewed against the sample
 * production. Only {@link ExchangeException} may escape.
 *
 * <p>Two targets: {@link #reply} takes the bytes as they are, which mostly tests the signature gate (a fuzzer
 * cannot forge Ed25519); {@link #signedReply} signs whatever JSON object the bytes hold with a test key first,
 * so the field checks and the import preview behind the gate are fuzzed too. Both use only the public read
 * entry points ({@link ReplyImport#read}, {@link ReplyImport#preview}) so they follow format changes.
 */
class ReplyFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair HEAD = SharePackageFuzzTest.keys();
    private static final ProductionData SAMPLE = sample();

    @FuzzTest(maxDuration = "3m")
    void reply(byte[] input) {
        readAndPreview(FuzzFiles.write("reply" + Reply.EXTENSION, input));
    }

    @FuzzTest(maxDuration = "3m")
    void signedReply(byte[] input) {
        JsonNode json;
        try {
            json = JSON.readTree(input);
        } catch (IOException e) {
            return; // not JSON: the other target covers that
        }
        if (!(json instanceof ObjectNode object)) return;
        ObjectNode signed = FuzzSigning.sign(object, HEAD);
        if (signed == null) return;
        try {
            readAndPreview(FuzzFiles.write("signed" + Reply.EXTENSION, JSON.writeValueAsBytes(signed)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readAndPreview(Path file) {
        // A fresh trust store for every input: pins from one input must not decide the next.
        ReplyImport importer = new ReplyImport(new TrustStore(FuzzFiles.fresh("trust")));
        try {
            Reply reply = importer.read(file);
            ReplyImport.Preview preview = importer.preview(SAMPLE, reply);
            if (preview.items().size() != reply.decisions().size()) throw new AssertionError("a decision went missing in the preview");
            preview.keyLine();
            preview.items().forEach(ReplyImport.Item::describe);
        } catch (ExchangeException e) {
            FuzzFiles.assertExplained(e);
        }
    }

    private static ProductionData sample() {
        try (ProductionStore store = ProductionStore.openReadOnly(Path.of("assets/sample/harbour-lights.clearframe"))) {
            return store.load();
        } catch (Exception e) {
            throw new IllegalStateException("the sample production cannot be read", e);
        }
    }
}
