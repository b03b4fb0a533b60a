package org.clearframe.evidence;

import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.ConsentDocument;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.rules.ConsentCoverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Consent as the unions and laws define it: for every planned use that touches a performer, the consent record that
 * covers it (with the signed document it rests on, named by file and SHA-256 so a reader can match their copy), or
 * why none does.
 */
final class ConsentRecords implements ConsentSource {

    private final Map<UUID, List<Line>> byPerformer = new HashMap<>();

    ConsentRecords(ProductionData data, Map<UUID, ConsentDocument> documents) {
        Map<UUID, Shot> shots = ProductionData.index(data.shots(), Shot::id);
        Map<UUID, Scene> scenes = ProductionData.index(data.scenes(), Scene::id);
        Map<UUID, CastMember> cast = ProductionData.index(data.cast(), CastMember::id);
        for (ConsentCoverage.Coverage c : ConsentCoverage.of(data)) {
            CastMember who = cast.get(c.castId());
            if (who == null) continue;
            Shot shot = shots.get(c.shotId());
            Scene scene = shot == null ? null : scenes.get(shot.sceneId());
            String covers = c.use().technique().label() + " (" + c.kind().label() + ")";
            Consent consent = c.consent();
            Line line = consent == null
                    ? new Line(who, scene == null ? "" : scene.number(), shot == null ? "" : shot.number(), covers,
                    "NOT COVERED: " + c.why(), "", "", "", "consent record")
                    : new Line(who, scene == null ? "" : scene.number(), shot == null ? "" : shot.number(), covers,
                    "covered", document(consent, documents), consent.givenBy(), consent.givenOn() == null ? "" : consent.givenOn().toString(),
                    "consent record");
            byPerformer.computeIfAbsent(who.id(), k -> new ArrayList<>()).add(line);
        }
    }

    private static String document(Consent consent, Map<UUID, ConsentDocument> documents) {
        ConsentDocument d = consent.documentId() == null ? null : documents.get(consent.documentId());
        if (d == null) return "consent " + consent.id() + "; no signed document attached";
        return "consent " + consent.id() + "; signed document " + d.fileName() + " (SHA-256 " + d.sha256() + ")";
    }

    @Override public List<Line> linesFor(CastMember performer) {
        return byPerformer.getOrDefault(performer.id(), List.of());
    }

    @Override public String limitation() {
        return "";
    }

    /** The consent records first, then the performers' sign-offs; what either cannot show is said once. */
    static ConsentSource both(ConsentSource records, ConsentSource signOffs) {
        return new ConsentSource() {
            @Override public List<Line> linesFor(CastMember performer) {
                List<Line> all = new ArrayList<>(records.linesFor(performer));
                all.addAll(signOffs.linesFor(performer));
                return all;
            }

            @Override public String limitation() {
                return "Consent records are listed with the signed documents they rest on, by file name and SHA-256; the documents "
                        + "themselves stay in the production file. The performers' sign-offs on each use follow the records.";
            }
        };
    }
}
