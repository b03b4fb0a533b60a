package org.clearframe.pdf;

import org.clearframe.model.AiUse;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.ChangeList;
import org.clearframe.rules.DueDates;
import org.clearframe.rules.Flag;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.Severity;
import org.clearframe.rules.ShotContent;
import org.clearframe.rules.SignatureState;
import org.clearframe.rules.SigningDepartments;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The AI sign-off summary's rows, worked out flag by flag and written to the group's {@link RowSpill} for
 * {@link SignOffSummary} to lay out: seven cells a row.
 */
final class SummaryRows {

    static final int COLUMNS = 7;

    private final Look look;
    private final ProductionData facts;
    private final ExportOptions options;

    SummaryRows(Look look, ProductionData facts, ExportOptions options) {
        this.look = look;
        this.facts = facts;
        this.options = options;
    }

    /** Whether the flag is open for the group: its record missing, or one of the group's own signatures open. */
    boolean open(Flag flag, String group) {
        if (group.equals(Breakdown.NEEDS_RECORD)) return flag.open();
        for (RequiredSignature s : mine(flag, group)) if (s.state().open()) return true;
        return false;
    }

    static List<RequiredSignature> mine(Flag flag, String group) {
        if (group.equals(Breakdown.NO_SIGNER) || group.equals(Breakdown.NEEDS_RECORD)) return List.of();
        List<RequiredSignature> mine = new ArrayList<>(flag.signatures().size());
        for (RequiredSignature s : flag.signatures()) if (SigningDepartments.signsFor(group, s.role())) mine.add(s);
        return mine;
    }

    void write(RowSpill out, Scene scene, Shot shot, Flag flag, String group, Map<String, ShotContent> signed) {
        out.cell(CellText.of(look.bodyBold, scene == null ? "" : scene.number()));
        out.cell(CellText.of(look.bodyBold, shot == null ? "" : shot.number()));

        Lines rule = look.lines().line(look.smallBold, flag.rule().id());
        if (!flag.rule().title().isBlank()) rule.line(look.small, flag.rule().title());
        if (!flag.reason().isBlank()) rule.line(look.smallMuted, flag.reason());
        out.cell(rule.text());

        out.cell(CellText.of(look.severity(flag.rule().severity()), flag.rule().severity().label()));

        Lines use = look.lines();
        AiUse ai = flag.aiUse();
        if (ai != null) {
            use.line(look.small, ai.technique().label());
            use.line(look.smallMuted, Sheet.outputWord(ai.output()) + (ai.tool().isBlank() ? "" : " \u00B7 " + ai.tool()));
        }
        out.cell(use.text());

        List<RequiredSignature> mine = mine(flag, group);
        Lines signs = look.lines();
        boolean records = group.equals(Breakdown.NEEDS_RECORD);
        if (flag.needsRecord() && records) {
            signs.line(look.smallBold, "Open: needs " + flag.unresolved()); // such a flag exists only until the record is made
        }
        if (flag.needsRecord() && records && shot != null) {
            due(signs, DueDates.ofRecord(shot, flag, options.schedule()));
        }
        for (RequiredSignature s : mine) {
            signs.signature(s, true);
            String detail = signatureDetail(s);
            if (!detail.isEmpty()) signs.line(look.smallMuted, detail);
            if (shot != null) {
                due(signs, DueDates.of(shot, flag, s, options.schedule()));
                changes(signs, s, shot, signed);
            }
        }
        out.cell(signs.text());

        Lines others = look.lines();
        for (RequiredSignature s : flag.signatures()) {
            if (!mine.contains(s)) others.signature(s, false);
        }
        out.cell(others.text());
    }

    /** "Due 22 Feb 2027 (overdue)" under an open signature that has a due date: overdue in the blocking colour. */
    private void due(Lines lines, DueDates.Due due) {
        if (!due.open() || due.dueOn() == null) return;
        DueDates.Urgency urgency = due.urgency(options.exportDate());
        String text = "Due " + Sheet.DATE.format(due.dueOn()) + " (" + urgency.label().toLowerCase(Locale.ROOT)
                + (due.shootDay() == null ? "" : ", shoot day " + due.shootDay()) + ")";
        lines.line(urgency == DueDates.Urgency.OVERDUE ? look.severity(Severity.BLOCKING) : look.smallMuted, text);
    }

    /** For a stale signature whose signed content is kept: what changed since, field by field. */
    private void changes(Lines lines, RequiredSignature s, Shot shot, Map<String, ShotContent> signed) {
        if (s.state() != SignatureState.STALE || s.latestOrNull() == null) return;
        ShotContent was = signed.get(s.latestOrNull().fingerprint());
        if (was == null) return;
        String changes = ChangeList.summary(was, shot, facts);
        if (!changes.isEmpty()) lines.line(look.smallMuted, "Changed: " + changes);
    }

    /** Dates as printed, by day: a production's sign-offs fall on a few hundred days, and formatting each anew is slow. */
    private final Map<java.time.LocalDate, String> dates = new java.util.HashMap<>();

    /** Who signed and when, or why the signature needs attention again. */
    private String signatureDetail(RequiredSignature s) {
        SignOff latest = s.latestOrNull();
        if (latest == null) return "";
        String who = latest.signer().isBlank() ? "" : latest.signer() + ", ";
        String when = dates.computeIfAbsent(latest.signedAt().atZone(ZoneId.systemDefault()).toLocalDate(), Sheet.DATE::format);
        String text = switch (s.state()) {
            case STALE -> "Signed " + when + (latest.signer().isBlank() ? "" : " by " + latest.signer()) + "; the shot changed since";
            default -> who + when;
        };
        if (!latest.note().isBlank()) text += " \u2014 " + latest.note();
        return text;
    }
}
