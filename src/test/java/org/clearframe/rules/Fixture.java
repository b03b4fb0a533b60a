package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Format;
import org.clearframe.model.Genre;
import org.clearframe.model.IntExt;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.testkit.ProductionBuilder;

import java.util.List;
import java.util.UUID;

/** A small production for rule tests: three cast members (one deceased), one scene, shots built per test. */
final class Fixture {

    static final CastMember ZOE = new CastMember(UUID.fromString("00000000-0000-0000-0000-00000000000a"), "Zoë Niño", "Elena", Tristate.YES, false);
    static final CastMember ADA = new CastMember(UUID.fromString("00000000-0000-0000-0000-00000000000b"), "Ada Brennan", "Mrs Kell", Tristate.UNKNOWN, false);
    static final CastMember REX = new CastMember(UUID.fromString("00000000-0000-0000-0000-00000000000c"), "Rex Dunmore", "Old Tom", Tristate.NO, true);
    static final Scene SCENE = new Scene(UUID.fromString("00000000-0000-0000-0000-000000000100"), "12A", IntExt.EXT,
            "HARBOUR", "NIGHT", "The storm.", 9, "Day 3", List.of(ZOE.id(), ADA.id()), false);

    private Fixture() {}

    static ProductionData production(Genre genre, List<Shot> shots, List<SignOff> signOffs) {
        Production p = new Production(UUID.fromString("00000000-0000-0000-0000-000000000001"), "The Harbour", Format.FEATURE,
                genre, "Northlight", "Ada Producer", "Kofi Mensah", null, "");
        ProductionBuilder b = ProductionBuilder.of(p).cast(ZOE, ADA, REX).scene(SCENE).signOffs(signOffs.toArray(SignOff[]::new));
        shots.forEach(b::shot);
        return b.data();
    }

    static ProductionData production(Genre genre, Shot... shots) {
        return production(genre, List.of(shots), List.of());
    }

    static Shot shot(AiUse... uses) {
        return new Shot(UUID.randomUUID(), SCENE.id(), "3", "Elena on the pier in the storm", ShotSize.MEDIUM, "Eye level", "Dolly in",
                "35mm", 4.5, List.of(), "Rain towers", List.of(uses));
    }

    /** Builds an AiUse in one readable line: use(DE_AGING).fin().on(ZOE).build(). */
    static ProductionBuilder.Use use(Technique technique) {
        return ProductionBuilder.use(technique);
    }
}
