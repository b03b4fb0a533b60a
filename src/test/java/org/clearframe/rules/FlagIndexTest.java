package org.clearframe.rules;

import org.clearframe.model.Decision;
import org.clearframe.model.Genre;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.clearframe.model.Technique.*;
import static org.clearframe.rules.Fixture.*;
import static org.junit.jupiter.api.Assertions.*;

class FlagIndexTest {

    private static final Policy POLICY = Policy.defaultPolicy();

    @Test
    void countsFlagsAndFollowsEditsShotByShot() {
        Shot vfx = shot(use(GENERATIVE_VFX).fin().build());         // VFX-GEN-FINAL (blocking), PROVENANCE (advisory)
        Shot concept = shot(use(SET_CONCEPT).temp().build());       // SET-CONCEPT (advisory)
        Shot plain = shot();
        ProductionData data = production(Genre.FICTION, List.of(vfx, concept, plain), List.of());
        FlagIndex index = new FlagIndex(POLICY, data);
        assertEquals(new FlagIndex.Summary(3, 1, 2, 0, 0), index.summary());
        assertTrue(index.summary().blocked());
        assertEquals(ShotStatus.NEEDS_SIGNOFF, index.status(vfx));
        assertEquals(ShotStatus.NO_AI, index.status(plain));

        // Sign everything on the VFX shot, then re-evaluate that shot only.
        List<SignOff> signOffs = new ArrayList<>();
        for (Flag f : index.flags(vfx.id())) {
            for (RequiredSignature s : f.signatures()) signOffs.add(SignOffs.sign(vfx, f.rule().id(), s, "A", Decision.APPROVED, "", Instant.now()));
        }
        data = production(Genre.FICTION, List.of(vfx, concept, plain), signOffs);
        index.update(data, vfx.id());
        assertEquals(new FlagIndex.Summary(3, 0, 1, 0, 0), index.summary());
        assertFalse(index.summary().blocked());
        assertEquals(ShotStatus.CLEAR, index.status(vfx));

        // Change the plan: the VFX shot's sign-offs go stale.
        Shot changed = vfx.withAiUses(List.of(use(GENERATIVE_VFX).fin().build()));
        data = production(Genre.FICTION, List.of(changed, concept, plain), signOffs);
        index.update(data, changed.id());
        assertEquals(new FlagIndex.Summary(3, 1, 2, 2, 0), index.summary(), "the VFX shot's two flags are open again, as stale");
        assertEquals(ShotStatus.STALE, index.status(changed));

        // Only the lens changes: the sign-offs on the original plan hold again once the plan is put back.
        Shot backWithNewLens = vfx.withLens("85mm");
        index.update(production(Genre.FICTION, List.of(backWithNewLens, concept, plain), signOffs), vfx.id());
        assertEquals(new FlagIndex.Summary(3, 0, 1, 0, 0), index.summary());

        // A deleted shot leaves the index.
        data = production(Genre.FICTION, List.of(concept, plain), signOffs);
        index.update(data, vfx.id());
        assertEquals(new FlagIndex.Summary(1, 0, 1, 0, 0), index.summary());
        assertEquals(List.of(), index.flags(vfx.id()));
    }

    @Test
    void staleFlagsAreCounted() {
        Shot shot = shot(use(DE_AGING).temp().on(ZOE).build());
        ProductionData data = production(Genre.FICTION, shot);
        FlagIndex index = new FlagIndex(POLICY, data);
        Flag deage = index.flags(shot.id()).get(0);
        SignOff s = SignOffs.sign(shot, deage, deage.signatures().get(0), "Zoë", Decision.APPROVED, "");
        Shot finalCut = shot.withAiUses(List.of(new org.clearframe.model.AiUse(shot.aiUses().get(0).id(), DE_AGING, "Purpose", "Tool X",
                org.clearframe.model.Output.FINAL, List.of(ZOE.id()), List.of(), java.util.Set.of(), org.clearframe.model.Tristate.NO, java.util.Set.of(), "")));
        index.update(production(Genre.FICTION, List.of(finalCut), List.of(s)), shot.id());
        assertEquals(1, index.summary().stale());
        assertEquals(ShotStatus.STALE, index.status(finalCut));
    }

    @Test
    void agreesWithAFullEvaluationAfterUpdates() {
        Shot a = shot(use(VOICE_SYNTHESIS).fin().on(ZOE).build());
        Shot b = shot(use(SCRIPT_GENERATION).temp().build());
        FlagIndex index = new FlagIndex(POLICY, production(Genre.FICTION, a, b));
        Shot b2 = b.withAiUses(List.of(use(SCRIPT_GENERATION).fin().build()));
        ProductionData after = production(Genre.FICTION, a, b2);
        index.update(after, b2.id());
        FlagIndex fresh = new FlagIndex(POLICY, after);
        assertEquals(fresh.summary(), index.summary());
        assertEquals(fresh.flags(b2.id()), index.flags(b2.id()));
    }
}
