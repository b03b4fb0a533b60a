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
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * When a rule applies to one AI use. Every key that is present must hold; a list is satisfied when any of its
 * values matches. An absent key (null) does not restrict. A trigger with no keys applies to every AI use.
 *
 * <p>Deliberately small: a producer or a studio lawyer edits these by hand in the policy file, so there is no
 * nesting beyond one level. {@code anyOf} lists alternative situations of one rule (a rule keeps one id, so its
 * sign-offs stay together): at least one alternative must hold besides the other keys. An alternative cannot
 * itself hold {@code anyOf}. The one negation, {@code notFactors}, exists because consent law turns on whether
 * the performer took part.
 *
 * @param technique          the AI use's technique is one of these
 * @param output             the output is in the final deliverable, or temporary
 * @param performerAffected  true: the use names at least one performer; false: it names none
 * @param performerDeceased  true: some named performer is deceased; false: none is
 * @param performerUnion     some named performer's union membership is one of these
 * @param factors            every one of these facts is set on the use
 * @param notFactors         none of these facts is set on the use
 * @param uploads            at least one of these materials is uploaded to the tool
 * @param vendorTrains       whether the vendor may train on uploads is one of these answers
 * @param genre              the production's genre is one of these
 * @param anyOf              at least one of these alternative triggers holds (policy format 2)
 */
public record Trigger(List<Technique> technique, Output output, Boolean performerAffected, Boolean performerDeceased,
                      List<Tristate> performerUnion, List<Factor> factors, List<Factor> notFactors,
                      List<Material> uploads, List<Tristate> vendorTrains, List<Genre> genre,
                      List<Trigger> anyOf) {

    private static final Trigger ALWAYS = new Trigger(null, null, null, null, null, null, null, null, null, null, null);

    public Trigger {
        technique = copy(technique);
        performerUnion = copy(performerUnion);
        factors = copy(factors);
        notFactors = copy(notFactors);
        uploads = copy(uploads);
        vendorTrains = copy(vendorTrains);
        genre = copy(genre);
        anyOf = copy(anyOf);
    }

    /** A trigger as policy format 1 wrote it, without alternatives. */
    public Trigger(List<Technique> technique, Output output, Boolean performerAffected, Boolean performerDeceased,
                   List<Tristate> performerUnion, List<Factor> factors, List<Factor> notFactors,
                   List<Material> uploads, List<Tristate> vendorTrains, List<Genre> genre) {
        this(technique, output, performerAffected, performerDeceased, performerUnion, factors, notFactors, uploads,
                vendorTrains, genre, null);
    }

    /** A trigger with no conditions: it applies to every AI use. */
    public static Trigger always() {
        return ALWAYS;
    }

    /**
     * True when this trigger holds for {@code use}. {@code performers} are the cast members the use names
     * (resolved by the caller), {@code genre} the production's.
     */
    public boolean matches(AiUse use, List<CastMember> performers, Genre genre) {
        // Plain loops, not streams: this runs for every AI use times every rule, 70,000 times on a large production.
        if (technique != null && !technique.contains(use.technique())) return false;
        if (output != null && output != use.output()) return false;
        if (performerAffected != null && performerAffected == use.performerIds().isEmpty()) return false;
        if (performerDeceased != null && performerDeceased != anyDeceased(performers)) return false;
        if (performerUnion != null && !anyUnion(performers)) return false;
        if (factors != null && !use.factors().containsAll(factors)) return false;
        if (notFactors != null && containsAny(use.factors(), notFactors)) return false;
        if (uploads != null && !containsAny(use.uploads(), uploads)) return false;
        if (vendorTrains != null && !vendorTrains.contains(use.vendorTrains())) return false;
        if (this.genre != null && !this.genre.contains(genre)) return false;
        return anyOf == null || alternative(use, performers, genre) != null;
    }

    /** The first alternative of {@code anyOf} that holds, or null (also when there are no alternatives). */
    Trigger alternative(AiUse use, List<CastMember> performers, Genre genre) {
        if (anyOf == null) return null;
        for (Trigger t : anyOf) {
            if (t != null && t.matches(use, performers, genre)) return t;
        }
        return null;
    }

    private static boolean anyDeceased(List<CastMember> performers) {
        for (CastMember p : performers) {
            if (p.deceased()) return true;
        }
        return false;
    }

    private boolean anyUnion(List<CastMember> performers) {
        for (CastMember p : performers) {
            if (performerUnion.contains(p.unionMember())) return true;
        }
        return false;
    }

    private static <T> boolean containsAny(Set<T> set, List<T> values) {
        for (T v : values) {
            if (set.contains(v)) return true;
        }
        return false;
    }

    private static <T> List<T> copy(List<T> values) {
        // Jackson hands over lists that may hold nulls; the policy reader reports those, so keep them for it to see.
        return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
    }
}
