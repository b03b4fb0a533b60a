package org.clearframe.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.ConsentDocument;
import org.clearframe.model.ConsentKind;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.Factor;
import org.clearframe.model.Format;
import org.clearframe.model.Genre;
import org.clearframe.model.IntExt;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.Representation;
import org.clearframe.model.Scan;
import org.clearframe.model.ProductionData;
import org.clearframe.model.ReferenceImage;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.rules.Policy;
import org.clearframe.rules.PolicyException;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.ProofRepository.Evidence;
import org.clearframe.store.StoreException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;
import static org.clearframe.exchange.IdChecks.known;
import static org.clearframe.exchange.IdChecks.unique;

/**
 * A whole production as one JSON file ({@code "format": "clearframe-project"}), for backup and for moving a
 * production between machines. Every table is written with its ids, in the production's own order, so an import
 * gives back an equal {@link ProductionData}. The shape is documented in src/docs/exchange-format.md.
 */
public final class ProjectJson {

    public static final String FORMAT = "clearframe-project";
    /** 2: sign-offs travel with their proofs and the signed replies behind them. 3: performer facts, scans, consents and
     *  their attached documents. 4: the shoot calendar, contacts, shared packages and signed contents (ProducerRecords).
     *  Every older version still imports (with none of what came later). */
    public static final int SCHEMA_VERSION = 4;
    /** Generous, because reference images travel inside the file; still refuses a file that cannot be ours. */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    private static final String WHAT = "a Clearframe project file";

    /** What a project file holds: the production, the shots' reference images, and the evidence behind the sign-offs. */
    public record Contents(ProductionData data, Map<UUID, ReferenceImage> images, Evidence evidence, List<Attached> documents,
                           ProducerRecords producer) {
        public Contents {
            images = Map.copyOf(images);
            Objects.requireNonNull(evidence, "evidence");
            documents = documents == null ? List.of() : List.copyOf(documents);
            producer = producer == null ? ProducerRecords.NONE : producer;
        }

        public Contents(ProductionData data, Map<UUID, ReferenceImage> images, Evidence evidence, List<Attached> documents) {
            this(data, images, evidence, documents, ProducerRecords.NONE);
        }

        public Contents(ProductionData data, Map<UUID, ReferenceImage> images, Evidence evidence) {
            this(data, images, evidence, List.of());
        }

        public Contents withDocuments(List<Attached> attached) {
            return new Contents(data, images, evidence, attached, producer);
        }

        /** The same contents with the producer's schedule, contacts, packages and signed contents (schema 8). */
        public Contents withProducer(ProducerRecords records) {
            return new Contents(data, images, evidence, documents, records);
        }

        /** Contents whose sign-offs carry no proof: they are marked as recorded before proofs were kept. */
        public Contents(ProductionData data, Map<UUID, ReferenceImage> images) {
            this(data, images, new Evidence(List.of(), List.of(), data.signOffs().stream().map(SignOff::id).collect(java.util.stream.Collectors.toSet())));
        }
    }

    /** A document attached in the production (a signed consent) with its bytes. */
    public record Attached(ConsentDocument document, byte[] bytes) {}

    private ProjectJson() {}

    // ---------------------------------------------------------------------------------------------- export

    /**
     * Writes the open production, with its reference images, to {@code out}. Written as it goes: the images and
     * attached documents are read from the production one at a time, and no tree or text of the whole file is held.
     */
    public static void export(ProductionStore store, Path out) throws ExchangeException {
        Contents contents;
        List<ConsentDocument> documents;
        Set<UUID> withImages;
        try {
            SignedRecord record = SignedRecord.load(store);
            documents = store.documents();
            contents = ProofsInJson.exportable(record, store.proofs().evidence(), Map.of())
                    .withProducer(ProducerRecords.of(store, record.data()));
            withImages = store.shotsWithReferenceImages(); // most shots have none: they are not asked one by one
        } catch (StoreException e) {
            throw new ExchangeException(Problem.IO, e.getMessage(), e);
        }
        stream(out, contents.data(), contents.evidence(), contents.producer(), documents,
                d -> new Attached(d, store.documentBytes(d.id()).orElseThrow()),
                shot -> withImages.contains(shot) ? store.referenceImage(shot).orElse(null) : null);
    }

    /** Reads the production file {@code file} (without changing it) and writes it to {@code out}. */
    public static void export(Path file, Path out) throws ExchangeException {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            export(store, out);
        } catch (ProjectFileException e) {
            throw new ExchangeException(Problem.IO, e.getMessage(), e);
        }
    }

    public static void write(Contents contents, Path out) throws ExchangeException {
        Map<UUID, Attached> byId = new LinkedHashMap<>();
        contents.documents().forEach(a -> byId.put(a.document().id(), a));
        stream(out, contents.data(), contents.evidence(), contents.producer(), contents.documents().stream().map(Attached::document).toList(),
                d -> byId.get(d.id()), contents.images()::get);
    }

    /** One row's large part, fetched only when it is written. */
    private interface Fetch<K, V> {
        V get(K key) throws StoreException;
    }

    /** The same bytes {@link #toJson} gives through {@link JsonFiles#write}, without the tree. */
    private static void stream(Path out, ProductionData data, Evidence evidence, ProducerRecords producer, List<ConsentDocument> documents,
                               Fetch<ConsentDocument, Attached> attached, Fetch<UUID, ReferenceImage> images) throws ExchangeException {
        JsonFiles.stream(out, g -> {
            try {
                g.writeStartObject();
                JsonFields.write(g, JsonFiles.header(FORMAT, SCHEMA_VERSION));
                g.writeStringField("exportedAt", Instant.now().toString());
                g.writeFieldName("production");
                g.writeTree(production(data.production()));
                array(g, "departments", data.departments(), ProjectJson::department);
                array(g, "cast", data.cast(), ProjectJson::castMember);
                array(g, "scenes", data.scenes(), ProjectJson::scene);
                array(g, "shots", data.shots(), ProjectJson::shot);
                array(g, "signOffs", data.signOffs(), ProjectJson::signOff);
                array(g, "scans", data.scans(), ProjectJson::scan);
                array(g, "consents", data.consents(), ProjectJson::consent);
                g.writeArrayFieldStart("consentDocuments");
                for (ConsentDocument d : documents) {
                    Attached a = attached.get(d);
                    if (a == null) continue;
                    g.writeTree(document(a));
                }
                g.writeEndArray();
                ObjectNode proofs = JsonFiles.MAPPER.createObjectNode();
                ProofsInJson.write(evidence, proofs);
                JsonFields.write(g, proofs);
                if (data.policyJson().isEmpty()) g.writeNullField("policyJson");
                else g.writeStringField("policyJson", data.policyJson());
                // the calendar, contacts and packages are small beside the shots: written as one tree each
                ObjectNode schedule = JsonFiles.MAPPER.createObjectNode();
                producer.write(schedule);
                JsonFields.write(g, schedule);
                g.writeArrayFieldStart("referenceImages");
                for (Shot s : data.shots()) {
                    ReferenceImage image = images.get(s.id());
                    if (image != null) g.writeTree(image(s.id(), image));
                }
                g.writeEndArray();
                g.writeEndObject();
            } catch (StoreException e) {
                throw new java.io.IOException(e.getMessage(), e);
            }
        });
    }

    private static <T> void array(com.fasterxml.jackson.core.JsonGenerator g, String field, List<T> rows,
                                  java.util.function.Function<T, ObjectNode> json) throws java.io.IOException {
        g.writeArrayFieldStart(field);
        for (T row : rows) g.writeTree(json.apply(row));
        g.writeEndArray();
    }

    /** The whole file as a tree: for checks and tests that read it back; exports stream the same shape. */
    public static ObjectNode toJson(Contents contents) {
        ProductionData data = contents.data();
        ObjectNode root = JsonFiles.header(FORMAT, SCHEMA_VERSION);
        root.put("exportedAt", Instant.now().toString());
        root.set("production", production(data.production()));
        ArrayNode departments = root.putArray("departments");
        for (Department d : data.departments()) departments.add(department(d));
        ArrayNode cast = root.putArray("cast");
        for (CastMember m : data.cast()) cast.add(castMember(m));
        ArrayNode scenes = root.putArray("scenes");
        for (Scene s : data.scenes()) scenes.add(scene(s));
        ArrayNode shots = root.putArray("shots");
        for (Shot s : data.shots()) shots.add(shot(s));
        ArrayNode signOffs = root.putArray("signOffs");
        for (SignOff s : data.signOffs()) signOffs.add(signOff(s));
        ArrayNode scans = root.putArray("scans");
        for (Scan s : data.scans()) scans.add(scan(s));
        ArrayNode consents = root.putArray("consents");
        for (Consent c : data.consents()) consents.add(consent(c));
        ArrayNode documents = root.putArray("consentDocuments");
        for (Attached a : contents.documents()) documents.add(document(a));
        ProofsInJson.write(contents.evidence(), root);
        if (data.policyJson().isEmpty()) root.putNull("policyJson");
        else root.put("policyJson", data.policyJson());
        contents.producer().write(root);
        ArrayNode images = root.putArray("referenceImages");
        for (Shot s : data.shots()) {
            ReferenceImage image = contents.images().get(s.id());
            if (image != null) images.add(image(s.id(), image));
        }
        return root;
    }

    private static ObjectNode document(Attached a) {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("id", a.document().id().toString());
        o.put("fileName", a.document().fileName());
        o.put("mediaType", a.document().mediaType());
        o.put("sha256", a.document().sha256());
        o.put("attachedAt", a.document().attachedAt().toString());
        o.put("data", Base64.getEncoder().encodeToString(a.bytes()));
        return o;
    }

    private static ObjectNode image(UUID shotId, ReferenceImage image) {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("shotId", shotId.toString());
        o.put("mediaType", image.mediaType());
        o.put("data", Base64.getEncoder().encodeToString(image.bytes()));
        return o;
    }

    static ObjectNode production(Production p) {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("id", p.id().toString());
        o.put("title", p.title());
        o.put("format", p.format().name());
        o.put("genre", p.genre().name());
        o.put("studio", p.studio());
        o.put("producer", p.producer());
        o.put("director", p.director());
        if (p.principalPhotography() == null) o.putNull("principalPhotography");
        else o.put("principalPhotography", p.principalPhotography().toString());
        o.put("notes", p.notes());
        return o;
    }

    static ObjectNode department(Department d) {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("id", d.id().toString());
        o.put("name", d.name());
        o.put("headName", d.headName());
        o.put("email", d.email());
        o.put("colour", d.colour());
        return o;
    }

    static ObjectNode castMember(CastMember m) {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("id", m.id().toString());
        o.put("performer", m.performer());
        o.put("character", m.character());
        o.put("unionMember", m.unionMember().name());
        o.put("deceased", m.deceased());
        o.put("minor", m.minor());
        o.put("representation", m.representation().name());
        return o;
    }

    static ObjectNode scan(Scan s) {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("id", s.id().toString());
        o.put("castId", s.castId().toString());
        date(o, "scannedOn", s.scannedOn());
        date(o, "noticeGivenOn", s.noticeGivenOn());
        o.put("businessReason", s.businessReason());
        return o;
    }

    static ObjectNode consent(Consent c) {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("id", c.id().toString());
        if (c.castId() == null) o.putNull("castId");
        else o.put("castId", c.castId().toString());
        o.put("givenBy", c.givenBy());
        o.put("kind", c.kind().name());
        o.put("productionId", c.productionId().toString());
        ids(o, "sceneIds", c.sceneIds());
        ids(o, "shotIds", c.shotIds());
        ArrayNode t = o.putArray("techniques");
        c.techniques().stream().sorted().forEach(x -> t.add(x.name()));
        o.put("purpose", c.purpose());
        o.put("description", c.description());
        date(o, "givenOn", c.givenOn());
        if (c.documentId() == null) o.putNull("documentId");
        else o.put("documentId", c.documentId().toString());
        date(o, "withdrawnOn", c.withdrawnOn());
        o.put("compensation", c.compensation());
        return o;
    }

    private static void date(ObjectNode o, String field, java.time.LocalDate d) {
        if (d == null) o.putNull(field);
        else o.put(field, d.toString());
    }

    static ObjectNode scene(Scene s) {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("id", s.id().toString());
        o.put("number", s.number());
        o.put("intExt", s.intExt().name());
        o.put("set", s.set());
        o.put("timeOfDay", s.timeOfDay());
        o.put("synopsis", s.synopsis());
        o.put("eighths", s.eighths());
        o.put("storyDay", s.storyDay());
        ids(o, "castIds", s.castIds());
        o.put("omitted", s.omitted());
        return o;
    }

    static ObjectNode shot(Shot s) {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("id", s.id().toString());
        o.put("sceneId", s.sceneId().toString());
        o.put("number", s.number());
        o.put("description", s.description());
        if (s.size() == null) o.putNull("size");
        else o.put("size", s.size().name());
        o.put("angle", s.angle());
        o.put("movement", s.movement());
        o.put("lens", s.lens());
        o.put("durationSeconds", s.durationSeconds());
        ids(o, "departmentIds", s.departmentIds());
        o.put("notes", s.notes());
        ArrayNode uses = o.putArray("aiUses");
        for (AiUse u : s.aiUses()) uses.add(aiUse(u));
        return o;
    }

    static ObjectNode aiUse(AiUse u) {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("id", u.id().toString());
        o.put("technique", u.technique().name());
        o.put("purpose", u.purpose());
        o.put("tool", u.tool());
        o.put("output", u.output().name());
        ids(o, "performerIds", u.performerIds());
        ids(o, "departmentIds", u.departmentIds());
        names(o, "uploads", u.uploads());
        o.put("vendorTrains", u.vendorTrains().name());
        names(o, "factors", u.factors());
        o.put("notes", u.notes());
        // only when recorded, so files and packages without it stay byte for byte as before
        if (u.frameSharePercent() != null) o.put("frameSharePercent", u.frameSharePercent().intValue());
        return o;
    }

    static ObjectNode signOff(SignOff s) {
        ObjectNode o = JsonFiles.MAPPER.createObjectNode();
        o.put("id", s.id().toString());
        o.put("shotId", s.shotId().toString());
        o.put("ruleId", s.ruleId());
        o.put("role", s.role().name());
        if (s.subjectId() == null) o.putNull("subjectId");
        else o.put("subjectId", s.subjectId().toString());
        o.put("signer", s.signer());
        o.put("decision", s.decision().name());
        o.put("note", s.note());
        o.put("signedAt", s.signedAt().toString());
        o.put("fingerprint", s.fingerprint());
        if (s.subjectId() != null) o.put("subjectName", s.subjectName());
        return o;
    }

    static void ids(ObjectNode o, String field, List<UUID> ids) {
        ArrayNode a = o.putArray(field);
        for (UUID id : ids) a.add(id.toString());
    }

    /** Enum sets in declaration order, so the same set always reads the same in the file. */
    static void names(ObjectNode o, String field, Set<? extends Enum<?>> values) {
        ArrayNode a = o.putArray(field);
        values.stream().sorted((x, y) -> Integer.compare(x.ordinal(), y.ordinal())).forEach(v -> a.add(v.name()));
    }

    // ---------------------------------------------------------------------------------------------- import

    /** Reads and checks a project file; nothing is written. */
    public static Contents read(Path file) throws ExchangeException {
        String name = file.getFileName().toString();
        Rows rows = new Rows(name);
        ObjectNode root = JsonFiles.readStreaming(file, WHAT, FORMAT, SCHEMA_VERSION, MAX_BYTES, rows);
        return fromJson(root, name, rows);
    }

    /**
     * The shots and sign-offs of a file read as a stream: each entry becomes a record as it is parsed, so the file's
     * largest arrays are never held as trees. Taken only once the header said this is a project file of a schema
     * this version reads (and, for sign-offs, once the cast they name is in), otherwise they arrive as trees.
     */
    private static final class Rows implements JsonFiles.Streamed {
        private final String file;
        List<Shot> shots;
        List<SignOff> signOffs;
        private Map<UUID, String> castNames;

        Rows(String file) {
            this.file = file;
        }

        @Override
        public boolean takes(String field, ObjectNode root) {
            if (!JsonFiles.headerReadable(root, FORMAT, SCHEMA_VERSION)) return false;
            if (field.equals("shots")) {
                shots = new ArrayList<>();
                return true;
            }
            if (field.equals("signOffs") && root.path("cast").isArray()) {
                castNames = new java.util.HashMap<>();
                try {
                    for (JsonIn m : JsonIn.root(root, file).objects("cast")) {
                        CastMember c = readCastMember(m);
                        castNames.put(c.id(), c.performer());
                    }
                } catch (ExchangeException | RuntimeException e) {
                    return false; // the cast is refused when it is read; the sign-offs wait as a tree until then
                }
                signOffs = new ArrayList<>();
                return true;
            }
            return false;
        }

        @Override
        public void entry(String field, int index, com.fasterxml.jackson.databind.JsonNode entry) throws ExchangeException {
            try {
                JsonIn in = JsonIn.element(entry, field, index, file);
                if (field.equals("shots")) shots.add(readShot(in));
                else signOffs.add(readSignOff(in, castNames));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ExchangeException(Problem.INVALID, file + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Creates the new production file {@code target} from the project file {@code json}, all-or-nothing: the
     * production is built under a temporary name and moved into place only when complete.
     */
    public static ProductionData importTo(Path json, Path target) throws ExchangeException {
        if (Files.exists(target)) {
            throw new ExchangeException(Problem.IO, target.getFileName() + " already exists; choose a new file name for the imported production.");
        }
        Contents contents = read(json);
        Path temp = target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".importing");
        try {
            JsonFiles.deleteQuietly(temp);
            Map<UUID, byte[]> bytes = new java.util.HashMap<>();
            contents.documents().forEach(a -> bytes.put(a.document().id(), a.bytes()));
            ProductionStore.createFrom(temp, contents.data(), contents.documents().stream().map(Attached::document).toList(), bytes);
            try (ProductionStore store = ProductionStore.open(temp)) {
                for (Map.Entry<UUID, ReferenceImage> e : contents.images().entrySet()) store.setReferenceImage(e.getKey(), e.getValue());
                Evidence ev = contents.evidence();
                store.proofs().record(ev.replies(), List.of(), ev.proofs(), ev.beforeProofs(), ev.checkpoints(), null);
                contents.producer().writeTo(store);
            }
            org.clearframe.OutputFile.moveIntoPlaceNew(temp, target);
            return contents.data();
        } catch (ProjectFileException | StoreException | java.io.IOException e) {
            JsonFiles.deleteQuietly(temp);
            throw new ExchangeException(Problem.IO, "Clearframe could not create " + target.getFileName() + ": " + e.getMessage(), e);
        }
    }

    public static Contents fromJson(ObjectNode rootNode, String fileName) throws ExchangeException {
        return fromJson(rootNode, fileName, new Rows(fileName));
    }

    private static Contents fromJson(ObjectNode rootNode, String fileName, Rows streamed) throws ExchangeException {
        JsonIn root = JsonIn.root(rootNode, fileName);
        try {
            Production production = readProduction(root.object("production"));
            List<Department> departments = new ArrayList<>();
            for (JsonIn d : root.objects("departments")) departments.add(readDepartment(d));
            List<CastMember> cast = new ArrayList<>();
            for (JsonIn m : root.objects("cast")) cast.add(readCastMember(m));
            List<Scene> scenes = new ArrayList<>();
            for (JsonIn s : root.objects("scenes")) scenes.add(readScene(s));
            List<Shot> shots = streamed.shots;
            if (shots == null) {
                shots = new ArrayList<>();
                for (JsonIn s : root.objects("shots")) shots.add(readShot(s));
            }
            List<SignOff> signOffs = streamed.signOffs;
            if (signOffs == null) {
                signOffs = new ArrayList<>();
                Map<UUID, String> castNames = new java.util.HashMap<>();
                cast.forEach(c -> castNames.put(c.id(), c.performer()));
                for (JsonIn s : root.objects("signOffs")) signOffs.add(readSignOff(s, castNames));
            }
            String policy = root.textOr("policyJson");
            // Scans, consents and their documents came with schema 3; an older file simply has none.
            List<Scan> scans = new ArrayList<>();
            for (JsonIn s : root.objects("scans")) scans.add(readScan(s));
            List<Consent> consents = new ArrayList<>();
            for (JsonIn c : root.objects("consents")) consents.add(readConsent(c));
            List<Attached> attached = new ArrayList<>();
            for (JsonIn d : root.objects("consentDocuments")) attached.add(readDocument(d, fileName));
            ProductionData data = new ProductionData(production, departments, cast, scenes, shots, signOffs, policy, scans, consents);
            Map<UUID, ReferenceImage> images = new LinkedHashMap<>();
            for (JsonIn i : root.objects("referenceImages")) {
                UUID shot = i.uuid("shotId");
                if (images.put(shot, new ReferenceImage(i.nonBlank("mediaType", 200), i.base64("data"))) != null) {
                    throw IdChecks.duplicate(fileName, "reference image for shot", shot);
                }
            }
            checkReferences(fileName, data, images.keySet());
            checkConsentReferences(fileName, data, attached);
            checkPolicy(fileName, policy);
            // Every sign-off must come with a proof that holds here, exactly as the file's own loader would demand.
            Evidence evidence = ProofsInJson.read(root, data);
            ProofsInJson.requireProven(fileName, data, evidence);
            return new Contents(data, images, evidence, attached, ProducerRecords.read(root, data, fileName));
        } catch (IllegalArgumentException | NullPointerException e) {
            // A value the model itself refuses (a negative page length or duration).
            throw new ExchangeException(Problem.INVALID, fileName + ": " + e.getMessage(), e);
        }
    }

    static Production readProduction(JsonIn p) throws ExchangeException {
        return new Production(p.uuid("id"), p.textOr("title"), p.enumValue("format", Format.class), p.enumValue("genre", Genre.class),
                p.textOr("studio"), p.textOr("producer"), p.textOr("director"), p.dateOrNull("principalPhotography"), p.textOr("notes"));
    }

    private static Department readDepartment(JsonIn d) throws ExchangeException {
        return new Department(d.uuid("id"), d.textOr("name"), d.textOr("headName"), d.textOr("email"), d.textOr("colour"));
    }

    private static CastMember readCastMember(JsonIn m) throws ExchangeException {
        return new CastMember(m.uuid("id"), m.textOr("performer"), m.textOr("character"), m.enumValue("unionMember", Tristate.class),
                m.boolOr("deceased", false), m.boolOr("minor", false),
                m.has("representation") ? m.enumValue("representation", Representation.class) : Representation.UNKNOWN);
    }

    private static Scan readScan(JsonIn s) throws ExchangeException {
        return new Scan(s.uuid("id"), s.uuid("castId"), s.dateOrNull("scannedOn"), s.dateOrNull("noticeGivenOn"), s.textOr("businessReason"));
    }

    private static Consent readConsent(JsonIn c) throws ExchangeException {
        return new Consent(c.uuid("id"), c.uuidOrNull("castId"), c.textOr("givenBy"), c.enumValue("kind", ConsentKind.class),
                c.uuid("productionId"), c.uuids("sceneIds"), c.uuids("shotIds"), c.enumSet("techniques", Technique.class), c.textOr("purpose"),
                c.textOr("description"), c.dateOrNull("givenOn"), c.uuidOrNull("documentId"), c.dateOrNull("withdrawnOn"), c.textOr("compensation"));
    }

    /** A document's bytes must be the ones its fingerprint names: a swapped file is refused, not kept under the old name. */
    private static Attached readDocument(JsonIn d, String fileName) throws ExchangeException {
        byte[] bytes = d.base64("data");
        String sha = d.nonBlank("sha256", 64);
        String actual = org.clearframe.Sha256.hex(bytes);
        if (!actual.equalsIgnoreCase(sha)) throw d.invalid("data", "does not match its sha256: the attached document was changed.");
        return new Attached(new ConsentDocument(d.uuid("id"), d.textOr("fileName"), d.textOr("mediaType"), bytes.length, actual,
                d.instant("attachedAt")), bytes);
    }

    /** Scans belong to cast rows in the file; a consent's document must be one the file carries; ids are unique. */
    private static void checkConsentReferences(String file, ProductionData data, List<Attached> attached) throws ExchangeException {
        Set<UUID> cast = data.cast().stream().map(CastMember::id).collect(java.util.stream.Collectors.toSet());
        unique(file, "scan", data.scans().stream().map(Scan::id).toList());
        unique(file, "consent", data.consents().stream().map(Consent::id).toList());
        Set<UUID> docs = unique(file, "consent document", attached.stream().map(a -> a.document().id()).toList());
        for (Scan s : data.scans()) known(file, cast, s.castId(), "scan " + s.id() + " is for cast member");
        for (Consent c : data.consents()) {
            if (c.documentId() != null) known(file, docs, c.documentId(), "consent " + c.id() + " names document");
        }
    }

    private static Scene readScene(JsonIn s) throws ExchangeException {
        int eighths = s.integer("eighths");
        if (eighths < 0) throw s.invalid("eighths", "cannot be negative.");
        return new Scene(s.uuid("id"), s.textOr("number"), s.enumValue("intExt", IntExt.class), s.textOr("set"), s.textOr("timeOfDay"),
                s.textOr("synopsis"), eighths, s.textOr("storyDay"), s.uuids("castIds"), s.boolOr("omitted", false));
    }

    private static Shot readShot(JsonIn s) throws ExchangeException {
        double duration = s.number("durationSeconds");
        if (!(duration >= 0) || Double.isInfinite(duration)) throw s.invalid("durationSeconds", "must be zero or more seconds.");
        List<AiUse> uses = new ArrayList<>();
        for (JsonIn u : s.objects("aiUses")) uses.add(readAiUse(u));
        return new Shot(s.uuid("id"), s.uuid("sceneId"), s.textOr("number"), s.textOr("description"), s.enumOrNull("size", ShotSize.class),
                s.textOr("angle"), s.textOr("movement"), s.textOr("lens"), duration, s.uuids("departmentIds"), s.textOr("notes"), uses);
    }

    static AiUse readAiUse(JsonIn u) throws ExchangeException {
        return new AiUse(u.uuid("id"), u.enumValue("technique", Technique.class), u.textOr("purpose"), u.textOr("tool"),
                u.enumValue("output", Output.class), u.uuids("performerIds"), u.uuids("departmentIds"), u.enumSet("uploads", Material.class),
                u.enumValue("vendorTrains", Tristate.class), u.enumSet("factors", Factor.class), u.textOr("notes"), frameShare(u));
    }

    private static Integer frameShare(JsonIn u) throws ExchangeException {
        if (!u.has("frameSharePercent")) return null;
        int percent = u.integer("frameSharePercent");
        if (percent < 0 || percent > 100) throw u.invalid("frameSharePercent", "must be a percentage from 0 to 100.");
        return percent;
    }

    /** A file from before signatures were bound to names binds them to the cast row's name, as the V3 migration does. */
    private static SignOff readSignOff(JsonIn s, Map<UUID, String> castNames) throws ExchangeException {
        UUID subject = s.uuidOrNull("subjectId");
        String name = s.has("subjectName") ? s.textOr("subjectName") : subject == null ? "" : castNames.getOrDefault(subject, "");
        return new SignOff(s.uuid("id"), s.uuid("shotId"), s.nonBlank("ruleId", 200), s.enumValue("role", Role.class), subject,
                s.textOr("signer"), s.enumValue("decision", Decision.class), s.textOr("note"), s.instant("signedAt"), s.textOr("fingerprint"), name);
    }

    /**
     * A stored policy must read, or the production would be born unable to evaluate its flags (and, before 0.2,
     * silently judged by the built-in policy instead). Refused here with the policy's own error.
     */
    private static void checkPolicy(String file, String policyJson) throws ExchangeException {
        if (policyJson.isBlank()) return;
        try {
            Policy.parse(policyJson, file + " (policyJson)");
        } catch (PolicyException e) {
            throw new ExchangeException(Problem.INVALID, "The studio policy in " + e.getMessage()
                    + ". Nothing was imported: correct the policy in the file, or remove policyJson to use the built-in policy.", e);
        }
    }

    /** Every id unique in its table, and every reference pointing at a row that is in the file. */
    private static void checkReferences(String file, ProductionData data, Collection<UUID> imageShots) throws ExchangeException {
        Set<UUID> departments = unique(file, "department", data.departments().stream().map(Department::id).toList());
        Set<UUID> cast = unique(file, "cast member", data.cast().stream().map(CastMember::id).toList());
        Set<UUID> scenes = unique(file, "scene", data.scenes().stream().map(Scene::id).toList());
        Set<UUID> shots = unique(file, "shot", data.shots().stream().map(Shot::id).toList());
        unique(file, "AI use", data.shots().stream().flatMap(s -> s.aiUses().stream()).map(AiUse::id).toList());
        unique(file, "sign-off", data.signOffs().stream().map(SignOff::id).toList());
        for (Scene s : data.scenes()) {
            for (UUID c : s.castIds()) known(file, cast, c, "scene " + s.number() + " lists cast member");
        }
        for (Shot s : data.shots()) {
            known(file, scenes, s.sceneId(), "shot " + s.number() + " belongs to scene");
            for (UUID d : s.departmentIds()) known(file, departments, d, "shot " + s.number() + " lists department");
            for (AiUse u : s.aiUses()) {
                for (UUID c : u.performerIds()) known(file, cast, c, "an AI use on shot " + s.number() + " lists performer");
                for (UUID d : u.departmentIds()) known(file, departments, d, "an AI use on shot " + s.number() + " lists department");
            }
        }
        IdChecks.uniqueShotNumbers(file, data.scenes(), data.shots());
        for (SignOff s : data.signOffs()) known(file, shots, s.shotId(), "sign-off " + s.id() + " is for shot");
        for (UUID shot : imageShots) known(file, shots, shot, "a reference image is for shot");
    }
}
