package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.ConsentKind;
import org.clearframe.model.Factor;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Whether the consent on record covers each AI use that reproduces or alters a person. Pure: computed from the
 * production's consents every time, never ticked by hand.
 *
 * <p>What each technique needs, as the unions separate consent: a replica (or a synthetic performer built from a real
 * person) needs a consent to <em>create</em> it and a consent to <em>use</em> it; de-aging, face or body replacement and
 * an alteration of a performance (other than one SAG-AFTRA exempts) need a consent to use; voice synthesis needs a voice
 * consent. A consent counts for a use only when all of these hold, checked in this order:
 * <ol>
 * <li>it concerns this cast member and, for a living one, was given by the person who plays the part now (a recast
 *     part needs the new performer's consent; a deceased performer's is given by the estate or rights holder);</li>
 * <li>it was given for this production;</li>
 * <li>it has not been withdrawn;</li>
 * <li>it is {@linkplain #specific specific};</li>
 * <li>the use lies inside it: its shot, or its shot's scene, is named, and its technique is named.</li>
 * </ol>
 * When none counts, the reason given is the one from the consent that came closest (got furthest down the list).
 */
public final class ConsentCoverage {

    /** Why a use is not covered, in the order of the checks above. */
    public enum Gap {
        NO_CONSENT("no consent on record"),
        GIVEN_BY_SOMEONE_ELSE("the consent on record was given by someone else"),
        OTHER_PRODUCTION("the consent was given for another production"),
        WITHDRAWN("the consent was withdrawn"),
        NOT_SPECIFIC("the consent does not describe this use specifically"),
        OUTSIDE_SCOPE("the use lies outside the scenes, shots or techniques the consent covers");

        private final String label;
        Gap(String label) { this.label = label; }
        public String label() { return label; }
    }

    /**
     * One consent a use needs from one person: covered by {@code consent}, or not ({@code consent} null) because of
     * {@code gap}, explained in {@code why}.
     */
    public record Coverage(UUID shotId, AiUse use, UUID castId, String person, ConsentKind kind, Consent consent, Gap gap, String why) {
        public boolean covered() {
            return consent != null;
        }
    }

    /** Blanket wording that makes a description anything but specific (compared in lower case). */
    static final List<String> BLANKET = List.of("any and all", "all uses", "any use", "any purpose", "all purposes", "any media",
            "all media", "in perpetuity", "perpetual", "throughout the universe", "now known or hereafter", "hereafter devised",
            "without limitation", "unlimited", "any project", "any production", "future productions");

    /** A description shorter than this many words cannot say which use, where and how. */
    static final int MIN_WORDS = 8;

    private ConsentCoverage() {}

    /** The consent kinds {@code use} needs from each person it names; empty when it reproduces or alters nobody. */
    public static List<ConsentKind> needs(AiUse use) {
        Technique t = use.technique();
        return switch (t) {
            case DIGITAL_REPLICA -> List.of(ConsentKind.CREATE_REPLICA, ConsentKind.USE_REPLICA_OR_ALTERATION);
            case SYNTHETIC_PERFORMER -> use.has(Factor.BUILT_FROM_REAL_PERSON)
                    ? List.of(ConsentKind.CREATE_REPLICA, ConsentKind.USE_REPLICA_OR_ALTERATION) : List.of();
            case DE_AGING, FACE_BODY_REPLACEMENT -> List.of(ConsentKind.USE_REPLICA_OR_ALTERATION);
            case PERFORMANCE_ALTERATION -> use.has(Factor.ALTERATION_EXEMPT) ? List.of() : List.of(ConsentKind.USE_REPLICA_OR_ALTERATION);
            case VOICE_SYNTHESIS -> List.of(ConsentKind.VOICE);
            default -> List.of();
        };
    }

    /** Every consent every AI use of the production needs, in shot order, then use order, then person, then kind. */
    public static List<Coverage> of(ProductionData data) {
        Map<UUID, CastMember> cast = ProductionData.index(data.cast(), CastMember::id);
        List<Coverage> out = new ArrayList<>();
        for (Shot shot : data.shots()) out.addAll(of(data, cast, shot));
        return out;
    }

    /** The consents the AI uses of one shot need. */
    public static List<Coverage> of(ProductionData data, Shot shot) {
        return of(data, ProductionData.index(data.cast(), CastMember::id), shot);
    }

    static List<Coverage> of(ProductionData data, Map<UUID, CastMember> cast, Shot shot) {
        List<Coverage> out = new ArrayList<>();
        for (AiUse use : shot.aiUses()) {
            List<ConsentKind> kinds = needs(use);
            if (kinds.isEmpty()) continue;
            for (UUID castId : use.performerIds()) {
                CastMember member = cast.get(castId);
                for (ConsentKind kind : kinds) out.add(cover(data, shot, use, castId, member, kind));
            }
        }
        return out;
    }

    private static Coverage cover(ProductionData data, Shot shot, AiUse use, UUID castId, CastMember member, ConsentKind kind) {
        String person = member == null ? "a performer no longer in the cast list" : member.performer();
        if (member == null) return gap(shot, use, castId, person, kind, Gap.NO_CONSENT, "no consent: " + person);
        Gap best = null;
        String bestWhy = "";
        for (Consent c : data.consents()) {
            if (c.kind() != kind || !castId.equals(c.castId())) continue;
            Gap g = check(data, shot, use, member, c);
            if (g == null) {
                return new Coverage(shot.id(), use, castId, person, kind, c, null, "covered by the consent given " + given(c));
            }
            if (best == null || g.ordinal() > best.ordinal()) {
                best = g;
                bestWhy = explain(g, c, member, use);
            }
        }
        if (best == null) {
            best = Gap.NO_CONSENT;
            bestWhy = "no consent to " + lower(kind) + " from " + person;
        }
        if (use.has(Factor.BEYOND_CONSENT_SCOPE)) {
            bestWhy += " (marked by hand in an earlier version as beyond the scope of the consent given: record the consent that covers it)";
        }
        return gap(shot, use, castId, person, kind, best, bestWhy);
    }

    private static Coverage gap(Shot shot, AiUse use, UUID castId, String person, ConsentKind kind, Gap gap, String why) {
        return new Coverage(shot.id(), use, castId, person, kind, null, gap, why);
    }

    /** The first check {@code c} fails for {@code use}, or null when it covers it. */
    static Gap check(ProductionData data, Shot shot, AiUse use, CastMember member, Consent c) {
        if (!member.deceased() && !Names.same(c.givenBy(), member.performer())) return Gap.GIVEN_BY_SOMEONE_ELSE;
        if (member.deceased() && Names.normalise(c.givenBy()).isEmpty()) return Gap.GIVEN_BY_SOMEONE_ELSE;
        if (!c.productionId().equals(data.production().id())) return Gap.OTHER_PRODUCTION;
        if (c.withdrawn()) return Gap.WITHDRAWN;
        if (!specific(c)) return Gap.NOT_SPECIFIC;
        boolean place = c.shotIds().contains(shot.id()) || c.sceneIds().contains(shot.sceneId());
        if (!place || !c.techniques().contains(use.technique())) return Gap.OUTSIDE_SCOPE;
        return null;
    }

    /**
     * Conservatively, a consent is specific only when it names where (at least one scene or shot), how (at least one
     * technique) and why (a purpose), and its description as given runs to at least {@value #MIN_WORDS} words without
     * blanket wording ({@link #BLANKET}: "any and all uses", "in perpetuity", "now known or hereafter devised", ...).
     */
    public static boolean specific(Consent c) {
        if (c.sceneIds().isEmpty() && c.shotIds().isEmpty()) return false;
        if (c.techniques().isEmpty() || c.purpose().isBlank()) return false;
        String text = c.description().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        if (text.isEmpty() || text.split(" ").length < MIN_WORDS) return false;
        for (String phrase : BLANKET) if (text.contains(phrase)) return false;
        return true;
    }

    private static String explain(Gap g, Consent c, CastMember member, AiUse use) {
        return switch (g) {
            case GIVEN_BY_SOMEONE_ELSE -> member.deceased()
                    ? "the consent to " + lower(c.kind()) + " names nobody who gave it for " + member.performer()
                    : "the consent on record was given by " + quoted(c.givenBy()) + ", but the part is now played by " + member.performer();
            case OTHER_PRODUCTION -> member.performer() + "'s consent given " + given(c) + " was for another production";
            case WITHDRAWN -> member.performer() + " withdrew the consent given " + given(c) + " on " + c.withdrawnOn();
            case NOT_SPECIFIC -> member.performer() + "'s consent given " + given(c) + " does not describe the use specifically "
                    + "(it must name the scenes or shots, the techniques and the purpose, in a description without blanket terms)";
            case OUTSIDE_SCOPE -> "this " + use.technique().label().toLowerCase(Locale.ROOT) + " lies outside the scenes, shots or "
                    + "techniques of " + member.performer() + "'s consent given " + given(c);
            case NO_CONSENT -> "no consent from " + member.performer();
        };
    }

    private static String given(Consent c) {
        return c.givenOn() == null ? "(undated)" : "on " + c.givenOn();
    }

    private static String quoted(String s) {
        return s.isBlank() ? "nobody named" : s;
    }

    private static String lower(ConsentKind kind) {
        return switch (kind) {
            case CREATE_REPLICA -> "create a digital replica";
            case USE_REPLICA_OR_ALTERATION -> "use a replica or alter the performance";
            case VOICE -> "synthesise the voice";
        };
    }
}
