package io.poolforge.ui.watch;

import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.diagnose.Action;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.ui.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A diagnosis on screen: cause, "from an older resize" when stale, the evidence, the remedy, the
 * source page, and a button for each of its actions that can be performed now. Shared by the watch
 * and the inspector. Texts are read when built: rebuild on a language switch.
 */
public final class DiagnosisCards {
    private DiagnosisCards() {
    }

    /**
     * @param performable the actions that can be performed now (others are advice only, no button)
     * @param onAction    called with the action and the diagnosis when its button is pressed
     */
    public static VBox card(I18n i18n, Diagnosis d, List<Action> performable, BiConsumer<Action, Diagnosis> onAction) {
        Label cause = line(i18n, "", d.causeText());
        cause.setWrapText(true);
        cause.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        cause.getStyleClass().addAll("diagnosis-cause", d.stale() ? "warning-text" : "danger");
        // A flow, not a row: on a narrow pane the badges wrap instead of being cut to "…".
        javafx.scene.layout.FlowPane head = new javafx.scene.layout.FlowPane(8, 4);
        if (d.stale()) {
            Label stale = new Label(i18n.get("watch.diagnosis.stale"));
            stale.getStyleClass().addAll("badge", "warn", "diagnosis-stale");
            head.getChildren().add(stale);
        }
        Label code = new Label(d.error() == null ? i18n.name(d.cause()) : d.error().code());
        code.getStyleClass().addAll("badge", d.stale() ? "warn" : "blocked");
        head.getChildren().add(0, code);
        Label level = new Label(i18n.get("ui.diagnose.level", i18n.get(d.confidence().key())));
        level.getStyleClass().addAll("badge", "diagnosis-level", switch (d.confidence()) {
            case CONFIRMED -> "blocked";
            case LIKELY -> "warn";
            case UNKNOWN -> "muted";
        });
        level.setUserData(d.confidence());
        level.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        head.getChildren().add(level);

        VBox evidence = new VBox(2);
        Label evidenceTitle = new Label(i18n.get("watch.diagnosis.evidence"));
        evidenceTitle.getStyleClass().add("text-bold");
        evidence.getChildren().add(evidenceTitle);
        for (LocalizedText t : d.evidence()) evidence.getChildren().add(line(i18n, "• ", t));
        VBox checked = list(i18n, "ui.diagnose.checked", d.checked(), "diagnosis-checked");
        VBox notChecked = list(i18n, "ui.diagnose.notChecked", d.notChecked(), "diagnosis-not-checked");
        Label remedyTitle = new Label(i18n.get("watch.diagnosis.remedy"));
        remedyTitle.getStyleClass().add("text-bold");
        Label remedy = line(i18n, "", d.remedy());
        Label source = new Label(i18n.get("watch.diagnosis.source", d.source()));
        source.getStyleClass().add("text-muted");
        source.setWrapText(true);
        source.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        FlowPane buttons = new FlowPane(6, 6);
        List<Action> mine = new ArrayList<>();
        mine.add(d.action());
        mine.addAll(d.alternatives());
        for (Action a : mine) {
            if (!performable.contains(a) || d.stale()) continue;
            Button b = new Button(i18n.get(a.key()));
            b.getStyleClass().add("diagnosis-action");
            b.setUserData(a);
            if (a == d.action()) b.getStyleClass().add("accent");
            b.setOnAction(e -> onAction.accept(a, d));
            buttons.getChildren().add(b);
        }
        VBox card = new VBox(6, head, cause, evidence);
        if (!d.checked().isEmpty()) card.getChildren().add(checked);
        if (!d.notChecked().isEmpty()) card.getChildren().add(notChecked);
        card.getChildren().addAll(remedyTitle, remedy, source);
        if (!buttons.getChildren().isEmpty()) card.getChildren().add(buttons);
        card.getStyleClass().addAll("step-card", "diagnosis-card");
        if (d.stale()) card.getStyleClass().add("stale");
        card.setPadding(new Insets(10));
        return card;
    }

    /** A titled list of what was checked (or could not be), one line each. */
    private static VBox list(I18n i18n, String titleKey, List<LocalizedText> items, String style) {
        VBox box = new VBox(2);
        box.getStyleClass().add(style);
        Label title = new Label(i18n.get(titleKey));
        title.getStyleClass().add("text-bold");
        box.getChildren().add(title);
        for (LocalizedText t : items) box.getChildren().add(line(i18n, "• ", t));
        return box;
    }

    /**
     * One line of a diagnosis, wrapped. A resource id among its arguments reads by its short name ("ubuntu2204-render/1.0.0",
     * as in the inspector's properties and tables); the full ids are on hover and in the line's "Copy full id" menu (PF-20: the
     * "Checked" lines repeated the 170-character image id). Azure's own words (evidence quoting Azure) are not arguments that
     * start with an id, so they stay whole.
     */
    static Label line(I18n i18n, String bullet, LocalizedText t) {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        Label l = new Label(bullet + i18n.get(shortIds(t, ids)));
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (!ids.isEmpty()) {
            l.setTooltip(new javafx.scene.control.Tooltip(String.join("\n", ids)));
            javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
            for (String id : ids) {
                javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem(ids.size() == 1 ? i18n.get("ui.copy.id")
                        : i18n.get("ui.copy.idOf", io.poolforge.ui.Tables.shortName(id)));
                copy.setOnAction(e -> io.poolforge.ui.Tables.toClipboard(id));
                menu.getItems().add(copy);
            }
            l.setContextMenu(menu);
            l.getProperties().put(FULL_IDS, List.copyOf(ids));
        }
        return l;
    }

    /** The key under a line's properties of the full ids it shortened (tests read them). */
    public static final String FULL_IDS = "poolforge.fullIds";

    /** {@code t} with every argument that is a resource id replaced by its short name, collecting the full ids. */
    static LocalizedText shortIds(LocalizedText t, java.util.Set<String> ids) {
        Object[] args = t.argsArray();
        boolean changed = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String s && s.regionMatches(true, 0, "/subscriptions/", 0, 15)) {
                ids.add(s);
                args[i] = io.poolforge.ui.Tables.shortName(s);
                changed = true;
            } else if (args[i] instanceof LocalizedText inner) {
                LocalizedText shortened = shortIds(inner, ids);
                if (shortened != inner) {
                    args[i] = shortened;
                    changed = true;
                }
            }
        }
        return changed ? LocalizedText.of(t.key(), args) : t;
    }

    static String text(I18n i18n, LocalizedText t) {
        return i18n.get(t.key(), t.argsArray());
    }
}
