package org.clearframe.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.clearframe.AppInfo;
import org.clearframe.OutputFile;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.ConsentKind;
import org.clearframe.model.Labelled;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.rules.ConsentCoverage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The consent request a performer (or a deceased performer's rights holder) is asked to sign: every planned use of
 * their likeness or voice described specifically (shot, scene, technique, what is generated, final or temporary, tool,
 * what is uploaded, and that no other production may use it), the notice and payment terms the producer entered, and
 * room to sign and date each consent separately, since consent to create a replica is separate from consent to use it.
 * Portrait, in the breakdown's fonts and colours; written whole or not at all (OutputFile).
 */
public final class ConsentRequestPdf {

    /** The producer's terms, printed as entered; blank ones leave ruled space to fill in by hand. */
    public record Terms(String notice, String payment) {
        public Terms {
            notice = notice == null ? "" : notice.strip();
            payment = payment == null ? "" : payment.strip();
        }
    }

    /** One planned use, as the request lists it. */
    public record PlannedUse(Shot shot, Scene scene, AiUse use, List<ConsentKind> kinds) {}

    private ConsentRequestPdf() {}

    /** The planned uses of {@code member}'s likeness or voice, in shot order. */
    public static List<PlannedUse> uses(ProductionData data, CastMember member) {
        Map<UUID, Scene> scenes = ProductionData.index(data.scenes(), Scene::id);
        List<PlannedUse> out = new ArrayList<>();
        for (Shot shot : data.shots()) {
            for (AiUse use : shot.aiUses()) {
                List<ConsentKind> kinds = ConsentCoverage.needs(use);
                if (!kinds.isEmpty() && use.performerIds().contains(member.id())) out.add(new PlannedUse(shot, scenes.get(shot.sceneId()), use, kinds));
            }
        }
        return out;
    }

    /** Writes the request for {@code member} to {@code out}; returns the number of uses listed. */
    public static int write(ProductionData data, CastMember member, Terms terms, LocalDate date, Path out) throws ExportException {
        List<PlannedUse> uses = uses(data, member);
        try {
            OutputFile.write(out.toAbsolutePath().normalize(), stream -> {
                try {
                    layout(data, member, uses, terms, date, stream);
                } catch (DocumentException e) {
                    throw new IOException("the PDF could not be laid out: " + e.getMessage(), e);
                } catch (ExceptionConverter e) {
                    throw e.getException() instanceof IOException io ? io : new IOException(e.getException());
                }
            });
        } catch (IOException e) {
            throw new ExportException(BreakdownPdf.cannotWrite(out, e), e);
        }
        return uses.size();
    }

    private static void layout(ProductionData data, CastMember member, List<PlannedUse> uses, Terms terms, LocalDate date,
                               OutputStream stream) throws DocumentException {
        Look look = new Look();
        PaperSize paper = PaperSize.A4;
        Document document = new Document(new Rectangle(paper.landscapeHeight(), paper.landscapeWidth()), 48f, 48f, 56f, 50f);
        PdfWriter writer = PdfWriter.getInstance(document, stream);
        writer.setFullCompression();
        String title = BreakdownWriter.titleOf(data.production());
        PageFurniture furniture = new PageFurniture(look, title, "Consent request \u00B7 " + member.performer(),
                "Prepared " + Sheet.DATE.format(date) + " with " + AppInfo.NAME + " " + AppInfo.version(), false);
        writer.setPageEvent(furniture);
        document.addTitle(title + " \u2014 consent request for " + member.performer());
        document.addCreator(AppInfo.NAME + " " + AppInfo.version());
        document.open();

        document.add(new Paragraph("Consent request", look.sectionTitle));
        Paragraph who = new Paragraph(title + " \u00B7 " + member.display(), look.subtitle);
        who.setSpacingAfter(10f);
        document.add(who);
        String asked = member.deceased()
                ? "This request is addressed to the estate or rights holder of " + member.performer() + "."
                : "This request is addressed to " + member.performer() + (member.minor() ? ", a minor, through a parent or guardian." : ".");
        document.add(para(asked + " The production plans the uses of the likeness or voice listed below, each described "
                + "specifically. Consent to create a digital replica is separate from consent to each use of it: each is "
                + "signed on its own line. Nothing here is consent to any use not listed.", look.body, 6f));
        document.add(para("Production: " + title + (data.production().studio().isBlank() ? "" : " (" + data.production().studio() + ")")
                + (data.production().producer().isBlank() ? "" : ". Producer: " + data.production().producer()) + ".", look.body, 10f));

        if (uses.isEmpty()) {
            document.add(para("No planned AI use reproduces or alters " + member.performer() + ".", look.bodyBold, 10f));
        } else {
            document.add(para("Planned uses", look.groupFont, 4f));
            int n = 1;
            for (PlannedUse u : uses) document.add(useTable(look, n++, u, data.production().title()));
        }

        document.add(para("Notice", look.groupFont, 3f));
        document.add(para(terms.notice().isBlank()
                ? "Notice before any scan (at least 48 hours): ______________________________________________"
                : terms.notice(), look.body, 8f));
        document.add(para("Payment", look.groupFont, 3f));
        document.add(para(terms.payment().isBlank()
                ? "Payment for the scan and for each use: ______________________________________________"
                : terms.payment(), look.body, 10f));

        document.add(para("Signatures", look.groupFont, 4f));
        document.add(signatureTable(look, uses, member));
        document.add(para("A consent may be withdrawn in writing; the production then records the date of withdrawal. "
                + "Representation for these terms (union, lawyer): " + member.representation().label() + ".", look.smallMuted, 0f));
        document.close();
    }

    private static PdfPTable useTable(Look look, int n, PlannedUse u, String production) throws DocumentException {
        PdfPTable t = new PdfPTable(new float[]{1.1f, 3.4f});
        t.setWidthPercentage(100);
        t.setSpacingAfter(8f);
        t.setKeepTogether(true);
        String shot = (u.scene() == null ? "?" : u.scene().number()) + "/" + u.shot().number();
        PdfPCell head = new PdfPCell(new Phrase("Use " + n + " \u00B7 shot " + shot + " \u00B7 " + u.use().technique().label(), look.bandFont));
        head.setColspan(2);
        head.setBackgroundColor(Look.BAND);
        head.setBorder(Rectangle.NO_BORDER);
        head.setPadding(5f);
        t.addCell(head);
        row(t, look, "Scene", u.scene() == null ? "?" : u.scene().heading());
        row(t, look, "Shot", u.shot().number() + (u.shot().description().isBlank() ? "" : ": " + u.shot().description()));
        row(t, look, "Technique", u.use().technique().label());
        row(t, look, "What is generated", u.use().purpose().isBlank() ? "(not described yet: the producer must describe it before this is signed)" : u.use().purpose());
        row(t, look, "Final or temporary", u.use().output() == Output.FINAL ? "Final: in the delivered film" : "Temporary only: concept, previs or temp, not delivered");
        row(t, look, "Tool", u.use().tool().isBlank() ? "(not chosen yet)" : u.use().tool());
        row(t, look, "Uploaded to the tool", u.use().uploads().isEmpty() ? "Nothing"
                : u.use().uploads().stream().sorted().map(Labelled::label).collect(Collectors.joining("; ")));
        row(t, look, "Consent asked", u.kinds().stream().map(ConsentKind::label).collect(Collectors.joining("; ")));
        row(t, look, "Other productions", "Not to be used in any other production, pitch, concept or project, nor to train a model "
                + "for one, without a new consent and payment. For " + (production.isBlank() ? "this production" : production) + " only.");
        return t;
    }

    private static void row(PdfPTable t, Look look, String label, String value) {
        PdfPCell l = new PdfPCell(new Phrase(label, look.tableHead));
        PdfPCell v = new PdfPCell(new Phrase(value, look.body));
        for (PdfPCell c : List.of(l, v)) {
            c.setBorderColor(Look.RULE);
            c.setBorder(Rectangle.BOTTOM);
            c.setPadding(4f);
        }
        l.setBackgroundColor(Look.HEADER_FILL);
        t.addCell(l);
        t.addCell(v);
    }

    /** One line per kind of consent asked, so a performer can agree to one and not the other. */
    private static PdfPTable signatureTable(Look look, List<PlannedUse> uses, CastMember member) throws DocumentException {
        Map<ConsentKind, List<Integer>> byKind = new LinkedHashMap<>();
        for (ConsentKind k : ConsentKind.values()) {
            for (int i = 0; i < uses.size(); i++) if (uses.get(i).kinds().contains(k)) byKind.computeIfAbsent(k, x -> new ArrayList<>()).add(i + 1);
        }
        PdfPTable t = new PdfPTable(new float[]{2.2f, 2.2f, 1.1f});
        t.setWidthPercentage(100);
        t.setSpacingAfter(10f);
        t.setKeepTogether(true);
        for (String h : List.of("I consent to", "Signature", "Date")) {
            PdfPCell c = new PdfPCell(new Phrase(h, look.tableHead));
            c.setBackgroundColor(Look.HEADER_FILL);
            c.setBorderColor(Look.RULE);
            c.setPadding(4f);
            t.addCell(c);
        }
        if (byKind.isEmpty()) byKind.put(ConsentKind.USE_REPLICA_OR_ALTERATION, List.of());
        for (Map.Entry<ConsentKind, List<Integer>> e : byKind.entrySet()) {
            String which = e.getValue().isEmpty() ? "" : " (use" + (e.getValue().size() == 1 ? " " : "s ")
                    + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
            PdfPCell what = new PdfPCell(new Phrase(e.getKey().label() + which, look.body));
            what.setMinimumHeight(38f);
            t.addCell(cell(what, look));
            t.addCell(cell(new PdfPCell(new Phrase("", look.body)), look));
            t.addCell(cell(new PdfPCell(new Phrase("", look.body)), look));
        }
        PdfPCell name = new PdfPCell(new Phrase("Name: " + (member.deceased() ? "____________________ (rights holder of " + member.performer() + ")"
                : member.performer() + (member.minor() ? " \u00B7 parent or guardian: ____________________" : "")), look.small));
        name.setColspan(3);
        t.addCell(cell(name, look));
        return t;
    }

    private static PdfPCell cell(PdfPCell c, Look look) {
        c.setBorderColor(Look.RULE);
        c.setPadding(5f);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return c;
    }

    private static Paragraph para(String text, com.lowagie.text.Font font, float after) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingAfter(after);
        return p;
    }
}
