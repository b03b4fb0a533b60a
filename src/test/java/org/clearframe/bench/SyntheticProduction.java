package org.clearframe.bench;

import org.clearframe.testkit.ProductionBuilder;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Department;
import org.clearframe.model.Factor;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Makes a production of N shots in realistic proportions, for benchmarks and load tests: about eight shots a
 * scene, forty cast members, the default departments, and AI use on roughly one shot in six (one or two uses,
 * spread over the techniques). Deterministic for a given seed.
 */
public final class SyntheticProduction {

    private static final String[] SETS = {"HARBOUR", "KITCHEN", "POLICE STATION", "CANNERY", "ROOFTOP", "CAR", "HOSPITAL CORRIDOR", "BEACH"};
    private static final String[] TIMES = {"DAY", "NIGHT", "DAWN", "DUSK", "CONTINUOUS"};
    private static final String[] FIRST = {"Zoë", "Ada", "Tomasz", "Bea", "Ray", "Lena", "Marco", "Niamh", "Kofi", "Ines"};
    private static final String[] LAST = {"Niño", "Brennan", "Wójcik", "Okafor", "Dunmore", "Sørensen", "Rossi", "Kelly", "Mensah", "Łódź"};

    private SyntheticProduction() {}

    public static ProductionData generate(int shotCount, long seed) {
        Random random = new Random(seed);
        Production production = Production.titled("Synthetic " + shotCount);
        List<Department> departments = Department.defaults();
        List<CastMember> cast = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cast.add(new CastMember(UUID.randomUUID(), FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length],
                    "Character " + (i + 1), random.nextInt(5) == 0 ? Tristate.UNKNOWN : Tristate.YES, i == 39));
        }
        List<Scene> scenes = new ArrayList<>();
        List<Shot> shots = new ArrayList<>();
        Technique[] techniques = Technique.values();
        int sceneNo = 0;
        while (shots.size() < shotCount) {
            sceneNo++;
            List<UUID> sceneCast = List.of(cast.get(random.nextInt(cast.size())).id(), cast.get(random.nextInt(cast.size())).id())
                    .stream().distinct().toList();
            Scene scene = new Scene(UUID.randomUUID(), Integer.toString(sceneNo), IntExt.values()[random.nextInt(3)],
                    SETS[random.nextInt(SETS.length)], TIMES[random.nextInt(TIMES.length)], "Synopsis of scene " + sceneNo,
                    1 + random.nextInt(24), "Day " + (1 + sceneNo / 10), sceneCast, false);
            scenes.add(scene);
            int inScene = 4 + random.nextInt(9);
            for (int s = 1; s <= inScene && shots.size() < shotCount; s++) {
                List<AiUse> uses = new ArrayList<>();
                if (random.nextInt(6) == 0) {
                    int n = 1 + random.nextInt(2);
                    for (int u = 0; u < n; u++) {
                        Technique t = techniques[random.nextInt(techniques.length)];
                        Set<Material> uploads = random.nextBoolean() ? Set.of() : EnumSet.of(Material.values()[random.nextInt(3)]);
                        Set<Factor> factors = random.nextInt(4) == 0 ? EnumSet.of(Factor.values()[random.nextInt(Factor.values().length)]) : Set.of();
                        uses.add(new AiUse(UUID.randomUUID(), t, "Purpose " + t.label(), "Tool " + random.nextInt(5),
                                random.nextBoolean() ? Output.FINAL : Output.TEMPORARY, sceneCast.subList(0, 1),
                                List.of(departments.get(random.nextInt(departments.size())).id()), uploads,
                                Tristate.values()[random.nextInt(3)], factors, ""));
                    }
                }
                shots.add(new Shot(UUID.randomUUID(), scene.id(), Integer.toString(s), "Shot " + s + " of scene " + sceneNo,
                        ShotSize.values()[random.nextInt(ShotSize.values().length)], "Eye level", "Static", (18 + random.nextInt(80)) + "mm",
                        2 + random.nextInt(10), List.of(departments.get(random.nextInt(departments.size())).id()), "", uses));
            }
        }
        return new ProductionData(production, departments, cast, scenes, shots, List.of(), "");
    }

    /** Writes a generated production to a new file, in one transaction. */
    public static void write(Path file, ProductionData data) throws Exception {
        ProductionBuilder.from(data).write(file);
    }
}
