package org.clearframe.cli;

import org.clearframe.rules.Wording;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.exchange.JsonFields;
import org.clearframe.exchange.RecordTrust;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.Assessment;
import org.clearframe.rules.ConsentCoverage;
import org.clearframe.rules.Flag;
import org.clearframe.rules.FlagIndex;
import org.clearframe.rules.Policies;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.rules.PolicyUnreadable;
import org.clearframe.rules.PolicyStanding;
import org.clearframe.rules.RequiredSignature;
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
import java.nio.file.Path;
import java.time.LocalDate;
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
    private static final JsonFactory JSON = JsonFactory.builder().disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build()
            // the codec writes the small trees (due dates, change lists), without flushing the console after each one
            .setCodec(new com.fasterxml.jackson.databind.ObjectMapper().disable(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE));


    private static final String DUE_WITHIN = "--due-within";
    /** The day due dates are judged against (default: the machine's date), so a pipeline or a test is reproducible. */
    private static final String TODAY = "--today";

    /** A key, besides your own and the heads' keys pinned here, whose proofs count: how a build server gates. */
    private static final String TRUST_KEY = "--trust-key";

    @Override public String name() { return "check"; }
    @Override public String usage() { return "check FILE [--json] [--trust-key FINGERPRINT]... [--due-within DAYS] [--today YYYY-MM-DD]"; }
    @Override public String summary() { return "list the shots' sign-off flags; exit 1 while a blocking one is open"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a;
        try {
            a = Arguments.parse(args, Set.of("--json"), Set.of(DUE_WITHIN, TODAY), Set.of(TRUST_KEY));
            a.positional(1, "the production file");
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        boolean json = a.has("--json");
        Integer dueWithin;
        LocalDate today;
        try {
            dueWithin = a.value(DUE_WITHIN) == null ? null : days(a.value(DUE_WITHIN));
            today = a.value(TODAY) == null ? LocalDate.now() : CalendarCommand.date(a.value(TODAY));
        } catch (CalendarCommand.Refused e) {
            return usageError(err, e.getMessage());
        }
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
        List<String> withdrawalProblems;
        ProducerFacts facts;
        try {
            Projects.Checked checked = Projects.readChecked(file, trust);
            record = checked.record();
            log = checked.log();
            withdrawalProblems = checked.withdrawalProblems();
            data = record.data();
            facts = checked.facts();
        } catch (ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
        Assessment assessment;
        try {
            assessment = Assessment.of(data);
        } catch (PolicyUnreadable e) {
            // fail closed: no verdict at all rather than one under a policy the studio did not choose
            err.println("clearframe: " + file.getFileName() + ": " + e.getMessage());
            return BAD_INPUT;
        }
        DueReport due = new DueReport(data, assessment.flagsByShot(), facts, today);
        if (json) printJson(file, record, assessment, log, withdrawalProblems, due, dueWithin, out);
        else printText(record, assessment, log, withdrawalProblems, due, dueWithin, out);
        // With --due-within the gate is the deadline: something due in the window is unsigned.
        boolean finding = dueWithin != null ? due.dueWithin(dueWithin) > 0 : assessment.blocked();
        // an altered history is a finding like an open blocking flag: the gate does not pass a file that was edited behind its back
        return finding || !log.intact() ? FINDING : OK;
    }

    private static int days(String text) throws CalendarCommand.Refused {
        try {
            int days = Integer.parseInt(text.strip());
            if (days < 0 || days > 3660) throw new CalendarCommand.Refused("--due-within takes 0 to 3660 days, not " + days + ".");
            return days;
        } catch (NumberFormatException e) {
            throw new CalendarCommand.Refused("--due-within takes a number of days, not '" + text + "'.");
        }
    }

    // -------------------------------------------------------------------------------------------------- text

    private static void printText(SignedRecord record, Assessment assessment, SignOffLog.Check log, List<String> withdrawalProblems,
                                  DueReport due, Integer dueWithin,
                                  PrintStream out) {
        ProductionData data = record.data();
        Policies.InForce policy = assessment.inForce();
        FlagIndex.Summary summary = assessment.summary();
        Map<UUID, Scene> scenes = ProductionData.index(data.scenes(), Scene::id);
        out.println("Production: " + data.production().title());
        out.println("Policy:     " + policy.policy().display() + (policy.stored() ? " (stored in the file)" : " (built in)"));
        out.println("            " + PolicyStanding.of(policy.policy()).describe());
        for (Shot shot : data.shots()) {
            List<Flag> shotFlags = assessment.flags(shot.id());
            if (shotFlags.isEmpty()) continue;
            Scene scene = scenes.get(shot.sceneId());
            out.println();
            out.println("Scene " + (scene == null ? "?" : scene.number()) + ", shot " + shot.number()
                    + (scene == null ? "" : " - " + scene.heading()) + "  [" + assessment.status(shot).label() + "]");
            for (Flag f : shotFlags) {
                out.println("  " + f.rule().id() + "  " + f.rule().title() + "  [" + f.rule().severity().label() + ", "
                        + (f.open() ? "open" : "signed") + "]");
                out.println("    Why: " + f.reason());
                if (f.needsRecord()) out.println("    Needs: " + f.unresolved() + " (recorded in the production; no signature closes this)");
                if (f.needsRecord() && !due.text(due.ofRecord(shot, f)).isEmpty()) out.println("      " + due.text(due.ofRecord(shot, f)).substring(2));
                for (RequiredSignature s : f.signatures()) {
                    out.println("    - " + s.who() + ": " + describe(s, record) + due.text(due.of(shot, f, s)));
                    due.changeLine(s, shot, data).ifPresent(line -> out.println("      Changed since signed: " + line));
                }
                out.println("    Sources: " + f.rule().sources().stream().map(Source::label).collect(Collectors.joining(", ")));
            }
        }
        printUncovered(data, scenes, out);
        printIgnored(record, out);
        printLog(log, withdrawalProblems, out);
        out.println();
        if (summary.flags() == 0) out.println("No AI use on this production needs sign-off under this policy.");
        out.printf("Summary: %d flag%s on %d of %d shots; open: %d blocking, %d advisory; %d stale, %d declined.%n",
                summary.flags(), summary.flags() == 1 ? "" : "s", assessment.shotsWithFlags(), data.shots().size(),
                summary.openBlocking(), summary.openAdvisory(), summary.stale(), summary.declined());
        out.println(due.summaryLine());
        if (dueWithin != null) out.println(due.dueWithin(dueWithin) + " open signature" + (due.dueWithin(dueWithin) == 1 ? " is" : "s are")
                + " due within " + dueWithin + (dueWithin == 1 ? " day" : " days") + " (overdue included).");
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

    private static void printLog(SignOffLog.Check log, List<String> withdrawalProblems, PrintStream out) {
        out.println();
        if (log.intact()) {
            out.println("Sign-off log: " + log.events() + " event" + (log.events() == 1 ? "" : "s") + ", hash chain intact"
                    + (log.events() == 0 ? "" : " (head " + log.head().substring(0, 16) + ")")
                    + (log.beforeLog() == 0 ? "." : "; " + Wording.count(log.beforeLog(), "sign-off") + " " + (log.beforeLog() == 1 ? "was" : "were") + " recorded before the log began."));
        } else {
            out.println("Sign-off log: ALTERED. The hash-chained history does not hold:");
            log.problems().forEach(p -> out.println("  " + p));
        }
        if (!log.unlogged().isEmpty()) {
            out.println("Sign-off rows not in the log (written into the file outside Clearframe):");
            log.unlogged().forEach(p -> out.println("  " + p));
        }
        if (!withdrawalProblems.isEmpty()) {
            out.println("Withdrawals and reinstatements that do not hold (a withdrawal still withdraws; a reinstatement is ignored):");
            withdrawalProblems.forEach(p -> out.println("  " + p));
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
        if (record.ignored().stream().anyMatch(i -> i.why() == SignedRecord.Why.WITHDRAWN)) {
            out.println("  Withdrawn sign-offs are not forged: the producer undid the reply import that added them. Redo, or importing "
                    + "the same reply again, reinstates them.");
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
        String by = " by " + (latest.signer().isBlank() ? "(no name)" : latest.signer()) + " on " + Wording.dateTime(latest.signedAt());
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
    private static void printJson(Path file, SignedRecord record, Assessment assessment, SignOffLog.Check log,
                                  List<String> withdrawalProblems, DueReport due,
                                  Integer dueWithin, PrintStream out) {
        ProductionData data = record.data();
        Policies.InForce policy = assessment.inForce();
        FlagIndex.Summary summary = assessment.summary();
        Map<UUID, Scene> scenes = ProductionData.index(data.scenes(), Scene::id);
        List<ConsentCoverage.Coverage> gaps = ConsentCoverage.of(data).stream().filter(c -> !c.covered()).toList();
        try (JsonGenerator g = generator(out)) {
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
            g.writeNumberField("shotsWithFlags", assessment.shotsWithFlags());
            g.writeNumberField("flags", summary.flags());
            g.writeNumberField("openBlocking", summary.openBlocking());
            g.writeNumberField("openAdvisory", summary.openAdvisory());
            g.writeNumberField("stale", summary.stale());
            g.writeNumberField("declined", summary.declined());
            g.writeBooleanField("blocked", summary.blocked());
            ObjectNode dueTop = JsonNodeFactory.instance.objectNode(), dueCounts = JsonNodeFactory.instance.objectNode();
            due.putSummary(dueTop, dueCounts, dueWithin);
            JsonFields.write(g, dueCounts);
            g.writeNumberField("uncoveredUses", gaps.size());
            g.writeEndObject();
            JsonFields.write(g, dueTop);

            g.writeArrayFieldStart("shots");
            for (Shot shot : data.shots()) {
                List<Flag> shotFlags = assessment.flags(shot.id());
                if (!shotFlags.isEmpty()) writeShot(g, shot, scenes.get(shot.sceneId()), assessment, due, record);
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
            g.writeArrayFieldStart("withdrawalProblems");
            for (String problem : withdrawalProblems) g.writeString(problem);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            // PrintStream swallows its own errors; a Writer over it does not fail either
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    /**
     * A writer on the console in its own character set. On a UTF-8 console (the usual one) Jackson encodes the bytes
     * itself, which at 100,000 shots (hundreds of megabytes of report) costs far less than a Writer's encoder; the
     * bytes are the same.
     */
    private static JsonGenerator generator(PrintStream out) throws IOException {
        if (out.charset().equals(java.nio.charset.StandardCharsets.UTF_8)) {
            return JSON.createGenerator(new java.io.BufferedOutputStream(out, 1 << 16), com.fasterxml.jackson.core.JsonEncoding.UTF8);
        }
        return JSON.createGenerator(new BufferedWriter(new OutputStreamWriter(out, out.charset()), 1 << 16));
    }

    private static void writeShot(JsonGenerator g, Shot shot, Scene scene, Assessment assessment, DueReport due, SignedRecord record)
            throws IOException {
        List<Flag> shotFlags = assessment.flags(shot.id());
        g.writeStartObject();
        g.writeStringField("shotId", shot.id().toString());
        g.writeStringField("scene", scene == null ? "" : scene.number());
        g.writeStringField("sceneHeading", scene == null ? "" : scene.heading());
        g.writeStringField("shot", shot.number());
        g.writeStringField("status", assessment.status(shot).name());
        g.writeArrayFieldStart("flags");
        for (Flag f : shotFlags) {
            g.writeStartObject();
            g.writeStringField("ruleId", f.rule().id());
            g.writeStringField("title", f.rule().title());
            g.writeStringField("severity", f.rule().severity().name());
            g.writeBooleanField("open", f.open());
            g.writeStringField("reason", f.reason());
            nullable(g, "needsRecord", f.needsRecord() ? f.unresolved() : null);
            if (f.needsRecord()) {
                ObjectNode d = JsonNodeFactory.instance.objectNode();
                due.put(d, due.ofRecord(shot, f));
                JsonFields.write(g, d);
            } else {
                g.writeNullField("due");
            }
            g.writeObjectFieldStart("aiUse");
            g.writeStringField("id", f.aiUse().id().toString());
            g.writeStringField("technique", f.aiUse().technique().name());
            g.writeStringField("output", f.aiUse().output().name());
            g.writeStringField("tool", f.aiUse().tool());
            g.writeStringField("purpose", f.aiUse().purpose());
            g.writeEndObject();
            g.writeArrayFieldStart("signatures");
            for (RequiredSignature r : f.signatures()) writeSignature(g, shot, f, r, due, record);
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

    private static void writeSignature(JsonGenerator g, Shot shot, Flag f, RequiredSignature r, DueReport due, SignedRecord record)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("role", r.role().name());
        g.writeStringField("roleLabel", r.role().label());
        nullable(g, "subjectId", r.subjectId() == null ? null : r.subjectId().toString());
        nullable(g, "subjectName", r.subjectId() == null ? null : r.subjectName());
        g.writeStringField("state", r.state().name());
        ObjectNode dueAndChanges = JsonNodeFactory.instance.objectNode();
        due.put(dueAndChanges, due.of(shot, f, r));
        due.putChanges(dueAndChanges, r, shot, record.data());
        JsonFields.write(g, dueAndChanges);
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
