package org.clearframe.rules;

import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.ConsentKind;
import org.clearframe.model.Factor;
import org.clearframe.model.Genre;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Representation;
import org.clearframe.model.Role;
import org.clearframe.model.Scan;
import org.clearframe.model.Shot;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.model.Technique.*;
import static org.clearframe.rules.Fixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Each check on performer facts fires on its case and stays silent on the closest case that must not fire it. */
class PerformerChecksTest {

    private static final LocalDate SCAN_DAY = LocalDate.of(2026, 9, 10);

    private static ProductionData data(List<CastMember> cast, Shot shot, List<Scan> scans, List<Consent> consents) {
        ProductionData base = production(Genre.FICTION, shot);
        return new ProductionData(base.production(), base.departments(), cast, base.scenes(), base.shots(), List.of(), "", scans, consents);
    }

    private static List<String> checks(ProductionData d, Shot shot) {
        return Evaluator.evaluate(Policy.defaultPolicy(), d, shot).stream().filter(f -> PerformerChecks.RULES.contains(f.rule()))
                .map(f -> f.rule().id()).toList();
    }

    private static Shot replicaOf(CastMember who) {
        return shot(use(DIGITAL_REPLICA).fin().on(who).with(Factor.PERFORMER_TOOK_PART).build());
    }

    @Test
    void personUnnamed_underAPolicyWithoutTheRule_aDeAgingOfNobodyStillBlocks_andNamingSomeoneCloses() {
        Policy older = BuiltInPolicies.forProductionWithoutPolicy().policy();
        assertTrue(older.rules().stream().noneMatch(r -> r.id().equals("PERSON-UNNAMED")), "2026.11 lacks the rule");
        Shot nobody = shot(use(DE_AGING).fin().build());
        ProductionData d = data(List.of(ZOE, ADA, REX), nobody, List.of(), List.of());
        Flag f = Evaluator.evaluate(older, d, nobody).stream().filter(x -> x.rule() == PerformerChecks.PERSON_UNNAMED).findFirst().orElseThrow();
        assertTrue(f.blocking() && f.needsRecord() && f.open(), "only naming the person closes it");
        Shot named = shot(use(DE_AGING).fin().on(ZOE).build());
        assertTrue(Evaluator.evaluate(older, data(List.of(ZOE, ADA, REX), named, List.of(), List.of()), named).stream()
                .noneMatch(x -> x.rule().id().equals("PERSON-UNNAMED")));
        // 2026.12 has the rule itself: one flag, not two.
        assertEquals(1, Evaluator.evaluate(Policy.defaultPolicy(), d, nobody).stream().filter(x -> x.rule().id().equals("PERSON-UNNAMED")).count());
    }

    @Test
    void scanNotice_lessThanTwoDaysFires_twoDaysIsSilent() {
        Shot shot = replicaOf(ZOE);
        Scan late = new Scan(UUID.randomUUID(), ZOE.id(), SCAN_DAY, SCAN_DAY.minusDays(1), "Stunt double for the storm sequence");
        Scan ok = new Scan(UUID.randomUUID(), ZOE.id(), SCAN_DAY, SCAN_DAY.minusDays(2), "Stunt double for the storm sequence");
        ProductionData fires = data(List.of(ZOE, ADA, REX), shot, List.of(late), List.of());
        assertTrue(checks(fires, shot).contains("SCAN-NOTICE"));
        Flag f = Evaluator.evaluate(Policy.defaultPolicy(), fires, shot).stream().filter(x -> x.rule() == PerformerChecks.SCAN_NOTICE).findFirst().orElseThrow();
        assertEquals(List.of(Role.PERFORMER, Role.STUDIO_LEGAL), f.signatures().stream().map(RequiredSignature::role).toList());
        assertEquals(ZOE.id(), f.signatures().get(0).subjectId());
        assertTrue(f.blocking());
        assertFalse(checks(data(List.of(ZOE, ADA, REX), shot, List.of(ok), List.of()), shot).contains("SCAN-NOTICE"));
        Scan noNotice = new Scan(UUID.randomUUID(), ZOE.id(), SCAN_DAY, null, "reason");
        assertTrue(checks(data(List.of(ZOE, ADA, REX), shot, List.of(noNotice), List.of()), shot).contains("SCAN-NOTICE"), "no notice recorded");
        // Only when the performer takes part: an independently built replica has no scan of theirs to give notice of.
        Shot independent = shot(use(DIGITAL_REPLICA).fin().on(ZOE).build());
        assertFalse(checks(data(List.of(ZOE, ADA, REX), independent, List.of(late), List.of()), independent).contains("SCAN-NOTICE"));
    }

    @Test
    void scanBusinessReason_under2026TermsFires_beforeJulySilent_andARecordedReasonCloses() {
        Shot shot = replicaOf(ZOE);
        Scan july = new Scan(UUID.randomUUID(), ZOE.id(), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 6, 20), "");
        Scan june = new Scan(UUID.randomUUID(), ZOE.id(), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 20), "");
        Scan reasoned = new Scan(july.id(), ZOE.id(), july.scannedOn(), july.noticeGivenOn(), "Wide shots of the storm too dangerous to perform");
        ProductionData fires = data(List.of(ZOE, ADA, REX), shot, List.of(july), List.of());
        assertTrue(checks(fires, shot).contains("SCAN-BUSINESS-REASON"));
        Flag f = Evaluator.evaluate(Policy.defaultPolicy(), fires, shot).stream().filter(x -> x.rule() == PerformerChecks.SCAN_BUSINESS_REASON).findFirst().orElseThrow();
        assertTrue(f.needsRecord() && f.open() && f.signatures().isEmpty());
        assertEquals("SAG2026", f.rule().sources().get(0).label());
        assertFalse(checks(data(List.of(ZOE, ADA, REX), shot, List.of(june), List.of()), shot).contains("SCAN-BUSINESS-REASON"));
        assertFalse(checks(data(List.of(ZOE, ADA, REX), shot, List.of(reasoned), List.of()), shot).contains("SCAN-BUSINESS-REASON"));
    }

    @Test
    void replicaTermVague_neitherLawyerNorUnionFires_aLawyerIsSilent() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        ProductionData base = production(Genre.FICTION, shot);
        Consent vague = new Consent(UUID.randomUUID(), ZOE.id(), "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, base.production().id(),
                List.of(SCENE.id()), List.of(), Set.of(DE_AGING), "Flashback", "Any and all uses", null, null, null, "");
        CastMember alone = ZOE.withFacts(false, Representation.NEITHER);
        CastMember lawyered = ZOE.withFacts(false, Representation.LAWYER);
        List<String> fired = checks(data(List.of(alone, ADA, REX), shot, List.of(), List.of(vague)), shot);
        assertTrue(fired.contains("REPLICA-TERM-VAGUE"), fired.toString());
        assertEquals(Severity.ADVISORY, PerformerChecks.REPLICA_TERM_VAGUE.severity());
        assertEquals(List.of("CA2602", "NY5302"), PerformerChecks.REPLICA_TERM_VAGUE.sources().stream().map(Source::label).toList());
        assertFalse(checks(data(List.of(lawyered, ADA, REX), shot, List.of(), List.of(vague)), shot).contains("REPLICA-TERM-VAGUE"));
        assertFalse(checks(data(List.of(alone, ADA, REX), shot, List.of(), List.of()), shot).contains("REPLICA-TERM-VAGUE"),
                "no term at all is a missing consent, not a vague one");
    }

    @Test
    void minorReplica_aMinorFires_anAdultIsSilent_aConceptIsSilent() {
        Shot shot = shot(use(VOICE_SYNTHESIS).fin().on(ADA).build());
        CastMember child = ADA.withFacts(true, Representation.UNION);
        assertTrue(checks(data(List.of(ZOE, child, REX), shot, List.of(), List.of()), shot).contains("MINOR-REPLICA"));
        assertFalse(checks(data(List.of(ZOE, ADA, REX), shot, List.of(), List.of()), shot).contains("MINOR-REPLICA"));
        Shot concept = shot(use(WARDROBE_CONCEPT).on(ADA).build());
        assertFalse(checks(data(List.of(ZOE, child, REX), concept, List.of(), List.of()), concept).contains("MINOR-REPLICA"));
    }

    @Test
    void theChecksAreFoundByIdLikeThePolicysRules_soRepliesCanSignThem() {
        for (Rule r : PerformerChecks.RULES) {
            assertSame(r, Policy.defaultPolicy().rule(r.id()).orElseThrow());
            assertFalse(r.sources().isEmpty(), r.id() + " cites a source");
            assertTrue(Policy.defaultPolicy().rules().stream().noneMatch(p -> p.id().equals(r.id())), r.id() + " does not clash with a policy rule");
        }
    }
}
