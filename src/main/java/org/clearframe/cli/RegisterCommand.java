package org.clearframe.cli;

import org.clearframe.rules.Wording;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.Reply;
import org.clearframe.model.Decision;
import org.clearframe.register.StudioReport;
import org.clearframe.register.StudioSigning;
import org.clearframe.store.register.Register;
import org.clearframe.store.register.RegisterException;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code register report|sign|migrate ...}: the studio's side of the register. {@code report} exits 1 when
 * anything needs the studio's attention, as {@code check} does for open blocking flags.
 */
final class RegisterCommand implements Command {

    private static final Set<String> TAKES_VALUE = Set.of(PublishCommand.REGISTER, "--as", "--note");
    private static final Set<String> KNOWN_OPTIONS = Set.of(PublishCommand.REGISTER, "--as", "--note", "--json", "--decline");

    @Override public String name() { return "register"; }
    @Override public String usage() {
        return "register (report [--json] | sign PRODUCTION-ID --as NAME [--decline] [--note TEXT] | migrate) --register URL";
    }
    @Override public String summary() { return "the studio register: the report across productions, the studio AI contact's signature, "
            + "or (administrator) create or upgrade its schema"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) return usageError(err, "missing report, sign or migrate.");
        // An unknown option is named as such, whatever the sub-command, before anything else is read.
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!Arguments.isOption(a)) continue;
            if (!KNOWN_OPTIONS.contains(a)) return usageError(err, "unknown option '" + a + "'.");
            if (TAKES_VALUE.contains(a)) i++;
        }
        try {
            List<String> rest = args.subList(1, args.size());
            return switch (args.get(0)) {
                case "report" -> report(rest, out);
                case "sign" -> sign(rest, out);
                case "migrate" -> migrate(rest, out);
                default -> usageError(err, "unknown register command '" + args.get(0) + "'.");
            };
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        } catch (RegisterException | ExchangeException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static String address(Arguments a) throws Arguments.Invalid {
        String r = a.value(PublishCommand.REGISTER);
        if (r == null) throw new Arguments.Invalid("missing " + PublishCommand.REGISTER + " URL.");
        return r;
    }

    private int migrate(List<String> args, PrintStream out) throws Arguments.Invalid, RegisterException {
        Arguments a = Arguments.parse(args, Set.of(), Set.of(PublishCommand.REGISTER));
        a.positional(0, "no other argument");
        try (Register register = Register.connect(address(a))) {
            List<Integer> applied = register.migrate();
            out.println(applied.isEmpty() ? "The register is up to date (schema version " + register.schemaVersion() + ")."
                    : "Migrated the register to schema version " + applied.get(applied.size() - 1) + ".");
        }
        return OK;
    }

    private int sign(List<String> args, PrintStream out) throws Arguments.Invalid, RegisterException, ExchangeException {
        Arguments a = Arguments.parse(args, Set.of("--decline"), Set.of(PublishCommand.REGISTER, "--as", "--note"));
        UUID production;
        try {
            production = UUID.fromString(a.positional(1, "the production id").get(0));
        } catch (IllegalArgumentException e) {
            throw new Arguments.Invalid("'" + a.positional().get(0) + "' is not a production id (a UUID, as the report shows it).");
        }
        String as = a.value("--as");
        if (as == null || as.isBlank()) throw new Arguments.Invalid("missing --as NAME: the name you sign as.");
        String note = a.value("--note") == null ? "" : a.value("--note");
        Decision decision = a.has("--decline") ? Decision.DECLINED : note.isBlank() ? Decision.APPROVED : Decision.APPROVED_WITH_CONDITIONS;
        Reply reply = StudioSigning.sign(address(a), production, as, decision, note, KeyRing.forUser().keyPair());
        out.println("Signed " + reply.decisions().size() + " studio AI contact decisions (" + decision.label() + ") for \"" + reply.productionTitle()
                + "\" with key " + reply.keyFingerprint() + ". The producer records them with 'clearframe pull'.");
        return OK;
    }

    private int report(List<String> args, PrintStream out) throws Arguments.Invalid, RegisterException {
        Arguments a = Arguments.parse(args, Set.of("--json"), Set.of(PublishCommand.REGISTER));
        a.positional(0, "no other argument");
        StudioReport report = StudioReport.read(address(a), LocalDate.now());
        if (a.has("--json")) out.println(json(report).toPrettyString());
        else print(report, out);
        return report.hasFindings() ? FINDING : OK;
    }

    private static void print(StudioReport r, PrintStream out) {
        out.println("Studio register: " + r.productions().size() + " productions, as of " + r.today());
        out.println();
        out.println("Open blocking flags: " + r.blocked().size() + " productions");
        for (StudioReport.Line l : r.blocked()) out.println("  " + line(l) + ": " + Wording.count(l.openBlocking(), "blocking flag") + " open");
        out.println("Signatures due by shoot date: " + r.overdue().size() + " productions");
        for (StudioReport.Line l : r.overdue()) {
            out.println("  " + line(l) + ": " + Wording.count(l.openFlags(), "flag") + " open, shoots " + l.shootDate() + (l.due() == StudioReport.Due.OVERDUE ? " (OVERDUE)" : " (due soon)"));
        }
        out.println("Waiting on the studio AI contact: " + r.waitingOnStudio().size() + " productions");
        for (StudioReport.Line l : r.waitingOnStudio()) out.println("  " + line(l) + ": " + Wording.count(l.studioWaiting(), "signature"));
        out.println("Same person with replica, likeness or voice uses in more than one production: " + r.people().size());
        for (StudioReport.Person p : r.people()) {
            out.println("  " + p.name() + (p.memberId() == null ? "" : " (" + p.memberId() + ")") + ": "
                    + String.join("; ", p.uses().stream().map(u -> u.title() + " (" + u.count() + " uses)").toList()));
        }
        out.println("Tools whose vendor may train on uploads: " + r.tools().size());
        for (StudioReport.Tool t : r.tools()) {
            out.println("  " + t.tool() + ": " + String.join("; ", t.uses().stream().map(u -> u.title() + " (" + u.count() + " uses)").toList()));
        }
        out.println("Productions under an older policy version: " + r.olderPolicies().size());
        for (StudioReport.OlderPolicy p : r.olderPolicies()) {
            out.println("  " + p.title() + " [" + p.productionId() + "]: " + p.policy() + " " + p.version() + ", newest " + p.newest());
        }
    }

    private static String line(StudioReport.Line l) {
        return l.title() + " [" + l.id() + ", " + l.owner() + "]";
    }

    private static ObjectNode json(StudioReport r) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("format", "clearframe-register-report");
        root.put("schemaVersion", 1);
        root.put("asOf", r.today().toString());
        ArrayNode productions = root.putArray("productions");
        for (StudioReport.Line l : r.productions()) {
            ObjectNode o = productions.addObject();
            o.put("id", l.id().toString());
            o.put("title", l.title());
            o.put("owner", l.owner());
            o.put("shootDate", l.shootDate() == null ? null : l.shootDate().toString());
            o.put("policy", l.policy());
            o.put("openBlockingFlags", l.openBlocking());
            o.put("openFlags", l.openFlags());
            o.put("waitingOnStudio", l.studioWaiting());
            o.put("due", l.due().name());
        }
        ArrayNode people = root.putArray("samePersonAcrossProductions");
        for (StudioReport.Person p : r.people()) {
            ObjectNode o = people.addObject();
            o.put("name", p.name());
            o.put("memberId", p.memberId());
            uses(o.putArray("uses"), p.uses());
        }
        ArrayNode tools = root.putArray("toolsThatMayTrain");
        for (StudioReport.Tool t : r.tools()) {
            ObjectNode o = tools.addObject();
            o.put("tool", t.tool());
            uses(o.putArray("uses"), t.uses());
        }
        ArrayNode older = root.putArray("olderPolicies");
        for (StudioReport.OlderPolicy p : r.olderPolicies()) {
            ObjectNode o = older.addObject();
            o.put("productionId", p.productionId().toString());
            o.put("title", p.title());
            o.put("policy", p.policy());
            o.put("version", p.version());
            o.put("newest", p.newest());
        }
        return root;
    }

    private static void uses(ArrayNode into, List<StudioReport.Use> uses) {
        for (StudioReport.Use u : uses) {
            ObjectNode o = into.addObject();
            o.put("productionId", u.productionId().toString());
            o.put("title", u.title());
            o.put("uses", u.count());
        }
    }
}
