package org.clearframe.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.model.AiUse;
import org.clearframe.model.Factor;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a signer agreed to: exactly the parts of a shot its {@link Fingerprint} covers (the shot's id, its description and
 * every AI use), as text that can be kept with the sign-off and read back. Read back, it must hash to the fingerprint it
 * is kept under, or it is not what was signed and is ignored: a production file is outside input.
 */
public record ShotContent(UUID shotId, String description, List<AiUse> aiUses) {

    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final int FORM = 1;
    /** A shot's plan is small; anything larger was not written by Clearframe. */
    private static final int MAX_CHARS = 4 * 1024 * 1024;

    public ShotContent {
        aiUses = List.copyOf(aiUses);
        description = description == null ? "" : description;
    }

    public static ShotContent of(Shot shot) {
        return new ShotContent(shot.id(), shot.description(), shot.aiUses());
    }

    public String fingerprint() {
        return Fingerprint.of(asShot());
    }

    /** A shot carrying only this content (scene and camera details blank), for the fingerprint and the rules. */
    public Shot asShot() {
        return new Shot(shotId, shotId, "", description, null, "", "", "", 0, List.of(), "", aiUses);
    }

    public String encode() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("form", FORM);
        root.put("shotId", shotId.toString());
        root.put("description", description);
        ArrayNode uses = root.putArray("aiUses");
        for (AiUse u : aiUses) {
            ObjectNode o = uses.addObject();
            o.put("id", u.id().toString());
            o.put("technique", u.technique().name());
            o.put("purpose", u.purpose());
            o.put("tool", u.tool());
            o.put("output", u.output().name());
            u.performerIds().forEach(id -> o.withArray("performerIds").add(id.toString()));
            u.departmentIds().forEach(id -> o.withArray("departmentIds").add(id.toString()));
            u.uploads().stream().sorted().forEach(m -> o.withArray("uploads").add(m.name()));
            o.put("vendorTrains", u.vendorTrains().name());
            u.factors().stream().sorted().forEach(f -> o.withArray("factors").add(f.name()));
            o.put("notes", u.notes());
        }
        return root.toString();
    }

    /**
     * The content kept under {@code fingerprint}, or empty when the text is not Clearframe's form or does not hash to
     * that fingerprint (altered, or kept under the wrong key).
     */
    public static Optional<ShotContent> decode(String text, String fingerprint) {
        if (text == null || text.length() > MAX_CHARS || fingerprint == null) return Optional.empty();
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || !root.isObject() || root.path("form").asInt(-1) != FORM) return Optional.empty();
            List<AiUse> uses = new ArrayList<>();
            for (JsonNode u : list(root, "aiUses")) {
                uses.add(new AiUse(UUID.fromString(text(u, "id")), Technique.valueOf(text(u, "technique")), text(u, "purpose"),
                        text(u, "tool"), Output.valueOf(text(u, "output")), ids(u, "performerIds"), ids(u, "departmentIds"),
                        names(u, "uploads", Material.class), Tristate.valueOf(text(u, "vendorTrains")), names(u, "factors", Factor.class),
                        text(u, "notes")));
            }
            ShotContent content = new ShotContent(UUID.fromString(text(root, "shotId")), text(root, "description"), uses);
            return content.fingerprint().equals(fingerprint) ? Optional.of(content) : Optional.empty();
        } catch (java.io.IOException | RuntimeException notOurs) {
            return Optional.empty();
        }
    }

    private static Iterable<JsonNode> list(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode()) return List.of();
        if (!v.isArray()) throw new IllegalArgumentException(field + " is not a list");
        return v;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException(field + " is not text");
        return v.asText();
    }

    private static List<UUID> ids(JsonNode node, String field) {
        List<UUID> out = new ArrayList<>();
        for (JsonNode v : list(node, field)) {
            if (!v.isTextual()) throw new IllegalArgumentException(field + " holds a non-text id");
            out.add(UUID.fromString(v.asText()));
        }
        return out;
    }

    private static <E extends Enum<E>> Set<E> names(JsonNode node, String field, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        for (JsonNode v : list(node, field)) {
            if (!v.isTextual()) throw new IllegalArgumentException(field + " holds a non-text name");
            out.add(Enum.valueOf(type, v.asText()));
        }
        return out;
    }
}
