package org.clearframe.bench;

import org.clearframe.model.AiUse;
import org.clearframe.model.Decision;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.Evaluator;
import org.clearframe.rules.Fingerprint;
import org.clearframe.rules.Flag;
import org.clearframe.rules.Policies;
import org.clearframe.rules.RequiredSignature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A benchmark production shaped like a real feature or series rather than a sparse one: AI use on about a third of
 * the shots (as in the sample production), and the sign-offs a production in the middle of its schedule has: most
 * required signatures recorded (approved, approved with conditions, declined), some gone stale because the plan
 * changed after signing, the rest still missing. Deterministic for a given seed, apart from the random ids.
 */
public final class FeatureProduction {

    private static final String[] HEADS = {"Mara Quist", "Jon Abel", "Ines Duarte", "Kofi Mensah", "Ada Brennan"};

    private FeatureProduction() {}

    public static ProductionData generate(int shotCount, long seed) {
        Random random = new Random(seed);
        ProductionData base = SyntheticProduction.generate(shotCount, seed);
        // denser AI use: on top of the generator's one shot in six, give another shot in six the uses of a neighbour
        List<Shot> shots = new ArrayList<>(base.shots().size());
        Shot previousWithUse = null;
        for (Shot shot : base.shots()) {
            if (shot.hasAiUse()) previousWithUse = shot;
            else if (previousWithUse != null && random.nextInt(5) == 0) shot = withUsesOf(shot, previousWithUse);
            shots.add(shot);
        }
        ProductionData planned = new ProductionData(base.production(), base.departments(), base.cast(), base.scenes(), shots,
                List.of(), "");
        Map<UUID, List<Flag>> flags = Evaluator.evaluateAll(Policies.inForce(planned), planned);
        List<SignOff> signOffs = new ArrayList<>();
        Instant when = Instant.parse("2026-10-01T09:00:00Z");
        for (Shot shot : shots) {
            String fingerprint = Fingerprint.of(shot);
            for (Flag flag : flags.getOrDefault(shot.id(), List.of())) {
                for (RequiredSignature s : flag.signatures()) {
                    int roll = random.nextInt(100);
                    if (roll < 25) continue; // still missing
                    Decision decision = roll < 70 ? Decision.APPROVED : roll < 80 ? Decision.APPROVED_WITH_CONDITIONS
                            : roll < 85 ? Decision.DECLINED : Decision.APPROVED;
                    // 15 in 100: signed against an earlier plan of the shot, so the sign-off is stale
                    String signedPrint = roll >= 85 ? "0".repeat(64) : fingerprint;
                    when = when.plusSeconds(37);
                    signOffs.add(new SignOff(UUID.randomUUID(), shot.id(), flag.rule().id(), s.role(), s.subjectId(),
                            HEADS[random.nextInt(HEADS.length)], decision,
                            decision == Decision.APPROVED_WITH_CONDITIONS ? "Only in the final grade, not in trailers" : "",
                            when, signedPrint, s.subjectId() == null ? "" : s.subjectName()));
                }
            }
        }
        return new ProductionData(planned.production(), planned.departments(), planned.cast(), planned.scenes(), shots,
                signOffs, "");
    }

    /**
     * The sign-offs in the groups the producer's app records them in, each group one attestation (and one checkpoint
     * of the producer's key): one in ten typed in by the producer one at a time (the person said yes on set), the rest
     * a reply at a time, about forty decisions per head's reply.
     */
    public static List<List<SignOff>> asRecorded(List<SignOff> signOffs) {
        List<List<SignOff>> groups = new ArrayList<>();
        List<SignOff> reply = new ArrayList<>();
        for (int i = 0; i < signOffs.size(); i++) {
            if (i % 10 == 9) {
                groups.add(List.of(signOffs.get(i)));
                continue;
            }
            reply.add(signOffs.get(i));
            if (reply.size() == 40) {
                groups.add(reply);
                reply = new ArrayList<>();
            }
        }
        if (!reply.isEmpty()) groups.add(reply);
        return groups;
    }

    private static Shot withUsesOf(Shot shot, Shot other) {
        List<AiUse> uses = new ArrayList<>();
        for (AiUse u : other.aiUses()) {
            uses.add(new AiUse(UUID.randomUUID(), u.technique(), u.purpose(), u.tool(), u.output(), u.performerIds(),
                    u.departmentIds(), u.uploads(), u.vendorTrains(), u.factors(), u.notes()));
        }
        return new Shot(shot.id(), shot.sceneId(), shot.number(), shot.description(), shot.size(), shot.angle(), shot.movement(),
                shot.lens(), shot.durationSeconds(), shot.departmentIds(), shot.notes(), uses);
    }
}
