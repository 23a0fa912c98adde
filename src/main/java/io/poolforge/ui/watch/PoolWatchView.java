package io.poolforge.ui.watch;

import io.poolforge.domain.AllocationState;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.ui.I18n;
import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The watch on screen: current vs target dedicated and low-priority nodes, allocation state, the
 * image, node states as counts and as a grid, the progress of a stepwise resize, and the
 * diagnoses with their action buttons. Embeddable (the wizard's last step, the inspector).
 */
public final class PoolWatchView {
    private final PoolWatchViewModel model;
    private final I18n i18n;
    private Node view;

    public PoolWatchView(PoolWatchViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    public Node view() {
        if (view == null) view = build();
        return view;
    }

    private Node build() {
        Label title = new Label();
        title.getStyleClass().add("title-3");
        title.setId("watch-title");
        Label allocation = new Label();
        allocation.setId("watch-allocation");
        Button refresh = new Button();
        refresh.setId("watch-refresh");
        refresh.textProperty().bind(i18n.text("watch.refresh"));
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.watchingProperty().not());
        Label next = new Label();
        next.getStyleClass().add("text-muted");
        next.textProperty().bind(Bindings.createStringBinding(() -> {
            Duration d = model.nextPollDelayProperty().get();
            return d == null ? "" : i18n.get("watch.nextPoll", d.toSeconds());
        }, model.nextPollDelayProperty(), i18n.messagesProperty()));
        // PF-20: nothing in the header is cut to "…"; in a narrow window the countdown and Refresh go to a second line.
        for (javafx.scene.control.Labeled l : java.util.List.of(title, allocation, next, refresh)) l.setMinWidth(Region.USE_PREF_SIZE);
        HBox named = new HBox(10, title, allocation);
        named.setAlignment(Pos.CENTER_LEFT);
        HBox polling = new HBox(10, next, refresh);
        polling.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(24, 6, named, polling);
        header.setAlignment(Pos.CENTER_LEFT);

        Label dedicated = new Label();
        dedicated.setId("watch-dedicated");
        ProgressBar dedicatedBar = new ProgressBar(0);
        dedicatedBar.setMaxWidth(Double.MAX_VALUE);
        Label low = new Label();
        low.setId("watch-lowpriority");
        ProgressBar lowBar = new ProgressBar(0);
        lowBar.setMaxWidth(Double.MAX_VALUE);
        Label imageLine = new Label();
        imageLine.setId("watch-image");
        imageLine.setWrapText(true);
        imageLine.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane counts = new GridPane();
        counts.setHgap(10);
        counts.setVgap(4);
        counts.addRow(0, dedicated, dedicatedBar);
        counts.addRow(1, low, lowBar);
        GridPane.setHgrow(dedicatedBar, Priority.ALWAYS);
        GridPane.setHgrow(lowBar, Priority.ALWAYS);

        VBox states = new VBox(2);
        states.setId("watch-states");
        NodeGrid grid = new NodeGrid();
        grid.setId("watch-grid");
        Label more = new Label();
        more.setId("watch-grid-more");

        Label stepStatus = new Label();
        stepStatus.setId("watch-status");
        stepStatus.setWrapText(true);
        stepStatus.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        stepStatus.textProperty().bind(i18n.text(model.statusProperty()));
        ProgressBar stepBar = new ProgressBar();
        stepBar.setId("watch-steps");
        stepBar.setMaxWidth(Double.MAX_VALUE);
        stepBar.progressProperty().bind(model.stepProgressProperty());
        stepBar.visibleProperty().bind(model.steppingProperty());
        stepBar.managedProperty().bind(stepBar.visibleProperty());

        Label error = new Label();
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.textProperty().bind(i18n.text(model.errorProperty()));
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        Label diagnosesTitle = new Label();
        diagnosesTitle.getStyleClass().add("title-4");
        diagnosesTitle.textProperty().bind(i18n.text("watch.diagnoses.title"));
        Label none = new Label();
        none.textProperty().bind(i18n.text("watch.diagnoses.none"));
        none.visibleProperty().bind(Bindings.isEmpty(model.diagnoses()).and(model.poolProperty().isNotNull()));
        none.managedProperty().bind(none.visibleProperty());
        VBox cards = new VBox(8);
        cards.setId("watch-diagnoses");

        Runnable refreshTexts = () -> {
            PoolInfo p = model.pool();
            title.setText(i18n.get("watch.title", p == null ? (model.poolId() == null ? "" : model.poolId()) : p.id()));
            allocation.getStyleClass().removeAll("ok", "warn", "blocked");
            if (p == null) {
                allocation.setText("");
                allocation.getStyleClass().remove("badge");
            } else {
                allocation.setText(i18n.get(allocationKey(p.allocationState())));
                if (!allocation.getStyleClass().contains("badge")) allocation.getStyleClass().add("badge");
                allocation.getStyleClass().add(p.allocationState() == AllocationState.STEADY
                        ? (p.resizeErrors().isEmpty() ? "ok" : "blocked") : "warn");
            }
            dedicated.setText(p == null ? "" : i18n.get("watch.nodes.dedicated", p.currentDedicatedNodes(), p.targetDedicatedNodes()));
            low.setText(p == null ? "" : i18n.get("watch.nodes.lowPriority", p.currentLowPriorityNodes(), p.targetLowPriorityNodes()));
            dedicatedBar.setProgress(p == null ? 0 : fraction(p.currentDedicatedNodes(), p.targetDedicatedNodes()));
            lowBar.setProgress(p == null ? 0 : fraction(p.currentLowPriorityNodes(), p.targetLowPriorityNodes()));
            imageLine.setText(imageText(i18n, model.imageProperty().get()));
            imageLine.getStyleClass().removeAll("danger", "warning-text");
            ImageHealth img = model.imageProperty().get();
            if (img != null && Boolean.FALSE.equals(img.exists())) imageLine.getStyleClass().add("danger");
            else if (img != null && img.managed()) imageLine.getStyleClass().add("warning-text");

            states.getChildren().clear();
            for (NodeStates.StateCount c : model.stateCounts()) {
                Region square = new Region();
                square.getStyleClass().addAll("node-square", c.group().name().toLowerCase(java.util.Locale.ROOT));
                Label l = new Label(i18n.get("watch.states.row", stateLabel(i18n, c.state()), c.dedicated(), c.lowPriority()));
                HBox row = new HBox(6, square, l);
                row.setAlignment(Pos.CENTER_LEFT);
                states.getChildren().add(row);
            }
            NodeStates.Grid g = model.gridProperty().get();
            grid.show(g);
            more.setText(g.more() > 0 ? i18n.get("watch.grid.more", g.more()) : "");
            more.setVisible(g.more() > 0);
            more.setManaged(g.more() > 0);

            cards.getChildren().clear();
            for (Diagnosis d : model.diagnoses()) {
                cards.getChildren().add(DiagnosisCards.card(i18n, d, model.actions(), (a, diag) -> model.perform(a, diag)));
            }
        };
        model.poolProperty().addListener((o, a, b) -> refreshTexts.run());
        model.imageProperty().addListener((o, a, b) -> refreshTexts.run());
        model.gridProperty().addListener((o, a, b) -> refreshTexts.run());
        model.diagnoses().addListener((javafx.collections.ListChangeListener<Diagnosis>) c -> refreshTexts.run());
        model.actions().addListener((javafx.collections.ListChangeListener<io.poolforge.domain.diagnose.Action>) c -> refreshTexts.run());
        i18n.messagesProperty().addListener((o, a, b) -> refreshTexts.run());
        refreshTexts.run();

        Label statesTitle = new Label();
        statesTitle.getStyleClass().add("title-4");
        statesTitle.textProperty().bind(i18n.text("watch.states.title"));
        VBox root = new VBox(10, header, counts, imageLine, stepStatus, stepBar, error, statesTitle, states, grid, more,
                diagnosesTitle, none, cards);
        root.setPadding(new Insets(12));
        root.setId("pool-watch");
        root.getStyleClass().add("pool-watch");
        return root;
    }

    static double fraction(int current, int target) {
        return target <= 0 ? (current > 0 ? 1 : 0) : Math.min(1.0, (double) current / target);
    }

    static String allocationKey(AllocationState s) {
        return switch (s) {
            case STEADY -> "watch.allocation.steady";
            case RESIZING -> "watch.allocation.resizing";
            case STOPPING -> "watch.allocation.stopping";
        };
    }

    static String stateLabel(I18n i18n, String state) {
        return i18n.get(NodeStates.labelKey(state), state);
    }

    /** "Image: id — exists / no longer exists / could not be checked", or the Marketplace image. */
    public static String imageText(I18n i18n, ImageHealth img) {
        if (img == null) return "";
        if (!img.custom()) return i18n.get("watch.image.marketplace");
        String key = img.exists() == null ? "watch.image.unknown" : img.exists() ? "watch.image.exists" : "watch.image.missing";
        String text = i18n.get(key, img.imageId());
        if (img.managed()) text = text + " " + i18n.get("watch.image.managedRetired");
        return text;
    }
}
