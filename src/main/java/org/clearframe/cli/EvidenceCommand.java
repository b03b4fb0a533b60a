package org.clearframe.cli;

import org.clearframe.OutputFile;
import org.clearframe.evidence.Audience;
import org.clearframe.evidence.EvidencePack;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.KeyRing;
import org.clearframe.pdf.ExportProgress;
import org.clearframe.rules.PolicyUnreadable;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code evidence FILE OUT.zip [--for insurer|distributor|festival]}: the signed evidence pack, as File > Export Evidence Pack writes it. */
final class EvidenceCommand implements Command {

    @Override public String name() { return "evidence"; }
    @Override public String usage() { return "evidence FILE OUT.zip [--for insurer|distributor|festival] [--force]"; }
    @Override public String summary() { return "write the evidence pack (AI usage register, disclosure map, sign-off record, statement), "
            + "signed with your key"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path file, zip;
        Audience audience = Audience.INSURER;
        boolean force;
        try {
            Arguments a = Arguments.parse(args, Set.of(Projects.FORCE), Set.of("--for"));
            List<String> files = a.positional(2, "the production file and the pack to write");
            file = Path.of(files.get(0));
            zip = Path.of(files.get(1));
            force = a.has(Projects.FORCE);
            if (a.value("--for") != null) {
                audience = Audience.parse(a.value("--for"));
                if (audience == null) return usageError(err, "--for must be insurer, distributor or festival, not '" + a.value("--for") + "'.");
            }
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        try {
            Projects.checkOutput(zip, force, file);
            EvidencePack.Summary s = EvidencePack.write(file, zip, audience, KeyRing.forUser(), ExportProgress.NONE);
            out.printf("Wrote %s: %d files, signed with your key %s.%n", s.file(), s.files().size(), s.producerKeyFingerprint());
            out.printf("  %d shots (%d with AI use), %d AI uses, %d flags; %d sign-offs counted, %d not counted; %d signed replies enclosed.%n",
                    s.shots(), s.shotsWithAi(), s.aiUses(), s.flags().flags(), s.signOffsCounted(), s.signOffsNotCounted(), s.replies());
            out.printf("  Audience disclosure needed for %d shot%s.%n", s.disclosureRequired(), s.disclosureRequired() == 1 ? "" : "s");
            if (s.openItems().isEmpty()) {
                out.println("  Nothing is open: every signature the policy asks for is given and current.");
            } else {
                out.printf("  Still open: %d blocking and %d advisory flag%s (%d signature%s), listed in the compliance statement.%n",
                        s.flags().openBlocking(), s.flags().openAdvisory(), s.flags().openAdvisory() == 1 ? "" : "s",
                        s.openItems().size(), s.openItems().size() == 1 ? "" : "s");
            }
            return OK;
        } catch (OutputFile.Refused | ProjectFileException | StoreException | ExchangeException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        } catch (PolicyUnreadable e) {
            err.println("clearframe: " + file.getFileName() + ": " + e.getMessage() + " No pack was written.");
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("clearframe: the evidence pack could not be written: " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
