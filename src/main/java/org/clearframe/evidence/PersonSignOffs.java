package org.clearframe.evidence;

import org.clearframe.model.CastMember;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Consent as the sign-off record shows it: every per-person sign-off (performer, estate), with its state and proof. */
final class PersonSignOffs implements ConsentSource {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Map<UUID, List<Line>> byPerformer = new HashMap<>();

    PersonSignOffs(ProductionData data, List<SignOffEntry> entries) {
        Map<UUID, Shot> shots = ProductionData.index(data.shots(), Shot::id);
        Map<UUID, Scene> scenes = ProductionData.index(data.scenes(), Scene::id);
        Map<UUID, CastMember> cast = ProductionData.index(data.cast(), CastMember::id);
        for (SignOffEntry e : entries) {
            var s = e.signOff();
            if (!s.role().perPerson() || s.subjectId() == null) continue;
            CastMember who = cast.get(s.subjectId());
            if (who == null) continue;
            Shot shot = shots.get(s.shotId());
            Scene scene = shot == null ? null : scenes.get(shot.sceneId());
            String proof = switch (e.proof()) {
                case SignOffEntry.REPLY -> "signed reply " + e.replyFile();
                case SignOffEntry.ATTESTED -> "attested by the producer, not signed by the person";
                default -> "none: " + e.note();
            };
            byPerformer.computeIfAbsent(who.id(), k -> new ArrayList<>()).add(new Line(who, scene == null ? "" : scene.number(),
                    shot == null ? "" : shot.number(), s.ruleId() + " (" + s.role().label() + ")", e.status().label, proof, s.signer(),
                    WHEN.format(s.signedAt()), "sign-off"));
        }
    }

    @Override public List<Line> linesFor(CastMember performer) {
        return byPerformer.getOrDefault(performer.id(), List.of());
    }

    @Override public String limitation() {
        return "Consent is shown as the performers' sign-offs on each use. Consent records with the signed consent documents "
                + "are not yet part of this version of the pack.";
    }
}
