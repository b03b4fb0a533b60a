package org.clearframe.cli;

import org.clearframe.rules.Wording;
import org.clearframe.model.ProductionData;
import org.clearframe.model.SentPackage;
import org.clearframe.model.Shot;
import org.clearframe.rules.Fingerprint;
import org.clearframe.rules.PackageStates;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@code packages FILE}: every package shared from the production, oldest first, and where each stands. Reads only. */
final class PackagesCommand implements Command {


    @Override public String name() { return "packages"; }
    @Override public String usage() { return "packages FILE"; }
    @Override public String summary() { return "list the review packages shared: to whom, when, what they asked, and whether they were "
            + "answered, partly answered, superseded or expired"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a;
        try {
            a = Arguments.parse(args, Set.of(), Set.of());
            a.positional(1, "the production file");
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        Path file = Path.of(a.positional().get(0));
        try {
            ProductionData data = Projects.read(file);
            List<SentPackage> sent;
            try (ProductionStore store = ProductionStore.openReadOnly(file)) {
                sent = store.packages().all();
            }
            Map<UUID, String> now = new HashMap<>();
            for (Shot s : data.shots()) now.put(s.id(), Fingerprint.of(s));
            Map<UUID, PackageStates.Standing> states = PackageStates.of(sent, now);
            if (sent.isEmpty()) out.println("No package has been shared from " + data.production().title() + " yet.");
            for (SentPackage p : sent) {
                PackageStates.Standing st = states.get(p.id());
                out.println(Wording.dateTime(p.sentAt()) + "  " + p.audienceKind().label() + ": " + p.audience()
                        + (p.representative().isEmpty() ? "" : " (or " + p.representative() + ")") + "  [" + st.state().label() + "]");
                out.println("    " + p.fileName() + ", package " + p.id() + ", SHA-256 " + p.sha256());
                out.println("    " + CalendarCommand.count(p.shots().size(), "shot") + ", " + CalendarCommand.count(p.asked().size(), "signature")
                        + " asked, " + st.answered() + " answered: " + st.why());
                for (SentPackage.Answer r : p.replies()) {
                    out.println("    Reply from " + r.signer() + ", imported " + Wording.dateTime(r.importedAt()) + ": "
                            + CalendarCommand.count(r.answered().size(), "decision"));
                }
            }
            return OK;
        } catch (ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
