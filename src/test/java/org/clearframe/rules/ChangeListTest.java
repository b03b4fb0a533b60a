package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Factor;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.testkit.Gen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A stale sign-off's change list: field by field, in words; empty exactly when the fingerprint did not change; and the
 * kept content reads back only under its own fingerprint.
 */
class ChangeListTest {

    private static final CastMember ZOE = Fixture.ZOE;

    private static AiUse deAging(Output output, Set<Material> uploads) {
        return new AiUse(UUID.fromString("00000000-0000-0000-0000-0000000000a1"), Technique.DE_AGING, "Flashback", "AgeShift", output,
                List.of(ZOE.id()), List.of(), uploads, Tristate.NO, Set.of(), "");
    }

    @Test
    void theIssuesExampleReadsAsWritten() {
        Shot before = Fixture.shot(deAging(Output.TEMPORARY, Set.of()));
        Shot after = before.withAiUses(List.of(deAging(Output.FINAL, Set.of(Material.LIKENESS_OR_VOICE))));
        ProductionData data = Fixture.production(org.clearframe.model.Genre.FICTION, after);
        assertEquals("Output: Temporary -> Final; uploads added: likeness", ChangeList.summary(ShotContent.of(before), after, data));
    }

    @Test
    void usesAddedAndRemovedPeopleAndFactsAreNamed() {
        AiUse a = deAging(Output.FINAL, Set.of());
        Shot before = Fixture.shot(a);
        AiUse voice = new AiUse(UUID.randomUUID(), Technique.VOICE_SYNTHESIS, "ADR", "", Output.FINAL, List.of(), List.of(), Set.of(),
                Tristate.UNKNOWN, Set.of(), "");
        AiUse changed = new AiUse(a.id(), a.technique(), a.purpose(), a.tool(), a.output(), List.of(ZOE.id(), Fixture.ADA.id()), a.departmentIds(),
                a.uploads(), Tristate.YES, Set.of(Factor.PERFORMER_TOOK_PART), "new note");
        Shot after = before.edit().description("A new description").aiUses(List.of(changed, voice)).build();
        List<String> changes = ChangeList.between(ShotContent.of(before), after, Fixture.production(org.clearframe.model.Genre.FICTION, after));
        assertEquals(List.of("Description: \"" + before.description() + "\" -> \"A new description\"",
                "De-aging or re-aging (Flashback): performers added: Ada Brennan",
                "De-aging or re-aging (Flashback): Tool may train on uploads: No -> Yes",
                "De-aging or re-aging (Flashback): facts added: the performer takes part in making it (scan, capture)",
                "De-aging or re-aging (Flashback): Notes: (empty) -> \"new note\"",
                "AI use added: Voice synthesis or cloning (ADR)"), changes);
        assertEquals(List.of("AI use removed: Voice synthesis or cloning (ADR)"),
                ChangeList.between(ShotContent.of(after.withAiUses(List.of(changed, voice))), after.withAiUses(List.of(changed)),
                        Fixture.production(org.clearframe.model.Genre.FICTION, after)));
    }

    static LongStream seeds() {
        return Gen.seeds(0xC4A6E5L, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void emptyExactlyWhenTheFingerprintIsTheSameAndTheContentRoundTrips(long seed) {
        Gen g = new Gen(seed);
        ProductionData data = g.production();
        if (data.shots().isEmpty()) return;
        Shot a = g.pick(data.shots());
        Shot b = g.chance(0.3) ? a : a.edit().description(g.chance(0.5) ? a.description() : g.otherText(a.description()))
                .aiUses(g.chance(0.5) ? a.aiUses() : List.of(g.aiUse(data.cast().stream().map(CastMember::id).toList(), List.of()))).build();
        ShotContent signed = ShotContent.of(a);
        assertEquals(Fingerprint.of(a), signed.fingerprint(), "the content's fingerprint is the shot's");
        assertEquals(Fingerprint.of(a).equals(Fingerprint.of(b)), ChangeList.between(signed, b, data).isEmpty());
        ShotContent back = ShotContent.decode(signed.encode(), Fingerprint.of(a)).orElseThrow();
        assertEquals(Fingerprint.of(a), back.fingerprint());
        assertTrue(ChangeList.between(back, a, data).isEmpty());
        if (!Fingerprint.of(a).equals(Fingerprint.of(b))) {
            assertTrue(ShotContent.decode(signed.encode(), Fingerprint.of(b)).isEmpty(), "content is only read under its own fingerprint");
        }
    }

    @Test
    void alteredOrForeignContentIsNotTakenForWhatWasSigned() {
        Shot shot = Fixture.shot(deAging(Output.TEMPORARY, Set.of()));
        String f = Fingerprint.of(shot);
        String text = ShotContent.of(shot).encode();
        assertTrue(ShotContent.decode(text, f).isPresent());
        assertTrue(ShotContent.decode(text.replace("TEMPORARY", "FINAL"), f).isEmpty(), "altered");
        for (String bad : List.of("", "null", "[]", "{}", "{\"form\":1}", "{\"form\":2,\"shotId\":\"x\"}", text.replace("DE_AGING", "TIME_TRAVEL"),
                text.replace("\"aiUses\":[", "\"aiUses\":[1,"), "{".repeat(5000), text + "garbage")) {
            assertTrue(ShotContent.decode(bad, f).isEmpty(), bad.length() > 80 ? bad.substring(0, 80) : bad);
        }
        assertTrue(ShotContent.decode(text, null).isEmpty());
    }
}
