package org.clearframe.cli;

import org.clearframe.exchange.RecordTrust;
import org.clearframe.exchange.SignedRecord;
import org.clearframe.OutputFile;
import org.clearframe.model.ProductionData;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Shared file handling for the verbs. */
final class Projects {
    private Projects() {}

    /** The flag every writing verb takes to replace an existing output (never a production). */
    static final String FORCE = "--force";

    /** Two file arguments and {@code --dry-run} (plus any extra flags), as the import verbs take them. */
    record TwoFiles(Path first, Path second, Arguments args) {

        boolean dryRun() {
            return args.has("--dry-run");
        }

        boolean force() {
            return args.has(FORCE);
        }

        /** The production and the file to write, with {@code --force} only: as the export verbs take them. */
        static TwoFiles output(List<String> args, String what) throws Arguments.Invalid {
            Arguments a = Arguments.parse(args, Set.of(FORCE), Set.of());
            List<String> files = a.positional(2, what);
            return new TwoFiles(Path.of(files.get(0)), Path.of(files.get(1)), a);
        }

        static TwoFiles parse(List<String> args, String what, String... extraFlags) throws Arguments.Invalid {
            Set<String> flags = new java.util.HashSet<>(List.of(extraFlags));
            flags.add("--dry-run");
            Arguments a = Arguments.parse(args, flags, Set.of());
            List<String> files = a.positional(2, what);
            return new TwoFiles(Path.of(files.get(0)), Path.of(files.get(1)), a);
        }
    }

    /**
     * The consent check before a verb writes {@code target}: not onto an input, never onto a production, and onto
     * any other existing file only with {@code --force}. See {@link OutputFile}.
     */
    static void checkOutput(Path target, boolean force, Path... inputs) throws OutputFile.Refused {
        OutputFile.checkTarget(target, force, inputs);
    }

    /** Reads a whole production without writing to its file; only sign-offs with a valid proof are in it. */
    static ProductionData read(Path file) throws ProjectFileException, StoreException {
        return readRecord(file).data();
    }

    /** The record and the check of its hash-chained sign-off log, from one read of the file. */
    record Checked(SignedRecord record, org.clearframe.store.SignOffLog.Check log, List<String> withdrawalProblems, ProducerFacts facts) {}

    static Checked readChecked(Path file) throws ProjectFileException, StoreException {
        return readChecked(file, RecordTrust.forUser(List.of()));
    }

    /** As {@link #readRecord(Path, RecordTrust)}, with the sign-off log's hash chain checked against the rows. */
    static Checked readChecked(Path file, RecordTrust trust) throws ProjectFileException, StoreException {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            SignedRecord record = SignedRecord.load(store, trust);
            var log = store.signOffLog();
            List<org.clearframe.model.SignOff> rows = new java.util.ArrayList<>(record.data().signOffs());
            record.ignored().forEach(i -> rows.add(i.signOff()));
            // withdrawals and reinstatements that do not hold (they fail closed in the record; check names them)
            List<String> withdrawals = org.clearframe.exchange.ReplyWithdrawals.read(store, record.data().production().id(), trust).problems();
            // the producer's calendar and signed contents from the same reading, so they agree with the record
            return new Checked(record, org.clearframe.store.SignOffLog.verify(log.events(), rows, log.beforeLog()), withdrawals,
                    ProducerFacts.of(store));
        }
    }

    /** As {@link #read}, with the sign-offs that were left out and why. */
    static SignedRecord readRecord(Path file) throws ProjectFileException, StoreException {
        return readRecord(file, RecordTrust.forUser(List.of()));
    }

    /** As {@link #readRecord(Path)}, trusting {@code trust}'s keys to vouch for sign-offs. */
    static SignedRecord readRecord(Path file, RecordTrust trust) throws ProjectFileException, StoreException {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return SignedRecord.load(store, trust);
        }
    }
}
