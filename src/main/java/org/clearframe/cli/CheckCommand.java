package org.clearframe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.Evaluator;
import org.clearframe.rules.Flag;
import org.clearframe.rules.FlagIndex;
import org.clearframe.rules.Policies;
import org.clearframe.rules.PolicyStanding;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.ShotStatus;
import org.clearframe.rules.SignatureState;
import org.clearframe.rules.Source;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code check FILE [--json]}: every flag of every shot under the production's policy, and whether the
 * production is cleared. Exit 0 when no blocking flag is open, 1 when one is, 2 on bad input. Meant for people
 * and for scripts (the JSON shape is described in src/docs/check-json.md). Reads the file without writing.
 */
final class CheckCommand implements Command {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Override public String name() { return "check"; }
    @Override public String usage() { return "check FILE [--json]"; }
    @Override public String summary() { return "list the shots' sign-off flags; exit 1 while a blocking one is open"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean json = args.contains("--json");
        List<String> files = args.stream().filter(a -> !a.equals("--json")).toList();
        if (files.size() != 1 || files.get(0).startsWith("-")) {
            err.println("Usage: clearframe " + usage());
            return BAD_INPUT;
        }
        Path file = Path.of(files.get(0));
        ProductionData data;
        try {
            data = Projects.read(file);
        } catch (ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
        Policies.InForce policy = Policies.choose(data);
        if (policy.fellBack()) {
            err.println("clearframe: warning: the policy stored in " + file.getFileName()
                    + " cannot be used, so the built-in default policy applies. " + policy.problem());
        }
        Map<UUID, List<Flag>> flags = Evaluator.evaluateAll(policy.policy(), data);
        FlagIndex.Summary summary = FlagIndex.Summary.of(flags.values());
        if (json) printJson(file, data, policy, flags, summary, out);
        else printText(data, policy, flags, summary, out);
        return summary.blocked() ? FINDING : OK;
    }

    // -------------------------------------------------------------------------------------------------- text

    private static void printText(ProductionData data, Policies.InForce policy, Map<UUID, List<Flag>> flags,
                                  FlagIndex.Summary summary, PrintStream out) {
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
                for (RequiredSignature s : f.signatures()) out.println("    - " + s.who() + ": " + describe(s));
                out.println("    Sources: " + f.rule().sources().stream().map(Source::label).collect(Collectors.joining(", ")));
            }
        }
        out.println();
        if (summary.flags() == 0) out.println("No AI use on this production needs sign-off under this policy.");
        out.printf("Summary: %d flag%s on %d of %d shots; open: %d blocking, %d advisory; %d stale, %d declined.%n",
                summary.flags(), summary.flags() == 1 ? "" : "s", shotsWithFlags, data.shots().size(),
                summary.openBlocking(), summary.openAdvisory(), summary.stale(), summary.declined());
        out.println(summary.blocked()
                ? "Result: not cleared. " + summary.openBlocking() + " blocking flag" + (summary.openBlocking() == 1 ? " is" : "s are") + " still open."
                : "Result: cleared. No blocking flag is open.");
    }

    private static String describe(RequiredSignature s) {
        SignOff latest = s.latestOrNull();
        if (latest == null) return SignatureState.MISSING.label();
        String by = " by " + (latest.signer().isBlank() ? "(no name)" : latest.signer()) + " on " + WHEN.format(latest.signedAt());
        String note = latest.note().isBlank() ? "" : ": " + latest.note();
        return switch (s.state()) {
            case STALE -> "Stale, the plan changed after it was signed (" + latest.decision().label().toLowerCase() + by + ")";
            case MISSING -> SignatureState.MISSING.label();
            default -> s.state().label() + by + note;
        };
    }

    // -------------------------------------------------------------------------------------------------- JSON

    private static void printJson(Path file, ProductionData data, Policies.InForce policy, Map<UUID, List<Flag>> flags,
                                  FlagIndex.Summary summary, PrintStream out) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<UUID, Scene> scenes = ProductionData.index(data.scenes(), Scene::id);
        ObjectNode root = mapper.createObjectNode();
        root.put("file", String.valueOf(file.getFileName()));
        root.put("production", data.production().title());
        ObjectNode p = root.putObject("policy");
        p.put("name", policy.policy().name());
        p.put("version", policy.policy().version());
        p.put("stored", policy.stored());
        if (policy.fellBack()) p.put("problem", policy.problem());
        else p.putNull("problem");
        PolicyStanding standing = PolicyStanding.of(policy.policy());
        p.put("builtIn", standing.builtIn().isPresent());
        if (standing.newer().isPresent()) p.put("newerBuiltIn", standing.newer().get().version());
        else p.putNull("newerBuiltIn");

        ArrayNode shots = mapper.createArrayNode();
        int shotsWithFlags = 0;
        for (Shot shot : data.shots()) {
            List<Flag> shotFlags = flags.getOrDefault(shot.id(), List.of());
            if (shotFlags.isEmpty()) continue;
            shotsWithFlags++;
            Scene scene = scenes.get(shot.sceneId());
            ObjectNode s = shots.addObject();
            s.put("shotId", shot.id().toString());
            s.put("scene", scene == null ? "" : scene.number());
            s.put("sceneHeading", scene == null ? "" : scene.heading());
            s.put("shot", shot.number());
            s.put("status", ShotStatus.of(true, shotFlags).name());
            ArrayNode fs = s.putArray("flags");
            for (Flag f : shotFlags) {
                ObjectNode fj = fs.addObject();
                fj.put("ruleId", f.rule().id());
                fj.put("title", f.rule().title());
                fj.put("severity", f.rule().severity().name());
                fj.put("open", f.open());
                fj.put("reason", f.reason());
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
                    SignOff latest = r.latestOrNull();
                    if (latest == null) {
                        sj.putNull("latest");
                    } else {
                        ObjectNode lj = sj.putObject("latest");
                        lj.put("signer", latest.signer());
                        lj.put("decision", latest.decision().name());
                        lj.put("note", latest.note());
                        lj.put("signedAt", latest.signedAt().toString());
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
        sum.put("shotsWithFlags", shotsWithFlags);
        sum.put("flags", summary.flags());
        sum.put("openBlocking", summary.openBlocking());
        sum.put("openAdvisory", summary.openAdvisory());
        sum.put("stale", summary.stale());
        sum.put("declined", summary.declined());
        sum.put("blocked", summary.blocked());
        root.set("shots", shots);
        try {
            out.println(mapper.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
