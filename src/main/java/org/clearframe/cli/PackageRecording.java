package org.clearframe.cli;

import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.SentPackages;
import org.clearframe.exchange.SharePackage;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Every package shared is recorded in the production, so the producer can see what went out and what came back. The
 * package is written beside its target first, recorded, then moved into place: either both happen or neither (a
 * production that cannot be opened for writing, such as one open in the app, refuses the share before the file exists).
 */
final class PackageRecording {

    private PackageRecording() {}

    static void writeAndRecord(SharePackage pkg, Path production, Path target) throws ProjectFileException, StoreException,
            ExchangeException, IOException {
        try (ProductionStore store = ProductionStore.open(production)) {
            Path folder = target.toAbsolutePath().getParent();
            Path temp = Files.createTempFile(folder, ".clearframe-share-", ".part");
            try {
                Files.delete(temp); // the package writer makes its own file; the name only had to be free and ours
                pkg.write(temp);
                byte[] bytes = Files.readAllBytes(temp);
                store.packages().record(SentPackages.record(pkg, target.getFileName().toString(), bytes), pkg.shots());
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
