package org.clearframe.ui.review;

import org.clearframe.exchange.SharePackage;
import org.clearframe.exchange.SharePackageBuilder;
import org.clearframe.model.AiUse;
import org.clearframe.model.Department;
import org.clearframe.model.IntExt;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.store.ProductionStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A small production on disk with two VFX flags, and its VFX package. */
final class Fixture {
    final Path file;
    final SharePackage vfx;

    Fixture(Path dir) throws Exception {
        List<Department> departments = Department.defaults();
        Department vfxDept = departments.stream().filter(d -> d.name().equals("VFX")).findFirst().orElseThrow();
        Scene scene = new Scene(UUID.randomUUID(), "12A", IntExt.EXT, "Tower block", "NIGHT", "", 11, "", List.of(), false);
        Shot collapse = shot(scene, "1", "Tower falls", Output.FINAL, vfxDept);
        Shot previs = shot(scene, "2", "Flood previs", Output.TEMPORARY, vfxDept);
        file = dir.resolve("tidewater.clearframe");
        ProductionStore.createFrom(file, new ProductionData(Production.titled("Tidewater"), departments, List.of(), List.of(scene),
                List.of(collapse, previs), List.of(), ""));
        vfx = SharePackageBuilder.build(load(), SharePackageBuilder.forDepartment(load(), "VFX"));
    }

    private static Shot shot(Scene scene, String number, String description, Output output, Department d) {
        AiUse use = new AiUse(UUID.randomUUID(), Technique.GENERATIVE_VFX, description, "VendorX", output, List.of(), List.of(d.id()),
                Set.of(), Tristate.NO, Set.of(), "");
        return new Shot(UUID.randomUUID(), scene.id(), number, description, ShotSize.WIDE, "", "", "", 3, List.of(d.id()), "", List.of(use));
    }

    ProductionData load() throws Exception {
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            return store.load();
        }
    }
}
