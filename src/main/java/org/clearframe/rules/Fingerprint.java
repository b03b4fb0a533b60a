package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.Shot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The SHA-256 of a shot's AI-relevant content, stored with each sign-off. When the shot's current fingerprint
 * differs from the one signed, the sign-off is stale: the person signed a different plan.
 *
 * <p>What counts: the shot's id and description (what the shot shows is what people consent to) and every
 * field of every AI use. What does not: number, lens, size, angle, movement, duration, departments and notes
 * of the shot. Those are camera and scheduling details; renumbering a shot or changing a lens does not change
 * what anyone agreed to, and making sign-offs stale for them would teach people to re-sign without reading.
 *
 * <p>The canonical form is order-free where order means nothing (AI uses by id, performer and department ids,
 * uploads and factors sorted), and each value is length-prefixed so no two different plans encode alike.
 * The leading tag versions the form; changing it would make every sign-off stale, so do not.
 */
public final class Fingerprint {

    private static final String FORM = "clearframe-ai-fingerprint/1";
    private static final MessageDigest SHA256 = newSha256();

    private Fingerprint() {}

    public static String of(Shot shot) {
        StringBuilder b = new StringBuilder(128 + 256 * shot.aiUses().size());
        put(b, FORM);
        put(b, shot.id().toString());
        put(b, shot.description());
        List<AiUse> uses = new ArrayList<>(shot.aiUses());
        uses.sort(Comparator.comparing(u -> u.id().toString()));
        put(b, Integer.toString(uses.size()));
        for (AiUse u : uses) {
            put(b, u.id().toString());
            put(b, u.technique().name());
            put(b, u.purpose());
            put(b, u.tool());
            put(b, u.output().name());
            putIds(b, u.performerIds());
            putIds(b, u.departmentIds());
            putNames(b, u.uploads());
            put(b, u.vendorTrains().name());
            putNames(b, u.factors());
            put(b, u.notes());
        }
        return HexFormat.of().formatHex(sha256().digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void put(StringBuilder b, String value) {
        b.append(value.length()).append(':').append(value).append(';');
    }

    private static void putIds(StringBuilder b, List<UUID> ids) {
        List<String> text = new ArrayList<>(ids.size());
        for (UUID id : ids) text.add(id.toString());
        putSorted(b, text);
    }

    private static void putNames(StringBuilder b, Collection<? extends Enum<?>> values) {
        List<String> text = new ArrayList<>(values.size());
        for (Enum<?> v : values) text.add(v.name());
        putSorted(b, text);
    }

    private static void putSorted(StringBuilder b, List<String> values) {
        if (values.size() > 1) values.sort(null);
        put(b, String.join(",", values));
    }

    /** Cloning a ready digest skips the provider lookup, which costs more than hashing a shot. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
