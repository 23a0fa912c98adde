package io.poolforge.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.TaskProgressView;

/**
 * The window's status line: what runs in the background now (title, message, progress), and a
 * button that opens every running task in a ControlsFX TaskProgressView, where each can be cancelled.
 */
public final class TaskBar {
    private final HBox root;

    public TaskBar(I18n i18n, ObservableList<Task<?>> running) {
        Label text = new Label();
        text.setId("task-bar-text");
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(160);
        // A task that tells no progress shows the stepped busy mark, not an indeterminate bar: that one animates at every
        // pulse, and each frame is a repaint (PF-13).
        javafx.beans.property.BooleanProperty indeterminate = new javafx.beans.property.SimpleBooleanProperty();
        BusySpinner busy = new BusySpinner(indeterminate, text.textProperty());
        javafx.scene.layout.StackPane progress = new javafx.scene.layout.StackPane(bar, busy);
        progress.setPrefWidth(160);
        progress.setAlignment(Pos.CENTER_LEFT);
        ToggleButton all = new ToggleButton();
        all.setId("task-bar-all");
        all.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("ui.tasks.count", running.size()),
                running, i18n.messagesProperty()));
        // The ControlsFX pop-over is built the first time it opens: not on the first screen's path (PF-13).
        PopOver[] pop = new PopOver[1];
        all.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                if (pop[0] == null) {
                    TaskProgressView<Task<?>> view = new TaskProgressView<>();
                    Bindings.bindContent(view.getTasks(), running);
                    view.setPrefSize(420, 260);
                    pop[0] = new PopOver(view);
                    pop[0].setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
                    pop[0].setDetachable(false);
                    pop[0].setOnHidden(e -> all.setSelected(false));
                }
                pop[0].show(all);
            } else if (pop[0] != null) {
                pop[0].hide();
            }
        });

        Runnable show = () -> {
            text.textProperty().unbind();
            bar.progressProperty().unbind();
            bar.visibleProperty().unbind();
            indeterminate.unbind();
            if (running.isEmpty()) {
                text.textProperty().bind(i18n.text("ui.tasks.idle"));
                bar.setVisible(false);
                indeterminate.set(false);
                return;
            }
            Task<?> first = running.get(0);
            text.textProperty().bind(Bindings.createStringBinding(
                    () -> first.getMessage() == null || first.getMessage().isBlank() ? first.getTitle() : first.getTitle() + " \u2014 " + first.getMessage(),
                    first.titleProperty(), first.messageProperty()));
            bar.progressProperty().bind(first.progressProperty());
            bar.visibleProperty().bind(first.progressProperty().greaterThanOrEqualTo(0));
            indeterminate.bind(first.progressProperty().lessThan(0));
        };
        running.addListener((ListChangeListener<Task<?>>) c -> show.run());
        show.run();
        all.disableProperty().bind(Bindings.isEmpty(running));

        root = new HBox(10, text, progress, all);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(4, 24, 4, 24));
        root.getStyleClass().add("task-bar");
    }

    public Node root() { return root; }
}
