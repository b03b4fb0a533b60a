package org.clearframe.testkit;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.Factor;
import org.clearframe.model.Format;
import org.clearframe.model.Genre;
import org.clearframe.model.IntExt;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.rules.Fingerprint;
import org.clearframe.rules.Policy;
import org.clearframe.rules.Rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

/**
 * Random but valid model records for property tests, reproducible from a seed. The property tests are JUnit
 * parameterized tests over {@link #seeds}: each case is named by its seed, and {@code new Gen(seed)} makes a
 * failing case again.
 *
 * <p>Valid means what the app and importers accept: unique scene numbers, unique shot numbers within a scene,
 * references only to departments, cast and shots that exist, per-person roles signed for a cast member, rule
 * ids from the built-in policy. Text mixes plain words with accents, non-Latin scripts, emoji, quotes, commas,
 * semicolons and line breaks, because those are what break exports.
 */
public final class Gen {

    private static final String[] WORDS = {"harbour", "night", "Zoë", "Søren", "Ngũgĩ", "東京", "café", "\"quoted\"", "a,b", "x;y",
            "line\nbreak", "tab\there", "back\\slash", "🎬", "O'Brien", "  padded  ", "{json}", "<xml/>", "=SUM(A1)", "—"};
    private static final String[] NAMES = {"Mara Quinn", "Lena Sørensen", "Dana Reyes", "Bea Kelly", "José Álvarez", "Aiko Tanaka",
            "Ola Nordmann", "Chidi Okafor"};
    private static final List<String> RULE_IDS = Policy.defaultPolicy().rules().stream().map(Rule::id).toList();

    private final Random random;

    public Gen(long seed) {
        random = new Random(seed);
    }

    /** {@code count} seeds from a fixed master seed, so a run is the same every time and in CI. */
    public static LongStream seeds(long master, int count) {
        return new Random(master).longs(count);
    }

    public Random random() {
        return random;
    }

    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public <E extends Enum<E>> E pick(Class<E> type) {
        E[] values = type.getEnumConstants();
        return values[random.nextInt(values.length)];
    }

    /** A value of {@code type} other than {@code not}. */
    public <E extends Enum<E>> E other(Class<E> type, E not) {
        List<E> rest = new ArrayList<>(EnumSet.allOf(type));
        rest.remove(not);
        return pick(rest);
    }

    public <E extends Enum<E>> Set<E> someOf(Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        for (E e : type.getEnumConstants()) if (chance(0.3)) set.add(e);
        return set;
    }

    public <T> List<T> someOf(List<T> values, int max) {
        List<T> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(copy.size(), between(0, max))));
    }

    /** A few words, possibly none. */
    public String text() {
        int n = between(0, 4);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        return b.toString();
    }

    /** Text that is not blank and differs from {@code not}. */
    public String otherText(String not) {
        String t;
        do t = text() + " " + WORDS[random.nextInt(WORDS.length)]; while (t.equals(not));
        return t;
    }

    public String name() {
        return NAMES[random.nextInt(NAMES.length)];
    }

    public UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    public AiUse aiUse(List<UUID> cast, List<UUID> departments) {
        return new AiUse(uuid(), pick(Technique.class), text(), text(), pick(Output.class), someOf(cast, 3), someOf(departments, 3),
                someOf(Material.class), pick(Tristate.class), someOf(Factor.class), text());
    }

    public Shot shot(UUID sceneId, String number, List<UUID> cast, List<UUID> departments) {
        List<AiUse> uses = new ArrayList<>();
        for (int i = between(0, 3); i > 0; i--) uses.add(aiUse(cast, departments));
        ShotSize size = chance(0.2) ? null : pick(ShotSize.class);
        double duration = chance(0.3) ? 0 : between(1, 4000) / 4.0;
        return new Shot(uuid(), sceneId, number, text(), size, text(), text(), chance(0.5) ? "" : between(12, 200) + "mm", duration,
                someOf(departments, 3), text(), uses);
    }

    /**
     * A production with some departments (the defaults, sometimes with a head named, plus one of its own), cast,
     * scenes, shots with AI uses, and sign-offs for the roles the built-in rules name.
     */
    public ProductionData production() {
        LocalDate start = chance(0.5) ? null : LocalDate.of(2027, between(1, 12), between(1, 28));
        Production production = new Production(uuid(), otherText(""), pick(Format.class), pick(Genre.class), text(), name(), name(), start, text());
        List<Department> departments = new ArrayList<>();
        for (Department d : Department.defaults()) {
            departments.add(new Department(uuid(), d.name(), chance(0.5) ? name() : "", chance(0.3) ? "head@example.org" : "", d.colour()));
        }
        if (chance(0.5)) departments.add(new Department(uuid(), "Drones " + between(1, 9), name(), "", "#123456"));
        List<UUID> departmentIds = departments.stream().map(Department::id).toList();
        List<CastMember> cast = new ArrayList<>();
        for (int i = between(0, 4); i > 0; i--) cast.add(new CastMember(uuid(), name(), text(), pick(Tristate.class), chance(0.1)));
        List<UUID> castIds = cast.stream().map(CastMember::id).toList();
        List<Scene> scenes = new ArrayList<>();
        List<Shot> shots = new ArrayList<>();
        Set<String> sceneNumbers = new LinkedHashSet<>();
        for (int i = between(1, 4); i > 0; i--) {
            String number;
            do number = between(1, 60) + (chance(0.3) ? "A" : ""); while (!sceneNumbers.add(number));
            Scene scene = new Scene(uuid(), number, pick(IntExt.class), text(), chance(0.5) ? "DAY" : "NIGHT", text(), between(0, 40),
                    chance(0.5) ? "" : "Day " + between(1, 30), someOf(castIds, 3), chance(0.1));
            scenes.add(scene);
            int count = between(0, 4);
            for (int s = 1; s <= count; s++) shots.add(shot(scene.id(), s + (chance(0.2) ? "B" : ""), castIds, departmentIds));
        }
        List<SignOff> signOffs = new ArrayList<>();
        for (Shot shot : shots) {
            for (int i = shot.hasAiUse() ? between(0, 3) : 0; i > 0; i--) signOffs.add(signOff(shot, castIds));
        }
        return new ProductionData(production, departments, cast, scenes, shots, signOffs, "");
    }

    private SignOff signOff(Shot shot, List<UUID> cast) {
        Role role = cast.isEmpty() ? pick(List.of(Role.VFX_SUPERVISOR, Role.DIRECTOR, Role.STUDIO_LEGAL)) : pick(Role.class);
        UUID subject = role.perPerson() ? pick(cast) : null;
        Decision decision = pick(Decision.class);
        String note = decision == Decision.APPROVED_WITH_CONDITIONS ? otherText("") : text();
        Instant at = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000_000));
        String fingerprint = chance(0.7) ? Fingerprint.of(shot) : "";
        return new SignOff(uuid(), shot.id(), pick(RULE_IDS), role, subject, name(), decision, note, at, fingerprint);
    }
}
