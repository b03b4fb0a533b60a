package org.clearframe.cli;

import org.clearframe.rules.Wording;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.clearframe.rules.PolicyUnreadable;
import org.clearframe.rules.PolicyStanding;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.SignatureState;
import org.clearframe.rules.Source;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.SignOffLog;
import org.clearframe.store.StoreException;

import java.io.PrintStream;
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
        ProducerFacts facts;
        try {
            Projects.Checked checked = Projects.readChecked(file, trust);
            record = checked.record();
            log = checked.log();
            data = record.data();
            facts = ProducerFacts.read(file);
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
        if (json) printJson(file, record, assessment, log, due, dueWithin, out);
        else printText(record, assessment, log, due, dueWithin, out);
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

    private static void printText(SignedRecord record, Assessment assessment, SignOffLog.Check log, DueReport due, Integer dueWithin,
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
        printLog(log, out);
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

    private static void printLog(SignOffLog.Check log, PrintStream out) {
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

    private static void printJson(Path file, SignedRecord record, Assessment assessment, SignOffLog.Check log, DueReport due,
                                  Integer dueWithin, PrintStream out) {
        ProductionData data = record.data();
        Policies.InForce policy = assessment.inForce();
        FlagIndex.Summary summary = assessment.summary();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<UUID, Scene> scenes = ProductionData.index(data.scenes(), Scene::id);
        ObjectNode root = mapper.createObjectNode();
        root.put("file", String.valueOf(file.getFileName()));
        root.put("production", data.production().title());
        ObjectNode p = root.putObject("policy");
        p.put("name", policy.policy().name());
        p.put("version", policy.policy().version());
        p.put("stored", policy.stored());
        p.putNull("problem"); // kept for readers of the 0.1 shape: a policy with a problem now refuses instead
        PolicyStanding standing = PolicyStanding.of(policy.policy());
        p.put("builtIn", standing.builtIn().isPresent());
        if (standing.newer().isPresent()) p.put("newerBuiltIn", standing.newer().get().version());
        else p.putNull("newerBuiltIn");

        ArrayNode shots = mapper.createArrayNode();
        for (Shot shot : data.shots()) {
            List<Flag> shotFlags = assessment.flags(shot.id());
            if (shotFlags.isEmpty()) continue;
            Scene scene = scenes.get(shot.sceneId());
            ObjectNode s = shots.addObject();
            s.put("shotId", shot.id().toString());
            s.put("scene", scene == null ? "" : scene.number());
            s.put("sceneHeading", scene == null ? "" : scene.heading());
            s.put("shot", shot.number());
            s.put("status", assessment.status(shot).name());
            ArrayNode fs = s.putArray("flags");
            for (Flag f : shotFlags) {
                ObjectNode fj = fs.addObject();
                fj.put("ruleId", f.rule().id());
                fj.put("title", f.rule().title());
                fj.put("severity", f.rule().severity().name());
                fj.put("open", f.open());
                fj.put("reason", f.reason());
                if (f.needsRecord()) fj.put("needsRecord", f.unresolved());
                else fj.putNull("needsRecord");
                if (f.needsRecord()) due.put(fj, due.ofRecord(shot, f));
                else fj.putNull("due");
                ObjectNode use = fj.putObject("aiUse");
                use.put("id", f.aiUse().id().toString());
                use.put("technique", f.aiUse().technique().name());
                use.put("output", f.aiUse().output().name());
                use.put("tool", f.aiUse().tool());
                use.put("purpose", f.aiUse().purpose());
                ArrayNode sigs = fj.putArray("signatures");
                for (RequiredSignature r : f.signatures()) {
                    ObjectNode sj = sigs.addObject();
                    sj.put("role", r.role().name());
                    sj.put("roleLabel", r.role().label());
                    if (r.subjectId() == null) sj.putNull("subjectId");
                    else sj.put("subjectId", r.subjectId().toString());
                    if (r.subjectId() == null) sj.putNull("subjectName");
                    else sj.put("subjectName", r.subjectName());
                    sj.put("state", r.state().name());
                    due.put(sj, due.of(shot, f, r));
                    due.putChanges(sj, r, shot, data);
                    SignOff latest = r.latestOrNull();
                    if (latest == null) {
                        sj.putNull("latest");
                    } else {
                        ObjectNode lj = sj.putObject("latest");
                        lj.put("signer", latest.signer());
                        lj.put("decision", latest.decision().name());
                        lj.put("note", latest.note());
                        lj.put("signedAt", latest.signedAt().toString());
                        SignedRecord.Proven proof = record.proven().get(latest.id());
                        if (proof != null) {
                            lj.put("proof", proof.kind());
                            lj.put("keyFingerprint", proof.keyFingerprint());
                            lj.put("attestedByProducer", proof.attested());
                            lj.put("ownKey", proof.ownKey());
                            if (proof.pinned() == null) lj.putNull("keyPinned");
                            else lj.put("keyPinned", proof.pinned());
                        }
                    }
                }
                ArrayNode src = fj.putArray("sources");
                for (Source source : f.rule().sources()) {
                    ObjectNode sj = src.addObject();
                    sj.put("label", source.label());
                    sj.put("document", source.document());
                    sj.put("url", source.url());
                    sj.put("checked", source.checked().name());
                    if (source.appliesFrom() == null) sj.putNull("appliesFrom");
                    else sj.put("appliesFrom", source.appliesFrom().toString());
                    if (source.appliesUntil() == null) sj.putNull("appliesUntil");
                    else sj.put("appliesUntil", source.appliesUntil().toString());
                }
            }
        }
        ObjectNode sum = root.putObject("summary");
        sum.put("shots", data.shots().size());
        sum.put("shotsWithFlags", assessment.shotsWithFlags());
        sum.put("flags", summary.flags());
        sum.put("openBlocking", summary.openBlocking());
        sum.put("openAdvisory", summary.openAdvisory());
        sum.put("stale", summary.stale());
        sum.put("declined", summary.declined());
        sum.put("blocked", summary.blocked());
        due.putSummary(root, sum, dueWithin);
        root.set("shots", shots);
        ArrayNode uncovered = root.putArray("uncoveredUses");
        Map<UUID, Shot> shotsById = ProductionData.index(data.shots(), Shot::id);
        int gaps = 0;
        for (ConsentCoverage.Coverage g : ConsentCoverage.of(data)) {
            if (g.covered()) continue;
            gaps++;
            Shot shot = shotsById.get(g.shotId());
            Scene scene = shot == null ? null : scenes.get(shot.sceneId());
            ObjectNode u = uncovered.addObject();
            u.put("shotId", g.shotId().toString());
            u.put("scene", scene == null ? "" : scene.number());
            u.put("shot", shot == null ? "" : shot.number());
            u.put("aiUseId", g.use().id().toString());
            u.put("technique", g.use().technique().name());
            u.put("castId", g.castId().toString());
            u.put("person", g.person());
            u.put("consentKind", g.kind().name());
            u.put("gap", g.gap().name());
            u.put("why", g.why());
        }
        sum.put("uncoveredUses", gaps);
        ArrayNode ignored = root.putArray("ignoredSignOffs");
        for (SignedRecord.Ignored i : record.ignored()) {
            ObjectNode ij = ignored.addObject();
            ij.put("id", i.signOff().id().toString());
            ij.put("shotId", i.signOff().shotId().toString());
            ij.put("ruleId", i.signOff().ruleId());
            ij.put("role", i.signOff().role().name());
            ij.put("signer", i.signOff().signer());
            ij.put("decision", i.signOff().decision().name());
            ij.put("signedAt", i.signOff().signedAt().toString());
            ij.put("why", i.why().name());
            ij.put("reason", i.reason());
        }
        ObjectNode lj = root.putObject("signOffLog");
        lj.put("events", log.events());
        lj.put("head", log.head());
        lj.put("beforeLog", log.beforeLog());
        lj.put("intact", log.intact());
        ArrayNode problems = lj.putArray("problems");
        log.problems().forEach(problems::add);
        ArrayNode unlogged = lj.putArray("unlogged");
        log.unlogged().forEach(unlogged::add);
        try {
            out.println(mapper.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
