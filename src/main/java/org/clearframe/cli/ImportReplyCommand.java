package org.clearframe.cli;

import org.clearframe.rules.Wording;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.ReplyImport;
import org.clearframe.exchange.SentPackages;
import org.clearframe.exchange.TrustStore;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code import-reply FILE REPLY.cfreply [--dry-run] [--repin]}: prints what a head's signed reply will do, then
 * applies it in one transaction unless {@code --dry-run}. Exit 2 when the reply is refused.
 */
final class ImportReplyCommand implements Command {

    @Override public String name() { return "import-reply"; }
    @Override public String usage() { return "import-reply FILE REPLY.cfreply [--dry-run] [--repin]"; }
    @Override public String summary() { return "verify a head's signed reply, show what it does, and record its sign-offs "
            + "(--repin: accept a new key for a known head, a key already pinned for another head, or a look-alike name, "
            + "after checking the fingerprint with them)"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        boolean dryRun = false, repin = false;
        for (String a : args) {
            switch (a) {
                case "--dry-run" -> dryRun = true;
                case "--repin" -> repin = true;
                default -> {
                    if (Arguments.isOption(a)) return usageError(err, "unknown option " + a);
                    positional.add(a);
                }
            }
        }
        if (positional.size() != 2) {
            err.println("Usage: clearframe " + usage());
            return BAD_INPUT;
        }
        ReplyImport importer = new ReplyImport(TrustStore.forUser());
        if (repin) importer = importer.repinning();
        Path file = Path.of(positional.get(0));
        try {
            Reply reply = importer.read(Path.of(positional.get(1)));
            // Checked on a read-only copy first: a refused reply never opens the production for writing, so not one
            // byte of it changes.
            ReplyImport.Preview preview = importer.preview(Projects.read(file), reply);
            boolean linked = false;
            if (!dryRun) {
                try (ProductionStore store = ProductionStore.open(file)) {
                    preview = importer.apply(store, reply, java.nio.file.Files.readAllBytes(Path.of(positional.get(1))));
                    linked = SentPackages.link(store, reply);
                }
            }
            print(preview, out);
            if (dryRun) out.println("Dry run: nothing was changed.");
            else {
                out.println("Recorded " + Wording.count(preview.toRecord().size(), "sign-off") + " in " + file.getFileName() + ".");
                out.println(linked ? "Linked to package " + reply.packageId() + " (see clearframe packages FILE)."
                        : "Package " + reply.packageId() + " is not recorded in this production (shared before packages were recorded, "
                        + "from another copy, or this reply was linked before).");
            }
            return OK;
        } catch (ExchangeException | ProjectFileException | StoreException | java.io.IOException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static void print(ReplyImport.Preview p, PrintStream out) {
        out.println("Reply from " + p.signer() + " for \"" + p.reply().productionTitle() + "\", signed " + p.reply().createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        out.println(p.keyLine());
        for (String w : p.warnings()) out.println("Warning: " + w);
        for (ReplyImport.Kind kind : ReplyImport.Kind.values()) {
            List<ReplyImport.Item> items = p.of(kind);
            out.println(kind.label() + ": " + items.size());
            for (ReplyImport.Item i : items) out.println("  " + i.describe());
        }
    }
}
