package org.clearframe.ui;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.clearframe.model.Shot;
import org.clearframe.rules.Flag;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.ShotStatus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A shot's sign-off state as an icon and a word, with the open signatures in the tooltip. The label and tooltip are
 * made once per cell and reused as the table scrolls; a re-check redraws only the cells showing a shot it touched.
 */
final class StatusCell<S> extends TableCell<S, Shot> {

    /**
     * The state as a pseudo-class of the badge (":needs-signoff"), not a style class: a style class changed as rows
     * scroll makes JavaFX match every selector against the badge again, a pseudo-class only switches between styles
     * it has already matched.
     */
    private static final Map<ShotStatus, PseudoClass> STATES = new EnumMap<>(ShotStatus.class);
    static {
        for (ShotStatus s : ShotStatus.values()) STATES.put(s, PseudoClass.getPseudoClass(styleClass(s).substring("status-".length())));
    }

    private final Session session;
    private final Label badge = new Label();
    private final Tooltip tooltip = new Tooltip();
    private ShotStatus shown;
    /** The shot whose open signatures the tooltip names, worked out only when it opens. */
    private UUID tooltipShot;

    StatusCell(Session session) {
        this.session = session;
        badge.getStyleClass().add("status");
        // The badge stays in the cell for good: taking it out and putting it back as rows scroll styles it afresh each time.
        setText(null);
        setGraphic(badge);
        setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        tooltip.setOnShowing(e -> {
            if (tooltipShot != null) tooltip.setText(openRoles(session.flags(tooltipShot)));
        });
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
        if (status != shown) {
            if (shown != null) badge.pseudoClassStateChanged(STATES.get(shown), false);
            badge.pseudoClassStateChanged(STATES.get(status), true);
            shown = status;
        }
        if (session.flags(shot.id()).isEmpty()) {
            tooltipShot = null;
            setTooltip(null);
        } else {
            tooltipShot = shot.id();
            if (tooltip.isShowing()) tooltip.setText(openRoles(session.flags(tooltipShot)));
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
