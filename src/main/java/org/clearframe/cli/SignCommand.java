package org.clearframe.cli;

import org.clearframe.rules.Wording;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.ProducerTrust;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.SharePackage;
import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code sign PACKAGE.cfshare ...}: the department head's side without the desktop app. {@code --list} prints the
 * questions the package asks, one per line, in the form {@code --decide} takes; {@code --decide} answers one and
 * {@code --decide-all} answers every one not answered otherwise that the signer can sign. The reply is signed with
 * the user's own key. The package must carry a valid producer signature from the key pinned for its production
 * ({@code --repin} accepts a new one, after checking it with the producer); an old unsigned package is reviewed
 * with a warning, and never once the production's key is pinned.
 */
final class SignCommand implements Command {

    @Override public String name() { return "sign"; }
    @Override public String usage() { return "sign PACKAGE.cfshare [--repin] (--list | --name NAME --decide SHOT/RULE/ROLE[/SUBJECT]=DECISION[:note]... [--decide-all DECISION[:note]] [--force] OUT.cfreply)"; }
    @Override public String summary() { return "answer a review package as a department head and write the signed reply "
            + "(DECISION: approve, approve-with-conditions, decline; SHOT: shot id or SCENE:SHOT such as 12A:3)"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        List<String> decides = new ArrayList<>();
        String name = null, decideAll = null;
        boolean list = false, repin = false, force = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--name" -> { if ((name = Arguments.valueAfter(args, i++)) == null) return usage(err, a + " needs a value"); }
                case "--decide" -> { if (Arguments.valueAfter(args, i) != null) decides.add(args.get(++i)); else return usage(err, "--decide needs a value"); }
                case "--decide-all" -> { if ((decideAll = Arguments.valueAfter(args, i++)) == null) return usage(err, a + " needs a value"); }
                case "--list" -> list = true;
                case "--repin" -> repin = true;
                case Projects.FORCE -> force = true;
                default -> {
                    if (Arguments.isOption(a)) return usage(err, "unknown option " + a);
                    positional.add(a);
                }
            }
        }
        if (positional.isEmpty()) return usage(err, null);
        try {
            SharePackage pkg = SharePackage.read(Path.of(positional.get(0)));
            ProducerTrust producers = ProducerTrust.forUser();
            String trustLine = producers.vet(pkg, repin);
            if (pkg.sealed()) out.println(trustLine);
            else err.println("clearframe: " + trustLine);
            if (list) {
                if (positional.size() != 1) return usage(err, null);
                printQuestions(pkg, out);
                return OK;
            }
            if (positional.size() != 2 || name == null) return usage(err, "give --name and the reply file to write");
            if (decides.isEmpty() && decideAll == null) return usage(err, "give at least one --decide or --decide-all");
            Projects.checkOutput(Path.of(positional.get(1)), force, Path.of(positional.get(0)));
            Map<String, SharePackage.Answer> answers = new LinkedHashMap<>();
            for (String d : decides) {
                SharePackage.Answer a = parseDecide(pkg, d);
                if (answers.putIfAbsent(a.slot().key(), a) != null) {
                    throw new ExchangeException(ExchangeException.Problem.DUPLICATE_ID, "'" + d + "' answers a question already answered.");
                }
            }
            if (decideAll != null) {
                Choice c = parseChoice(decideAll);
                for (SharePackage.Slot s : pkg.slots()) {
                    if (answers.containsKey(s.key())) continue;
                    if (!SharePackage.signable(s)) {
                        out.println("Not signed: " + describe(pkg, s) + " names no performer, so nobody can sign it yet; the producer must name "
                                + "the performer first.");
                    } else if (pkg.capacityFor(name, s).isEmpty()) {
                        out.println("Not signed: " + describe(pkg, s) + " is " + s.subjectName() + "'s consent, which only they (or the "
                                + "representative the producer names for them) can give.");
                    } else {
                        answers.put(s.key(), new SharePackage.Answer(s, c.decision, c.note));
                    }
                }
                if (answers.isEmpty()) {
                    throw new ExchangeException(ExchangeException.Problem.INVALID, "This package asks nothing that " + name.strip()
                            + " can sign. No reply was written.");
                }
            }
            KeyRing keys = KeyRing.forUser();
            Reply reply = pkg.sign(name, List.copyOf(answers.values()), keys.keyPair());
            Path target = Path.of(positional.get(1));
            reply.write(target);
            producers.accept(pkg);
            out.println("Wrote " + target + ": " + Wording.count(reply.decisions().size(), "decision") + " for " + pkg.production().title()
                    + ", signed by " + reply.signer().name() + " (" + reply.signer().department() + ").");
            out.println("Your key fingerprint is " + keys.fingerprint() + ": read it to the producer if they ask.");
            return OK;
        } catch (ExchangeException | org.clearframe.OutputFile.Refused e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static void printQuestions(SharePackage pkg, PrintStream out) {
        out.println(pkg.production().title() + ": review for " + pkg.audience().department() + " (" + Wording.count(pkg.slots().size(), "signature") + ")");
        for (SharePackage.Slot s : pkg.slots()) {
            String subject = s.subjectId() == null ? "" : "/" + s.subjectId();
            String title = pkg.rule(s.ruleId()).map(SharePackage.RuleInfo::title).orElse("");
            String state = pkg.flagsFor(s).stream().flatMap(f -> f.signatures().stream())
                    .filter(n -> n.role() == s.role() && java.util.Objects.equals(n.subjectId(), s.subjectId()))
                    .findFirst().map(n -> n.state().label()).orElse("");
            out.println(label(pkg, s.shotId()) + "/" + s.ruleId() + "/" + s.role().name() + subject
                    + "\t" + state + "\t" + title + (s.subjectName().isBlank() ? "" : " (" + s.subjectName() + ")"));
        }
    }

    private static String describe(SharePackage pkg, SharePackage.Slot s) {
        return "shot " + label(pkg, s.shotId()) + ", " + s.ruleId() + ", " + s.role().label();
    }

    private static String label(SharePackage pkg, UUID shotId) {
        return pkg.shot(shotId).map(s -> pkg.scene(s.sceneId()).map(Scene::number).orElse("?") + ":" + s.number()).orElse(shotId.toString());
    }

    private record Choice(Decision decision, String note) {}

    private static Choice parseChoice(String text) throws ExchangeException {
        int colon = text.indexOf(':');
        String word = (colon < 0 ? text : text.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String note = colon < 0 ? "" : text.substring(colon + 1).strip();
        Decision d = switch (word) {
            case "approve", "approved" -> Decision.APPROVED;
            case "approve-with-conditions", "conditions" -> Decision.APPROVED_WITH_CONDITIONS;
            case "decline", "declined" -> Decision.DECLINED;
            default -> throw new ExchangeException(ExchangeException.Problem.INVALID,
                    "'" + word + "' is not a decision: use approve, approve-with-conditions or decline.");
        };
        return new Choice(d, note);
    }

    private static SharePackage.Answer parseDecide(SharePackage pkg, String text) throws ExchangeException {
        int eq = text.indexOf('=');
        if (eq < 0) throw bad(text, "it needs =DECISION at the end");
        String[] parts = text.substring(0, eq).split("/", -1);
        if (parts.length < 3 || parts.length > 4) throw bad(text, "the question is SHOT/RULE/ROLE or SHOT/RULE/ROLE/SUBJECT");
        Shot shot = findShot(pkg, parts[0].strip()).orElseThrow(() -> bad(text, "the package has no shot '" + parts[0] + "'"));
        String rule = parts[1].strip();
        String role = parts[2].strip().toUpperCase(Locale.ROOT).replace('-', '_');
        UUID subject = parts.length == 4 ? findSubject(pkg, parts[3].strip()).orElseThrow(() -> bad(text, "the package has no performer '" + parts[3] + "'")) : null;
        SharePackage.Slot slot = pkg.slots().stream()
                .filter(s -> s.shotId().equals(shot.id()) && s.ruleId().equalsIgnoreCase(rule) && s.role().name().equals(role)
                        && java.util.Objects.equals(s.subjectId(), subject))
                .findFirst().orElseThrow(() -> bad(text, "the package does not ask that question (see sign PACKAGE --list)"));
        Choice c = parseChoice(text.substring(eq + 1));
        return new SharePackage.Answer(slot, c.decision, c.note);
    }

    /** A shot by id, by a unique start of its id, or as SCENE:SHOT. */
    private static Optional<Shot> findShot(SharePackage pkg, String ref) {
        List<Shot> found = pkg.shots().stream().filter(s -> s.id().toString().equalsIgnoreCase(ref)
                || (ref.length() >= 6 && s.id().toString().startsWith(ref.toLowerCase(Locale.ROOT)))
                || label(pkg, s.id()).equalsIgnoreCase(ref)).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static Optional<UUID> findSubject(SharePackage pkg, String ref) {
        List<UUID> found = pkg.cast().stream().filter(c -> c.id().toString().equalsIgnoreCase(ref) || c.performer().equalsIgnoreCase(ref))
                .map(CastMember::id).toList();
        if (found.size() == 1) return Optional.of(found.get(0));
        try {
            return Optional.of(UUID.fromString(ref));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ExchangeException bad(String text, String why) {
        return new ExchangeException(ExchangeException.Problem.INVALID, "--decide '" + text + "': " + why + ".");
    }

    private int usage(PrintStream err, String problem) {
        if (problem != null) err.println("clearframe: " + problem);
        err.println("Usage: clearframe " + usage());
        return BAD_INPUT;
    }
}
