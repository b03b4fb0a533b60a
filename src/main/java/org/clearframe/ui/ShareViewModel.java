package org.clearframe.ui;

import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.KeyRing;
import org.clearframe.exchange.SentPackages;
import org.clearframe.exchange.SharePackage;
import org.clearframe.exchange.SharePackageBuilder;
import org.clearframe.model.Contact;
import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.model.SentPackage;
import org.clearframe.model.Shot;
import org.clearframe.rules.Fingerprint;
import org.clearframe.rules.Flag;
import org.clearframe.rules.PackageStates;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.SigningDepartments;
import org.clearframe.store.StoreException;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Share page without its nodes: the departments a package can go to (each with its open signatures and its head),
 * the package for one of them or why there is nothing to send, sharing it (written and recorded as one), and every
 * package shared with where it stands. Tested without a window.
 */
public final class ShareViewModel {

    /** A department in the picker: how many open signatures its head is asked for, and who the head is. */
    public record DepartmentChoice(String department, int open, String head) {
        @Override
        public String toString() {
            return department + " — " + (open == 0 ? "nothing open" : DueViewModel.plural(open, "open signature"))
                    + (head.isBlank() ? " · no head named" : " · " + head);
        }
    }

    /** A performer in the picker, with the open signatures that concern them (their consent, their likeness). */
    public record PerformerChoice(UUID id, String performer, int open) {
        @Override
        public String toString() {
            return performer + " — " + (open == 0 ? "nothing open" : DueViewModel.plural(open, "open signature"));
        }
    }

    /** A package ready to share with {@code audience}, or the reason it is refused (it asks its audience nothing). */
    public record Prepared(String audience, SharePackage pkg, Optional<String> refusal) {}

    /** A package shared, with where it stands now. */
    public record PackageRow(SentPackage sent, PackageStates.Standing standing) {
        public String sentAt() {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.SHORT).withZone(ZoneId.systemDefault()).format(sent.sentAt());
        }

        /** "1 of 3" signatures answered, on how many shots. */
        public String answered() {
            return standing.answered() + " of " + sent.asked().size();
        }

        public String shots() {
            return DueViewModel.plural(sent.shots().size(), "shot");
        }
    }

    private final Session session;
    /** Where packages shared while this production is open were written, for the mail app's message. */
    private final Map<UUID, Path> written = new HashMap<>();

    public ShareViewModel(Session session) {
        this.session = session;
    }

    /** Every department whose head signs for some role, with its open count and head. */
    public List<DepartmentChoice> departments() {
        ProductionData data = session.snapshot();
        List<DepartmentChoice> out = new ArrayList<>();
        for (String name : SigningDepartments.signing(data)) {
            int open = 0;
            for (Shot shot : data.shots()) {
                for (Flag f : session.flags(shot.id())) {
                    for (RequiredSignature s : f.signatures()) {
                        if (s.state().open() && SigningDepartments.signsFor(name, s.role())) open++;
                    }
                }
            }
            out.add(new DepartmentChoice(name, open, head(data, name)));
        }
        return out;
    }

    private static String head(ProductionData data, String department) {
        // the first of the production's departments by that name that names a head (a production may hold two rows alike)
        java.util.Set<UUID> ids = SigningDepartments.departmentIds(data, department);
        return data.departments().stream().filter(d -> ids.contains(d.id()) && !d.headName().isBlank()).map(Department::headName).findFirst().orElse("");
    }

    /** Every cast member, with the open signatures asked of them as the performer (or their estate) concerned. */
    public List<PerformerChoice> performers() {
        List<PerformerChoice> out = new ArrayList<>();
        for (org.clearframe.model.CastMember m : session.cast()) {
            int open = 0;
            for (Shot shot : session.shots()) {
                for (Flag f : session.flags(shot.id())) {
                    for (RequiredSignature s : f.signatures()) if (s.state().open() && m.id().equals(s.subjectId())) open++;
                }
            }
            out.add(new PerformerChoice(m.id(), m.performer(), open));
        }
        return out;
    }

    /** The package for one performer as it would be sent now, refused when it asks nothing of them. */
    public Prepared preparePerformer(String performer) throws ExchangeException {
        ProductionData data = session.snapshot();
        SharePackage pkg = SharePackageBuilder.build(data, SharePackageBuilder.forPerformer(data, performer, null, null));
        return new Prepared(performer, pkg, SentPackages.nothingAsked(pkg));
    }

    /** The package for {@code department} as it would be sent now, refused when it asks nothing of them. */
    public Prepared prepare(String department) throws ExchangeException {
        ProductionData data = session.snapshot();
        SharePackage pkg = SharePackageBuilder.build(data, SharePackageBuilder.forDepartment(data, department));
        return new Prepared(department, pkg, SentPackages.nothingAsked(pkg));
    }

    /** Seals {@code prepared} with the producer's key, writes it to {@code target} and records it. Refused packages never go. */
    public SentPackage share(Prepared prepared, Path target, KeyRing keys) throws ExchangeException, StoreException {
        if (prepared.refusal().isPresent()) throw new IllegalStateException(prepared.refusal().get());
        SentPackage sent = session.share(prepared.pkg().sealedWith(keys.keyPair()), target);
        written.put(sent.id(), target.toAbsolutePath());
        return sent;
    }

    /** Every package shared, newest first, with its state (sent, replied, partly replied, superseded, expired). */
    public List<PackageRow> packages() {
        Map<UUID, String> now = new LinkedHashMap<>();
        for (Shot s : session.shots()) now.put(s.id(), Fingerprint.of(s));
        Map<UUID, PackageStates.Standing> states = PackageStates.of(session.packages(), now);
        List<PackageRow> rows = new ArrayList<>();
        for (SentPackage p : session.packages()) rows.add(new PackageRow(p, states.get(p.id())));
        java.util.Collections.reverse(rows);
        return rows;
    }

    /** How many packages still wait for an answer (sent or partly replied): the navigator's count. */
    public static int awaiting(Session session) {
        if (session.packages().isEmpty()) return 0; // nothing sent: no shot needs fingerprinting (the navigator asks often)
        Map<UUID, String> now = new LinkedHashMap<>();
        for (Shot s : session.shots()) now.put(s.id(), Fingerprint.of(s));
        return (int) PackageStates.of(session.packages(), now).values().stream()
                .filter(s -> s.state() == PackageStates.State.SENT || s.state() == PackageStates.State.PARTLY_REPLIED).count();
    }

    /** The e-mail address of whoever a package went to: the department's head, or the performer, where one is recorded. */
    public String emailOf(SentPackage p) {
        ProductionData data = session.snapshot();
        if (p.audienceKind() == SentPackage.AudienceKind.PERFORMER) {
            Contact c = p.performerId() == null ? null : session.contacts().get(p.performerId());
            return c == null ? "" : c.email();
        }
        // a department head's e-mail is the department's own column, edited on the Departments page
        java.util.Set<UUID> ids = SigningDepartments.departmentIds(data, p.audience());
        return data.departments().stream().filter(d -> ids.contains(d.id()) && !d.email().isBlank()).map(Department::email).findFirst().orElse("");
    }

    /** The message that goes with a package: what it asks, and where the file is (a mailto: link cannot attach it). */
    public MailApp.Message message(SentPackage p) {
        Path file = written.get(p.id());
        String where = file == null ? p.fileName() + " (where it was saved when it was shared)" : file.toString();
        String title = session.production().title();
        String body = "Hello,\n\nPlease review the AI uses of " + title + " that need your sign-off: "
                + DueViewModel.plural(p.asked().size(), "signature") + " on " + DueViewModel.plural(p.shots().size(), "shot") + ".\n"
                + "Open the attached package in Clearframe (Share > Review a Package), sign your part and send back the reply file.\n\n"
                + "Attach this file before sending: " + where + "\n";
        return new MailApp.Message(emailOf(p), title + ": sign-offs for " + p.audience(), body);
    }

    /** Where a package shared in this session was written, if it was. */
    public Optional<Path> fileOf(SentPackage p) {
        return Optional.ofNullable(written.get(p.id()));
    }
}
