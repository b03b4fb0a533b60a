package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Factor;
import org.clearframe.model.Genre;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.model.Tristate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Applies a policy to shots: which rules each AI use raises, whose signatures they need, and where each
 * signature stands. Pure: reads its arguments, changes nothing, and gives the same flags for the same input,
 * in a stable order (the shot's AI uses in order, then the policy's rules in order).
 */
public final class Evaluator {

    private Evaluator() {}

    /** The flags of one shot of {@code data}. */
    public static List<Flag> evaluate(Policy policy, ProductionData data, Shot shot) {
        if (!shot.hasAiUse()) return List.of();
        Map<UUID, CastMember> cast = ProductionData.index(data.cast(), CastMember::id);
        return withChecks(policy, evaluate(policy, shot, cast, data.production().genre(), data.signOffsOf(shot.id())),
                data, cast, shot, data.signOffsOf(shot.id()));
    }

    /**
     * The flags of one shot from its own inputs only: {@code facts} (production, cast, scans, consents; its shots and
     * sign-offs are not read), the cast by id, and this shot's sign-offs. Same flags as {@link #evaluateAll} gives it.
     */
    static List<Flag> evaluate(Policy policy, ProductionData facts, Map<UUID, CastMember> cast, Shot shot, List<SignOff> signOffs) {
        if (!shot.hasAiUse()) return List.of();
        return withChecks(policy, evaluate(policy, shot, cast, facts.production().genre(), signOffs), facts, cast, shot, signOffs);
    }

    /** The policy's flags followed by the consent and performer-fact checks ({@link PerformerChecks}), which no policy turns off. */
    private static List<Flag> withChecks(Policy policy, List<Flag> policyFlags, ProductionData data, Map<UUID, CastMember> cast, Shot shot,
                                         List<SignOff> signOffs) {
        boolean policyAsksForNames = policy.rules().stream().anyMatch(r -> r.id().equals(PerformerChecks.PERSON_UNNAMED.id()));
        List<Flag> checks = PerformerChecks.flags(data, cast, shot, new Signed(shot, signOffs), !policyAsksForNames);
        if (checks.isEmpty()) return policyFlags;
        List<Flag> all = new ArrayList<>(policyFlags);
        all.addAll(checks);
        return Collections.unmodifiableList(all);
    }

    /** The flags of every shot, keyed by shot id in the production's shot order; shots without flags map to an empty list. */
    public static Map<UUID, List<Flag>> evaluateAll(Policy policy, ProductionData data) {
        Map<UUID, CastMember> cast = ProductionData.index(data.cast(), CastMember::id);
        Map<UUID, List<SignOff>> signOffs = new HashMap<>();
        for (SignOff s : data.signOffs()) signOffs.computeIfAbsent(s.shotId(), k -> new ArrayList<>()).add(s);
        Genre genre = data.production().genre();
        Map<UUID, List<Flag>> flags = new LinkedHashMap<>(data.shots().size() * 2);
        // a production repeats its AI uses from shot to shot, and so the reasons: each one kept once, not once per flag
        Map<String, String> reasons = new HashMap<>();
        for (Shot shot : data.shots()) {
            List<SignOff> signed = signOffs.getOrDefault(shot.id(), List.of());
            flags.put(shot.id(), shot.hasAiUse()
                    ? withChecks(policy, evaluate(policy, shot, cast, genre, signed, reasons), data, cast, shot, signed)
                    : List.of());
        }
        return Collections.unmodifiableMap(flags);
    }

    static List<Flag> evaluate(Policy policy, Shot shot, Map<UUID, CastMember> cast, Genre genre, List<SignOff> signOffs) {
        return evaluate(policy, shot, cast, genre, signOffs, null);
    }

    /** The policy's flags of one shot; {@code reasons} (if not null) holds the reasons given so far, so an equal one is kept once. */
    private static List<Flag> evaluate(Policy policy, Shot shot, Map<UUID, CastMember> cast, Genre genre, List<SignOff> signOffs,
                                       Map<String, String> reasons) {
        List<Flag> flags = new ArrayList<>(8);
        Signed signed = new Signed(shot, signOffs);
        for (AiUse use : shot.aiUses()) {
            List<CastMember> performers = performers(use, cast);
            String what = null;
            for (Rule rule : policy.rules()) {
                if (!rule.when().matches(use, performers, genre)) continue;
                if (what == null) what = Reasons.what(use, performers);
                String reason = Reasons.of(rule, use, performers, genre, what);
                if (reasons != null) reason = reasons.computeIfAbsent(reason, r -> r);
                flags.add(new Flag(rule, shot.id(), use, reason, signatures(rule, use, performers, signed)));
            }
        }
        return Collections.unmodifiableList(flags);
    }

    /** The use's performers as cast members; an id no longer in the cast still needs a signature, under a placeholder. */
    private static List<CastMember> performers(AiUse use, Map<UUID, CastMember> cast) {
        if (use.performerIds().isEmpty()) return List.of();
        List<CastMember> out = new ArrayList<>(use.performerIds().size());
        for (UUID id : use.performerIds()) {
            CastMember m = cast.get(id);
            out.add(m != null ? m : new CastMember(id, "Performer no longer in the cast list", "", Tristate.UNKNOWN, false));
        }
        return out;
    }

    /**
     * One signature per role in the rule's order. Person roles expand per named performer: PERFORMER for each
     * living one, and for a deceased one their estate (RIGHTS_HOLDER) instead, since the dead cannot sign;
     * RIGHTS_HOLDER for each deceased one. With nobody named, a person role asks for one unnamed signature.
     * A deceased person outside the cast (a fact on the use) has no cast row, so RIGHTS_HOLDER also asks for
     * one signature without a subject on their behalf.
     */
    static List<RequiredSignature> signatures(Rule rule, AiUse use, List<CastMember> performers, Signed signed) {
        List<RequiredSignature> out = new ArrayList<>(rule.mustSign().size() + performers.size());
        for (Role role : rule.mustSign()) {
            if (!role.perPerson()) {
                addOnce(out, role, null, "", rule, signed);
            } else if (performers.isEmpty()) {
                addOnce(out, role, null, "", rule, signed);
            } else {
                for (CastMember p : performers) {
                    if (role == Role.PERFORMER) addOnce(out, p.deceased() ? Role.RIGHTS_HOLDER : Role.PERFORMER, p.id(), p.performer(), rule, signed);
                    else if (role == Role.RIGHTS_HOLDER && p.deceased()) addOnce(out, role, p.id(), p.performer(), rule, signed);
                    else if (role != Role.PERFORMER && role != Role.RIGHTS_HOLDER) addOnce(out, role, p.id(), p.performer(), rule, signed);
                }
            }
            if (role == Role.RIGHTS_HOLDER && use.has(Factor.DECEASED_PERSON_OUTSIDE_CAST)) {
                addOnce(out, role, null, "deceased person outside the cast", rule, signed);
            }
        }
        return out;
    }

    private static void addOnce(List<RequiredSignature> out, Role role, UUID subjectId, String subjectName, Rule rule, Signed signed) {
        for (RequiredSignature s : out) {
            if (s.role() == role && Objects.equals(s.subjectId(), subjectId)) return;
        }
        SignOff latest = SignOffs.latest(signed.signOffs, signed.shot.id(), rule.id(), role, subjectId).orElse(null);
        out.add(new RequiredSignature(role, subjectId, subjectName, SignOffs.state(latest, latest == null ? null : signed.fingerprint(), subjectName), latest));
    }

    /** The shot's sign-offs, and its fingerprint computed only if some signature has a sign-off to compare. */
    static final class Signed {
        final Shot shot;
        final List<SignOff> signOffs;
        private String fingerprint;

        Signed(Shot shot, List<SignOff> signOffs) {
            this.shot = shot;
            this.signOffs = signOffs;
        }

        String fingerprint() {
            if (fingerprint == null) fingerprint = Fingerprint.of(shot);
            return fingerprint;
        }
    }
}
