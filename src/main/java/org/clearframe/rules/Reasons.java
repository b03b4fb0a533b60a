package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Factor;
import org.clearframe.model.Genre;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain-words reason a rule applies to one AI use: what is planned, on whom, and the facts the rule turned on,
 * e.g. "Digital replica of Zoë Niño (Elena) in the final cut: made without the performer taking part".
 */
final class Reasons {

    private Reasons() {}

    static String of(Rule rule, AiUse use, List<CastMember> performers, Genre genre) {
        return of(rule, use, performers, genre, what(use, performers));
    }

    /** The reason, given {@code what} = {@link #what} of the use, which is the same for every rule it raises. */
    static String of(Rule rule, AiUse use, List<CastMember> performers, Genre genre, String what) {
        List<String> because = because(rule.when(), use, performers, genre);
        return because.isEmpty() ? what : what + ": " + String.join("; ", because);
    }

    /** What is planned, on whom, and where it ends up: "De-aging of Zoë Niño (Elena) in the final cut". */
    static String what(AiUse use, List<CastMember> performers) {
        StringBuilder b = new StringBuilder(noun(use.technique()));
        if (!performers.isEmpty()) b.append(' ').append(preposition(use.technique())).append(' ').append(names(performers));
        b.append(use.output() == Output.FINAL ? " in the final cut" : " for temporary use");
        return b.toString();
    }

    private static List<String> because(Trigger when, AiUse use, List<CastMember> performers, Genre genre) {
        List<String> out = new ArrayList<>(4);
        if (Boolean.FALSE.equals(when.performerAffected())) out.add("names no performer");
        if (when.factors() != null) {
            for (Factor f : when.factors()) out.add(yes(f));
        }
        if (when.notFactors() != null) {
            for (Factor f : when.notFactors()) out.add(no(f));
        }
        if (Boolean.TRUE.equals(when.performerDeceased())) {
            List<CastMember> dead = performers.stream().filter(CastMember::deceased).toList();
            out.add(names(dead) + (dead.size() == 1 ? " is" : " are") + " deceased");
        }
        if (when.performerUnion() != null) {
            for (CastMember p : performers) {
                if (when.performerUnion().contains(p.unionMember())) out.add(union(p));
            }
        }
        String tool = use.tool().isBlank() ? "the tool" : use.tool();
        if (when.uploads() != null) {
            List<String> sent = new ArrayList<>();
            for (Material m : when.uploads()) {
                if (use.uploads().contains(m)) sent.add(material(m));
            }
            out.add("uploads " + join(sent) + " to " + tool);
        }
        if (when.vendorTrains() != null) {
            out.add(switch (use.vendorTrains()) {
                case YES -> tool + " may train on what is uploaded";
                case NO -> tool + " does not train on what is uploaded";
                case UNKNOWN -> "nobody has confirmed that " + tool + " does not train on what is uploaded";
            });
        }
        if (when.genre() != null) out.add(genre == Genre.DOCUMENTARY ? "in a documentary or factual work" : "in a work of fiction");
        Trigger alternative = when.alternative(use, performers, genre);
        if (alternative != null) out.addAll(because(alternative, use, performers, genre));
        return out;
    }

    private static String noun(Technique t) {
        return switch (t) {
            case GENERATIVE_VFX -> "Generative VFX";
            case DESTRUCTION_SIMULATION -> "AI destruction or simulation";
            case DE_AGING -> "De-aging";
            case FACE_BODY_REPLACEMENT -> "Face or body replacement";
            case DIGITAL_REPLICA -> "Digital replica";
            case PERFORMANCE_ALTERATION -> "AI alteration of the performance";
            case VOICE_SYNTHESIS -> "Voice synthesis";
            case SYNTHETIC_PERFORMER -> "Synthetic performer";
            case SYNTHETIC_CROWD -> "AI crowd or background";
            case SET_CONCEPT -> "AI set or environment concept";
            case WARDROBE_CONCEPT -> "AI wardrobe concept";
            case MAKEUP_CONCEPT -> "AI makeup concept";
            case STORYBOARD_PREVIS -> "AI storyboard or previs";
            case SCRIPT_GENERATION -> "AI-generated script material";
            case PROPS_GRAPHICS -> "AI-generated prop or graphic";
            case OTHER -> "AI use";
        };
    }

    private static String preposition(Technique t) {
        return switch (t) {
            case DE_AGING, FACE_BODY_REPLACEMENT, DIGITAL_REPLICA, PERFORMANCE_ALTERATION, VOICE_SYNTHESIS -> "of";
            case WARDROBE_CONCEPT, MAKEUP_CONCEPT -> "for";
            default -> "involving";
        };
    }

    private static String yes(Factor f) {
        return switch (f) {
            case PERFORMER_TOOK_PART -> "the performer takes part in making it";
            case BEYOND_CONSENT_SCOPE -> "used beyond the project or scenes consent was given for";
            case REPLACES_PRACTICAL -> "replaces a planned practical effect, stunt or miniature";
            case REPLACES_HUMAN_ROLE -> "replaces a human performer in a speaking or featured role";
            case BUILT_FROM_REAL_PERSON -> "built from the recognisable features of a real person";
            case KEY_CREATIVE -> "generates a key story element, main character or central visual design";
            case REFERENCES_PROTECTED_WORK -> "references a copyrighted work, an artist's style or a public figure";
            case COULD_PASS_AS_REAL -> "could be taken as real footage of real people or events";
            case DECEASED_PERSON_OUTSIDE_CAST -> "reproduces a deceased person who is not in the cast";
            case USED_OUTSIDE_PRODUCTION -> "used in a pitch, concept or another production";
            case BUILT_FROM_BACKGROUND_SCANS -> "built from scans of real background actors";
            case FABRICATES_REAL -> "fabricates real people, events or statements";
            case ALTERATION_EXEMPT -> "only a change SAG-AFTRA exempts";
        };
    }

    private static String no(Factor f) {
        return switch (f) {
            case PERFORMER_TOOK_PART -> "made without the performer taking part";
            case BEYOND_CONSENT_SCOPE -> "within the scope of the consent given";
            case REPLACES_PRACTICAL -> "does not replace a practical effect";
            case REPLACES_HUMAN_ROLE -> "does not replace a human performer";
            case BUILT_FROM_REAL_PERSON -> "not built from a real person's features";
            case KEY_CREATIVE -> "not a key creative element";
            case REFERENCES_PROTECTED_WORK -> "references no protected work";
            case COULD_PASS_AS_REAL -> "could not be taken as real footage";
            case DECEASED_PERSON_OUTSIDE_CAST -> "no deceased person outside the cast is named";
            case USED_OUTSIDE_PRODUCTION -> "used only in this production";
            case BUILT_FROM_BACKGROUND_SCANS -> "fully synthetic, not built from scans of background actors";
            case FABRICATES_REAL -> "fabricates no real people, events or statements";
            case ALTERATION_EXEMPT -> "not marked as only a change SAG-AFTRA exempts";
        };
    }

    private static String material(Material m) {
        return switch (m) {
            case PRODUCTION_MATERIAL -> "production material";
            case LIKENESS_OR_VOICE -> "a performer's likeness or voice";
            case PERSONAL_DATA -> "personal data";
        };
    }

    private static String union(CastMember p) {
        String who = who(p);
        return p.unionMember() == Tristate.YES ? who + " is a union member"
                : p.unionMember() == Tristate.NO ? who + " is not a union member"
                : "it is not known whether " + who + " is a union member";
    }

    static String who(CastMember p) {
        return p.performer().isBlank() && p.character().isBlank() ? "an unnamed performer" : p.display();
    }

    private static String names(List<CastMember> people) {
        return join(people.stream().map(Reasons::who).toList());
    }

    private static String join(List<String> parts) {
        if (parts.isEmpty()) return "";
        if (parts.size() == 1) return parts.get(0);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
