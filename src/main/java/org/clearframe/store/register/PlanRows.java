package org.clearframe.store.register;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.rules.Fingerprint;
import org.clearframe.rules.Flag;
import org.clearframe.rules.Names;
import org.clearframe.rules.RequiredSignature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A production's plan as register rows, table by table, each with a hash of its content: publishing compares these
 * hashes with the ones in the register and sends only the rows that differ.
 */
final class PlanRows {

    /** One row: its id, its column values in {@link Table#columns} order, and the hash of those values. */
    record Row(UUID id, Object[] values, String hash) {
        static Row of(UUID id, Object... values) {
            StringBuilder b = new StringBuilder();
            for (Object v : values) {
                b.append(v instanceof Object[] a ? Arrays.toString(a) : String.valueOf(v)).append('\u001f');
            }
            // The first 16 bytes of the SHA-256, as before; the digest is cloned because looking one up per row costs more than hashing it.
            byte[] digest = sha256().digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return new Row(id, values, HEX.formatHex(digest, 0, 16));
        }

        /** Which of {@link #BUCKETS} share-out groups the row falls into: the low bits of its id (the id's last hex digits). */
        int bucket() {
            return (int) (id.getLeastSignificantBits() & (BUCKETS - 1));
        }
    }

    /** Each table's rows are shared out into this many buckets by id, each with its own digest, so a re-publish compares only the buckets that changed. */
    static final int BUCKETS = 64;

    /** The same bucket as {@link Row#bucket()}, computed by PostgreSQL from the id's last byte. */
    static final String BUCKET_SQL = "(('x' || right(id::text, 2))::bit(8)::int & " + (BUCKETS - 1) + ")";

    private static final java.util.HexFormat HEX = java.util.HexFormat.of();
    private static final java.security.MessageDigest SHA256, MD5;

    static {
        try {
            SHA256 = java.security.MessageDigest.getInstance("SHA-256");
            MD5 = java.security.MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static java.security.MessageDigest sha256() {
        try {
            return (java.security.MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plan table: its name and the columns publishing writes (besides id, production_id, owner and row_hash). */
    record Table(String name, List<String> columns) {}

    static final Table SCENES = new Table("scenes", List.of("position", "number", "heading"));
    static final Table SHOTS = new Table("shots", List.of("scene_id", "number", "description", "fingerprint"));
    static final Table AI_USES = new Table("ai_uses", List.of("shot_id", "technique", "purpose", "tool", "tool_key", "output",
            "vendor_trains", "performer_ids"));
    static final Table PEOPLE = new Table("people", List.of("name", "name_key", "member_id", "character", "likeness_uses", "consents"));
    static final Table FLAGS = new Table("flags", List.of("shot_id", "ai_use_id", "rule_id", "blocking", "open", "open_roles",
            "studio_open", "fingerprint"));
    static final Table PACKAGES = new Table("packages", List.of("department", "replies", "last_returned"));

    static final List<Table> TABLES = List.of(SCENES, SHOTS, AI_USES, PEOPLE, FLAGS, PACKAGES);

    /** Uses that make a replica, likeness or voice of a person: the ones a studio tracks across productions. */
    static final Set<Technique> LIKENESS = EnumSet.of(Technique.DIGITAL_REPLICA, Technique.DE_AGING, Technique.FACE_BODY_REPLACEMENT,
            Technique.PERFORMANCE_ALTERATION, Technique.VOICE_SYNTHESIS);

    private PlanRows() {}

    static Map<Table, List<Row>> of(Publication p) {
        ProductionData data = p.data();
        Map<Table, List<Row>> rows = new LinkedHashMap<>();
        List<Row> scenes = new ArrayList<>(data.scenes().size());
        int position = 0;
        for (Scene s : data.scenes()) scenes.add(Row.of(s.id(), position++, s.number(), s.heading()));
        rows.put(SCENES, scenes);

        List<Row> shots = new ArrayList<>(data.shots().size());
        List<Row> uses = new ArrayList<>();
        Map<UUID, Integer> likeness = new HashMap<>();
        Map<UUID, String> fingerprints = new HashMap<>(data.shots().size() * 2);
        Memo before = memo(data.production().id()), after = new Memo(new HashMap<>(data.shots().size() * 2), new HashMap<>());
        for (Shot shot : data.shots()) {
            ShotRows made = before.shots().get(shot);
            if (made == null) made = ShotRows.of(shot);
            after.shots().put(shot, made);
            fingerprints.put(shot.id(), made.fingerprint());
            shots.add(made.shot());
            uses.addAll(made.uses());
            for (AiUse u : shot.aiUses()) {
                if (LIKENESS.contains(u.technique())) u.performerIds().forEach(id -> likeness.merge(id, 1, Integer::sum));
            }
        }
        rows.put(SHOTS, shots);
        rows.put(AI_USES, uses);

        List<Row> people = new ArrayList<>(data.cast().size());
        Map<UUID, Integer> consents = new HashMap<>();
        for (Consent c : data.consents()) if (c.castId() != null && !c.withdrawn()) consents.merge(c.castId(), 1, Integer::sum);
        for (CastMember m : data.cast()) {
            people.add(Row.of(m.id(), m.performer(), Names.normalise(m.performer()), null, m.character(),
                    likeness.getOrDefault(m.id(), 0), consents.getOrDefault(m.id(), 0)));
        }
        rows.put(PEOPLE, people);

        List<Row> flags = new ArrayList<>();
        // In the plan's shot order (the flags map has none), so a table's digests do not change from one run to the next.
        List<UUID> flagged = new ArrayList<>(p.flags().size());
        for (Shot shot : data.shots()) if (p.flags().containsKey(shot.id())) flagged.add(shot.id());
        if (flagged.size() < p.flags().size()) p.flags().keySet().stream().filter(id -> !fingerprints.containsKey(id)).sorted().forEach(flagged::add);
        for (UUID shotId : flagged) {
            String fp = fingerprints.getOrDefault(shotId, "");
            Map<String, Integer> seen = new HashMap<>();
            for (Flag f : p.flags().get(shotId)) {
                // One rule can flag one AI use more than once (once per performer a consent must cover): number them.
                int nth = seen.merge(f.aiUse().id() + ":" + f.rule().id(), 1, Integer::sum);
                FlagKey key = new FlagKey(f, nth, fp);
                Row row = before.flags().get(key);
                if (row == null) row = flagRow(f, nth, fp);
                after.flags().put(key, row);
                flags.add(row);
            }
        }
        rows.put(FLAGS, flags);
        remember(data.production().id(), after);

        Map<UUID, List<Publication.Reply>> byPackage = new LinkedHashMap<>();
        for (Publication.Reply r : p.replies()) byPackage.computeIfAbsent(r.packageId(), k -> new ArrayList<>()).add(r);
        List<Row> packages = new ArrayList<>();
        for (Map.Entry<UUID, List<Publication.Reply>> e : byPackage.entrySet()) {
            var last = e.getValue().stream().map(Publication.Reply::receivedAt).max(java.time.Instant::compareTo).orElseThrow();
            packages.add(Row.of(e.getKey(), e.getValue().get(0).department(), e.getValue().size(),
                    java.time.OffsetDateTime.ofInstant(last, java.time.ZoneOffset.UTC)));
        }
        rows.put(PACKAGES, packages);
        return rows;
    }

    private static Row flagRow(Flag f, int nth, String fp) {
        String[] open = f.openSignatures().stream().map(RequiredSignature::role).distinct().map(Role::name).toArray(String[]::new);
        boolean studio = Arrays.asList(open).contains(Role.STUDIO_AI_CONTACT.name());
        return Row.of(flagId(f, nth), f.shotId(), f.aiUse().id(), f.rule().id(), f.blocking(), f.open(), open, studio, fp);
    }

    /** A shot's row, its AI fingerprint and its AI uses' rows. */
    record ShotRows(String fingerprint, Row shot, List<Row> uses) {
        static ShotRows of(Shot shot) {
            String fp = Fingerprint.of(shot);
            List<Row> uses = new ArrayList<>(shot.aiUses().size());
            for (AiUse u : shot.aiUses()) {
                uses.add(Row.of(u.id(), shot.id(), u.technique().name(), u.purpose(), u.tool(), Names.normalise(u.tool()), u.output().name(),
                        u.vendorTrains().name(), u.performerIds().toArray(new UUID[0])));
            }
            return new ShotRows(fp, Row.of(shot.id(), shot.sceneId(), shot.number(), shot.description(), fp), List.copyOf(uses));
        }
    }

    record FlagKey(Flag flag, int nth, String fingerprint) {}

    /**
     * The rows last made for a production, by content. Shots and flags are records made of records, strings, enums
     * and lists, so an equal one has equal rows: re-publishing after one edit hashes that edit, not the other
     * 10,000 shots again. A few productions are kept (an app has one open; a bench or a script may publish several).
     */
    record Memo(Map<Shot, ShotRows> shots, Map<FlagKey, Row> flags) {}

    private static final Map<UUID, Memo> MEMOS = new LinkedHashMap<>(8, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<UUID, Memo> eldest) {
            return size() > 4;
        }
    };

    private static Memo memo(UUID production) {
        synchronized (MEMOS) {
            Memo m = MEMOS.get(production);
            return m != null ? m : new Memo(Map.of(), Map.of());
        }
    }

    private static void remember(UUID production, Memo memo) {
        synchronized (MEMOS) {
            MEMOS.put(production, memo);
        }
    }

    /** A flag's stable id: from its shot, AI use, rule and place among that rule's flags of the use, so re-publishing finds the same row. */
    static UUID flagId(Flag f, int nth) {
        return nameUuid(("clearframe-flag:" + f.shotId() + ":" + f.aiUse().id() + ":" + f.rule().id() + ":" + nth).getBytes(StandardCharsets.UTF_8));
    }

    /** What {@link UUID#nameUUIDFromBytes} gives (a version 3 UUID), from a cloned MD5 rather than one looked up per flag. */
    static UUID nameUuid(byte[] name) {
        byte[] md5;
        try {
            md5 = ((java.security.MessageDigest) MD5.clone()).digest(name);
        } catch (CloneNotSupportedException e) {
            return UUID.nameUUIDFromBytes(name);
        }
        md5[6] = (byte) ((md5[6] & 0x0f) | 0x30);
        md5[8] = (byte) ((md5[8] & 0x3f) | 0x80);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(md5);
        return new UUID(b.getLong(), b.getLong());
    }
}
