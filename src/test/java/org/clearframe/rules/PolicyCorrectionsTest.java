package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.Genre;
import org.clearframe.model.Role;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.testkit.ProductionBuilder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.clearframe.model.Factor.*;
import static org.clearframe.model.Technique.*;
import static org.clearframe.rules.Fixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * One test per item of "Corrections after checking the sources" (shared/ai-signoff-rules.md), each named after it,
 * against the built-in policy 2026.12. Where 2026.11 behaved differently, the test shows that too.
 */
class PolicyCorrectionsTest {

    private static final Policy P12 = Policy.defaultPolicy();
    private static final Policy P11 = BuiltInPolicies.V2026_11.policy();
    private static final List<Technique> PERSON_TECHNIQUES = List.of(DE_AGING, FACE_BODY_REPLACEMENT, DIGITAL_REPLICA,
            PERFORMANCE_ALTERATION, VOICE_SYNTHESIS);

    private static List<Flag> flags(Policy policy, Genre genre, AiUse use) {
        Shot shot = shot(use);
        return Evaluator.evaluate(policy, production(genre, shot), shot);
    }

    private static List<Flag> flags(AiUse use) {
        return flags(P12, Genre.FICTION, use);
    }

    private static Set<String> ids(List<Flag> flags) {
        return flags.stream().map(f -> f.rule().id()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Flag flag(List<Flag> flags, String id) {
        return flags.stream().filter(f -> f.rule().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not raised; raised: " + ids(flags)));
    }

    private static List<Role> roles(Flag f) {
        return f.signatures().stream().map(RequiredSignature::role).toList();
    }

    private static Rule rule(String id) {
        return P12.rule(id).orElseThrow(() -> new AssertionError("no rule " + id));
    }

    private static Set<String> labels(Rule r) {
        return r.sources().stream().map(Source::label).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void netflixWrittenApproval_theStudioAiContactSignsTheThirteenRules() {
        for (String id : List.of("DEAGE-PERFORMER", "FACE-REPLACE", "REPLICA-EMPLOYMENT", "REPLICA-INDEPENDENT", "REPLICA-REUSE",
                "REPLICA-DECEASED", "ALTER-PERFORMANCE", "VOICE-CLONE", "SYNTH-FEATURES", "UPLOAD-LIKENESS", "COPYRIGHT-REF",
                "VFX-REPLACES-PRACTICAL", "SCRIPT-GEN")) {
            assertTrue(rule(id).mustSign().contains(Role.STUDIO_AI_CONTACT), id);
            assertEquals(Severity.BLOCKING, rule(id).severity(), id);
            assertTrue(labels(rule(id)).contains("NFX"), id + " cites Netflix's guidance");
        }
        // And on a real flag, not only in the file: the de-aging of a named performer asks the AI contact.
        assertTrue(roles(flag(flags(use(DE_AGING).fin().on(ZOE).build()), "DEAGE-PERFORMER")).contains(Role.STUDIO_AI_CONTACT));
        assertFalse(P11.rule("DEAGE-PERFORMER").orElseThrow().mustSign().contains(Role.STUDIO_AI_CONTACT), "2026.11 missed it");
    }

    @Test
    void netflixWrittenApproval_theAdvisoryConceptAndPrevisRulesNotifyTheStudioAiContact() {
        for (String id : List.of("VFX-GEN-TEMP", "SET-CONCEPT", "WARDROBE-CONCEPT", "MAKEUP-CONCEPT", "PREVIS-STORYBOARD")) {
            assertEquals(Severity.ADVISORY, rule(id).severity(), id);
            assertTrue(rule(id).mustSign().contains(Role.STUDIO_AI_CONTACT), id);
        }
    }

    @Test
    void aTechniqueThatChangesAPersonWithNobodyNamedIsNotCleared() {
        for (Technique t : PERSON_TECHNIQUES) {
            for (boolean fin : new boolean[]{true, false}) {
                ProductionBuilder.Use u = use(t);
                List<Flag> raised = flags((fin ? u.fin() : u.temp()).build());
                Flag f = flag(raised, "PERSON-UNNAMED");
                assertTrue(f.blocking() && f.open(), t + " with nobody named is blocked");
            }
            assertFalse(ids(flags(use(t).fin().on(ZOE).build())).contains("PERSON-UNNAMED"), t + ": naming the person clears it");
        }
        assertEquals("De-aging in the final cut: names no performer; no deceased person outside the cast is named; "
                + "not marked as only a change SAG-AFTRA exempts", flag(flags(use(DE_AGING).fin().build()), "PERSON-UNNAMED").reason());
        // 2026.11's own rules let a de-aging with nobody named through with only advisory provenance; the check that stands
        // in for the missing rule blocks it under 2026.11 too, and only naming the person closes it.
        List<Flag> old = flags(P11, Genre.FICTION, use(DE_AGING).fin().build());
        assertEquals(List.of(PerformerChecks.PERSON_UNNAMED), old.stream().filter(Flag::blocking).map(Flag::rule).toList(), "2026.11: " + ids(old));
        assertTrue(flag(old, "PERSON-UNNAMED").needsRecord());
        // A synthetic voice or face of nobody in particular is a synthetic performer, not this flag.
        assertFalse(ids(flags(use(SYNTHETIC_PERFORMER).fin().build())).contains("PERSON-UNNAMED"));
    }

    @Test
    void replicaDeceased_firesOnlyForTechniquesThatReproduceOrAlterAPerson() {
        // The case: a temporary set concept naming a deceased cast member.
        assertFalse(ids(flags(use(SET_CONCEPT).temp().on(REX).build())).contains("REPLICA-DECEASED"));
        assertTrue(ids(flags(P11, Genre.FICTION, use(SET_CONCEPT).temp().on(REX).build())).contains("REPLICA-DECEASED"), "2026.11 raised it");
        for (Technique t : PERSON_TECHNIQUES) {
            Flag f = flag(flags(use(t).fin().on(REX).build()), "REPLICA-DECEASED");
            assertEquals(List.of(Role.RIGHTS_HOLDER, Role.STUDIO_AI_CONTACT, Role.STUDIO_LEGAL), roles(f), t.name());
            assertEquals(REX.id(), f.signatures().get(0).subjectId());
        }
        assertTrue(labels(rule("REPLICA-DECEASED")).containsAll(Set.of("CA1836", "NY50F", "SAG2023", "SAG2026")));
        assertTrue(rule("REPLICA-DECEASED").explanation().contains("union where there is none"));
    }

    @Test
    void replicaDeceased_coversDeceasedPeopleOutsideTheCast() {
        // A historical figure's face replaced onto a living body double: the double is in the cast, the figure is not.
        List<Flag> raised = flags(use(FACE_BODY_REPLACEMENT).fin().on(ZOE).with(DECEASED_PERSON_OUTSIDE_CAST).build());
        Flag f = flag(raised, "REPLICA-DECEASED");
        RequiredSignature estate = f.signatures().get(0);
        assertEquals(Role.RIGHTS_HOLDER, estate.role());
        assertNull(estate.subjectId(), "no cast row: one signature on the deceased person's behalf");
        assertTrue(estate.who().contains("deceased person outside the cast"), estate.who());
        assertTrue(roles(f).containsAll(List.of(Role.STUDIO_AI_CONTACT, Role.STUDIO_LEGAL)));
        // With only the outside person, nobody in the cast is named, yet somebody is: not the "names nobody" flag.
        List<Flag> alone = flags(use(DIGITAL_REPLICA).fin().with(DECEASED_PERSON_OUTSIDE_CAST).build());
        assertTrue(ids(alone).contains("REPLICA-DECEASED"));
        assertFalse(ids(alone).contains("PERSON-UNNAMED"));
    }

    @Test
    void replicaReuse_coversPitchesConceptsAndOtherProductions() {
        Flag f = flag(flags(use(DIGITAL_REPLICA).temp().on(ZOE).with(PERFORMER_TOOK_PART, USED_OUTSIDE_PRODUCTION).build()), "REPLICA-REUSE");
        assertTrue(f.blocking());
        assertEquals(List.of(Role.PERFORMER, Role.STUDIO_LEGAL, Role.STUDIO_AI_CONTACT), roles(f));
        assertTrue(f.reason().contains("used in a pitch, concept or another production"), f.reason());
        assertTrue(ids(flags(use(VOICE_SYNTHESIS).temp().on(ZOE).with(BEYOND_CONSENT_SCOPE).build())).contains("REPLICA-REUSE"),
                "the old trigger still holds");
    }

    @Test
    void synthCrowd_scansOfRealBackgroundActorsBlockUntilTheyConsentAndArePaid() {
        Flag f = flag(flags(use(SYNTHETIC_CROWD).fin().with(BUILT_FROM_BACKGROUND_SCANS).build()), "SYNTH-CROWD-SCANS");
        assertTrue(f.blocking());
        assertTrue(roles(f).containsAll(List.of(Role.CASTING, Role.STUDIO_AI_CONTACT)));
        assertFalse(ids(flags(use(SYNTHETIC_CROWD).fin().with(BUILT_FROM_BACKGROUND_SCANS).build())).contains("SYNTH-CROWD"));
    }

    @Test
    void synthCrowd_aFullySyntheticCrowdNeedsUnionNoticeAndTheStudioAiContact() {
        Flag f = flag(flags(use(SYNTHETIC_CROWD).fin().build()), "SYNTH-CROWD");
        assertFalse(f.blocking());
        assertTrue(roles(f).containsAll(List.of(Role.UNION_NOTICE, Role.STUDIO_AI_CONTACT)));
    }

    @Test
    void discloseDeepfake_everyRealisticDepictionOfARealPersonInTheFinalCut_signedByTheDeployer() {
        List<AiUse> depictions = List.of(use(DIGITAL_REPLICA).fin().on(ZOE).build(), use(DE_AGING).fin().on(ZOE).build(),
                use(FACE_BODY_REPLACEMENT).fin().on(ZOE, ADA).build(), use(VOICE_SYNTHESIS).fin().on(ZOE).build(),
                use(PERFORMANCE_ALTERATION).fin().on(ZOE).build(), use(SYNTHETIC_PERFORMER).fin().with(BUILT_FROM_REAL_PERSON).build(),
                use(DIGITAL_REPLICA).fin().with(DECEASED_PERSON_OUTSIDE_CAST).build());
        for (AiUse u : depictions) {
            Flag f = flag(flags(u), "DISCLOSE-DEEPFAKE");
            assertEquals(List.of(Role.STUDIO_LEGAL, Role.STUDIO_AI_CONTACT), roles(f), u.technique().name());
            // 2026.11 needed "could pass as real" ticked.
            assertFalse(ids(flags(P11, Genre.FICTION, u)).contains("DISCLOSE-DEEPFAKE"), u.technique().name());
        }
        assertFalse(rule("DISCLOSE-DEEPFAKE").mustSign().contains(Role.DISTRIBUTOR), "the deployer discloses, not the distributor");
        assertFalse(ids(flags(use(DE_AGING).temp().on(ZOE).build())).contains("DISCLOSE-DEEPFAKE"), "not in the final cut");
        assertFalse(ids(flags(use(PERFORMANCE_ALTERATION).fin().on(ZOE).with(ALTERATION_EXEMPT).build())).contains("DISCLOSE-DEEPFAKE"),
                "noise reduction on a take is no deep fake");
        assertTrue(ids(flags(use(GENERATIVE_VFX).fin().with(COULD_PASS_AS_REAL).build())).contains("DISCLOSE-DEEPFAKE"));
    }

    @Test
    void misleadingReal_appliesInAnyGenreWhenRealPeopleEventsOrStatementsAreFabricated() {
        AiUse fakeNews = use(GENERATIVE_VFX).fin().with(FABRICATES_REAL).build();
        assertTrue(flag(flags(P12, Genre.FICTION, fakeNews), "MISLEADING-REAL").blocking());
        assertTrue(ids(flags(P12, Genre.DOCUMENTARY, fakeNews)).contains("MISLEADING-REAL"));
        assertFalse(ids(flags(P11, Genre.FICTION, fakeNews)).contains("MISLEADING-REAL"), "2026.11 looked at documentaries only");
        assertTrue(ids(flags(P12, Genre.DOCUMENTARY, use(GENERATIVE_VFX).temp().with(COULD_PASS_AS_REAL).build())).contains("MISLEADING-REAL"));
    }

    @Test
    void wardrobeAndMakeupConcepts_getBlockingFinalVariants() {
        Flag wardrobe = flag(flags(use(WARDROBE_CONCEPT).fin().build()), "WARDROBE-CONCEPT-FINAL");
        Flag makeup = flag(flags(use(MAKEUP_CONCEPT).fin().on(ZOE).build()), "MAKEUP-CONCEPT-FINAL");
        assertTrue(wardrobe.blocking() && makeup.blocking());
        assertEquals(List.of(Role.COSTUME_DESIGNER, Role.STUDIO_AI_CONTACT), roles(wardrobe));
        assertEquals(List.of(Role.MAKEUP_HAIR_HEAD, Role.STUDIO_AI_CONTACT), roles(makeup));
        assertFalse(ids(flags(use(WARDROBE_CONCEPT).fin().build())).contains("WARDROBE-CONCEPT"), "the advisory one is for temporary concepts");
    }

    @Test
    void provenance_citesEuAiActArticle50_2AndC2pa_andStaysAdvisory() {
        Rule r = rule("PROVENANCE");
        assertEquals(Severity.ADVISORY, r.severity());
        assertTrue(labels(r).containsAll(Set.of("EUAI", "C2PA")));
        assertFalse(labels(r).contains("NFX"), "Netflix's guidance does not mention provenance");
        assertTrue(r.sources().stream().filter(s -> s.label().equals("EUAI")).findFirst().orElseThrow().document().contains("50(2)"));
        assertTrue(labels(r).contains("EUCOP"), "the Commission's Code of Practice on marking and labelling");
    }

    @Test
    void alterPerformance_usesSagsExemptionList_andLabelsTheEditorAHouseRule() {
        assertTrue(ids(flags(use(PERFORMANCE_ALTERATION).fin().on(ZOE).build())).contains("ALTER-PERFORMANCE"));
        assertFalse(ids(flags(use(PERFORMANCE_ALTERATION).fin().on(ZOE).with(ALTERATION_EXEMPT).build())).contains("ALTER-PERFORMANCE"));
        String exempt = ALTERATION_EXEMPT.label();
        for (String item : List.of("cosmetics", "wardrobe", "noise reduction", "timing or speed", "continuity", "pitch or tone",
                "effects or filters", "standards and practices", "ratings", "dialogue or narration")) {
            assertTrue(exempt.contains(item), item);
        }
        assertFalse(exempt.toLowerCase().contains("colour"), "colour is not on SAG-AFTRA's list");
        Rule r = rule("ALTER-PERFORMANCE");
        assertTrue(r.mustSign().contains(Role.EDITOR));
        assertTrue(labels(r).contains("HOUSE"), "the editor's signature is labelled a house rule");
        assertTrue(r.explanation().contains("house rule"));
    }

    @Test
    void scriptGen_recordsTheCompanysConsentWhenAWriterChoosesAi_andNeverRequiresIt() {
        Flag f = flag(flags(use(SCRIPT_GENERATION).temp().build()), "SCRIPT-GEN");
        assertEquals(List.of(Role.WRITER, Role.STUDIO_LEGAL, Role.STUDIO_AI_CONTACT), roles(f));
        String why = rule("SCRIPT-GEN").explanation();
        assertTrue(why.contains("company's consent") && why.contains("never require"), why);
    }

    @Test
    void newTechnique_aiGeneratedPropsAndGraphicsNeedLegalClearance() {
        assertTrue(PROPS_GRAPHICS.label().contains("news clippings"));
        for (ProductionBuilder.Use u : List.of(use(PROPS_GRAPHICS).temp(), use(PROPS_GRAPHICS).fin())) {
            Flag f = flag(flags(u.build()), "PROPS-GRAPHICS");
            assertTrue(f.blocking());
            assertTrue(roles(f).contains(Role.STUDIO_LEGAL));
        }
    }

    @Test
    void iatse_hasNoPerUseUnionNotice() {
        assertFalse(rule("VFX-REPLACES-PRACTICAL").mustSign().contains(Role.UNION_NOTICE));
        assertTrue(P11.rule("VFX-REPLACES-PRACTICAL").orElseThrow().mustSign().contains(Role.UNION_NOTICE), "2026.11 asked for one");
    }

    @Test
    void sag_2023TermsForWorkBeforeJuly2026_2026TermsAfter_andWhatWasRead() {
        Source sag23 = rule("DEAGE-PERFORMER").sources().stream().filter(s -> s.label().equals("SAG2023")).findFirst().orElseThrow();
        Source sag26 = rule("DEAGE-PERFORMER").sources().stream().filter(s -> s.label().equals("SAG2026")).findFirst().orElseThrow();
        assertTrue(sag23.document().contains("2023 TV/Theatrical Agreement"));
        assertTrue(sag26.document().contains("2026 TV/Theatrical Agreement"));
        assertEquals(LocalDate.of(2026, 6, 30), sag23.appliesUntil());
        assertEquals(LocalDate.of(2026, 7, 1), sag26.appliesFrom());
        assertEquals(LocalDate.of(2030, 6, 30), sag26.appliesUntil());
        assertTrue(sag23.appliesOn(LocalDate.of(2026, 6, 30)) && !sag23.appliesOn(LocalDate.of(2026, 7, 1)));
        assertTrue(sag26.appliesOn(LocalDate.of(2026, 7, 1)) && !sag26.appliesOn(LocalDate.of(2026, 6, 30)));
        assertEquals(Source.Checked.PRIMARY_TEXT, sag23.checked());
        assertEquals(Source.Checked.SUMMARY_ONLY, sag26.checked(), "the 2026 terms were read from summaries only");
        Source euai = rule("DISCLOSE-DEEPFAKE").sources().get(0);
        assertEquals(LocalDate.of(2026, 8, 2), euai.appliesFrom());
    }

    @Test
    void everyRuleCitesAtLeastOneCheckedSource_andEverySourceSaysWhatWasRead() {
        for (Rule r : P12.rules()) {
            assertTrue(r.sources().stream().anyMatch(s -> s.checked() == Source.Checked.PRIMARY_TEXT), r.id());
            for (Source s : r.sources()) assertNotEquals(Source.Checked.NOT_STATED, s.checked(), r.id() + " " + s.label());
        }
        // 2026.11 said nothing about what was read: it reads, and says so.
        assertTrue(P11.rules().stream().flatMap(r -> r.sources().stream()).allMatch(s -> s.checked() == Source.Checked.NOT_STATED));
    }

    @Test
    void ab2602_isAContractRule_notASignOffDuty() {
        // No rule turns on AB 2602 alone, and it is cited for what it is: Labor Code 927, performances from 2025.
        for (Rule r : P12.rules()) {
            assertFalse(labels(r).equals(Set.of("CA2602")), r.id());
        }
        Source ca = rule("REPLICA-EMPLOYMENT").sources().stream().filter(s -> s.label().equals("CA2602")).findFirst().orElseThrow();
        assertTrue(ca.document().contains("Labor Code section 927"));
        assertEquals(LocalDate.of(2025, 1, 1), ca.appliesFrom());
    }
}
