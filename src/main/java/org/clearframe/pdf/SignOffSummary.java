package org.clearframe.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import org.clearframe.model.AiUse;
import org.clearframe.model.Department;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.ChangeList;
import org.clearframe.rules.DueDates;
import org.clearframe.rules.Flag;
import org.clearframe.rules.ShotContent;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.SigningDepartments;

import java.awt.Color;
import java.time.ZoneId;
import java.util.List;

/**
 * The AI sign-off summary: every flag, grouped by the department whose roles sign it, so each head finds
 * their part together. Long groups are written a hundred rows at a time, so memory stays flat.
 */
final class SignOffSummary {

    private static final int FLUSH_ROWS = 100;
    private static final float[] SUMMARY_COLUMNS = {40, 34, 196, 52, 134, 194, 120};
    private static final String[] SUMMARY_HEADS = {"Scene", "Shot", "Rule", "Severity", "AI use", "Signs for this department", "Also needs"};

    private final Sheet sheet;
    private final Breakdown breakdown;
    private final Look look;

    SignOffSummary(Sheet sheet) {
        this.sheet = sheet;
        this.breakdown = sheet.breakdown;
        this.look = sheet.look;
    }

    void write() throws DocumentException {
        sheet.sectionHeading("AI sign-off summary",
                "Every flag, grouped by the department that signs. A flag that needs several departments appears under each, "
                        + "with the others named under \u201CAlso needs\u201D.");
        sheet.mark(CoverPage.SUMMARY);
        if (breakdown.groups.isEmpty()) {
            Paragraph none = new Paragraph("No AI sign-offs are needed for the shots in this report.", look.body);
            none.setSpacingBefore(8f);
            sheet.document.add(none);
            return;
        }
        for (Breakdown.Group group : breakdown.groups) group(group);
    }

    private void group(Breakdown.Group group) throws DocumentException {
        String head = departmentHead(group.department());
        boolean records = group.department().equals(Breakdown.NEEDS_RECORD);
        long open = group.flags().stream().filter(f -> records ? f.open() : mine(f, group).stream().anyMatch(s -> s.state().open())).count();
        String counts = group.flags().size() + (group.flags().size() == 1 ? " flag" : " flags") + " \u00B7 " + open + " open";

        Color colour = group.colour().isBlank() ? Look.MUTED : Look.parseColour(group.colour());
        PdfPTable table = sheet.table(SUMMARY_COLUMNS);
        table.addCell(groupBand(groupTitle(group, head, false), 4, colour));
        table.addCell(groupBandRight(counts, 3));
        sheet.heads(table, SUMMARY_HEADS);
        table.addCell(groupBand(groupTitle(group, head, true), 4, colour));
        table.addCell(groupBandRight(counts, 3));
        sheet.heads(table, SUMMARY_HEADS);
        int rows = 0;
        boolean started = false;
        for (Flag flag : group.flags()) {
            summaryRow(table, flag, group);
            rows++;
            if (!started && rows == 1) {
                sheet.keepWithNext(table, 3);
                sheet.mark(group.department());
                table.setComplete(false);
                started = true;
            }
            if (rows % FLUSH_ROWS == 0) {
                sheet.document.add(table);
            }
            sheet.advance(1);
        }
        table.setComplete(true);
        table.setSpacingAfter(16f);
        sheet.document.add(table);
    }

    private Phrase groupTitle(Breakdown.Group group, String head, boolean first) {
        Phrase p = new Phrase();
        p.add(new Chunk(group.department(), look.groupFont));
        if (!head.isBlank()) p.add(new Chunk("    Head: " + head, look.label));
        if (!first) p.add(new Chunk("    (continued)", look.label));
        return p;
    }

    private String departmentHead(String name) {
        return breakdown.data.departments().stream().filter(d -> d.name().equalsIgnoreCase(name))
                .map(Department::headName).filter(h -> !h.isBlank()).findFirst().orElse("");
    }

    private static List<RequiredSignature> mine(Flag flag, Breakdown.Group group) {
        if (group.department().equals(Breakdown.NO_SIGNER) || group.department().equals(Breakdown.NEEDS_RECORD)) return List.of();
        return flag.signatures().stream().filter(s -> SigningDepartments.signsFor(group.department(), s.role())).toList();
    }

    private void summaryRow(PdfPTable table, Flag flag, Breakdown.Group group) {
        Scene scene = breakdown.sceneOfShot.get(flag.shotId());
        Shot shot = breakdown.shotsById.get(flag.shotId());
        table.addCell(look.cell(new Phrase(scene == null ? "" : scene.number(), look.bodyBold)));
        table.addCell(look.cell(new Phrase(shot == null ? "" : shot.number(), look.bodyBold)));

        Lines rule = sheet.lines().line(look.smallBold, flag.rule().id());
        if (!flag.rule().title().isBlank()) rule.line(look.small, flag.rule().title());
        if (!flag.reason().isBlank()) rule.line(look.smallMuted, flag.reason());
        table.addCell(look.cell(rule.phrase()));

        table.addCell(look.cell(new Phrase(flag.rule().severity().label(), look.severity(flag.rule().severity()))));

        Lines use = sheet.lines();
        AiUse ai = flag.aiUse();
        if (ai != null) {
            use.line(look.small, ai.technique().label());
            use.line(look.smallMuted, Sheet.outputWord(ai.output()) + (ai.tool().isBlank() ? "" : " \u00B7 " + ai.tool()));
        }
        table.addCell(look.cell(use.phrase()));

        List<RequiredSignature> mine = mine(flag, group);
        Lines signs = sheet.lines();
        if (flag.needsRecord() && group.department().equals(Breakdown.NEEDS_RECORD)) {
            signs.line(look.smallBold, "Open: needs " + flag.unresolved()); // such a flag exists only until the record is made
        }
        if (flag.needsRecord() && group.department().equals(Breakdown.NEEDS_RECORD) && shot != null) {
            due(signs, DueDates.ofRecord(shot, flag, breakdown.options.schedule()));
        }
        for (RequiredSignature s : mine) {
            signs.line(sheet.signature(s, true));
            String detail = signatureDetail(s);
            if (!detail.isEmpty()) signs.line(look.smallMuted, detail);
            if (shot != null) {
                due(signs, DueDates.of(shot, flag, s, breakdown.options.schedule()));
                changes(signs, s, shot);
            }
        }
        table.addCell(look.cell(signs.phrase()));

        Lines others = sheet.lines();
        for (RequiredSignature s : flag.signatures()) {
            if (!mine.contains(s)) others.line(sheet.signature(s, false));
        }
        table.addCell(look.cell(others.phrase()));
    }

    /** "Due 22 Feb 2027 (overdue)" under an open signature that has a due date: overdue in the blocking colour. */
    private void due(Lines lines, DueDates.Due due) {
        if (!due.open() || due.dueOn() == null) return;
        DueDates.Urgency urgency = due.urgency(breakdown.options.exportDate());
        String text = "Due " + Sheet.DATE.format(due.dueOn()) + " (" + urgency.label().toLowerCase(java.util.Locale.ROOT)
                + (due.shootDay() == null ? "" : ", shoot day " + due.shootDay()) + ")";
        lines.line(urgency == DueDates.Urgency.OVERDUE ? look.severity(org.clearframe.rules.Severity.BLOCKING) : look.smallMuted, text);
    }

    /** For a stale signature whose signed content is kept: what changed since, field by field. */
    private void changes(Lines lines, RequiredSignature s, Shot shot) {
        if (s.state() != org.clearframe.rules.SignatureState.STALE || s.latestOrNull() == null) return;
        ShotContent signed = breakdown.options.signedContents().get(s.latestOrNull().fingerprint());
        if (signed == null) return;
        String changes = ChangeList.summary(signed, shot, breakdown.data);
        if (!changes.isEmpty()) lines.line(look.smallMuted, "Changed: " + changes);
    }

    /** Who signed and when, or why the signature needs attention again. */
    private static String signatureDetail(RequiredSignature s) {
        SignOff latest = s.latestOrNull();
        if (latest == null) return "";
        String who = latest.signer().isBlank() ? "" : latest.signer() + ", ";
        String when = Sheet.DATE.format(latest.signedAt().atZone(ZoneId.systemDefault()).toLocalDate());
        String text = switch (s.state()) {
            case STALE -> "Signed " + when + (latest.signer().isBlank() ? "" : " by " + latest.signer()) + "; the shot changed since";
            default -> who + when;
        };
        if (!latest.note().isBlank()) text += " \u2014 " + latest.note();
        return text;
    }

    /** A department's heading: a light band marked with the department's colour, as in the app. */
    private PdfPCell groupBand(Phrase content, int colspan, Color colour) {
        PdfPCell c = new PdfPCell(content);
        c.setColspan(colspan);
        c.setBorder(Rectangle.LEFT);
        c.setBorderWidthLeft(5f);
        c.setBorderColorLeft(colour);
        c.setBackgroundColor(Look.GROUP_FILL);
        c.setPaddingTop(6f);
        c.setPaddingBottom(8f);
        c.setPaddingLeft(9f);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return c;
    }

    private PdfPCell groupBandRight(String text, int colspan) {
        PdfPCell c = new PdfPCell(new Phrase(text, look.label));
        c.setColspan(colspan);
        c.setBorder(Rectangle.NO_BORDER);
        c.setBackgroundColor(Look.GROUP_FILL);
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPaddingTop(6f);
        c.setPaddingBottom(8f);
        c.setPaddingRight(8f);
        return c;
    }
}
