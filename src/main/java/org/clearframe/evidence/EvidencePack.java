package org.clearframe.evidence;

import org.clearframe.rules.Wording;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.AppInfo;
import org.clearframe.OutputFile;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.ConsentDocument;
import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.pdf.ExportProgress;
import org.clearframe.pdf.FileFingerprint;
import org.clearframe.rules.Assessment;
import org.clearframe.rules.Flag;
import org.clearframe.rules.FlagIndex;
import org.clearframe.rules.Policies;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.Source;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.SignOffLog;
import org.clearframe.store.ProofRepository.Evidence;
import org.clearframe.store.ProofRepository.StoredReply;
import org.clearframe.store.StoreException;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the evidence pack: one zip with the AI usage register, the shot disclosure map, the sign-off record with
 * the signed replies it rests on, the performer consent lines, the compliance statement, the audience disclosure
 * text and a manifest signed with the producer's key. Everything comes from the production as its proofs show it
 * (only proven sign-offs count; the rest are listed as not counted). The zip is streamed entry by entry, each file
 * hashed as it is written, so a large production never sits in memory as a pack. See src/docs/evidence-pack.md.
 */
public final class EvidencePack {

    static final String REGISTER = "ai-usage-register.csv";
    static final String DISCLOSURE_CSV = "shot-disclosure-map.csv";
    static final String DISCLOSURE_PDF = "shot-disclosure-map.pdf";
    static final String SIGN_OFFS = "sign-off-record.csv";
    static final String CONSENT = "performer-consent.csv";
    static final String CONSENT_PDF = "performer-consent.pdf";
    static final String STATEMENT = "compliance-statement.pdf";
    static final String AUDIENCE = "audience-disclosure.txt";
    static final String LOG = "sign-off-log.csv";
    static final List<String> LOG_HEADER = List.of("Seq", "Sign-off ID", "Entry", "Previous hash", "Hash");

    static final List<String> REGISTER_HEADER = List.of("Scene", "Shot", "Shot ID", "AI use ID", "Technique", "Purpose", "Tool",
            "Final or temporary", "AI share of frame (%)", "People touched", "Departments touched", "Uploaded to the tool",
            "Vendor trains on uploads", "Facts", "Rules raised (with sources)", "Required signatures (state, signer, date, proof, key)",
            "Consent coverage");
    static final List<String> DISCLOSURE_HEADER = List.of("Scene", "Shot", "Shot ID", "Description", "AI", "AI share of frame (%)",
            "Depicts a real person", "Audience disclosure required (EU AI Act Art. 50)", "Suggested disclosure wording");
    static final List<String> SIGN_OFF_HEADER = List.of("Sign-off ID", "Scene", "Shot", "Shot ID", "Rule", "Role", "Performer ID",
            "Performer as signed", "Signer", "Decision", "Note", "Signed at", "Fingerprint", "Status", "Counted", "Proof",
            "Proof key fingerprint", "Reply file", "Attestation basis", "Attestation key", "Attestation signature", "Remarks");
    static final List<String> CONSENT_HEADER = List.of("Performer", "Character", "Scene", "Shot", "Covers", "State", "Proof",
            "Signer", "Signed at", "Source");

    /** What was written, for the command line's and the app's summary. */
    public record Summary(Path file, List<String> files, int shots, int shotsWithAi, int aiUses, FlagIndex.Summary flags,
                          int signOffsCounted, int signOffsNotCounted, int replies, int disclosureRequired, List<String> openItems,
                          String producerKeyFingerprint) {
        public boolean blocked() {
            return flags.openBlocking() > 0;
        }
    }

    private EvidencePack() {}

    /** Where one performer's own consent package sits in the pack: consent/zoe-nino-1a2b3c4d.pdf. */
    static String personConsentFile(CastMember m) {
        String slug = java.text.Normalizer.normalize(m.performer(), java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) slug = slug.substring(0, 60);
        return "consent/" + (slug.isEmpty() ? "performer" : slug) + "-" + m.id().toString().substring(0, 8) + ".pdf";
    }

    /** Where a signed consent document sits in the pack, named by its id and kind, never by the name it came with. */
    static String documentFile(ConsentDocument d) {
        String ext = d.fileName().matches(".*\\.[A-Za-z0-9]{1,8}") ? d.fileName().substring(d.fileName().lastIndexOf('.')).toLowerCase(java.util.Locale.ROOT) : "";
        return "consent-documents/" + d.id() + ext;
    }

    /** The documents a consent record of this production rests on. */
    private static List<UUID> citedDocuments(ProductionData data, Map<UUID, ConsentDocument> documents) {
        return data.consents().stream().map(org.clearframe.model.Consent::documentId).filter(id -> id != null && documents.containsKey(id))
                .distinct().toList();
    }

    /**
     * Writes the pack of {@code production} to {@code out} (whole or not at all), signed with {@code producer}'s key.
     * Fails closed when the stored policy does not read (Policies throws PolicyUnreadable).
     */
    public static Summary write(Path production, Path out, Audience audience, KeyRing producer, ExportProgress progress)
            throws IOException, ProjectFileException, StoreException, ExchangeException {
        KeyPair keys = producer.keyPair();
        SignedRecord record;
        Evidence evidence;
        SignOffLog.Log log;
        Map<UUID, ConsentDocument> documents;
        Map<UUID, byte[]> documentBytes = new LinkedHashMap<>();
        try (ProductionStore store = ProductionStore.openReadOnly(production)) {
            record = SignedRecord.load(store, org.clearframe.exchange.RecordTrust.forKey(keys.getPublic()));
            evidence = store.proofs().evidence();
            log = store.signOffLog();
            documents = ProductionData.index(store.documents(), ConsentDocument::id);
            // The signed consent documents the record cites travel in the pack, so a reader need not take their word.
            for (UUID cited : citedDocuments(record.data(), documents)) {
                byte[] bytes = store.documentBytes(cited).orElse(null);
                if (bytes == null) continue;
                if (!org.clearframe.Sha256.hex(bytes).equalsIgnoreCase(documents.get(cited).sha256())) {
                    throw new IOException("The signed document " + documents.get(cited).fileName() + " in the production does not match the "
                            + "SHA-256 recorded when it was attached: it was altered. No pack was written.");
                }
                documentBytes.put(cited, bytes);
            }
        }
        String fileSha = FileFingerprint.sha256(production);
        Contents c = new Contents(record, evidence, documents, audience, log, progress);
        ObjectNode manifest = c.manifestHead(fileSha);
        ArrayNode files = manifest.putArray("files");
        List<String> names = new ArrayList<>();
        Instant now = Instant.now();
        OutputFile.write(out, os -> {
            ZipOutputStream zip = new ZipOutputStream(os, StandardCharsets.UTF_8);
            Entries entries = new Entries(zip, files, names, now, progress);
            entries.add(REGISTER, c::register);
            entries.add(DISCLOSURE_CSV, c::disclosureCsv);
            entries.add(DISCLOSURE_PDF, c::disclosurePdf);
            entries.add(SIGN_OFFS, c::signOffRecord);
            entries.add(LOG, c::logCsv);
            for (StoredReply r : c.replies()) entries.add(SignOffEntry.replyFile(r.id()), o -> o.write(r.bytes()));
            entries.add(CONSENT, c::consent);
            entries.add(CONSENT_PDF, c::consentPdf);
            for (CastMember m : c.performersInPack()) entries.add(personConsentFile(m), o -> c.consentPdf(o, List.of(m)));
            for (Map.Entry<UUID, byte[]> d : documentBytes.entrySet()) {
                entries.add(documentFile(documents.get(d.getKey())), o -> o.write(d.getValue()));
            }
            entries.add(STATEMENT, o -> c.statement(o, fileSha, KeyRing.fingerprint(keys.getPublic())));
            entries.add(AUDIENCE, c::audienceText);
            byte[] signed;
            try {
                signed = Manifest.sign(manifest, keys);
            } catch (ExchangeException e) {
                throw new IOException(e.getMessage(), e);
            }
            ZipEntry m = new ZipEntry(Manifest.NAME);
            m.setTime(now.toEpochMilli());
            zip.putNextEntry(m);
            zip.write(signed);
            zip.closeEntry();
            zip.finish();
        });
        names.add(Manifest.NAME);
        return new Summary(out, List.copyOf(names), c.data.shots().size(), (int) c.data.shots().stream().filter(Shot::hasAiUse).count(),
                (int) c.data.aiUseCount(), c.summary, c.entries.stream().filter(SignOffEntry::counted).mapToInt(e -> 1).sum(),
                (int) c.entries.stream().filter(e -> !e.counted()).count(), c.replies().size(), c.disclosureRequired(),
                c.openItems(), KeyRing.fingerprint(keys.getPublic()));
    }

    /** Writes zip entries, each hashed as written, and lists them in the manifest. */
    private static final class Entries {
        private final ZipOutputStream zip;
        private final ArrayNode files;
        private final List<String> names;
        private final Instant when;
        private final ExportProgress progress;

        Entries(ZipOutputStream zip, ArrayNode files, List<String> names, Instant when, ExportProgress progress) {
            this.zip = zip;
            this.files = files;
            this.names = names;
            this.when = when;
            this.progress = progress;
        }

        void add(String name, OutputFile.Body body) throws IOException {
            if (progress.isCancelled()) throw new CancellationException("The evidence pack was cancelled; nothing was written.");
            ZipEntry e = new ZipEntry(name);
            e.setTime(when.toEpochMilli());
            zip.putNextEntry(e);
            MessageDigest sha = sha256();
            long[] size = {0};
            OutputStream hashing = new FilterOutputStream(zip) {
                @Override public void write(int b) throws IOException {
                    zip.write(b);
                    sha.update((byte) b);
                    size[0]++;
                }
                @Override public void write(byte[] b, int off, int len) throws IOException {
                    zip.write(b, off, len);
                    sha.update(b, off, len);
                    size[0] += len;
                }
                @Override public void close() throws IOException { flush(); }
            };
            body.writeTo(hashing);
            hashing.flush();
            zip.closeEntry();
            ObjectNode f = files.addObject();
            f.put("name", name);
            f.put("sha256", HexFormat.of().formatHex(sha.digest()));
            f.put("bytes", size[0]);
            names.add(name);
            progress.progress(names.size(), 11);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The pack's contents, worked out once from the record. */
    private static final class Contents {
        final ProductionData data;
        final SignedRecord record;
        final Audience audience;
        final Policies.InForce policy;
        final Map<UUID, List<Flag>> flags;
        final FlagIndex.Summary summary;
        final List<SignOffEntry> entries;
        final List<ShotDisclosure> disclosures;
        final ConsentSource consent;
        final Map<UUID, Scene> scenes;
        final Map<UUID, CastMember> cast;
        final Map<UUID, Department> departments;
        final Map<UUID, StoredReply> replies = new LinkedHashMap<>();
        final SignOffLog.Log log;
        final SignOffLog.Check logCheck;

        final ExportProgress progress;
        private int ticks;

        Contents(SignedRecord record, Evidence evidence, Map<UUID, ConsentDocument> documents, Audience audience, SignOffLog.Log log,
                 ExportProgress progress) {
            this.log = log;
            this.progress = progress;
            List<SignOff> rows = new ArrayList<>(record.data().signOffs());
            record.ignored().forEach(i -> rows.add(i.signOff()));
            logCheck = SignOffLog.verify(log.events(), rows, log.beforeLog());
            this.record = record;
            this.data = record.data();
            this.audience = audience;
            Assessment assessment = Assessment.of(data);
            policy = assessment.inForce();
            flags = assessment.flagsByShot();
            summary = assessment.summary();
            entries = SignOffEntry.of(record, evidence);
            disclosures = ShotDisclosure.map(data);
            consent = ConsentRecords.both(new ConsentRecords(data, documents), new PersonSignOffs(data, entries));
            scenes = ProductionData.index(data.scenes(), Scene::id);
            cast = ProductionData.index(data.cast(), CastMember::id);
            departments = ProductionData.index(data.departments(), Department::id);
            Map<UUID, StoredReply> stored = new HashMap<>();
            for (StoredReply r : evidence.replies()) stored.putIfAbsent(r.id(), r);
            for (SignOffEntry e : entries) if (e.replyId() != null) replies.putIfAbsent(e.replyId(), stored.get(e.replyId()));
        }

        /** Polled every few hundred rows, so Cancel stops a large pack promptly. */
        void tick() {
            if ((++ticks & 255) == 0 && progress.isCancelled()) {
                throw new CancellationException("The evidence pack was cancelled; nothing was written.");
            }
        }

        List<StoredReply> replies() {
            return List.copyOf(replies.values());
        }

        int disclosureRequired() {
            return (int) disclosures.stream().filter(ShotDisclosure::disclosureRequired).count();
        }

        ObjectNode manifestHead(String fileSha) {
            ObjectNode m = Manifest.MAPPER.createObjectNode();
            m.put("format", Manifest.FORMAT);
            m.put("schemaVersion", Manifest.SCHEMA_VERSION);
            m.put("appVersion", AppInfo.version());
            m.put("createdAt", Instant.now().toString());
            m.put("preparedFor", audience.name());
            ObjectNode p = m.putObject("production");
            p.put("id", data.production().id().toString());
            p.put("title", data.production().title());
            p.put("fileSha256", fileSha);
            ObjectNode pol = m.putObject("policy");
            pol.put("name", policy.policy().name());
            pol.put("version", policy.policy().version());
            ObjectNode t = m.putObject("totals");
            t.put("shots", data.shots().size());
            t.put("shotsWithAi", data.shots().stream().filter(Shot::hasAiUse).count());
            t.put("aiUses", data.aiUseCount());
            t.put("flags", summary.flags());
            t.put("openBlocking", summary.openBlocking());
            t.put("openAdvisory", summary.openAdvisory());
            t.put("stale", summary.stale());
            t.put("declined", summary.declined());
            t.put("signOffsCounted", entries.stream().filter(SignOffEntry::counted).count());
            t.put("signOffsNotCounted", entries.stream().filter(e -> !e.counted()).count());
            t.put("replies", replies.size());
            t.put("disclosureRequired", disclosureRequired());
            ObjectNode l = m.putObject("signOffLog");
            l.put("events", logCheck.events());
            l.put("head", logCheck.head());
            l.put("beforeLog", logCheck.beforeLog());
            l.put("intact", logCheck.intact());
            l.put("unlogged", logCheck.unlogged().size());
            return m;
        }

        String sceneOf(Shot shot) {
            Scene s = scenes.get(shot.sceneId());
            return s == null ? "" : s.number();
        }

        void register(OutputStream out) throws IOException {
            Csv.Out csv = new Csv.Out(out);
            csv.row(REGISTER_HEADER);
            for (Shot shot : data.shots()) {
                List<Flag> shotFlags = flags.getOrDefault(shot.id(), List.of());
                tick();
                for (AiUse u : shot.aiUses()) {
                    List<Flag> useFlags = shotFlags.stream().filter(f -> f.aiUse() != null && f.aiUse().id().equals(u.id())).toList();
                    csv.row(List.of(sceneOf(shot), shot.number(), shot.id().toString(), u.id().toString(), u.technique().label(),
                            u.purpose(), u.tool(), u.output() == org.clearframe.model.Output.FINAL ? "Final" : "Temporary",
                            u.frameSharePercent() == null ? "" : u.frameSharePercent().toString(),
                            u.performerIds().stream().map(id -> cast.containsKey(id) ? cast.get(id).performer() : "(removed from cast)")
                                    .collect(Collectors.joining("; ")),
                            u.departmentIds().stream().map(id -> departments.containsKey(id) ? departments.get(id).name() : "(removed)")
                                    .collect(Collectors.joining("; ")),
                            u.uploads().isEmpty() ? "Nothing" : u.uploads().stream().map(m -> m.label()).sorted().collect(Collectors.joining("; ")),
                            u.vendorTrains().label(),
                            u.factors().stream().map(f -> f.label()).sorted().collect(Collectors.joining("; ")),
                            useFlags.stream().map(Contents::ruleLine).collect(Collectors.joining("\n")),
                            useFlags.stream().flatMap(f -> f.signatures().stream().map(s -> f.rule().id() + " " + signatureLine(s)))
                                    .collect(Collectors.joining("\n")),
                            consentCoverage(u, useFlags)));
                }
            }
            csv.flush();
        }

        static String ruleLine(Flag f) {
            String sources = f.rule().sources().stream().map(Contents::sourceLine).collect(Collectors.joining("; "));
            return f.rule().id() + ": " + f.rule().title() + " [" + f.rule().severity().label() + "]"
                    + (sources.isEmpty() ? "" : " (source: " + sources + ")");
        }

        static String sourceLine(Source s) {
            String doc = s.document().isBlank() ? s.label() : s.label() + ", " + s.document();
            return doc + (s.url().isBlank() ? "" : " <" + s.url() + ">");
        }

        String signatureLine(RequiredSignature s) {
            SignOff latest = s.latestOrNull();
            if (latest == null) return s.who() + ": " + s.state().label();
            SignedRecord.Proven p = record.proven().get(latest.id());
            String proof = p == null ? "no proof" : p.attested() ? "attested by the producer, not signed by the person" : "signed reply";
            return s.who() + ": " + s.state().label() + "; " + (latest.signer().isBlank() ? "(no name)" : latest.signer()) + "; "
                    + PersonSignOffs.WHEN.format(latest.signedAt()) + "; " + proof + (p == null ? "" : "; key " + p.keyFingerprint());
        }

        String consentCoverage(AiUse u, List<Flag> useFlags) {
            List<String> lines = new ArrayList<>();
            for (UUID id : u.performerIds()) {
                CastMember who = cast.get(id);
                if (who == null) continue;
                List<String> states = useFlags.stream().flatMap(f -> f.signatures().stream())
                        .filter(s -> s.role().perPerson() && id.equals(s.subjectId())).map(s -> s.role().label() + " " + s.state().label())
                        .distinct().toList();
                lines.add(who.performer() + ": " + (states.isEmpty() ? "no consent sign-off asked by the policy" : String.join("; ", states)));
            }
            return String.join("\n", lines);
        }

        void disclosureCsv(OutputStream out) throws IOException {
            Csv.Out csv = new Csv.Out(out);
            csv.row(DISCLOSURE_HEADER);
            for (ShotDisclosure d : disclosures) {
                tick();
                csv.row(List.of(d.sceneNumber(), d.shot().number(), d.shot().id().toString(), d.shot().description(), d.level().label,
                        d.framePercent() == null ? "" : d.framePercent().toString(), yesNo(d.level(), d.realPerson()),
                        yesNo(d.level(), d.disclosureRequired()), d.wording()));
            }
            csv.flush();
        }

        static String yesNo(ShotDisclosure.Level level, boolean value) {
            return level == ShotDisclosure.Level.NO_AI ? "" : value ? "Yes" : "No";
        }

        void disclosurePdf(OutputStream out) throws IOException {
            try (PackPdf pdf = new PackPdf(out, true, "Shot disclosure map")) {
                pdf.title("Shot disclosure map: " + data.production().title());
                pdf.paragraph("Every shot in script order: whether AI reaches the picture or sound (generative), helps only in "
                        + "preparation (assistive) or is not used; the share of the frame where recorded; whether it depicts a real "
                        + "person; and whether the audience must be told under EU AI Act Article 50(4). Guidance from the plan, not "
                        + "legal advice.", pdf.smallMuted);
                pdf.startTable(List.of("Scene", "Shot", "Description", "AI", "Share of frame", "Real person", "Disclosure", "Suggested wording"),
                        new float[]{0.6f, 0.6f, 3.2f, 1f, 0.8f, 0.8f, 0.9f, 3.4f});
                for (ShotDisclosure d : disclosures) {
                    tick();
                    pdf.row(List.of(d.sceneNumber(), d.shot().number(), d.shot().description(), d.level().label,
                            d.framePercent() == null ? "" : d.framePercent() + "%", yesNo(d.level(), d.realPerson()),
                            d.level() == ShotDisclosure.Level.NO_AI ? "" : d.disclosureRequired() ? "Required" : "Not required", d.wording()));
                }
            }
        }

        void signOffRecord(OutputStream out) throws IOException {
            Csv.Out csv = new Csv.Out(out);
            csv.row(SIGN_OFF_HEADER);
            Map<UUID, Shot> shots = ProductionData.index(data.shots(), Shot::id);
            for (SignOffEntry e : entries) {
                tick();
                SignOff s = e.signOff();
                Shot shot = shots.get(s.shotId());
                csv.row(List.of(s.id().toString(), shot == null ? "" : sceneOf(shot), shot == null ? "" : shot.number(), s.shotId().toString(),
                        s.ruleId(), s.role().name(), s.subjectId() == null ? "" : s.subjectId().toString(), s.subjectName(), s.signer(),
                        s.decision().name(), s.note(), s.signedAt().toString(), s.fingerprint(), e.status().label, e.counted() ? "Yes" : "No",
                        e.proof(), e.keyFingerprint(), e.replyFile(), e.attestation() == null ? "" : e.attestation().basis(),
                        e.attestation() == null ? "" : e.attestation().publicKey(), e.attestation() == null ? "" : e.attestation().signature(),
                        e.note()));
            }
            csv.flush();
        }

        void logCsv(OutputStream out) throws IOException {
            Csv.Out csv = new Csv.Out(out);
            csv.row(LOG_HEADER);
            for (SignOffLog.Event e : log.events()) {
                csv.row(List.of(Long.toString(e.seq()), e.signOffId().toString(), e.entry(), e.prevHash(), e.hash()));
            }
            csv.flush();
        }

        void consent(OutputStream out) throws IOException {
            Csv.Out csv = new Csv.Out(out);
            csv.row(CONSENT_HEADER);
            for (CastMember m : data.cast()) {
                for (ConsentSource.Line l : consent.linesFor(m)) {
                    csv.row(List.of(m.performer(), m.character(), l.scene(), l.shot(), l.covers(), l.state(), l.proof(), l.signer(),
                            l.signedAt(), l.source()));
                }
            }
            csv.flush();
        }

        /** One section per performer named in the plan: what their consent covers, its state and proof. */
        void consentPdf(OutputStream out) throws IOException {
            consentPdf(out, performersInPack());
        }

        /** The performers the consent package speaks of: named in a planned use, or with consent lines of their own. */
        List<CastMember> performersInPack() {
            return data.cast().stream().filter(m -> !consent.linesFor(m).isEmpty()
                    || data.shots().stream().flatMap(s -> s.aiUses().stream()).anyMatch(u -> u.performerIds().contains(m.id()))).toList();
        }

        /** The consent package of {@code performers}: the whole production's, or one person's own. */
        void consentPdf(OutputStream out, List<CastMember> performers) throws IOException {
            try (PackPdf pdf = new PackPdf(out, false, "Performer consent package")) {
                pdf.title("Performer consent package: " + data.production().title()
                        + (performers.size() == 1 ? " — " + performers.get(0).performer() : ""));
                pdf.paragraph(consent.limitation(), pdf.smallMuted);
                boolean any = false;
                for (CastMember m : performers) {
                    List<ConsentSource.Line> lines = consent.linesFor(m);
                    any = true;
                    pdf.heading(m.performer() + (m.character().isBlank() ? "" : " (" + m.character() + ")"));
                    if (lines.isEmpty()) {
                        pdf.paragraph("Named in planned AI uses, but no consent sign-off is recorded.", pdf.warn);
                        continue;
                    }
                    pdf.startTable(List.of("Scene", "Shot", "Covers", "State", "Proof", "Signer", "Signed at"),
                            new float[]{0.85f, 0.7f, 2.2f, 1.4f, 2.4f, 1.3f, 1.4f});
                    for (ConsentSource.Line l : lines) pdf.row(List.of(l.scene(), l.shot(), l.covers(), l.state(), l.proof(), l.signer(), l.signedAt()));
                    pdf.endTable();
                }
                if (!any) pdf.paragraph("No performer is named in a planned AI use.", pdf.body);
            }
        }

        List<String> openItems() {
            List<String> items = new ArrayList<>();
            for (Shot shot : data.shots()) {
                for (Flag f : flags.getOrDefault(shot.id(), List.of())) {
                    for (RequiredSignature s : f.openSignatures()) {
                        items.add("Scene " + sceneOf(shot) + ", shot " + shot.number() + ": " + f.rule().id() + " ("
                                + f.rule().severity().label().toLowerCase(java.util.Locale.ROOT) + "), " + s.who() + ": " + s.state().label());
                    }
                }
            }
            return items;
        }

        void statement(OutputStream out, String fileSha, String keyFingerprint) throws IOException {
            try (PackPdf pdf = new PackPdf(out, false, "Compliance statement")) {
                pdf.title("Compliance statement: use of generative AI");
                pdf.paragraph("Prepared for the " + audience.label() + " from the live production plan on "
                        + PersonSignOffs.WHEN.format(Instant.now()) + ".", pdf.smallMuted);
                var p = data.production();
                pdf.facts(List.of(
                        new String[]{"Production", p.title()},
                        new String[]{"Producer", p.producer().isBlank() ? "(not recorded)" : p.producer()},
                        new String[]{"Studio", p.studio().isBlank() ? "(not recorded)" : p.studio()},
                        new String[]{"Policy", policy.policy().display() + (policy.stored() ? " (stored in the production)" : " (built in)")},
                        new String[]{"Production file SHA-256", fileSha},
                        new String[]{"Producer's key", keyFingerprint}));
                pdf.heading("Totals");
                long withAi = data.shots().stream().filter(Shot::hasAiUse).count();
                pdf.facts(List.of(
                        new String[]{"Shots", data.shots().size() + " (" + withAi + " with AI use)"},
                        new String[]{"Planned AI uses", Long.toString(data.aiUseCount())},
                        new String[]{"Sign-off flags", summary.flags() + ": " + summary.openBlocking() + " blocking and " + summary.openAdvisory()
                                + " advisory still open; " + summary.stale() + " stale; " + summary.declined() + " declined"},
                        new String[]{"Sign-offs", entries.stream().filter(SignOffEntry::counted).count() + " counted ("
                                + entries.stream().filter(e -> SignOffEntry.REPLY.equals(e.proof())).count() + " signed by the person in a reply, "
                                + entries.stream().filter(e -> SignOffEntry.ATTESTED.equals(e.proof())).count() + " attested by the producer); "
                                + entries.stream().filter(e -> !e.counted()).count() + " not counted"},
                        new String[]{"Audience disclosure", Wording.count(disclosureRequired(), "shot") + (disclosureRequired() == 1 ? " needs" : " need") + " it (EU AI Act Art. 50)"},
                        new String[]{"Sign-off log", logCheck.events() + " events; hash chain " + (logCheck.intact() ? "intact" : "ALTERED: "
                                + String.join("; ", logCheck.problems())) + (logCheck.beforeLog() == 0 ? "" : "; " + logCheck.beforeLog()
                                + " sign-offs recorded before the log began") + (logCheck.unlogged().isEmpty() ? "" : "; "
                                + logCheck.unlogged().size() + " sign-off rows not in the log")}));
                pdf.heading("Open items");
                List<String> open = openItems();
                if (open.isEmpty()) {
                    pdf.paragraph("None. Every signature the policy asks for is given and current.", pdf.body);
                } else {
                    pdf.paragraph(summary.openBlocking() > 0 ? "NOT CLEARED: " + summary.openBlocking() + " blocking flag"
                            + (summary.openBlocking() == 1 ? " is" : "s are") + " still open. This pack does not hide what is unsigned."
                            : "Cleared of blocking flags; advisory items remain.", summary.openBlocking() > 0 ? pdf.warn : pdf.bold);
                    for (String item : open) pdf.paragraph("\u2022 " + item, pdf.small);
                }
                List<SignOffEntry> notCounted = entries.stream().filter(e -> !e.counted()).toList();
                if (!notCounted.isEmpty()) {
                    pdf.heading("Sign-offs not counted");
                    for (SignOffEntry e : notCounted) {
                        pdf.paragraph("\u2022 " + e.signOff().ruleId() + ", " + e.signOff().role().label() + ", by "
                                + (e.signOff().signer().isBlank() ? "(no name)" : e.signOff().signer()) + ": " + e.note(), pdf.small);
                    }
                }
                pdf.heading("Performer consent");
                pdf.paragraph(consent.limitation(), pdf.small);
                pdf.heading("Statement");
                pdf.paragraph("I state that this pack was produced by Clearframe from the production named above and that it lists every "
                        + "planned use of generative AI, every sign-off with its proof, and every item still open. Sign-offs marked "
                        + "\"attested by the producer\" were recorded by the producer and are not signed by the person named.", pdf.body);
                pdf.paragraph("Signature: this statement is one of the files listed in the pack's manifest.json, which carries the "
                        + "producer's Ed25519 signature by key " + keyFingerprint + ". Check it with: clearframe verify-pack PACK.zip",
                        pdf.bold);
            }
        }

        void audienceText(OutputStream out) throws IOException {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            long generative = disclosures.stream().filter(d -> d.level() == ShotDisclosure.Level.GENERATIVE).count();
            long real = disclosures.stream().filter(ShotDisclosure::realPerson).count();
            boolean voice = data.shots().stream().flatMap(s -> s.aiUses().stream())
                    .anyMatch(u -> u.technique() == org.clearframe.model.Technique.VOICE_SYNTHESIS && u.output() == org.clearframe.model.Output.FINAL);
            String title = data.production().title();
            w.write("Audience disclosure and credits text: " + title + "\n\n");
            w.write("END CREDITS\n");
            if (generative == 0) {
                w.write("No generative AI output appears in the final film.\n");
            } else {
                w.write("This film contains " + (voice ? "images and sound" : "images") + " created or altered with generative AI"
                        + (real > 0 ? ", including altered likenesses of performers, made with their consent" : "") + ".\n");
            }
            w.write("\nPLATFORM METADATA\n");
            w.write(generative == 0 ? "AI disclosure: no generative AI in the final content.\n"
                    : "AI disclosure: contains AI-generated or AI-altered content (" + generative + " of " + data.shots().size() + " shots"
                    + (real > 0 ? "; " + real + " depicting real people" : "") + ").\n");
            List<ShotDisclosure> required = disclosures.stream().filter(ShotDisclosure::disclosureRequired).toList();
            w.write("\nSHOTS WHERE THE AUDIENCE MUST BE TOLD (EU AI Act Article 50(4))\n");
            if (required.isEmpty()) w.write("None.\n");
            for (ShotDisclosure d : required) w.write("Scene " + d.sceneNumber() + ", shot " + d.shot().number() + ": " + d.wording() + "\n");
            w.write("\nFor an evidently artistic or fictional work the duty is to disclose in a way that does not spoil the work, "
                    + "such as the end credits. Guidance from the plan, not legal advice.\n");
            w.flush();
        }
    }
}
