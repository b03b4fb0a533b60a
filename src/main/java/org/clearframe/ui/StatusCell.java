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

/**
 * A shot's sign-off state as an icon and a word, with the open signatures in the tooltip. The label and tooltip are
 * made once per cell and reused as the table scrolls; a re-check redraws only the cells showing a shot it touched.
 */
final class StatusCell<S> extends TableCell<S, Shot> {

    private final Session session;
    private final Label badge = new Label();
    private final Tooltip tooltip = new Tooltip();
    private String statusClass;

    StatusCell(Session session) {
        this.session = session;
        badge.getStyleClass().add("status");
        // The badge stays in the cell for good: taking it out and putting it back as rows scroll styles it afresh each time.
        setText(null);
        setGraphic(badge);
        setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        session.recheckedProperty().addListener((o, was, now) -> {
            Shot shot = getItem();
            if (now != null && shot != null && !isEmpty() && now.touches(shot.id())) show(shot);
        });
    }

    @Override
    protected void updateItem(Shot shot, boolean empty) {
        super.updateItem(shot, empty);
        if (empty || shot == null) {
            badge.setText("");
            setTooltip(null);
            return;
        }
        show(shot);
    }

    private void show(Shot shot) {
        ShotStatus status = session.status(shot);
        badge.setText(glyph(status) + "  " + status.label());
        String style = styleClass(status);
        if (!style.equals(statusClass)) {
            if (statusClass != null) badge.getStyleClass().remove(statusClass);
            badge.getStyleClass().add(style);
            statusClass = style;
        }
        List<Flag> flags = session.flags(shot.id());
        if (flags.isEmpty()) {
            setTooltip(null);
        } else {
            tooltip.setText(openRoles(flags));
            if (getTooltip() != tooltip) setTooltip(tooltip);
        }
    }

    private static String styleClass(ShotStatus status) {
        return "status-" + status.name().toLowerCase().replace('_', '-');
    }

    static Label badge(ShotStatus status) {
        Label label = new Label(glyph(status) + "  " + status.label());
        label.getStyleClass().addAll("status", styleClass(status));
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
