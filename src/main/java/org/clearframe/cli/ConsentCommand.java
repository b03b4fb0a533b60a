package org.clearframe.cli;

import org.clearframe.OutputFile;
import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scan;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.pdf.ConsentRequestPdf;
import org.clearframe.pdf.ExportException;
import org.clearframe.rules.ConsentCoverage;
import org.clearframe.rules.ConsentCoverage.Coverage;
import org.clearframe.rules.Names;
import org.clearframe.rules.PerformerChecks;
import org.clearframe.store.ProjectFileException;
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
 * {@code consent list FILE}: per person, the consents on record, what each covers, and the uses not covered.
 * {@code consent request FILE --person NAME OUT.pdf}: the consent request that person is asked to sign.
 * Exit 1 from {@code list} while a use is not covered, like {@code check} with an open blocking flag.
 */
final class ConsentCommand implements Command {

    @Override public String name() { return "consent"; }
    @Override public String usage() {
        return "consent list FILE | consent request FILE --person NAME OUT.pdf [--notice TEXT] [--payment TEXT] [--force]";
    }
    @Override public String summary() { return "list consents and the uses they do not cover, or write a performer's consent request PDF"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) return usageError(err, "say list or request.");
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "list" -> list(rest, out, err);
            case "request" -> request(rest, out, err);
            default -> unknownAction(args, err);
        };
    }

    /** An unknown action; an unknown option among the rest is named first, as every verb names it. */
    private int unknownAction(List<String> args, PrintStream err) {
        try {
            Arguments.parse(args, Set.of(Projects.FORCE), Set.of("--person", "--notice", "--payment"));
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        return usageError(err, "unknown consent action '" + args.get(0) + "': say list or request.");
    }

    private int list(List<String> args, PrintStream out, PrintStream err) {
        Path file;
        try {
            Arguments a = Arguments.parse(args, Set.of(), Set.of());
            file = Path.of(a.positional(1, "the production file").get(0));
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        ProductionData data;
        try {
            data = Projects.read(file);
        } catch (ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
        List<Coverage> coverage = ConsentCoverage.of(data);
        Map<UUID, Scene> scenes = ProductionData.index(data.scenes(), Scene::id);
        Map<UUID, Shot> shots = ProductionData.index(data.shots(), Shot::id);
        out.println("Production: " + data.production().title());
        int uncovered = 0;
        for (CastMember m : data.cast()) {
            List<Consent> consents = data.consentsOf(m.id());
            List<Coverage> mine = coverage.stream().filter(c -> c.castId().equals(m.id())).toList();
            List<Scan> scans = data.scansOf(m.id());
            if (consents.isEmpty() && mine.isEmpty() && scans.isEmpty() && !m.minor()) continue;
            out.println();
            out.println(m.display() + "  [" + (m.minor() ? "minor; " : "") + "representation: " + m.representation().label()
                    + (m.deceased() ? "; deceased" : "") + "]");
            for (Scan s : scans) {
                out.println("  Scan " + orNot(s.scannedOn()) + ", notice " + orNot(s.noticeGivenOn())
                        + (PerformerChecks.noticeMet(s) ? "" : " (less than 48 hours)")
                        + ", business reason: " + (s.businessReason().isBlank() ? "none recorded" : s.businessReason()));
            }
            if (consents.isEmpty()) out.println("  No consent on record.");
            for (Consent c : consents) {
                out.println("  Consent " + c.id() + ": " + c.kind().label() + ", given " + orNot(c.givenOn()) + " by "
                        + (c.givenBy().isBlank() ? "(nobody named)" : c.givenBy())
                        + (c.withdrawn() ? ", WITHDRAWN on " + c.withdrawnOn() : "")
                        + (c.productionId().equals(data.production().id()) ? "" : ", for another production"));
                out.println("    Scope: " + scope(c, scenes, shots) + (c.purpose().isBlank() ? "" : "; purpose: " + c.purpose()));
                out.println("    Description: " + (c.description().isBlank() ? "(none)" : c.description())
                        + (ConsentCoverage.specific(c) ? "" : "  [not specific]"));
                if (!c.compensation().isBlank()) out.println("    Compensation: " + c.compensation());
                out.println("    Document: " + (c.documentId() == null ? "none attached" : c.documentId().toString()));
                List<Coverage> covers = mine.stream().filter(x -> x.consent() != null && x.consent().id().equals(c.id())).toList();
                for (Coverage x : covers) out.println("    Covers " + where(x, scenes, shots) + ": " + x.use().technique().label());
            }
            List<Coverage> gaps = mine.stream().filter(c -> !c.covered()).toList();
            uncovered += gaps.size();
            if (!gaps.isEmpty()) out.println("  Not covered:");
            for (Coverage g : gaps) {
                out.println("    " + where(g, scenes, shots) + " " + g.use().technique().label() + " (" + g.kind().label() + "): " + g.why());
            }
        }
        // Consents of people outside the cast (an estate's rights holder), or of a cast row since removed: kept, listed.
        java.util.Set<UUID> castIds = data.cast().stream().map(CastMember::id).collect(Collectors.toSet());
        List<Consent> outside = data.consents().stream().filter(c -> c.castId() == null || !castIds.contains(c.castId())).toList();
        if (!outside.isEmpty()) {
            out.println();
            out.println("Outside the cast list:");
            for (Consent c : outside) {
                out.println("  Consent " + c.id() + ": " + c.kind().label() + ", given " + orNot(c.givenOn()) + " by "
                        + (c.givenBy().isBlank() ? "(nobody named)" : c.givenBy())
                        + (c.castId() == null ? "" : " (for a cast member no longer in the list)")
                        + (c.withdrawn() ? ", WITHDRAWN on " + c.withdrawnOn() : ""));
                out.println("    Scope: " + scope(c, scenes, shots) + (c.purpose().isBlank() ? "" : "; purpose: " + c.purpose()));
                out.println("    Description: " + (c.description().isBlank() ? "(none)" : c.description()));
            }
        }
        out.println();
        out.println(uncovered == 0 ? "Every use that touches a person is covered by consent on record."
                : uncovered + " consent" + (uncovered == 1 ? " is" : "s are") + " missing for planned uses.");
        return uncovered == 0 ? OK : FINDING;
    }

    private int request(List<String> args, PrintStream out, PrintStream err) {
        Path file, pdf;
        String person;
        ConsentRequestPdf.Terms terms;
        boolean force;
        try {
            Arguments a = Arguments.parse(args, Set.of(Projects.FORCE), Set.of("--person", "--notice", "--payment"));
            List<String> files = a.positional(2, "the production file and the PDF to write");
            person = a.value("--person");
            if (person == null || person.isBlank()) return usageError(err, "--person NAME is required.");
            file = Path.of(files.get(0));
            pdf = Path.of(files.get(1));
            terms = new ConsentRequestPdf.Terms(a.value("--notice"), a.value("--payment"));
            force = a.has(Projects.FORCE);
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        ProductionData data;
        try {
            Projects.checkOutput(pdf, force, file);
            data = Projects.read(file);
        } catch (OutputFile.Refused | ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
        List<CastMember> matches = data.cast().stream().filter(m -> Names.same(m.performer(), person)).toList();
        if (matches.size() != 1) {
            err.println("clearframe: consent request: " + (matches.isEmpty() ? "no cast member is called '" + person + "'"
                    : "more than one cast member is called '" + person + "'") + ". The cast: "
                    + data.cast().stream().map(CastMember::performer).collect(Collectors.joining(", ")) + ".");
            return BAD_INPUT;
        }
        try {
            int n = ConsentRequestPdf.write(data, matches.get(0), terms, LocalDate.now(), pdf);
            out.println("Wrote " + pdf + ": consent request for " + matches.get(0).performer() + ", " + n + " planned use" + (n == 1 ? "" : "s") + ".");
            return OK;
        } catch (ExportException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static String orNot(LocalDate d) {
        return d == null ? "(date not recorded)" : d.toString();
    }

    private static String where(Coverage c, Map<UUID, Scene> scenes, Map<UUID, Shot> shots) {
        Shot shot = shots.get(c.shotId());
        Scene scene = shot == null ? null : scenes.get(shot.sceneId());
        return (scene == null ? "?" : scene.number()) + "/" + (shot == null ? "?" : shot.number());
    }

    private static String scope(Consent c, Map<UUID, Scene> scenes, Map<UUID, Shot> shots) {
        String sc = c.sceneIds().stream().map(id -> scenes.containsKey(id) ? scenes.get(id).number() : "(a scene no longer here)")
                .collect(Collectors.joining(", "));
        String sh = c.shotIds().stream().map(id -> {
            Shot s = shots.get(id);
            return s == null ? "(a shot no longer here)" : (scenes.containsKey(s.sceneId()) ? scenes.get(s.sceneId()).number() : "?") + "/" + s.number();
        }).collect(Collectors.joining(", "));
        String t = c.techniques().stream().sorted().map(Technique::label).collect(Collectors.joining(", "));
        return "scenes [" + sc + "], shots [" + sh + "], techniques [" + t + "]";
    }
}
