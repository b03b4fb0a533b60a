package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.ConsentKind;
import org.clearframe.model.Factor;
import org.clearframe.model.Genre;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.rules.ConsentCoverage.Coverage;
import org.clearframe.rules.ConsentCoverage.Gap;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.model.Technique.*;
import static org.clearframe.rules.Fixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Whether recorded consent covers a planned use: covered, and each reason it is not. */
class ConsentCoverageTest {

    private static final String SPECIFIC = "De-aging of Elena to twenty for the flashback on the pier, final cut, this film only";

    private static Consent consent(CastMember who, String by, ConsentKind kind, ProductionData data, Shot shot, Set<Technique> t,
                                   String description) {
        return new Consent(UUID.randomUUID(), who.id(), by, kind, data.production().id(), List.of(shot.sceneId()), List.of(),
                t, "Flashback", description, LocalDate.of(2026, 8, 1), null, null, "");
    }

    private static ProductionData with(ProductionData d, Consent... consents) {
        return new ProductionData(d.production(), d.departments(), d.cast(), d.scenes(), d.shots(), d.signOffs(), d.policyJson(),
                d.scans(), List.of(consents));
    }

    private static List<Coverage> cover(ProductionData d) {
        return ConsentCoverage.of(d);
    }

    private static List<Flag> notCovered(ProductionData d, Shot shot) {
        return Evaluator.evaluate(Policy.defaultPolicy(), d, shot).stream()
                .filter(f -> f.rule() == PerformerChecks.CONSENT_NOT_COVERED).toList();
    }

    @Test
    void aSpecificConsentForThisSceneAndTechniqueCoversTheUse() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        ProductionData base = production(Genre.FICTION, shot);
        Consent c = consent(ZOE, "  zoë  niño ", ConsentKind.USE_REPLICA_OR_ALTERATION, base, shot, Set.of(DE_AGING), SPECIFIC);
        ProductionData d = with(base, c);
        Coverage only = cover(d).get(0);
        assertTrue(only.covered(), only.why());
        assertEquals(c, only.consent());
        assertTrue(notCovered(d, shot).isEmpty());
    }

    @Test
    void noConsentIsABlockingFlagNamingThePersonThatNoSignatureCloses() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        ProductionData d = production(Genre.FICTION, shot);
        assertEquals(Gap.NO_CONSENT, cover(d).get(0).gap());
        Flag f = notCovered(d, shot).get(0);
        assertTrue(f.blocking() && f.open() && f.needsRecord());
        assertTrue(f.signatures().isEmpty(), "nothing to sign: only a consent record closes it");
        assertTrue(f.reason().contains("Zoë Niño"), f.reason());
        assertEquals(List.of("SAG2023", "SAG2026", "CA2602", "NY5302"), f.rule().sources().stream().map(Source::label).toList());
    }

    @Test
    void noSignOffClosesAMissingConsent_evenOneForgedUnderTheChecksRuleId() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        ProductionData unsigned = production(Genre.FICTION, shot);
        org.clearframe.model.SignOff forged = new org.clearframe.model.SignOff(UUID.randomUUID(), shot.id(), "CONSENT-NOT-COVERED",
                org.clearframe.model.Role.PERFORMER, ZOE.id(), "Zoë Niño", org.clearframe.model.Decision.APPROVED, "",
                java.time.Instant.parse("2026-11-01T10:00:00Z"), Fingerprint.of(shot), "Zoë Niño");
        ProductionData d = unsigned.withSignOffs(List.of(forged));
        Flag f = notCovered(d, shot).get(0);
        assertTrue(f.open() && f.signatures().isEmpty());
        assertTrue(FlagIndex.Summary.of(List.of(Evaluator.evaluate(Policy.defaultPolicy(), d, shot))).blocked());
    }

    @Test
    void aConsentOfAnotherKindDoesNotCount_voiceIsNotLikeness() {
        Shot shot = shot(use(VOICE_SYNTHESIS).fin().on(ZOE).build());
        ProductionData base = production(Genre.FICTION, shot);
        ProductionData d = with(base, consent(ZOE, "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, base, shot, Set.of(VOICE_SYNTHESIS), SPECIFIC));
        assertEquals(Gap.NO_CONSENT, cover(d).get(0).gap());
        assertEquals(ConsentKind.VOICE, cover(d).get(0).kind());
    }

    @Test
    void outsideItsScenesOrTechniques() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        ProductionData base = production(Genre.FICTION, shot);
        Consent otherScene = new Consent(UUID.randomUUID(), ZOE.id(), "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, base.production().id(),
                List.of(UUID.randomUUID()), List.of(), Set.of(DE_AGING), "Flashback", SPECIFIC, LocalDate.of(2026, 8, 1), null, null, "");
        assertEquals(Gap.OUTSIDE_SCOPE, cover(with(base, otherScene)).get(0).gap());
        Consent otherTechnique = consent(ZOE, "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, base, shot, Set.of(FACE_BODY_REPLACEMENT), SPECIFIC);
        assertEquals(Gap.OUTSIDE_SCOPE, cover(with(base, otherTechnique)).get(0).gap());
        // Named by shot rather than scene: covered.
        Consent byShot = new Consent(UUID.randomUUID(), ZOE.id(), "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, base.production().id(),
                List.of(), List.of(shot.id()), Set.of(DE_AGING), "Flashback", SPECIFIC, LocalDate.of(2026, 8, 1), null, null, "");
        assertTrue(cover(with(base, byShot)).get(0).covered());
    }

    @Test
    void givenForAnotherProduction() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        ProductionData base = production(Genre.FICTION, shot);
        Consent c = consent(ZOE, "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, base, shot, Set.of(DE_AGING), SPECIFIC);
        Consent elsewhere = new Consent(c.id(), c.castId(), c.givenBy(), c.kind(), UUID.randomUUID(), c.sceneIds(), c.shotIds(), c.techniques(),
                c.purpose(), c.description(), c.givenOn(), null, null, "");
        Coverage cov = cover(with(base, elsewhere)).get(0);
        assertEquals(Gap.OTHER_PRODUCTION, cov.gap());
        assertTrue(cov.why().contains("another production"), cov.why());
    }

    @Test
    void withdrawnConsentCoversNothing_andTheWhySaysWhen() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        ProductionData base = production(Genre.FICTION, shot);
        Consent c = consent(ZOE, "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, base, shot, Set.of(DE_AGING), SPECIFIC)
                .withdraw(LocalDate.of(2026, 10, 3));
        Coverage cov = cover(with(base, c)).get(0);
        assertEquals(Gap.WITHDRAWN, cov.gap());
        assertTrue(cov.why().contains("2026-10-03"), cov.why());
    }

    @Test
    void aVagueDescriptionIsNotSpecific() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        ProductionData base = production(Genre.FICTION, shot);
        for (String vague : List.of("", "De-aging as needed", "Any and all uses of my likeness in the picture and its advertising, in perpetuity",
                "Digital alteration in all media now known or hereafter devised throughout the world")) {
            Consent c = consent(ZOE, "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, base, shot, Set.of(DE_AGING), vague);
            assertEquals(Gap.NOT_SPECIFIC, cover(with(base, c)).get(0).gap(), vague);
        }
        Consent noScope = new Consent(UUID.randomUUID(), ZOE.id(), "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, base.production().id(),
                List.of(), List.of(), Set.of(DE_AGING), "Flashback", SPECIFIC, null, null, null, "");
        assertEquals(Gap.NOT_SPECIFIC, cover(with(base, noScope)).get(0).gap(), "names no scene or shot");
        Consent noTechnique = consent(ZOE, "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, base, shot, Set.of(), SPECIFIC);
        assertEquals(Gap.NOT_SPECIFIC, cover(with(base, noTechnique)).get(0).gap(), "names no technique");
    }

    @Test
    void aReplicaNeedsBothACreateAndAUseConsent() {
        Shot shot = shot(use(DIGITAL_REPLICA).fin().on(ZOE).with(Factor.PERFORMER_TOOK_PART).build());
        ProductionData base = production(Genre.FICTION, shot);
        Consent use = consent(ZOE, "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, base, shot, Set.of(DIGITAL_REPLICA), SPECIFIC);
        List<Coverage> onlyUse = cover(with(base, use));
        assertEquals(2, onlyUse.size());
        assertEquals(ConsentKind.CREATE_REPLICA, onlyUse.get(0).kind());
        assertFalse(onlyUse.get(0).covered(), "consent to use is not consent to create");
        assertTrue(onlyUse.get(1).covered());
        Consent create = consent(ZOE, "Zoë Niño", ConsentKind.CREATE_REPLICA, base, shot, Set.of(DIGITAL_REPLICA), SPECIFIC);
        assertTrue(cover(with(base, use, create)).stream().allMatch(Coverage::covered));
    }

    @Test
    void recastingThePartVoidsTheOldPerformersConsent() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        ProductionData base = production(Genre.FICTION, shot);
        Consent c = consent(ZOE, "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, base, shot, Set.of(DE_AGING), SPECIFIC);
        CastMember recast = new CastMember(ZOE.id(), "Mara Quist", ZOE.character(), ZOE.unionMember(), false);
        ProductionData d = new ProductionData(base.production(), base.departments(), List.of(recast, ADA, REX), base.scenes(), base.shots(),
                List.of(), "", List.of(), List.of(c));
        Coverage cov = cover(d).get(0);
        assertEquals(Gap.GIVEN_BY_SOMEONE_ELSE, cov.gap());
        assertTrue(cov.why().contains("Mara Quist"), cov.why());
    }

    @Test
    void aDeceasedPerformersConsentComesFromTheEstate() {
        Shot shot = shot(use(VOICE_SYNTHESIS).fin().on(REX).build());
        ProductionData base = production(Genre.FICTION, shot);
        Consent estate = consent(REX, "Dunmore Estate (Jane Dunmore, executor)", ConsentKind.VOICE, base, shot, Set.of(VOICE_SYNTHESIS), SPECIFIC);
        assertTrue(cover(with(base, estate)).get(0).covered());
        Consent nobody = consent(REX, " ", ConsentKind.VOICE, base, shot, Set.of(VOICE_SYNTHESIS), SPECIFIC);
        assertEquals(Gap.GIVEN_BY_SOMEONE_ELSE, cover(with(base, nobody)).get(0).gap());
    }

    @Test
    void theClosestConsentGivesTheReason() {
        Shot shot = shot(use(DE_AGING).fin().on(ZOE).build());
        ProductionData base = production(Genre.FICTION, shot);
        Consent withdrawn = consent(ZOE, "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, base, shot, Set.of(DE_AGING), SPECIFIC)
                .withdraw(LocalDate.of(2026, 9, 9));
        Consent vague = consent(ZOE, "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, base, shot, Set.of(DE_AGING), "any use");
        assertEquals(Gap.NOT_SPECIFIC, cover(with(base, withdrawn, vague)).get(0).gap());
    }

    @Test
    void theLegacyBeyondScopeTickIsANoteUntilAConsentCoversTheUse() {
        AiUse ticked = use(DE_AGING).fin().on(ZOE).with(Factor.BEYOND_CONSENT_SCOPE).build();
        Shot shot = shot(ticked);
        ProductionData base = production(Genre.FICTION, shot);
        Coverage open = cover(base).get(0);
        assertFalse(open.covered());
        assertTrue(open.why().contains("marked by hand in an earlier version"), open.why());
        Consent c = consent(ZOE, "Zoë Niño", ConsentKind.USE_REPLICA_OR_ALTERATION, base, shot, Set.of(DE_AGING), SPECIFIC);
        assertTrue(cover(with(base, c)).get(0).covered());
        assertTrue(notCovered(with(base, c), shot).isEmpty());
    }

    @Test
    void usesThatReproduceNobodyNeedNoConsent_andAnExemptAlterationNeedsNone() {
        Shot concept = shot(use(SET_CONCEPT).on(ZOE).build(), use(PERFORMANCE_ALTERATION).on(ZOE).with(Factor.ALTERATION_EXEMPT).build());
        assertTrue(cover(production(Genre.FICTION, concept)).isEmpty());
    }
}
