package org.clearframe.ui.review;

import org.clearframe.exchange.SharePackage;
import org.clearframe.exchange.SharePackageBuilder;
import org.clearframe.model.IntExt;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.clearframe.store.ProductionStore;
import org.clearframe.testkit.ProductionBuilder;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.clearframe.testkit.ProductionBuilder.use;

/** A small production on disk with two VFX flags, and its VFX package. */
final class Fixture {
    final Path file;
    final SharePackage vfx;

    Fixture(Path dir) throws Exception {
        file = ProductionBuilder.titled("Tidewater")
                .scene(new Scene(UUID.randomUUID(), "12A", IntExt.EXT, "Tower block", "NIGHT", "", 11, "", List.of(), false))
                .shot("1", "Tower falls", use(Technique.GENERATIVE_VFX).purpose("Tower falls").tool("VendorX").fin().department("VFX"))
                .with(s -> s.size(ShotSize.WIDE).durationSeconds(3)).inDepartments("VFX")
                .shot("2", "Flood previs", use(Technique.GENERATIVE_VFX).purpose("Flood previs").tool("VendorX").temp().department("VFX"))
                .with(s -> s.size(ShotSize.WIDE).durationSeconds(3)).inDepartments("VFX")
                .write(dir.resolve("tidewater.clearframe"));
        vfx = SharePackageBuilder.build(load(), SharePackageBuilder.forDepartment(load(), "VFX"));
    }

    ProductionData load() throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return store.load();
        }
    }
}
