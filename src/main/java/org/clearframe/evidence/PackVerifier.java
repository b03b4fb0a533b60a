package org.clearframe.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyVerifier;
import org.clearframe.store.SignOffLog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Checks an evidence pack as hostile input, trusting nothing in it until its signature and hashes hold: the zip's
 * entries (safe names, no duplicates, bounded sizes, the same list in the local headers as in the central directory),
 * the manifest's signature by the key it names, every file's SHA-256 and size, that the pack holds exactly the files
 * the manifest lists, and every enclosed reply: its own signature, its production, and that the sign-off record's
 * rows citing it say what its decisions say.
 */
public final class PackVerifier {

    static final long MAX_PACK_BYTES = 4L << 30;
    static final long MAX_ENTRY_BYTES = 512L << 20;
    static final long MAX_TOTAL_BYTES = 4L << 30;
    static final long MAX_KEPT_BYTES = 512L << 20;
    static final int MAX_ENTRIES = 200_000;
    private static final Pattern SAFE_NAME = Pattern.compile("(replies/|consent/|consent-documents/)?[a-z0-9][a-z0-9._-]{0,120}");
    private static final Pattern PERSON_CONSENT = Pattern.compile("consent/[a-z0-9-]{1,60}-[0-9a-f]{8}\\.pdf");
    private static final Pattern DOCUMENT = Pattern.compile("consent-documents/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\\.[a-z0-9]{1,8})?");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern REPLY_FILE = Pattern.compile("replies/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.cfreply");

    /** What was checked, in plain words; the problems found (empty when the pack holds); the open blocking flags it declares. */
    public record Result(List<String> checked, List<String> problems, long openBlocking, boolean logIntact, String producerKeyFingerprint,
                         String production) {
        public boolean valid() {
            return problems.isEmpty();
        }

        /** Valid, nothing blocking open, and the production's sign-off history was intact. */
        public boolean cleared() {
            return valid() && openBlocking == 0 && logIntact;
        }
    }

    private final List<String> checked = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private PackVerifier() {}

    /** Checks {@code pack}; when {@code expectedKey} is given, the manifest must be signed by the key with that fingerprint. */
    public static Result verify(Path pack, String expectedKey) {
        PackVerifier v = new PackVerifier();
        try {
            return v.run(pack, expectedKey);
        } catch (Refused e) {
            v.problems.add(e.getMessage());
            return new Result(List.copyOf(v.checked), List.copyOf(v.problems), 0, false, "", "");
        }
    }

    private static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private record Entry(String sha256, long bytes, byte[] kept) {}

    private Result run(Path pack, String expectedKey) throws Refused {
        long size;
        try {
            size = Files.size(pack);
        } catch (IOException e) {
            throw new Refused("Cannot read " + pack + ": " + e.getMessage());
        }
        if (size > MAX_PACK_BYTES) throw new Refused(pack.getFileName() + " is larger than any evidence pack Clearframe writes.");
        List<String> central = centralDirectory(pack);
        Map<String, Entry> entries = readEntries(pack);
        if (!central.equals(new ArrayList<>(entries.keySet()))) {
            throw new Refused("The zip's table of contents does not match its contents (a doctored zip).");
        }
        checked.add("The zip holds " + entries.size() + " files with safe names, none twice, within the size limits.");

        Entry m = entries.get(Manifest.NAME);
        if (m == null) throw new Refused("The pack has no " + Manifest.NAME + ", so nothing in it can be checked.");
        ObjectNode manifest = Manifest.parse(m.kept());
        if (manifest == null) throw new Refused(Manifest.NAME + " is not a JSON object (or names a member twice).");
        if (!Manifest.FORMAT.equals(text(manifest, "format"))) throw new Refused(Manifest.NAME + " is not an evidence pack manifest.");
        JsonNode version = manifest.get("schemaVersion");
        if (version == null || !version.canConvertToInt() || version.asInt() < 1) throw new Refused(Manifest.NAME + " has no valid schemaVersion.");
        if (version.asInt() > Manifest.SCHEMA_VERSION) {
            throw new Refused("This pack was written by a newer Clearframe (manifest schema " + version.asInt() + "); update Clearframe to check it.");
        }
        PublicKey key;
        try {
            key = KeyRing.decodePublicKey(text(manifest, "producerKey"));
        } catch (ExchangeException e) {
            throw new Refused(Manifest.NAME + " names no valid producer key.");
        }
        String keyFingerprint = KeyRing.fingerprint(key);
        if (!Manifest.signatureHolds(manifest, key)) {
            throw new Refused("The manifest's signature does not hold: the pack was altered after the producer signed it, or never signed.");
        }
        if (!keyFingerprint.equals(text(manifest, "producerKeyFingerprint"))) throw new Refused(Manifest.NAME + " states a wrong key fingerprint.");
        checked.add("The manifest is signed by the producer's key " + keyFingerprint + ", and the signature holds.");
        if (expectedKey != null) {
            if (!expectedKey.strip().equalsIgnoreCase(keyFingerprint)) {
                throw new Refused("The pack is signed by key " + keyFingerprint + ", not by the expected key " + expectedKey.strip() + ".");
            }
            checked.add("That is the key you expected.");
        }
        JsonNode production = manifest.path("production");
        UUID productionId = uuid(text(production, "id"));
        if (productionId == null) throw new Refused(Manifest.NAME + " names no valid production id.");

        Map<String, JsonNode> listed = new LinkedHashMap<>();
        JsonNode files = manifest.get("files");
        if (files == null || !files.isArray()) throw new Refused(Manifest.NAME + " lists no files.");
        for (JsonNode f : files) {
            String name = text(f, "name");
            if (name == null || !SAFE_NAME.matcher(name).matches() || name.equals(Manifest.NAME)) {
                throw new Refused(Manifest.NAME + " lists a file with an unsafe name.");
            }
            if (listed.put(name, f) != null) throw new Refused(Manifest.NAME + " lists " + name + " twice.");
        }
        Set<String> inZip = new HashSet<>(entries.keySet());
        inZip.remove(Manifest.NAME);
        for (String name : listed.keySet()) if (!inZip.contains(name)) throw new Refused("The pack lacks " + name + ", which the manifest lists.");
        for (String name : inZip) if (!listed.containsKey(name)) throw new Refused("The pack holds " + name + ", which the manifest does not list.");
        checked.add("The pack holds exactly the " + listed.size() + " files the manifest lists, and " + Manifest.NAME + ".");
        for (var f : listed.entrySet()) {
            Entry e = entries.get(f.getKey());
            String sha = text(f.getValue(), "sha256");
            JsonNode bytes = f.getValue().get("bytes");
            if (sha == null || !SHA256.matcher(sha).matches() || !sha.equals(e.sha256())) {
                throw new Refused(f.getKey() + " is not the file the producer signed: its SHA-256 differs from the manifest's.");
            }
            if (bytes == null || !bytes.canConvertToLong() || bytes.asLong() != e.bytes()) {
                throw new Refused(f.getKey() + " does not have the size the manifest states.");
            }
        }
        checked.add("Every file's SHA-256 and size match the manifest.");
        for (String required : List.of(EvidencePack.REGISTER, EvidencePack.DISCLOSURE_CSV, EvidencePack.DISCLOSURE_PDF, EvidencePack.SIGN_OFFS,
                EvidencePack.CONSENT, EvidencePack.CONSENT_PDF, EvidencePack.STATEMENT, EvidencePack.AUDIENCE, EvidencePack.LOG)) {
            if (!listed.containsKey(required)) throw new Refused("The pack lacks " + required + ".");
        }
        for (String name : listed.keySet()) {
            boolean expected = name.startsWith("replies/") ? REPLY_FILE.matcher(name).matches()
                    : name.startsWith("consent/") ? PERSON_CONSENT.matcher(name).matches()
                    : !name.startsWith("consent-documents/") || DOCUMENT.matcher(name).matches();
            if (!expected) throw new Refused("The pack holds an unexpected file " + name + ".");
        }

        checkReplies(entries, productionId, manifest);
        boolean logIntact = checkLog(entries.get(EvidencePack.LOG).kept(), manifest);
        long open = manifest.path("totals").path("openBlocking").asLong(-1);
        if (open < 0) throw new Refused(Manifest.NAME + " does not state the open blocking flags.");
        checked.add(open == 0 ? "The producer's statement lists no open blocking flag."
                : "The producer's statement lists " + open + " open blocking flag" + (open == 1 ? "" : "s") + ": the production is not cleared.");
        return new Result(List.copyOf(checked), List.copyOf(problems), open, logIntact, keyFingerprint, text(production, "title") + " (" + productionId + ")");
    }

    /** Each enclosed reply: signed, for this production, cited by the record, and saying what the record's rows say. */
    private void checkReplies(Map<String, Entry> entries, UUID productionId, ObjectNode manifest) throws Refused {
        byte[] raw = entries.get(EvidencePack.SIGN_OFFS).kept();
        if (raw == null || raw.length < 3 || !Arrays.equals(Arrays.copyOf(raw, 3), Csv.BOM)) {
            throw new Refused(EvidencePack.SIGN_OFFS + " is not a UTF-8 CSV with a byte-order mark.");
        }
        List<List<String>> rows = Csv.parse(new String(raw, 3, raw.length - 3, StandardCharsets.UTF_8));
        if (rows == null || rows.isEmpty() || !rows.get(0).equals(EvidencePack.SIGN_OFF_HEADER)) {
            throw new Refused(EvidencePack.SIGN_OFFS + " is not a sign-off record (its columns are not the expected ones).");
        }
        List<String> h = EvidencePack.SIGN_OFF_HEADER;
        Map<String, Reply> replies = new HashMap<>();
        Set<String> cited = new HashSet<>();
        Set<String> ids = new HashSet<>();
        int counted = 0, fromReplies = 0, withdrawn = 0;
        Map<String, Integer> attestedBy = new java.util.TreeMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String where = EvidencePack.SIGN_OFFS + " row " + (r + 1);
            if (row.size() != h.size()) throw new Refused(where + " has " + row.size() + " cells, not " + h.size() + ".");
            if (!ids.add(row.get(0))) throw new Refused(where + " repeats sign-off " + row.get(0) + ".");
            boolean isCounted = "Yes".equals(row.get(h.indexOf("Counted")));
            if (isCounted) counted++;
            if (SignOffEntry.Status.WITHDRAWN.label.equals(row.get(h.indexOf("Status")))) {
                if (isCounted) throw new Refused(where + " is marked withdrawn by the producer but counted.");
                withdrawn++;
            }
            if (SignOffEntry.ATTESTED.equals(row.get(h.indexOf("Proof")))) {
                if (!isCounted) throw new Refused(where + " carries an attestation but is marked not counted.");
                String keyOf = attestation(row, productionId);
                if (keyOf == null) throw new Refused(where + ": the producer's attestation does not hold for the sign-off as listed.");
                attestedBy.merge(keyOf, 1, Integer::sum);
                continue;
            }
            if (!SignOffEntry.REPLY.equals(row.get(h.indexOf("Proof")))) continue;
            String file = row.get(h.indexOf("Reply file"));
            if (!isCounted) throw new Refused(where + " cites a reply but is marked not counted.");
            if (!entries.containsKey(file) || !REPLY_FILE.matcher(file).matches()) throw new Refused(where + " cites a reply the pack does not hold.");
            Reply reply = replies.get(file);
            if (reply == null) {
                try {
                    reply = ReplyVerifier.readBytes(entries.get(file).kept(), file);
                } catch (ExchangeException e) {
                    throw new Refused(file + ": " + e.getMessage());
                }
                if (!reply.productionId().equals(productionId)) {
                    throw new Refused(file + " is a reply for another production (" + reply.productionTitle() + "), not this one.");
                }
                if (!file.equals(SignOffEntry.replyFile(reply.id()))) throw new Refused(file + " holds reply " + reply.id() + ", not the one its name says.");
                replies.put(file, reply);
            }
            String mismatch = mismatch(row, reply);
            if (mismatch != null) throw new Refused(where + " does not match the signed reply " + file + ": " + mismatch + ".");
            cited.add(file);
            fromReplies++;
        }
        for (String name : entries.keySet()) {
            if (name.startsWith("replies/") && !cited.contains(name)) throw new Refused(name + " is in the pack, but no sign-off in the record cites it.");
        }
        JsonNode totals = manifest.path("totals");
        if (totals.path("signOffsCounted").asLong(-1) != counted) throw new Refused("The sign-off record's counted rows do not match the manifest's totals.");
        if (totals.path("replies").asLong(-1) != replies.size()) throw new Refused("The number of replies does not match the manifest's totals.");
        if (!attestedBy.isEmpty()) {
            checked.add("Each attested sign-off carries a valid attestation: " + attestedBy.entrySet().stream()
                    .map(e -> e.getValue() + " by key " + e.getKey() + (e.getKey().equals(text(manifest, "producerKeyFingerprint"))
                            ? " (the pack's own key)" : " (not the key that signed this pack)")).collect(java.util.stream.Collectors.joining(", "))
                    + ". Attested means the producer's word, not the person's signature.");
        }
        if (withdrawn > 0) {
            checked.add(withdrawn + " sign-off" + (withdrawn == 1 ? " is" : "s are") + " listed as withdrawn by the producer (the undo of "
                    + "a reply import): not counted, and not a sign of forgery; the withdrawals are events in the signed sign-off log.");
        }
        checked.add(replies.isEmpty() ? "The sign-off record cites no signed reply (" + counted + " sign-offs counted, none signed by the person in a reply)."
                : "Each of the " + replies.size() + " enclosed replies is signed by the key it names, is for this production, and its "
                + "decisions match the " + fromReplies + " sign-off rows that cite it.");
    }

    /** Recomputes the sign-off log's chain; returns whether the production's log was intact when the pack was made. */
    private boolean checkLog(byte[] raw, ObjectNode manifest) throws Refused {
        if (raw == null || raw.length < 3 || !Arrays.equals(Arrays.copyOf(raw, 3), Csv.BOM)) {
            throw new Refused(EvidencePack.LOG + " is not a UTF-8 CSV with a byte-order mark.");
        }
        List<List<String>> rows = Csv.parse(new String(raw, 3, raw.length - 3, StandardCharsets.UTF_8));
        if (rows == null || rows.isEmpty() || !rows.get(0).equals(EvidencePack.LOG_HEADER)) {
            throw new Refused(EvidencePack.LOG + " is not a sign-off log (its columns are not the expected ones).");
        }
        JsonNode l = manifest.path("signOffLog");
        boolean intact = l.path("intact").asBoolean(false);
        if (!intact) {
            // the producer's own file declared its history altered; the pack shows the log as found, and is not cleared
            checked.add("The producer's file reported its sign-off log ALTERED (the chain in " + EvidencePack.LOG
                    + " does not hold): not cleared.");
            return false;
        }
        String prev = SignOffLog.GENESIS;
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != EvidencePack.LOG_HEADER.size() || !row.get(0).equals(Integer.toString(r))) {
                throw new Refused(EvidencePack.LOG + " row " + (r + 1) + " is not event " + r + ".");
            }
            if (!row.get(3).equals(prev) || !SignOffLog.hash(row.get(3), r, row.get(2)).equals(row.get(4))) {
                throw new Refused(EvidencePack.LOG + ": event " + r + " does not hold in the hash chain.");
            }
            prev = row.get(4);
        }
        if (l.path("events").asLong(-1) != rows.size() - 1 || !prev.equals(l.path("head").asText())) {
            throw new Refused(EvidencePack.LOG + " does not end where the manifest says the log ends.");
        }
        checked.add("The sign-off log's hash chain of " + (rows.size() - 1) + " events holds and ends at the signed head "
                + prev.substring(0, 16) + "….");
        return true;
    }

    /** The attesting key's fingerprint when the row's attestation verifies over the row's sign-off, else null. */
    private static String attestation(List<String> row, UUID productionId) {
        List<String> h = EvidencePack.SIGN_OFF_HEADER;
        try {
            PublicKey key = KeyRing.decodePublicKey(row.get(h.indexOf("Attestation key")));
            String fingerprint = KeyRing.fingerprint(key);
            if (!fingerprint.equals(row.get(h.indexOf("Proof key fingerprint")))) return null;
            String subject = row.get(h.indexOf("Performer ID"));
            org.clearframe.model.SignOff s = new org.clearframe.model.SignOff(UUID.fromString(row.get(0)), UUID.fromString(row.get(h.indexOf("Shot ID"))),
                    row.get(h.indexOf("Rule")), org.clearframe.model.Role.valueOf(row.get(h.indexOf("Role"))),
                    subject.isEmpty() ? null : UUID.fromString(subject), row.get(h.indexOf("Signer")),
                    org.clearframe.model.Decision.valueOf(row.get(h.indexOf("Decision"))), row.get(h.indexOf("Note")),
                    java.time.Instant.parse(row.get(h.indexOf("Signed at"))), row.get(h.indexOf("Fingerprint")), row.get(h.indexOf("Performer as signed")));
            byte[] statement = org.clearframe.exchange.Attestations.statement(productionId, s, row.get(h.indexOf("Attestation basis")));
            java.security.Signature sig = java.security.Signature.getInstance("Ed25519");
            sig.initVerify(key);
            sig.update(statement);
            return sig.verify(java.util.Base64.getDecoder().decode(row.get(h.indexOf("Attestation signature")))) ? fingerprint : null;
        } catch (ExchangeException | RuntimeException | java.security.GeneralSecurityException e) {
            return null;
        }
    }

    private static String mismatch(List<String> row, Reply reply) {
        List<String> h = EvidencePack.SIGN_OFF_HEADER;
        UUID id = uuid(row.get(0));
        Reply.Entry e = reply.decisions().stream().filter(d -> reply.signOffId(d).equals(id)).findFirst().orElse(null);
        if (e == null) return "the reply holds no decision for sign-off " + row.get(0);
        List<String> differ = new ArrayList<>();
        if (!e.shotId().toString().equals(row.get(h.indexOf("Shot ID")))) differ.add("shot");
        if (!e.ruleId().equals(row.get(h.indexOf("Rule")))) differ.add("rule");
        if (!e.role().name().equals(row.get(h.indexOf("Role")))) differ.add("role");
        if (!Objects.toString(e.subjectId(), "").equals(row.get(h.indexOf("Performer ID")))) differ.add("performer");
        if (!e.decision().name().equals(row.get(h.indexOf("Decision")))) differ.add("decision");
        if (!e.note().equals(row.get(h.indexOf("Note")))) differ.add("note");
        if (!e.signedAt().toString().equals(row.get(h.indexOf("Signed at")))) differ.add("time");
        if (!e.fingerprint().equals(row.get(h.indexOf("Fingerprint")))) differ.add("fingerprint");
        if (!reply.signer().name().equals(row.get(h.indexOf("Signer")))) differ.add("signer");
        String key;
        try {
            key = KeyRing.fingerprint(KeyRing.decodePublicKey(reply.publicKey()));
        } catch (ExchangeException ex) {
            key = "";
        }
        if (!key.equals(row.get(h.indexOf("Proof key fingerprint")))) differ.add("key");
        return differ.isEmpty() ? null : "its " + String.join(", ", differ) + " differ";
    }

    /** The central directory's names, in order; duplicates refused. */
    private static List<String> centralDirectory(Path pack) throws Refused {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(pack.toFile(), StandardCharsets.UTF_8)) {
            Enumeration<? extends ZipEntry> e = zip.entries();
            while (e.hasMoreElements()) {
                if (names.size() >= MAX_ENTRIES) throw new Refused("The zip holds more files than any evidence pack.");
                names.add(e.nextElement().getName());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused(pack.getFileName() + " is not a readable zip file (" + e.getMessage() + ").");
        }
        if (new HashSet<>(names).size() != names.size()) throw new Refused("The zip names a file twice.");
        return names;
    }

    /** Reads every entry by its local header, hashing it; keeps in memory only what is checked further (bounded). */
    private static Map<String, Entry> readEntries(Path pack) throws Refused {
        Map<String, Entry> out = new LinkedHashMap<>();
        long total = 0, kept = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream file = Files.newInputStream(pack); ZipInputStream zip = new ZipInputStream(file, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (e.isDirectory() || !SAFE_NAME.matcher(name).matches() || name.contains("..")) {
                    throw new Refused("The zip holds an entry with an unsafe name ('" + abbreviate(name) + "').");
                }
                if (out.containsKey(name)) throw new Refused("The zip holds " + name + " twice.");
                if (out.size() >= MAX_ENTRIES) throw new Refused("The zip holds more files than any evidence pack.");
                boolean keep = name.equals(Manifest.NAME) || name.equals(EvidencePack.SIGN_OFFS) || name.equals(EvidencePack.LOG)
                        || name.startsWith("replies/");
                MessageDigest sha = EvidencePack.sha256();
                ByteArrayOutputStream copy = keep ? new ByteArrayOutputStream() : null;
                long n = 0;
                for (int read; (read = zip.read(buffer)) > 0; ) {
                    n += read;
                    total += read;
                    if (n > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) throw new Refused(name + " unpacks larger than any evidence pack file.");
                    sha.update(buffer, 0, read);
                    if (keep) {
                        kept += read;
                        if (kept > MAX_KEPT_BYTES) throw new Refused("The pack's record and replies are larger than Clearframe checks.");
                        copy.write(buffer, 0, read);
                    }
                }
                out.put(name, new Entry(HexFormat.of().formatHex(sha.digest()), n, keep ? copy.toByteArray() : null));
            }
        } catch (ZipException e) {
            throw new Refused("The zip is damaged (" + e.getMessage() + "): a file in it was altered.");
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused("The zip cannot be read (" + e.getMessage() + ").");
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
