package org.clearframe.ui;

import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.VoidedSignOffs;

import java.util.List;
import java.util.UUID;

/**
 * Asks before an edit that would make sign-offs stale, once per edit, naming them: "This change voids 4 sign-offs:
 * Director (Ana Ruiz), ...". Nothing is asked when the edit voids nothing. The edit stays undoable either way.
 */
final class VoidWarning {

    private VoidWarning() {}

    /** True when the edit of {@code before} into {@code after} may go ahead. */
    static boolean allows(Session session, DialogService dialogs, List<Shot> before, List<Shot> after) {
        return ask(dialogs, VoidedSignOffs.by(before, after, signOffsOf(session, before)), "Make the Change");
    }

    /** The edited shots' own sign-offs, from the session's index: not every sign-off of the production per edit. */
    private static List<SignOff> signOffsOf(Session session, List<Shot> shots) {
        if (shots.size() == 1) return session.signOffsOf(shots.get(0).id());
        List<SignOff> out = new java.util.ArrayList<>();
        for (UUID id : new java.util.LinkedHashSet<>(shots.stream().map(Shot::id).toList())) out.addAll(session.signOffsOf(id));
        return out;
    }

    static boolean allows(Session session, DialogService dialogs, Shot before, Shot after) {
        return before == null || allows(session, dialogs, List.of(before), List.of(after));
    }

    private static boolean ask(DialogService dialogs, List<SignOff> voided, String action) {
        if (voided.isEmpty()) return true;
        return dialogs.confirm(VoidedSignOffs.warning(voided),
                "The signed plan changes, so " + (voided.size() == 1 ? "this sign-off shows" : "these sign-offs show")
                        + " as stale until signed again, with what changed. You can undo this with Edit > Undo.", action);
    }
}
