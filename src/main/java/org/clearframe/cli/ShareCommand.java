package org.clearframe.cli;

import org.clearframe.rules.Wording;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.Capacity;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.SentPackages;
import org.clearframe.exchange.SharePackage;
import org.clearframe.exchange.SharePackageBuilder;
import org.clearframe.model.Labelled;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code share FILE (--department NAME | --role ROLE | --performer NAME [--representative NAME --capacity C]) [--all] OUT.cfshare}:
 * a review package for one department's head, or for one performer, signed with the producer's own key.
 */
final class ShareCommand implements Command {

    @Override public String name() { return "share"; }
    @Override public String usage() { return "share FILE (--department NAME | --role ROLE | --performer NAME [--representative NAME "
            + "--capacity agent|lawyer|estate]) [--all] [--force] OUT.cfshare"; }
    @Override public String summary() { return "write a review package, signed with your key, for a department head or one performer "
            + "(--all: every shot, not only theirs; --representative: who may sign for the performer)"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        String department = null, role = null, performer = null, representative = null, capacity = null;
        boolean all = false, force = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--department" -> { if ((department = Arguments.valueAfter(args, i++)) == null) return usage(err, a + " needs a value"); }
                case "--role" -> { if ((role = Arguments.valueAfter(args, i++)) == null) return usage(err, a + " needs a value"); }
                case "--performer" -> { if ((performer = Arguments.valueAfter(args, i++)) == null) return usage(err, a + " needs a value"); }
                case "--representative" -> { if ((representative = Arguments.valueAfter(args, i++)) == null) return usage(err, a + " needs a value"); }
                case "--capacity" -> { if ((capacity = Arguments.valueAfter(args, i++)) == null) return usage(err, a + " needs a value"); }
                case "--all" -> all = true;
                case Projects.FORCE -> force = true;
                default -> {
                    if (Arguments.isOption(a)) return usage(err, "unknown option " + a);
                    positional.add(a);
                }
            }
        }
        int audiences = (department == null ? 0 : 1) + (role == null ? 0 : 1) + (performer == null ? 0 : 1);
        if (positional.size() != 2 || audiences != 1) return usage(err, null);
        if (performer == null && (representative != null || capacity != null)) return usage(err, "--representative and --capacity go with --performer");
        Capacity cap = null;
        if (capacity != null) {
            cap = Labelled.parse(Capacity.class, capacity.strip().toUpperCase(Locale.ROOT), null);
            if (cap == null || cap == Capacity.SELF) return usage(err, "unknown capacity '" + capacity + "': use agent, lawyer or estate");
        }
        try {
            Projects.checkOutput(Path.of(positional.get(1)), force, Path.of(positional.get(0)));
            ProductionData data = Projects.read(Path.of(positional.get(0)));
            SharePackage.Audience audience;
            if (performer != null) {
                audience = SharePackageBuilder.forPerformer(data, performer, representative, cap);
            } else if (role != null) {
                Role r = Labelled.parse(Role.class, role.toUpperCase(Locale.ROOT).replace('-', '_'), null);
                if (r == null) return usage(err, "unknown role '" + role + "'");
                audience = SharePackageBuilder.forRole(r);
            } else {
                audience = SharePackageBuilder.forDepartment(data, department);
            }
            SharePackage built = SharePackageBuilder.build(data, audience.withAllShots(all));
            // A package that asks nothing of its audience only teaches people to ignore packages.
            java.util.Optional<String> nothing = SentPackages.nothingAsked(built);
            if (nothing.isPresent()) {
                err.println("clearframe: " + nothing.get());
                return BAD_INPUT;
            }
            KeyRing keys = KeyRing.forUser();
            SharePackage pkg = built.sealedWith(keys.keyPair());
            Path target = Path.of(positional.get(1));
            // Every package is recorded: the production is opened for writing (refused while the app holds it) before anything is written.
            try (org.clearframe.store.ProductionStore store = org.clearframe.store.ProductionStore.open(Path.of(positional.get(0)))) {
                SentPackages.writeAndRecord(store, pkg, target);
            }
            String who = audience.performer() == null ? audience.department() : audience.performer().name()
                    + (audience.representative() == null ? "" : " (or their " + audience.representative().capacity().label() + ", "
                    + audience.representative().name() + ")");
            out.println("Wrote " + target + " for " + who + ": " + Wording.count(pkg.shots().size(), "shot") + ", "
                    + Wording.count(pkg.flags().size(), "flag") + ", " + Wording.count(pkg.slots().size(), "signature") + " to give.");
            out.println("Signed with your key " + keys.fingerprint() + ": the first time, the reviewer is asked to compare it with you.");
            return OK;
        } catch (ExchangeException | ProjectFileException | StoreException | org.clearframe.OutputFile.Refused e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private int usage(PrintStream err, String problem) {
        if (problem != null) err.println("clearframe: " + problem);
        err.println("Usage: clearframe " + usage());
        return BAD_INPUT;
    }
}
