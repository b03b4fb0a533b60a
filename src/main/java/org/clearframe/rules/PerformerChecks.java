package org.clearframe.rules;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Factor;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Representation;
import org.clearframe.model.Role;
import org.clearframe.model.Scan;
import org.clearframe.model.Shot;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks that come from the performer facts and consent records rather than from the policy's triggers, so they hold
 * under every policy (a studio's own included) and leave the policy's rule ids alone. Each has its own rule id and
 * sources, documented in src/docs/policy-format.md ("Checks on consent and performer facts"):
 * <ul>
 * <li>{@code CONSENT-NOT-COVERED}: a use the recorded consent does not cover ({@link ConsentCoverage}); only a consent
 *     record closes it, no signature can.</li>
 * <li>{@code SCAN-NOTICE}: a replica scan with less than 48 hours' notice. Dates only: notice counts as 48 hours when
 *     given two or more calendar days before the scan day; a missing date counts as no notice.</li>
 * <li>{@code SCAN-BUSINESS-REASON}: a scan on or after 1 July 2026 (the 2026 terms) with no business reason recorded;
 *     recording the reason closes it.</li>
 * <li>{@code REPLICA-TERM-VAGUE}: a replica consent that is not specific, from a performer with neither lawyer nor
 *     union (or nothing recorded): the term would be unenforceable under CA AB 2602 and NY GOL 5-302.</li>
 * <li>{@code MINOR-REPLICA}: a replica, alteration or voice of a minor.</li>
 * </ul>
 */
public final class PerformerChecks {

    /** The day the SAG-AFTRA 2026 terms begin to apply. */
    public static final LocalDate TERMS_2026 = LocalDate.of(2026, 7, 1);

    static final Source SAG2023 = new Source("SAG2023", "SAG-AFTRA 2023 TV/Theatrical Agreement, artificial intelligence terms "
            + "(digital replicas: 48 hours' notice, separate consent with a reasonably specific description); basis for work done before "
            + "1 July 2026", "", null, LocalDate.of(2026, 6, 30), Source.Checked.PRIMARY_TEXT);
    static final Source SAG2026 = new Source("SAG2026", "SAG-AFTRA 2026 TV/Theatrical Agreement, artificial intelligence terms "
            + "(articulable business reason before a scan; new protections for minors). Read from union and press summaries, not "
            + "the contract text", "", TERMS_2026, LocalDate.of(2030, 6, 30), Source.Checked.SUMMARY_ONLY);
    static final Source CA2602 = new Source("CA2602", "California Labor Code section 927 (Assembly Bill 2602, 2024): a replica "
            + "term is unenforceable if it lacks a reasonably specific description of the uses and the performer had neither a lawyer "
            + "nor a union agreement covering replicas; new performances fixed from 1 January 2025", "", LocalDate.of(2025, 1, 1), null,
            Source.Checked.PRIMARY_TEXT);
    static final Source NY5302 = new Source("NY5302", "New York General Obligations Law section 5-302: voids vague digital replica "
            + "terms on the same pattern (lawyer or union). Read from a law-firm summary", "", null, null, Source.Checked.SUMMARY_ONLY);

    public static final Rule CONSENT_NOT_COVERED = new Rule("CONSENT-NOT-COVERED", "A use the recorded consent does not cover",
            "A replica, de-aging, face replacement, alteration or voice of a person needs that person's consent (for a deceased "
            + "performer, the estate's), recorded in the production: a consent to create a replica separate from the consent to "
            + "each use, each describing the use specifically and given for this production. Record the consent (Consent page) or "
            + "change the plan; no signature closes this flag.",
            Trigger.always(), List.of(), Severity.BLOCKING, List.of(SAG2023, SAG2026, CA2602, NY5302));
    public static final Rule SCAN_NOTICE = new Rule("SCAN-NOTICE", "A replica scan with less than 48 hours' notice",
            "The performer must be told at least 48 hours before a replica scan (or at engagement, if hired for less). Clearframe "
            + "keeps dates, not hours: notice two or more calendar days before the scan day counts. The performer and studio "
            + "legal sign that the scan may stand.",
            Trigger.always(), List.of(Role.PERFORMER, Role.STUDIO_LEGAL), Severity.BLOCKING, List.of(SAG2023, SAG2026));
    public static final Rule SCAN_BUSINESS_REASON = new Rule("SCAN-BUSINESS-REASON", "A scan without a recorded business reason",
            "Under the SAG-AFTRA 2026 terms an employment-based replica needs an articulable business reason before the scan. "
            + "Record the reason on the scan (Cast page) to close this flag.",
            Trigger.always(), List.of(), Severity.BLOCKING, List.of(SAG2026));
    public static final Rule REPLICA_TERM_VAGUE = new Rule("REPLICA-TERM-VAGUE", "A vague replica term without a lawyer or union",
            "A replica term without a reasonably specific description of the uses, agreed by a performer who had neither a lawyer "
            + "nor a union agreement covering replicas, is unenforceable in California and New York. Studio legal signs that it "
            + "has seen this; the lasting fix is a specific consent.",
            Trigger.always(), List.of(Role.STUDIO_LEGAL), Severity.ADVISORY, List.of(CA2602, NY5302));
    public static final Rule MINOR_REPLICA = new Rule("MINOR-REPLICA", "A replica, alteration or voice of a minor",
            "The 2026 terms add protections for minors. The performer signs (through a parent or guardian), with studio legal and "
            + "the studio's AI contact.",
            Trigger.always(), List.of(Role.PERFORMER, Role.STUDIO_LEGAL, Role.STUDIO_AI_CONTACT), Severity.BLOCKING, List.of(SAG2026));

    /**
     * A person-changing technique that names nobody. Policy 2026.12 has this rule; a policy without it (2026.11, a studio's
     * own) gets it as a check, since a de-aging of nobody in particular can never be consented to and must not clear.
     */
    public static final Rule PERSON_UNNAMED = new Rule("PERSON-UNNAMED", "A technique that reproduces or alters a person names nobody",
            "De-aging, face or body replacement, a replica, an alteration of a performance or voice synthesis always reproduces or "
            + "changes somebody. Until that person is named on the AI use, nobody can be asked for consent, so the shot cannot be "
            + "cleared. Name the person (or record a face or voice that imitates nobody as a synthetic performer); no signature "
            + "closes this flag.",
            Trigger.always(), List.of(), Severity.BLOCKING, List.of(SAG2023, SAG2026));

    /** Techniques that always reproduce or alter a particular person. */
    private static final java.util.Set<org.clearframe.model.Technique> PERSON_TECHNIQUES = java.util.EnumSet.of(
            org.clearframe.model.Technique.DE_AGING, org.clearframe.model.Technique.FACE_BODY_REPLACEMENT,
            org.clearframe.model.Technique.DIGITAL_REPLICA, org.clearframe.model.Technique.PERFORMANCE_ALTERATION,
            org.clearframe.model.Technique.VOICE_SYNTHESIS);

    /** Every check, in the order its flags are listed. */
    public static final List<Rule> RULES = List.of(CONSENT_NOT_COVERED, SCAN_NOTICE, SCAN_BUSINESS_REASON, REPLICA_TERM_VAGUE, MINOR_REPLICA);

    /** Checks that stand in for a rule a policy may lack; under a policy that has the rule, the policy's own applies. */
    public static final List<Rule> FALLBACKS = List.of(PERSON_UNNAMED);

    private PerformerChecks() {}

    /** The flags these checks raise on {@code shot}, after the policy's own. */
    static List<Flag> flags(ProductionData data, Map<UUID, CastMember> cast, Shot shot, Evaluator.Signed signed, boolean askForNames) {
        List<Flag> flags = new ArrayList<>();
        if (askForNames) {
            for (AiUse use : shot.aiUses()) {
                if (PERSON_TECHNIQUES.contains(use.technique()) && use.performerIds().isEmpty()
                        && !use.has(Factor.DECEASED_PERSON_OUTSIDE_CAST) && !use.has(Factor.ALTERATION_EXEMPT)) {
                    flags.add(new Flag(PERSON_UNNAMED, shot.id(), use, use.technique().label() + " names nobody", List.of(),
                            "the person this " + use.technique().label().toLowerCase(java.util.Locale.ROOT) + " reproduces or alters"));
                }
            }
        }
        List<ConsentCoverage.Coverage> coverage = ConsentCoverage.of(data, cast, shot);
        for (AiUse use : shot.aiUses()) {
            boolean touches = !ConsentCoverage.needs(use).isEmpty();
            for (ConsentCoverage.Coverage c : coverage) {
                if (c.use() != use || c.covered()) continue;
                flags.add(new Flag(CONSENT_NOT_COVERED, shot.id(), use, "Not covered for " + c.person() + ": " + c.why(), List.of(),
                        "a consent from " + c.person() + " that covers this use"));
            }
            if (!touches) continue;
            for (UUID id : use.performerIds()) {
                CastMember m = cast.get(id);
                if (m == null) continue;
                List<CastMember> one = List.of(m);
                if (use.has(Factor.PERFORMER_TOOK_PART)) {
                    for (Scan scan : data.scansOf(id)) {
                        if (!noticeMet(scan)) {
                            flags.add(new Flag(SCAN_NOTICE, shot.id(), use, m.performer() + "'s scan " + when(scan) + ": " + noticeWhy(scan),
                                    Evaluator.signatures(SCAN_NOTICE, use, one, signed)));
                        }
                        if (needsBusinessReason(scan)) {
                            flags.add(new Flag(SCAN_BUSINESS_REASON, shot.id(), use, m.performer() + "'s scan " + when(scan)
                                    + " falls under the 2026 terms and has no business reason recorded", List.of(),
                                    "a business reason for " + m.performer() + "'s scan " + when(scan)));
                        }
                    }
                }
                if (m.representation() != Representation.LAWYER && m.representation() != Representation.UNION
                        && coverage.stream().anyMatch(c -> c.use() == use && c.castId().equals(id) && c.gap() == ConsentCoverage.Gap.NOT_SPECIFIC)) {
                    String rep = m.representation() == Representation.NEITHER ? "had neither a lawyer nor a union"
                            : "has no lawyer or union recorded";
                    flags.add(new Flag(REPLICA_TERM_VAGUE, shot.id(), use, m.performer() + " " + rep
                            + ", and the consent on record does not describe this use specifically",
                            Evaluator.signatures(REPLICA_TERM_VAGUE, use, one, signed)));
                }
                if (m.minor()) {
                    flags.add(new Flag(MINOR_REPLICA, shot.id(), use, m.performer() + " is a minor",
                            Evaluator.signatures(MINOR_REPLICA, use, one, signed)));
                }
            }
        }
        return flags;
    }

    /** Notice two or more calendar days before the scan day; either date missing counts as no notice. */
    public static boolean noticeMet(Scan scan) {
        if (scan.scannedOn() == null || scan.noticeGivenOn() == null) return false;
        return ChronoUnit.DAYS.between(scan.noticeGivenOn(), scan.scannedOn()) >= 2;
    }

    /** A scan under the 2026 terms (on or after 1 July 2026, or undated) with no business reason recorded. */
    public static boolean needsBusinessReason(Scan scan) {
        boolean under2026 = scan.scannedOn() == null || !scan.scannedOn().isBefore(TERMS_2026);
        return under2026 && scan.businessReason().isBlank();
    }

    private static String when(Scan scan) {
        return scan.scannedOn() == null ? "(date not recorded)" : "on " + scan.scannedOn();
    }

    private static String noticeWhy(Scan scan) {
        if (scan.scannedOn() == null) return "no scan date recorded, so 48 hours' notice cannot be shown";
        if (scan.noticeGivenOn() == null) return "no notice recorded";
        long days = ChronoUnit.DAYS.between(scan.noticeGivenOn(), scan.scannedOn());
        return days < 0 ? "notice was recorded after the scan (" + scan.noticeGivenOn() + ")"
                : "notice was given on " + scan.noticeGivenOn() + ", less than 48 hours before";
    }
}
