package org.clearframe.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.clearframe.exchange.RecordTrust;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.ConsentCoverage;
import org.clearframe.rules.Evaluator;
import org.clearframe.rules.Flag;
import org.clearframe.rules.FlagIndex;
import org.clearframe.rules.Policies;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.rules.PolicyUnreadable;
import org.clearframe.rules.PolicyStanding;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.ShotStatus;
import org.clearframe.rules.SignatureState;
import org.clearframe.rules.Source;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.SignOffLog;
import org.clearframe.store.StoreException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code check FILE [--json]}: every flag of every shot under the production's policy, and whether the
 * production is cleared. Exit 0 when no blocking flag is open, 1 when one is, 2 on bad input. Meant for people
 * and for scripts (the JSON shape is described in src/docs/check-json.md). Reads the file without writing.
 */
final class CheckCommand implements Command {

    /** The report is written as it goes and never closes the console it writes to. */
    private static final JsonFactory JSON = JsonFactory.builder().disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A key, besides your own and the heads' keys pinned here, whose proofs count: how a build server gates. */
    private static final String TRUST_KEY = "--trust-key";

    @Override public String name() { return "check"; }
    @Override public String usage() { return "check FILE [--json] [--trust-key FINGERPRINT]..."; }
    @Override public String summary() { return "list the shots' sign-off flags; exit 1 while a blocking one is open"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a;
        try {
            a = Arguments.parse(args, Set.of("--json"), Set.of(TRUST_KEY), Set.of(TRUST_KEY));
            a.positional(1, "the production file");
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        boolean json = a.has("--json");
        Path file = Path.of(a.positional().get(0));
        ProductionData data;
        SignedRecord record;
        RecordTrust trust;
        try {
            trust = RecordTrust.forUser(a.values(TRUST_KEY));
        } catch (IllegalArgumentException e) {
            return usageError(err, e.getMessage());
        }
        SignOffLog.Check log;
        try {
            Projects.Checked checked = Projects.readChecked(file, trust);
            record = checked.record();
            log = checked.log();
            data = record.data();
        } catch (ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
        Policies.InForce policy;
        try {
            policy = Policies.choose(data);
        } catch (PolicyUnreadable e) {
            // fail closed: no verdict at all rather than one under a policy the studio did not choose
            err.println("clearframe: " + file.getFileName() + ": " + e.getMessage());
            return BAD_INPUT;
        }
        Map<UUID, List<Flag>> flags = Evaluator.evaluateAll(policy.policy(), data);
        FlagIndex.Summary summary = FlagIndex.Summary.of(flags.values());
        if (json) printJson(file, record, policy, flags, summary, log, out);
        else printText(record, policy, flags, summary, log, out);
        // an altered history is a finding like an open blocking flag: the gate does not pass a file that was edited behind its back
        return summary.blocked() || !log.intact() ? FINDING : OK;
    }

    // -------------------------------------------------------------------------------------------------- text

    private static void printText(SignedRecord record, Policies.InForce policy, Map<UUID, List<Flag>> flags,
                                  FlagIndex.Summary summary, SignOffLog.Check log, PrintStream out) {
        ProductionData data = record.data();
        Map<UUID, Scene> scenes = ProductionData.index(data.scenes(), Scene::id);
        out.println("Production: " + data.production().title());
        out.println("Policy:     " + policy.policy().display() + (policy.stored() ? " (stored in the file)" : " (built in)"));
        out.println("            " + PolicyStanding.of(policy.policy()).describe());
        int shotsWithFlags = 0;
        for (Shot shot : data.shots()) {
            List<Flag> shotFlags = flags.getOrDefault(shot.id(), List.of());
            if (shotFlags.isEmpty()) continue;
            shotsWithFlags++;
            Scene scene = scenes.get(shot.sceneId());
            out.println();
            out.println("Scene " + (scene == null ? "?" : scene.number()) + ", shot " + shot.number()
                    + (scene == null ? "" : " - " + scene.heading()) + "  [" + ShotStatus.of(true, shotFlags).label() + "]");
            for (Flag f : shotFlags) {
                out.println("  " + f.rule().id() + "  " + f.rule().title() + "  [" + f.rule().severity().label() + ", "
                        + (f.open() ? "open" : "signed") + "]");
                out.println("    Why: " + f.reason());
                if (f.needsRecord()) out.println("    Needs: " + f.unresolved() + " (recorded in the production; no signature closes this)");
                for (RequiredSignature s : f.signatures()) out.println("    - " + s.who() + ": " + describe(s, record));
                out.println("    Sources: " + f.rule().sources().stream().map(Source::label).collect(Collectors.joining(", ")));
            }
        }
        printUncovered(data, scenes, out);
        printIgnored(record, out);
        printLog(log, out);
        out.println();
        if (summary.flags() == 0) out.println("No AI use on this production needs sign-off under this policy.");
        out.printf("Summary: %d flag%s on %d of %d shots; open: %d blocking, %d advisory; %d stale, %d declined.%n",
                summary.flags(), summary.flags() == 1 ? "" : "s", shotsWithFlags, data.shots().size(),
                summary.openBlocking(), summary.openAdvisory(), summary.stale(), summary.declined());
        if (!log.intact()) out.println("Result: not cleared. The sign-off history in this file was altered outside Clearframe.");
        else out.println(summary.blocked()
                ? "Result: not cleared. " + summary.openBlocking() + " blocking flag" + (summary.openBlocking() == 1 ? " is" : "s are") + " still open."
                : "Result: cleared. No blocking flag is open.");
    }

    /** Every use the recorded consent does not cover, one line each (they are also CONSENT-NOT-COVERED flags above). */
    private static void printUncovered(ProductionData data, Map<UUID, Scene> scenes, PrintStream out) {
        List<ConsentCoverage.Coverage> gaps = ConsentCoverage.of(data).stream().filter(c -> !c.covered()).toList();
        if (gaps.isEmpty()) return;
        Map<UUID, Shot> shots = ProductionData.index(data.shots(), Shot::id);
        out.println();
        out.println("Uses not covered by consent:");
        for (ConsentCoverage.Coverage g : gaps) {
            Shot shot = shots.get(g.shotId());
            Scene scene = shot == null ? null : scenes.get(shot.sceneId());
            out.println("  " + (scene == null ? "?" : scene.number()) + "/" + (shot == null ? "?" : shot.number()) + "  " + g.person()
                    + "  " + g.kind().label() + ": " + g.gap().name() + " - " + g.why());
        }
    }

    private static void printLog(SignOffLog.Check log, PrintStream out) {
        out.println();
        if (log.intact()) {
            out.println("Sign-off log: " + log.events() + " event" + (log.events() == 1 ? "" : "s") + ", hash chain intact"
                    + (log.events() == 0 ? "" : " (head " + log.head().substring(0, 16) + ")")
                    + (log.beforeLog() == 0 ? "." : "; " + log.beforeLog() + " sign-offs were recorded before the log began."));
        } else {
            out.println("Sign-off log: ALTERED. The hash-chained history does not hold:");
            log.problems().forEach(p -> out.println("  " + p));
        }
        if (!log.unlogged().isEmpty()) {
            out.println("Sign-off rows not in the log (written into the file outside Clearframe):");
            log.unlogged().forEach(p -> out.println("  " + p));
        }
    }

    /** Sign-off rows that do not count, each with its reason: check gates as if they were absent. */
    private static void printIgnored(SignedRecord record, PrintStream out) {
        if (record.ignored().isEmpty()) return;
        out.println();
        out.println("Sign-offs not counted:");
        for (SignedRecord.Ignored i : record.ignored()) out.println("  " + i.describe());
        if (record.ignored().stream().anyMatch(i -> i.why() == SignedRecord.Why.BEFORE_PROOFS)) {
            out.println("  Sign-offs recorded before proofs were kept count once the producer attests them: clearframe attest FILE");
        }
    }

    /** Said only when it matters: an attestation (the producer's word), or a reply key not pinned on this machine. */
    private static String proofNote(SignedRecord.Proven proof) {
        if (proof == null || (!proof.attested() && !Boolean.FALSE.equals(proof.pinned()))) return "";
        return " [" + proof.label() + "]";
    }

    private static String describe(RequiredSignature s, SignedRecord record) {
        SignOff latest = s.latestOrNull();
        if (latest == null) return SignatureState.MISSING.label();
        String by = " by " + (latest.signer().isBlank() ? "(no name)" : latest.signer()) + " on " + WHEN.format(latest.signedAt());
        String note = latest.note().isBlank() ? "" : ": " + latest.note();
        return switch (s.state()) {
            case STALE -> "Stale, the plan changed after it was signed (" + latest.decision().label().toLowerCase() + by + ")";
            case MISSING -> SignatureState.MISSING.label();
            default -> s.state().label() + by + note
                    + proofNote(record.proven().get(latest.id()));
        };
    }

    // -------------------------------------------------------------------------------------------------- JSON

    /**
     * The JSON report, written as it is produced (a 100,000-shot report is hundreds of megabytes of text: neither it
     * nor a tree of it is held). The bytes are those of the indented tree the 0.1 versions printed.
     */
    private static void printJson(Path file, SignedRecord record, Policies.InForce policy, Map<UUID, List<Flag>> flags,
                                  FlagIndex.Summary summary, SignOffLog.Check log, PrintStream out) {
        ProductionData data = record.data();
        Map<UUID, Scene> scenes = ProductionData.index(data.scenes(), Scene::id);
        // the summary precedes the shots in the report, so what it counts is counted first
        int shotsWithFlags = 0;
        for (Shot shot : data.shots()) if (!flags.getOrDefault(shot.id(), List.of()).isEmpty()) shotsWithFlags++;
        List<ConsentCoverage.Coverage> gaps = ConsentCoverage.of(data).stream().filter(c -> !c.covered()).toList();
        Writer text = new BufferedWriter(new OutputStreamWriter(out, out.charset()), 1 << 16);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("file", String.valueOf(file.getFileName()));
            g.writeStringField("production", data.production().title());
            g.writeObjectFieldStart("policy");
            g.writeStringField("name", policy.policy().name());
            g.writeStringField("version", policy.policy().version());
            g.writeBooleanField("stored", policy.stored());
            g.writeNullField("problem"); // kept for readers of the 0.1 shape: a policy with a problem now refuses instead
            PolicyStanding standing = PolicyStanding.of(policy.policy());
            g.writeBooleanField("builtIn", standing.builtIn().isPresent());
            nullable(g, "newerBuiltIn", standing.newer().map(BuiltInPolicies.BuiltIn::version).orElse(null));
            g.writeEndObject();

            g.writeObjectFieldStart("summary");
            g.writeNumberField("shots", data.shots().size());
            g.writeNumberField("shotsWithFlags", shotsWithFlags);
            g.writeNumberField("flags", summary.flags());
            g.writeNumberField("openBlocking", summary.openBlocking());
            g.writeNumberField("openAdvisory", summary.openAdvisory());
            g.writeNumberField("stale", summary.stale());
            g.writeNumberField("declined", summary.declined());
            g.writeBooleanField("blocked", summary.blocked());
            g.writeNumberField("uncoveredUses", gaps.size());
            g.writeEndObject();

            g.writeArrayFieldStart("shots");
            for (Shot shot : data.shots()) {
                List<Flag> shotFlags = flags.getOrDefault(shot.id(), List.of());
                if (!shotFlags.isEmpty()) writeShot(g, shot, scenes.get(shot.sceneId()), shotFlags, record);
            }
            g.writeEndArray();

            g.writeArrayFieldStart("uncoveredUses");
            Map<UUID, Shot> shotsById = gaps.isEmpty() ? Map.of() : ProductionData.index(data.shots(), Shot::id);
            for (ConsentCoverage.Coverage c : gaps) {
                Shot shot = shotsById.get(c.shotId());
                Scene scene = shot == null ? null : scenes.get(shot.sceneId());
                g.writeStartObject();
                g.writeStringField("shotId", c.shotId().toString());
                g.writeStringField("scene", scene == null ? "" : scene.number());
                g.writeStringField("shot", shot == null ? "" : shot.number());
                g.writeStringField("aiUseId", c.use().id().toString());
                g.writeStringField("technique", c.use().technique().name());
                g.writeStringField("castId", c.castId().toString());
                g.writeStringField("person", c.person());
                g.writeStringField("consentKind", c.kind().name());
                g.writeStringField("gap", c.gap().name());
                g.writeStringField("why", c.why());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("ignoredSignOffs");
            for (SignedRecord.Ignored i : record.ignored()) {
                g.writeStartObject();
                g.writeStringField("id", i.signOff().id().toString());
                g.writeStringField("shotId", i.signOff().shotId().toString());
                g.writeStringField("ruleId", i.signOff().ruleId());
                g.writeStringField("role", i.signOff().role().name());
                g.writeStringField("signer", i.signOff().signer());
                g.writeStringField("decision", i.signOff().decision().name());
                g.writeStringField("signedAt", i.signOff().signedAt().toString());
                g.writeStringField("why", i.why().name());
                g.writeStringField("reason", i.reason());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeObjectFieldStart("signOffLog");
            g.writeNumberField("events", log.events());
            g.writeStringField("head", log.head());
            g.writeNumberField("beforeLog", log.beforeLog());
            g.writeBooleanField("intact", log.intact());
            g.writeArrayFieldStart("problems");
            for (String problem : log.problems()) g.writeString(problem);
            g.writeEndArray();
            g.writeArrayFieldStart("unlogged");
            for (String row : log.unlogged()) g.writeString(row);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            // PrintStream swallows its own errors; a Writer over it does not fail either
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void writeShot(JsonGenerator g, Shot shot, Scene scene, List<Flag> shotFlags, SignedRecord record) throws IOException {
        g.writeStartObject();
        g.writeStringField("shotId", shot.id().toString());
        g.writeStringField("scene", scene == null ? "" : scene.number());
        g.writeStringField("sceneHeading", scene == null ? "" : scene.heading());
        g.writeStringField("shot", shot.number());
        g.writeStringField("status", ShotStatus.of(true, shotFlags).name());
        g.writeArrayFieldStart("flags");
        for (Flag f : shotFlags) {
            g.writeStartObject();
            g.writeStringField("ruleId", f.rule().id());
            g.writeStringField("title", f.rule().title());
            g.writeStringField("severity", f.rule().severity().name());
            g.writeBooleanField("open", f.open());
            g.writeStringField("reason", f.reason());
            nullable(g, "needsRecord", f.needsRecord() ? f.unresolved() : null);
            g.writeObjectFieldStart("aiUse");
            g.writeStringField("id", f.aiUse().id().toString());
            g.writeStringField("technique", f.aiUse().technique().name());
            g.writeStringField("output", f.aiUse().output().name());
            g.writeStringField("tool", f.aiUse().tool());
            g.writeStringField("purpose", f.aiUse().purpose());
            g.writeEndObject();
            g.writeArrayFieldStart("signatures");
            for (RequiredSignature r : f.signatures()) writeSignature(g, r, record);
            g.writeEndArray();
            g.writeArrayFieldStart("sources");
            for (Source source : f.rule().sources()) {
                g.writeStartObject();
                g.writeStringField("label", source.label());
                g.writeStringField("document", source.document());
                g.writeStringField("url", source.url());
                g.writeStringField("checked", source.checked().name());
                nullable(g, "appliesFrom", source.appliesFrom() == null ? null : source.appliesFrom().toString());
                nullable(g, "appliesUntil", source.appliesUntil() == null ? null : source.appliesUntil().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeSignature(JsonGenerator g, RequiredSignature r, SignedRecord record) throws IOException {
        g.writeStartObject();
        g.writeStringField("role", r.role().name());
        g.writeStringField("roleLabel", r.role().label());
        nullable(g, "subjectId", r.subjectId() == null ? null : r.subjectId().toString());
        nullable(g, "subjectName", r.subjectId() == null ? null : r.subjectName());
        g.writeStringField("state", r.state().name());
        SignOff latest = r.latestOrNull();
        if (latest == null) {
            g.writeNullField("latest");
        } else {
            g.writeObjectFieldStart("latest");
            g.writeStringField("signer", latest.signer());
            g.writeStringField("decision", latest.decision().name());
            g.writeStringField("note", latest.note());
            g.writeStringField("signedAt", latest.signedAt().toString());
            SignedRecord.Proven proof = record.proven().get(latest.id());
            if (proof != null) {
                g.writeStringField("proof", proof.kind());
                g.writeStringField("keyFingerprint", proof.keyFingerprint());
                g.writeBooleanField("attestedByProducer", proof.attested());
                g.writeBooleanField("ownKey", proof.ownKey());
                if (proof.pinned() == null) g.writeNullField("keyPinned");
                else g.writeBooleanField("keyPinned", proof.pinned());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** A string field, or JSON null (what ObjectNode.put wrote for a null string). */
    private static void nullable(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) g.writeNullField(field);
        else g.writeStringField(field, value);
    }
}
