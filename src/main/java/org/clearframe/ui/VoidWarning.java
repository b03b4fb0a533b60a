package org.clearframe.ui;

import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.VoidedSignOffs;

import java.util.List;

/**
 * Asks before an edit that would make sign-offs stale, once per edit, naming them: "This change voids 4 sign-offs:
 * Director (Ana Ruiz), ...". Nothing is asked when the edit voids nothing. The edit stays undoable either way.
 */
final class VoidWarning {

    private VoidWarning() {}

    /** True when the edit of {@code before} into {@code after} may go ahead. */
    static boolean allows(Session session, DialogService dialogs, List<Shot> before, List<Shot> after) {
        return ask(dialogs, VoidedSignOffs.by(before, after, session.signOffs()), "Make the Change");
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
