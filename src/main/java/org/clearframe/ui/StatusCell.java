package org.clearframe.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.clearframe.model.Shot;
import org.clearframe.rules.Flag;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.ShotStatus;

import java.util.List;
import java.util.stream.Collectors;

/** A shot's sign-off state as an icon and a word, with the open signatures in the tooltip. */
final class StatusCell<S> extends TableCell<S, Shot> {

    private final Session session;

    StatusCell(Session session) {
        this.session = session;
    }

    @Override
    protected void updateItem(Shot shot, boolean empty) {
        super.updateItem(shot, empty);
        setText(null);
        setTooltip(null);
        if (empty || shot == null) {
            setGraphic(null);
            return;
        }
        ShotStatus status = session.status(shot);
        setGraphic(badge(status));
        List<Flag> flags = session.flags(shot.id());
        if (!flags.isEmpty()) setTooltip(new Tooltip(openRoles(flags)));
    }

    static Label badge(ShotStatus status) {
        Label label = new Label(glyph(status) + "  " + status.label());
        label.getStyleClass().addAll("status", "status-" + status.name().toLowerCase().replace('_', '-'));
        return label;
    }

    static String glyph(ShotStatus status) {
        return switch (status) {
            case NO_AI -> "–";
            case CLEAR -> "✔";
            case NEEDS_SIGNOFF -> "●";
            case STALE -> "↻";
            case DECLINED -> "✖";
        };
    }

    /** "Waiting on: VFX supervisor, Studio legal (DEAGE-PERFORMER) …", or that all is signed. */
    static String openRoles(List<Flag> flags) {
        String open = flags.stream().filter(Flag::open).map(f -> f.rule().id() + ": "
                + f.openSignatures().stream().map(RequiredSignature::who).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        return open.isEmpty() ? "Every required sign-off is recorded." : "Waiting on:\n" + open;
    }
}
