package org.clearframe.testkit;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.ConsentKind;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.rules.ConsentCoverage;
import org.clearframe.store.ProductionStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Consent records for tests: specific consents that cover planned uses, as a producer would record them. */
public final class Consents {

    private Consents() {}

    /** A specific consent from {@code member} for {@code use} on {@code shot}, of {@code kind}, for the production. */
    public static Consent covering(ProductionData data, Shot shot, AiUse use, CastMember member, ConsentKind kind) {
        String by = member.deceased() ? "Estate of " + member.performer() : member.performer();
        return new Consent(UUID.randomUUID(), member.id(), by, kind, data.production().id(), List.of(shot.sceneId()), List.of(shot.id()),
                Set.of(use.technique()), use.purpose().isBlank() ? "the planned shot" : use.purpose(),
                "Consent to " + use.technique().label().toLowerCase() + " on shot " + shot.number() + " for this production only, "
                        + "as the breakdown describes it", LocalDate.of(2026, 9, 1), null, null, "Scale plus ten percent");
    }

    /** One consent per kind, person and use that needs one: everything the production plans is then covered. */
    public static List<Consent> coveringEveryUse(ProductionData data) {
        List<Consent> out = new ArrayList<>();
        for (Shot shot : data.shots()) {
            for (AiUse use : shot.aiUses()) {
                for (ConsentKind kind : ConsentCoverage.needs(use)) {
                    for (UUID id : use.performerIds()) {
                        data.castMember(id).ifPresent(m -> out.add(covering(data, shot, use, m, kind)));
                    }
                }
            }
        }
        return out;
    }

    /** {@code data} with consents that cover every use it plans. */
    public static ProductionData coverEveryUse(ProductionData data) {
        List<Consent> all = new ArrayList<>(data.consents());
        all.addAll(coveringEveryUse(data));
        return new ProductionData(data.production(), data.departments(), data.cast(), data.scenes(), data.shots(), data.signOffs(),
                data.policyJson(), data.scans(), all);
    }

    /** Records consents covering every use of the production in {@code store}. */
    public static void recordCoveringEveryUse(ProductionStore store) throws Exception {
        for (Consent c : coveringEveryUse(store.load())) store.saveConsent(c);
    }
}
