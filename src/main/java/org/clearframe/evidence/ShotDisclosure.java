package org.clearframe.evidence;

import org.clearframe.model.AiUse;
import org.clearframe.model.Factor;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One line of the shot disclosure map: how far AI reaches into what the audience sees or hears in this shot, and
 * whether the audience must be told.
 *
 * <p>Generative: an AI use whose output is in the final deliverable and makes or replaces picture or sound. Assistive:
 * AI was used only for temporary material (concept, previs) or for a change SAG-AFTRA exempts (cosmetic, timing,
 * noise). Disclosure is marked required under EU AI Act Article 50(4) when generated content depicts a real person or
 * could be taken for real footage ("deep fake"); for an evidently artistic or fictional work the duty is to disclose
 * in a way that does not spoil the work, such as the end credits. This is guidance from the plan, not legal advice.
 */
record ShotDisclosure(Scene scene, Shot shot, Level level, Integer framePercent, boolean realPerson, boolean disclosureRequired,
                      String wording) {

    enum Level {
        NO_AI("No AI"), ASSISTIVE("Assistive"), GENERATIVE("Generative");

        final String label;

        Level(String label) {
            this.label = label;
        }
    }

    /** Techniques whose final output puts a person's likeness or voice on screen. */
    private static final Set<Technique> LIKENESS = EnumSet.of(Technique.DE_AGING, Technique.FACE_BODY_REPLACEMENT,
            Technique.DIGITAL_REPLICA, Technique.PERFORMANCE_ALTERATION, Technique.VOICE_SYNTHESIS);
    /** Techniques that only ever make working material, whatever the output says. */
    private static final Set<Technique> WORKING_MATERIAL = EnumSet.of(Technique.SET_CONCEPT, Technique.WARDROBE_CONCEPT,
            Technique.MAKEUP_CONCEPT, Technique.STORYBOARD_PREVIS, Technique.SCRIPT_GENERATION);

    static ShotDisclosure of(Shot shot, Scene scene) {
        if (!shot.hasAiUse()) return new ShotDisclosure(scene, shot, Level.NO_AI, null, false, false, "");
        boolean generative = false, real = false, passesAsReal = false, voice = false;
        Integer share = null;
        for (AiUse u : shot.aiUses()) {
            boolean onScreen = u.output() == Output.FINAL && !WORKING_MATERIAL.contains(u.technique()) && !u.has(Factor.ALTERATION_EXEMPT);
            if (!onScreen) continue;
            generative = true;
            if (u.frameSharePercent() != null) share = share == null ? u.frameSharePercent() : Math.max(share, u.frameSharePercent());
            boolean likeness = LIKENESS.contains(u.technique()) && !u.performerIds().isEmpty();
            if (likeness || u.has(Factor.BUILT_FROM_REAL_PERSON) || u.has(Factor.DECEASED_PERSON_OUTSIDE_CAST)
                    || u.has(Factor.BUILT_FROM_BACKGROUND_SCANS)) real = true;
            if (u.has(Factor.COULD_PASS_AS_REAL) || u.has(Factor.FABRICATES_REAL)) passesAsReal = true;
            if (u.technique() == Technique.VOICE_SYNTHESIS) voice = true;
        }
        if (!generative) return new ShotDisclosure(scene, shot, Level.ASSISTIVE, null, false, false, "");
        boolean required = real || passesAsReal;
        return new ShotDisclosure(scene, shot, Level.GENERATIVE, share, real, required, wording(real, passesAsReal, voice));
    }

    private static String wording(boolean real, boolean passesAsReal, boolean voice) {
        String what = voice ? "images or voices" : "images";
        if (real && passesAsReal) return "This scene contains " + what + " of a real person created or altered with generative AI; "
                + "it does not show real events.";
        if (real) return "This scene contains " + what + " of a real person created or altered with generative AI, with their consent.";
        if (passesAsReal) return "This scene contains AI-generated " + what + " that may look like real footage; it does not show real events.";
        return "";
    }

    static java.util.List<ShotDisclosure> map(ProductionData data) {
        Map<UUID, Scene> scenes = ProductionData.index(data.scenes(), Scene::id);
        return data.shots().stream().map(s -> of(s, scenes.get(s.sceneId()))).toList();
    }

    String sceneNumber() {
        return scene == null ? "" : scene.number();
    }
}
