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
        Label cause = new Label(text(i18n, d.causeText()));
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
        for (LocalizedText t : d.evidence()) {
            Label l = new Label("• " + text(i18n, t));
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            evidence.getChildren().add(l);
        }
        VBox checked = list(i18n, "ui.diagnose.checked", d.checked(), "diagnosis-checked");
        VBox notChecked = list(i18n, "ui.diagnose.notChecked", d.notChecked(), "diagnosis-not-checked");
        Label remedyTitle = new Label(i18n.get("watch.diagnosis.remedy"));
        remedyTitle.getStyleClass().add("text-bold");
        Label remedy = new Label(text(i18n, d.remedy()));
        remedy.setWrapText(true);
        remedy.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
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
        for (LocalizedText t : items) {
            Label l = new Label("• " + text(i18n, t));
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            box.getChildren().add(l);
        }
        return box;
    }

    static String text(I18n i18n, LocalizedText t) {
        return i18n.get(t.key(), t.argsArray());
    }
}
