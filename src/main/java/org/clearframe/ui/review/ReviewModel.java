package org.clearframe.ui.review;

import org.clearframe.rules.Wording;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.clearframe.exchange.ExchangeException;
import org.clearframe.exchange.Reply;
import org.clearframe.exchange.SharePackage;
import org.clearframe.model.AiUse;
import org.clearframe.model.Decision;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.rules.Source;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The department head's review of one share package: a row per question the package asks, each with the
 * decision and note the head is recording. The plan itself is read-only; only decisions and the name change.
 */
public final class ReviewModel {

    /** One question (shot, rule, role, performer) and the head's answer so far. */
    public static final class Row {
        private final SharePackage.Slot slot;
        private final String shot, rule, who, state;
        private final ObjectProperty<Decision> decision = new SimpleObjectProperty<>();
        private final StringProperty note = new SimpleStringProperty("");

        Row(SharePackage pkg, SharePackage.Slot slot) {
            this.slot = slot;
            this.shot = pkg.shotLabel(slot.shotId());
            this.rule = pkg.rule(slot.ruleId()).map(r -> r.title()).orElse(slot.ruleId());
            this.who = slot.subjectName().isBlank() ? slot.role().label() : slot.role().label() + ": " + slot.subjectName();
            this.state = pkg.flagsFor(slot).stream().flatMap(f -> f.signatures().stream())
                    .filter(n -> n.role() == slot.role() && Objects.equals(n.subjectId(), slot.subjectId()))
                    .findFirst().map(n -> n.state().label()).orElse("");
        }

        public SharePackage.Slot slot() { return slot; }
        public String shot() { return shot; }
        public String rule() { return rule; }
        public String who() { return who; }
        public String state() { return state; }
        public ObjectProperty<Decision> decisionProperty() { return decision; }
        public StringProperty noteProperty() { return note; }
    }

    private final SharePackage pkg;
    private final ObservableList<Row> rows;
    private final StringProperty signer = new SimpleStringProperty("");
    private final StringBinding problem;
    private final long unsignable;

    public ReviewModel(SharePackage pkg) {
        this.pkg = pkg;
        List<Row> list = new ArrayList<>();
        // A person slot that names no performer cannot be signed by anyone: it is not offered (see unsignable()).
        for (SharePackage.Slot s : pkg.slots()) if (SharePackage.signable(s)) list.add(new Row(pkg, s));
        this.unsignable = pkg.slots().stream().filter(s -> !SharePackage.signable(s)).count();
        // Rows report changes to their decision and note, so the "what is missing" line follows every edit.
        this.rows = FXCollections.observableArrayList(r -> new Observable[]{r.decisionProperty(), r.noteProperty()});
        rows.addAll(list);
        this.problem = Bindings.createStringBinding(this::findProblem, rows, signer);
    }

    public SharePackage pkg() { return pkg; }
    public ObservableList<Row> rows() { return rows; }
    public StringProperty signerProperty() { return signer; }

    /** Why the sign-offs cannot be returned yet, or "" when they can. */
    public StringBinding problemBinding() { return problem; }

    public String title() {
        String who = pkg.audience().performer() == null ? pkg.audience().department() : pkg.audience().performer().name();
        return pkg.production().title() + ": review for " + who
                + (unsignable == 0 ? "" : " (" + Wording.count(unsignable, "question") + " " + (unsignable == 1 ? "names" : "name") + " no performer and cannot be signed until the producer names one)");
    }

    private String findProblem() {
        long decided = rows.stream().filter(r -> r.decision.get() != null).count();
        if (rows.isEmpty()) return "This package asks nothing of your role.";
        if (decided == 0) return "Record a decision for at least one flag.";
        for (Row r : rows) {
            if (r.decision.get() == Decision.APPROVED_WITH_CONDITIONS && r.note.get().isBlank()) {
                return "Shot " + r.shot + ": write the conditions of your approval in the note.";
            }
        }
        if (signer.get().isBlank()) return "Enter your name: the reply records who signed.";
        java.util.Optional<String> bad = org.clearframe.rules.Names.problem(signer.get());
        if (bad.isPresent()) return "Your name " + bad.get() + ".";
        for (Row r : rows) {
            if (r.decision.get() != null && pkg.capacityFor(signer.get(), r.slot).isEmpty()) {
                return "Shot " + r.shot + ": only " + r.slot.subjectName() + " (or the representative the producer names) can give this consent.";
            }
        }
        return "";
    }

    /**
     * Records one decision with one note on each of {@code chosen} (a selection, or every row): a head approving or
     * declining many at once. Approving with conditions needs the conditions, so an empty note is refused for it.
     * Returns how many rows were set.
     */
    public int decideAll(java.util.Collection<Row> chosen, Decision d, String note) {
        Objects.requireNonNull(d, "decision");
        String text = note == null ? "" : note.strip();
        if (d == Decision.APPROVED_WITH_CONDITIONS && text.isEmpty()) {
            throw new IllegalArgumentException("Write the conditions of your approval in the note.");
        }
        int set = 0;
        for (Row r : List.copyOf(chosen)) {
            if (!rows.contains(r)) continue; // only this package's questions
            r.decision.set(d);
            r.note.set(text);
            set++;
        }
        return set;
    }

    /** Signs the decisions recorded so far (undecided rows are left out). */
    public Reply sign(KeyPair keys) throws ExchangeException {
        List<SharePackage.Answer> answers = rows.stream().filter(r -> r.decision.get() != null)
                .map(r -> new SharePackage.Answer(r.slot, r.decision.get(), r.note.get())).toList();
        return pkg.sign(signer.get(), answers, keys);
    }

    /** What the head reads for one row: the shot, the AI use(s), why the rule applies, and on what authority. */
    public String details(Row row) {
        StringBuilder b = new StringBuilder();
        Shot shot = pkg.shot(row.slot.shotId()).orElse(null);
        if (shot != null) {
            b.append("Shot ").append(row.shot);
            pkg.scene(shot.sceneId()).map(Scene::heading).ifPresent(h -> b.append("  ·  ").append(h));
            b.append('\n');
            if (!shot.description().isBlank()) b.append(shot.description()).append('\n');
        }
        b.append('\n');
        for (SharePackage.FlagInfo f : pkg.flagsFor(row.slot)) {
            AiUse use = shot == null ? null : shot.aiUses().stream().filter(u -> u.id().equals(f.aiUseId())).findFirst().orElse(null);
            if (use != null) {
                b.append("AI use: ").append(use.technique().label()).append(" — ").append(use.purpose())
                        .append(" (").append(use.tool().isBlank() ? "tool not named" : use.tool()).append("; ")
                        .append(use.output().label()).append(")\n");
            }
            b.append("Why: ").append(f.reason()).append('\n');
            for (SharePackage.Need n : f.signatures()) {
                if (n.role() == row.slot.role() && Objects.equals(n.subjectId(), row.slot.subjectId()) && n.latestDecision() != null) {
                    b.append("Recorded so far: ").append(n.latestDecision().label());
                    if (!n.latestSigner().isBlank()) b.append(" by ").append(n.latestSigner());
                    if (!n.latestNote().isBlank()) b.append(" (").append(n.latestNote()).append(')');
                    b.append(" — ").append(n.state().label()).append('\n');
                    if (n.state() == org.clearframe.rules.SignatureState.STALE) {
                        // The package carries the plan as it is now, not the plan that was signed: say so rather than guess.
                        b.append("What changed since it was signed: not known; this package does not carry the plan that was signed. "
                                + "Ask the producer, or read the current plan above in full.\n");
                    }
                }
            }
            b.append('\n');
        }
        pkg.rule(row.slot.ruleId()).ifPresent(r -> {
            b.append(r.id()).append(": ").append(r.title()).append(" (").append(r.severity().label()).append(")\n");
            b.append(r.explanation()).append('\n');
            for (Source s : r.sources()) {
                b.append("Source: ").append(s.label());
                if (!s.document().isBlank()) b.append(" — ").append(s.document());
                if (!s.url().isBlank()) b.append(" <").append(s.url()).append('>');
                b.append('\n');
            }
        });
        return b.toString().strip();
    }
}
