package org.clearframe.tools;

import org.clearframe.testkit.ProductionBuilder;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.ConsentKind;
import org.clearframe.model.Representation;
import org.clearframe.model.Scan;
import org.clearframe.model.Department;
import org.clearframe.model.Factor;
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
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;

import org.clearframe.model.Decision;
import org.clearframe.model.Role;
import org.clearframe.rules.Evaluator;
import org.clearframe.rules.Flag;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.rules.Policies;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.SignOffs;

import java.nio.file.Files;
import java.time.Instant;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Builds the bundled sample production "Harbour Lights" (assets/sample/harbour-lights.clearframe): a drama
 * whose cannery collapses through generative VFX, a comic flashback with the lead de-aged, AI set and wardrobe
 * concepts in pre-production, and ordinary shots with no AI. Ids are fixed so the file is reproducible.
 *
 * <p>Run: {@code mvn -q test-compile exec:exec@sample}
 */
public final class SampleProduction {

    private SampleProduction() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/sample/harbour-lights.clearframe");
        Files.deleteIfExists(out);
        write(out);
        System.out.println("Wrote " + out);
    }

    /** The sample is planned under the newest built-in policy, and records it like any new production. */
    static final String POLICY_JSON = BuiltInPolicies.latest().json();

    /**
     * Writes the sample to {@code out}. Its sign-offs are attested by a throwaway "sample producer" key, as a producer's
     * in-app sign-offs are, so they count; on anyone's machine they show as attested by another key.
     */
    public static void write(Path out) throws Exception {
        Path keys = Files.createTempDirectory("sample-producer-key");
        try {
            ProductionData data = build();
            ProductionBuilder.from(data).attestedWith(new org.clearframe.exchange.KeyRing(keys)).write(out);
            try (org.clearframe.store.ProductionStore store = org.clearframe.store.ProductionStore.open(out)) {
                store.schedule().replaceAll(schedule(data));
                store.schedule().setContact(new org.clearframe.model.Contact(id("cast/elena"), "zoe.nino@agency.example", "+44 20 7946 0112"));
                store.schedule().setContact(new org.clearframe.model.Contact(id("cast/nico"), "tomasz@wojcik.example", ""));
                store.schedule().setContact(new org.clearframe.model.Contact(id("dept/VFX"), "priya@northlight.example", "+44 20 7946 0150"));
            }
        } finally {
            try (var files = Files.walk(keys)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The shoot calendar: 32 shoot days from principal photography on Monday 12 April 2027, Monday to Friday, with the
     * May Day bank holiday off; each scene on the day its script heading names (the flashback on day 6).
     */
    static org.clearframe.model.ShootSchedule schedule(ProductionData data) {
        java.util.SortedMap<Integer, LocalDate> days = new java.util.TreeMap<>();
        LocalDate mayDay = LocalDate.of(2027, 5, 3);
        LocalDate d = data.production().principalPhotography();
        for (int day = 1; day <= 32; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() >= 6 || d.equals(mayDay)) continue;
            days.put(day++, d);
        }
        Map<UUID, Integer> sceneDays = new java.util.HashMap<>();
        for (var scene : data.scenes()) {
            int day = switch (scene.number()) {
                case "1", "2", "3" -> 1;
                case "4" -> 6;
                case "5" -> 2;
                case "6" -> 3;
                default -> 4;
            };
            sceneDays.put(scene.id(), day);
        }
        return new org.clearframe.model.ShootSchedule(days, new java.util.TreeSet<>(Set.of(mayDay)), sceneDays, Map.of());
    }

    private static int counter;

    /** A stable id per name, so rebuilding the sample does not churn every row. */
    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("harbour-lights/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static ProductionData build() {
        counter = 0;
        Production production = new Production(id("production"), "Harbour Lights", Format.FEATURE, Genre.FICTION,
                "Northlight Pictures", "Ada Brennan", "Lena Sørensen", LocalDate.of(2027, 4, 12),
                "Drama with a comic flashback. Coastal town shoot, 32 days. AI use agreed case by case with the studio.");

        Map<String, String[]> heads = Map.of(
                "Direction", new String[]{"Lena Sørensen", "lena@northlight.example"},
                "Production", new String[]{"Ada Brennan", "ada@northlight.example"},
                "Art / Production Design", new String[]{"Tomás Ortega", "tomas@northlight.example"},
                "Costume / Wardrobe", new String[]{"Ingrid Halvorsen", "ingrid@northlight.example"},
                "Makeup & Hair", new String[]{"Keiko Sato", "keiko@northlight.example"},
                "VFX", new String[]{"Priya Raman", "priya@northlight.example"},
                "Special Effects", new String[]{"Joe Pike", "joe@northlight.example"},
                "Casting", new String[]{"Dana Whitfield", "dana@northlight.example"},
                "Legal", new String[]{"Marcus Bell", "legal@northlight.example"});
        List<Department> departments = Department.defaults().stream().map(d -> {
            String[] h = heads.getOrDefault(d.name(), new String[]{"", ""});
            return new Department(id("dept/" + d.name()), d.name(), h[0], h[1], d.colour());
        }).toList();
        Function<String, UUID> dept = name -> departments.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow().id();

        CastMember elena = new CastMember(id("cast/elena"), "Zoë Niño", "Elena", Tristate.YES, false, false, Representation.LAWYER);
        CastMember nico = new CastMember(id("cast/nico"), "Tomasz Wójcik", "Nico", Tristate.YES, false, false, Representation.UNION);
        CastMember hale = new CastMember(id("cast/hale"), "Bea Okafor", "Hale", Tristate.YES, false);
        CastMember joe = new CastMember(id("cast/joe"), "Ray Dunmore", "Joe", Tristate.UNKNOWN, false);
        List<CastMember> cast = List.of(elena, nico, hale, joe);

        Scene s1 = scene(1, IntExt.EXT, "HARBOUR FRONT", "DAWN", 6, "Day 1", "Elena walks the empty harbour front as the boats come in.", elena);
        Scene s2 = scene(2, IntExt.INT, "OLD CANNERY", "NIGHT", 11, "Day 1", "The cannery roof gives way; Elena pulls Nico clear as the building collapses.", elena, nico);
        Scene s3 = scene(3, IntExt.EXT, "OLD CANNERY", "NIGHT", 7, "Day 1", "Dust settles. Townspeople gather while Inspector Hale questions Elena.", elena, hale);
        Scene s4 = scene(4, IntExt.INT, "VARGA FAMILY KITCHEN", "DAY (1998)", 9, "Flashback", "A young Elena tries to cook her grandfather's birthday dinner and sets the kitchen on fire.", elena, joe);
        Scene s5 = scene(5, IntExt.EXT, "FESTIVAL PIER", "NIGHT", 10, "Day 2", "The lantern festival. Elena and Nico make peace.", elena, nico);
        Scene s6 = scene(6, IntExt.INT, "POLICE STATION", "DAY", 5, "Day 3", "Hale tells Nico the cannery was condemned years ago.", hale, nico);

        List<Shot> shots = new ArrayList<>();
        shots.add(shot(s1, "1", "Boats slide into the harbour through the morning haze", ShotSize.EXTREME_WIDE, "High", "Drone push-in", "24mm", 8, List.of(dept.apply("Camera"), dept.apply("Locations"))));
        shots.add(shot(s1, "2", "Elena walks the quay, collar up against the wind", ShotSize.MEDIUM, "Eye level", "Tracking", "40mm", 6, List.of(dept.apply("Camera"))));

        shots.add(shot(s2, "1", "The cannery roof buckles and the far wall folds inward", ShotSize.WIDE, "Low", "Static", "18mm", 7,
                List.of(dept.apply("VFX"), dept.apply("Special Effects")),
                use(Technique.DESTRUCTION_SIMULATION, "Generative destruction of the cannery roof and wall, composited over the plate",
                        "Northwave GenFX (enterprise)", Output.FINAL, List.of(), List.of(dept.apply("VFX"), dept.apply("Special Effects")),
                        Set.of(Material.PRODUCTION_MATERIAL), Tristate.NO, Set.of(Factor.REPLACES_PRACTICAL))));
        shots.add(shot(s2, "2", "Elena hauls Nico clear as beams crash behind them", ShotSize.MEDIUM_WIDE, "Eye level", "Handheld", "32mm", 4,
                List.of(dept.apply("Stunts"), dept.apply("VFX")),
                use(Technique.DIGITAL_REPLICA, "Digital double of Nico for the fall, from an on-set body scan",
                        "Northwave GenFX (enterprise)", Output.FINAL, List.of(nico.id()), List.of(dept.apply("VFX"), dept.apply("Stunts")),
                        Set.of(Material.LIKENESS_OR_VOICE), Tristate.NO, Set.of(Factor.PERFORMER_TOOK_PART))));
        shots.add(shot(s2, "3", "Debris rains past the lamp", ShotSize.CLOSE_UP, "Low", "Static", "50mm", 3, List.of(dept.apply("Special Effects"))));

        shots.add(shot(s3, "1", "Townspeople crowd the cordon as dust drifts through the floodlights", ShotSize.WIDE, "High", "Crane down", "21mm", 9,
                List.of(dept.apply("VFX"), dept.apply("Casting")),
                use(Technique.SYNTHETIC_CROWD, "Extend 40 background actors to a crowd of about 300", "Crowdsmith", Output.FINAL,
                        List.of(), List.of(dept.apply("VFX"), dept.apply("Casting")), Set.of(), Tristate.NO, Set.of())));
        shots.add(shot(s3, "2", "Hale questions Elena over the tape", ShotSize.OVER_THE_SHOULDER, "Eye level", "Static", "65mm", 12, List.of(dept.apply("Camera"))));

        shots.add(shot(s4, "1", "Young Elena, twelve, stirs a pot far too big for her", ShotSize.MEDIUM, "Eye level", "Slow push", "35mm", 6,
                List.of(dept.apply("VFX"), dept.apply("Makeup & Hair")),
                use(Technique.DE_AGING, "De-age Zoë Niño by about twenty years for the flashback", "Youthify Studio", Output.FINAL,
                        List.of(elena.id()), List.of(dept.apply("VFX"), dept.apply("Makeup & Hair")),
                        Set.of(Material.LIKENESS_OR_VOICE), Tristate.UNKNOWN, Set.of())));
        shots.add(shot(s4, "2", "The pan catches; a tea towel goes up", ShotSize.INSERT, "High", "Static", "85mm", 2, List.of(dept.apply("Special Effects"))));
        shots.add(shot(s4, "3", "Joe laughs so hard he has to sit down", ShotSize.MEDIUM_CLOSE, "Eye level", "Static", "50mm", 5, List.of(dept.apply("Camera"))));

        shots.add(shot(s5, "1", "The pier strung with a thousand paper lanterns", ShotSize.EXTREME_WIDE, "High", "Drone pull-back", "24mm", 10,
                List.of(dept.apply("Art / Production Design"), dept.apply("Costume / Wardrobe")),
                use(Technique.SET_CONCEPT, "Concept paintings of the lantern festival pier for the art department's pitch",
                        "Atelier Diffusion", Output.TEMPORARY, List.of(), List.of(dept.apply("Art / Production Design")), Set.of(), Tristate.NO, Set.of()),
                use(Technique.WARDROBE_CONCEPT, "Mood boards for the festival costumes, from the scene's script pages",
                        "Atelier Diffusion", Output.TEMPORARY, List.of(), List.of(dept.apply("Costume / Wardrobe")),
                        Set.of(Material.PRODUCTION_MATERIAL), Tristate.NO, Set.of())));
        shots.add(shot(s5, "2", "Elena and Nico at the rail, lanterns rising behind", ShotSize.TWO_SHOT, "Eye level", "Dolly", "50mm", 14, List.of(dept.apply("Camera"))));

        shots.add(shot(s6, "1", "Hale slides the old survey across the desk", ShotSize.MEDIUM, "Eye level", "Static", "40mm", 8, List.of(dept.apply("Camera"))));
        shots.add(shot(s6, "2", "Nico reads it and goes pale", ShotSize.CLOSE_UP, "Eye level", "Static", "75mm", 4, List.of(dept.apply("Camera"))));

        List<Scene> scenes = List.of(s1, s2, s3, s4, s5, s6);
        ProductionData unsigned = new ProductionData(production, departments, cast, scenes, shots, List.of(), POLICY_JSON);
        List<SignOff> signOffs = new ArrayList<>();
        Instant when = Instant.parse("2026-11-18T10:30:00Z");
        // Pre-production concepts: the designers have approved their own departments' concepts.
        sign(unsigned, shots.get(10), "SET-CONCEPT", Role.PRODUCTION_DESIGNER, "Tomás Ortega", Decision.APPROVED, "", when, signOffs);
        sign(unsigned, shots.get(10), "WARDROBE-CONCEPT", Role.COSTUME_DESIGNER, "Ingrid Halvorsen", Decision.APPROVED_WITH_CONDITIONS,
                "Mood boards only; every final costume is designed and drawn by the costume team.", when, signOffs);
        // The synthetic crowd: casting and the first AD agree; the union notice has not gone out yet.
        sign(unsigned, shots.get(5), "SYNTH-CROWD", Role.CASTING, "Dana Whitfield", Decision.APPROVED, "", when, signOffs);
        sign(unsigned, shots.get(5), "SYNTH-CROWD", Role.FIRST_AD, "Sam Keller", Decision.APPROVED, "", when, signOffs);
        // The de-aged flashback: the performer consents for this scene only; the director approves.
        sign(unsigned, shots.get(7), "DEAGE-PERFORMER", Role.PERFORMER, "Zoë Niño", Decision.APPROVED_WITH_CONDITIONS,
                "Scene 4 only. No reuse of the de-aged likeness elsewhere without new consent.", when, signOffs);
        sign(unsigned, shots.get(7), "DEAGE-PERFORMER", Role.DIRECTOR, "Lena Sørensen", Decision.APPROVED, "", when, signOffs);
        // Nico's digital double was signed against an earlier plan (a stunt double's face, not a scan of Nico):
        // the plan changed since, so that consent now shows as stale.
        Shot earlier = shots.get(3).withAiUses(List.of(shots.get(3).aiUses().get(0).withPurpose("Face of the stunt double replaced for the fall")));
        ProductionData before = new ProductionData(production, departments, cast, scenes,
                shots.stream().map(x -> x.id().equals(earlier.id()) ? earlier : x).toList(), List.of(), POLICY_JSON);
        sign(before, earlier, "REPLICA-EMPLOYMENT", Role.PERFORMER, "Tomasz Wójcik", Decision.APPROVED, "",
                Instant.parse("2026-11-10T16:00:00Z"), signOffs);
        // Performer facts and consent as data. Nico's scan had its notice and business reason; he consented separately to the
        // double being made and to its use in scene 2. Zoë's deal memo is the one use deliberately NOT covered: it allows
        // "digital alteration as the producer may require", which describes no use specifically, so the de-aging in scene 4
        // waits for the consent request Clearframe writes for her.
        List<Scan> scans = List.of(new Scan(id("scan/nico"), nico.id(), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 10, 29),
                "The fall from the cannery gantry (scene 2, shot 2) is too dangerous to perform or to double with a stunt performer"));
        Shot fall = shots.get(3);
        String nicoUse = "A digital double of Tomasz Wójcik as Nico, made from an on-set body scan, used only for the fall from the "
                + "cannery gantry in scene 2 shot 2 of Harbour Lights, in the final cut";
        List<Consent> consents = List.of(
                new Consent(id("consent/nico-create"), nico.id(), "Tomasz Wójcik", ConsentKind.CREATE_REPLICA, production.id(),
                        List.of(s2.id()), List.of(fall.id()), Set.of(Technique.DIGITAL_REPLICA), "Stunt fall in the cannery collapse", nicoUse,
                        LocalDate.of(2026, 10, 29), null, null, "Scan day paid at the daily rate"),
                new Consent(id("consent/nico-use"), nico.id(), "Tomasz Wójcik", ConsentKind.USE_REPLICA_OR_ALTERATION, production.id(),
                        List.of(s2.id()), List.of(fall.id()), Set.of(Technique.DIGITAL_REPLICA), "Stunt fall in the cannery collapse", nicoUse,
                        LocalDate.of(2026, 10, 29), null, null, "One day's pay for the use in scene 2"),
                new Consent(id("consent/zoe-memo"), elena.id(), "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, production.id(),
                        List.of(), List.of(), Set.of(), "", "Digital alteration as the producer may require", LocalDate.of(2026, 9, 15),
                        null, null, ""));
        return new ProductionData(production, departments, cast, scenes, shots, signOffs, POLICY_JSON, scans, consents);
    }

    /** Records a decision for every signature of {@code role} that {@code ruleId} asks of the shot, as it stands in {@code data}. */
    private static void sign(ProductionData data, Shot shot, String ruleId, Role role, String signer, Decision decision, String note,
                             Instant when, List<SignOff> into) {
        List<Flag> flags = Evaluator.evaluate(Policies.inForce(data), data, shot);
        Flag flag = flags.stream().filter(f -> f.rule().id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new IllegalStateException(ruleId + " does not apply to shot " + shot.number()));
        for (RequiredSignature sig : flag.signatures()) {
            if (sig.role() == role) into.add(SignOffs.sign(shot, ruleId, sig, signer, decision, note, when));
        }
    }

    private static Scene scene(int number, IntExt ie, String set, String time, int eighths, String day, String synopsis, CastMember... cast) {
        return new Scene(id("scene/" + number), Integer.toString(number), ie, set, time, synopsis, eighths, day,
                java.util.Arrays.stream(cast).map(CastMember::id).toList(), false);
    }

    private static Shot shot(Scene scene, String number, String description, ShotSize size, String angle, String movement,
                             String lens, double seconds, List<UUID> departments, AiUse... uses) {
        return new Shot(id("shot/" + scene.number() + "/" + number), scene.id(), number, description, size, angle, movement, lens,
                seconds, departments, "", List.of(uses));
    }

    private static AiUse use(Technique technique, String purpose, String tool, Output output, List<UUID> performers,
                             List<UUID> departments, Set<Material> uploads, Tristate trains, Set<Factor> factors) {
        return new AiUse(id("use/" + (++counter)), technique, purpose, tool, output, performers, departments,
                uploads.isEmpty() ? Set.of() : EnumSet.copyOf(uploads), trains, factors.isEmpty() ? Set.of() : EnumSet.copyOf(factors), "");
    }

}
