package org.clearframe.testkit;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Department;
import org.clearframe.model.Format;
import org.clearframe.model.Genre;
import org.clearframe.model.IntExt;
import org.clearframe.model.Material;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Small productions for the register tests: a generative VFX shot (needs the studio AI contact) and a replica of a performer. */
public final class RegisterProductions {

    private RegisterProductions() {}

    /**
     * A production whose performer {@code performer} gets a digital replica in the final cut, with a generative VFX shot
     * whose tool is {@code tool} (vendor training on uploads: {@code trains}).
     */
    public static ProductionData of(String title, LocalDate shoot, String performer, String tool, Tristate trains) {
        List<Department> departments = Department.defaults();
        UUID vfx = departments.stream().filter(d -> d.name().equals("VFX")).findFirst().orElseThrow().id();
        CastMember lead = CastMember.of(performer, "Inspector Hale", Tristate.YES);
        Scene scene = new Scene(UUID.randomUUID(), "12", IntExt.EXT, "Harbour", "NIGHT", "", 8, "", List.of(lead.id()), false);
        Shot collapse = new Shot(UUID.randomUUID(), scene.id(), "1", "The crane falls", ShotSize.WIDE, "", "", "", 3, List.of(vfx), "",
                List.of(new AiUse(UUID.randomUUID(), Technique.GENERATIVE_VFX, "Crane collapse", tool, Output.FINAL, List.of(), List.of(vfx),
                        Set.of(Material.PRODUCTION_MATERIAL), trains, Set.of(), "")));
        Shot dbl = new Shot(UUID.randomUUID(), scene.id(), "2", "Hale jumps", ShotSize.MEDIUM, "", "", "", 2, List.of(vfx), "",
                List.of(new AiUse(UUID.randomUUID(), Technique.DIGITAL_REPLICA, "Stunt double face", "ScanCo", Output.FINAL, List.of(lead.id()),
                        List.of(vfx), Set.of(), Tristate.NO, Set.of(), "")));
        Production p = new Production(UUID.randomUUID(), title, Format.FEATURE, Genre.FICTION, "Harbour Studios", "Pat", "Lee", shoot, "");
        return new ProductionData(p, departments, List.of(lead), List.of(scene), List.of(collapse, dbl), List.of(), "");
    }

    public static Path write(Path file, ProductionData data) throws Exception {
        ProductionStore.createFrom(file, data);
        return file;
    }
}
