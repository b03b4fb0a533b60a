package org.clearframe.ui;

import org.clearframe.rules.Wording;
import org.clearframe.model.ReferenceImage;
import org.clearframe.model.AiUse;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.ConsentCoverage;
import org.clearframe.rules.Flag;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The selected shot's pane without its nodes: its heading, its flags and their summary, whose consent its AI uses
 * need, who signed, and the edits (fields, AI uses, sign-offs, the reference image) through the session. Tested
 * without a window.
 */
public final class ShotDetailViewModel {

    /** One line of the consent list: what it says, and whether the consent on record covers the use. */
    public record ConsentLine(String text, boolean covered) {}

    private final Session session;
    private final DialogService dialogs;

    public ShotDetailViewModel(Session session, DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
    }

    /** "Shot 12/3  ·  LIGHTHOUSE - NIGHT": the scene number and the heading without INT./EXT. */
    public String heading(Shot shot) {
        Scene scene = session.scenes().stream().filter(s -> s.id().equals(shot.sceneId())).findFirst().orElse(null);
        return "Shot " + (scene == null ? "" : scene.number() + "/") + shot.number()
                + (scene == null ? "" : "  ·  " + scene.heading().replaceFirst("^\\S+\\s", ""));
    }

    public List<Flag> flags(Shot shot) {
        return session.flags(shot.id());
    }

    /** "all signed", "2 of 3 open", or nothing when no flag applies. */
    public String flagSummary(Shot shot) {
        List<Flag> flags = flags(shot);
        long open = flags.stream().filter(Flag::open).count();
        return flags.isEmpty() ? "" : open == 0 ? "all signed" : open + " of " + flags.size() + " open";
    }

    /** Why the flags list is empty. */
    public String noFlags(Shot shot) {
        return shot.hasAiUse() ? "The policy in force asks for no sign-off on this shot." : "Nothing to sign: no AI use planned.";
    }

    /** Each person the shot's AI uses reproduce or alter, and whether the consent on record covers each use. */
    public List<ConsentLine> consent(Shot shot) {
        List<ConsentLine> lines = new ArrayList<>();
        for (ConsentCoverage.Coverage c : session.consentCoverage(shot)) {
            lines.add(new ConsentLine(c.person() + " · " + c.kind().label() + ": " + (c.covered() ? c.why() : "not covered, " + c.why()), c.covered()));
        }
        return lines;
    }

    /** "Dana Reyes, 3 Mar 2026 — note (attested by you)": who signed, when, and how it is proven if not by their reply. */
    public String signedBy(SignOff latest) {
        return latest.signer() + ", " + Wording.date(latest.signedAt().atZone(ZoneId.systemDefault()).toLocalDate())
                + (latest.note().isBlank() ? "" : " — " + latest.note())
                + session.proof(latest.id()).filter(p -> p.attested()).map(p -> " (" + p.label() + ")").orElse("");
    }

    /**
     * For a stale sign-off, what changed since it was signed, field by field ("Changed since signed: Output: Temporary
     * -> Final"), or that it is not known; "" when the plan is the one signed.
     */
    public String changesSince(SignOff signed, Shot now) {
        if (signed.fingerprint().equals(org.clearframe.rules.Fingerprint.of(now))) return "";
        return SignedChanges.describe(signed, now, SignedChanges.contents(session, List.of(signed)), session.snapshot());
    }

    // ------------------------------------------------------------------------------------------ edits

    /** Saves the edited fields; true when saved. */
    public boolean save(Shot edited) {
        if (!VoidWarning.allows(session, dialogs, current(edited.id()), edited)) return false;
        return dialogs.attempt("Could not save shot " + edited.number(), () -> session.saveShot(edited));
    }

    private Shot current(UUID id) {
        return session.shots().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    public boolean addUse(Shot shot, AiUse use) {
        List<AiUse> uses = new ArrayList<>(shot.aiUses());
        uses.add(use);
        return saveUses(shot, uses);
    }

    public boolean replaceUse(Shot shot, AiUse edited) {
        List<AiUse> uses = new ArrayList<>(shot.aiUses());
        uses.replaceAll(u -> u.id().equals(edited.id()) ? edited : u);
        return saveUses(shot, uses);
    }

    public boolean removeUse(Shot shot, UUID useId) {
        List<AiUse> uses = new ArrayList<>(shot.aiUses());
        uses.removeIf(u -> u.id().equals(useId));
        return saveUses(shot, uses);
    }

    private boolean saveUses(Shot shot, List<AiUse> uses) {
        if (!VoidWarning.allows(session, dialogs, shot, shot.withAiUses(uses))) return false;
        return dialogs.attempt("Could not save the AI uses of shot " + shot.number(), () -> session.saveShot(shot.withAiUses(uses)));
    }

    public boolean sign(SignOff signOff) {
        return dialogs.attempt("Could not record the sign-off", () -> session.addSignOff(signOff));
    }

    /** The stored reference image; empty when there is none or it cannot be read. */
    public Optional<ReferenceImage> referenceImage(UUID shotId) {
        try {
            return session.referenceImage(shotId);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Stores (or, with null, removes) the shot's reference image; true when done. */
    public boolean setReferenceImage(UUID shotId, ReferenceImage image) {
        return dialogs.attempt(image == null ? "Could not remove the image" : "Could not use that image",
                () -> session.setReferenceImage(shotId, image));
    }
}
