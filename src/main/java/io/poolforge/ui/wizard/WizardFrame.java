package io.poolforge.ui.wizard;

import io.poolforge.ui.I18n;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The wizard inside the main window: the step list on the left (where you are, where you have
 * been), the current step in the middle, Back / Next at the bottom. It follows ControlsFX's
 * Wizard model (a Flow decides the next page, a page's invalid property disables Next), but is
 * embedded in the window rather than a modal dialog: see docs/DECISIONS.md.
 */
public final class WizardFrame extends BorderPane {
    private final I18n i18n;
    private final WizardFlow flow;
    private final ObjectProperty<WizardStep> current = new SimpleObjectProperty<>();
    private final Deque<WizardStep> history = new ArrayDeque<>();
    private final VBox stepList = new VBox(2);
    private final StackPane content = new StackPane();
    private final Button back = new Button();
    private final Button next = new Button();
    private final ScrollPane scroll;
    private final Label blocked = new Label();

    public WizardFrame(I18n i18n, WizardFlow flow) {
        this.i18n = i18n;
        this.flow = flow;
        getStyleClass().add("wizard-frame");

        stepList.getStyleClass().add("step-list");
        stepList.setPadding(new Insets(16, 12, 16, 12));
        stepList.setMinWidth(190);
        stepList.setPrefWidth(210);
        List<WizardStep> steps = flow.steps();
        for (int i = 0; i < steps.size(); i++) {
            WizardStep step = steps.get(i);
            Label label = new Label();
            int number = i + 1;
            label.textProperty().bind(Bindings.createStringBinding(
                    () -> number + ".  " + i18n.get(step.titleKey()), i18n.messagesProperty()));
            label.setId("step-" + step.id());
            label.getStyleClass().add("step-item");
            label.setMaxWidth(Double.MAX_VALUE);
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            label.setPadding(new Insets(8, 10, 8, 10));
            stepList.getChildren().add(label);
        }
        setLeft(stepList);

        content.setPadding(new Insets(20, 24, 12, 24));
        content.getStyleClass().add("step-content");
        // Long steps scroll; tables inside a step still take the height that is left.
        scroll = io.poolforge.ui.Scrolls.uncached(new ScrollPane(content));
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);

        back.setId("wizard-back");
        back.textProperty().bind(i18n.text("ui.wizard.back"));
        back.setOnAction(e -> goBack());
        back.setCancelButton(true); // Esc goes back a step (PF-14 keyboard)
        next.setId("wizard-next");
        next.textProperty().bind(i18n.text("ui.wizard.next"));
        next.setDefaultButton(true);
        next.setOnAction(e -> goNext());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        blocked.setId("wizard-blocked");
        blocked.setWrapText(true);
        blocked.getStyleClass().add("text-muted");
        blocked.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(blocked, Priority.ALWAYS);
        HBox buttons = new HBox(8, blocked, spacer, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 24, 14, 24));
        buttons.getStyleClass().add("wizard-buttons");
        setBottom(buttons);

        current.addListener((obs, old, now) -> show(now));
        if (!steps.isEmpty()) current.set(steps.get(0));
    }

    public ReadOnlyObjectProperty<WizardStep> currentStepProperty() { return current; }

    public WizardStep currentStep() { return current.get(); }

    public List<WizardStep> stepsInOrder() { return flow.steps(); }

    /** The labels of the step list, in order (for tests and accessibility). */
    public List<String> stepTitles() {
        return stepList.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    public void goNext() {
        WizardStep now = current.get();
        if (now == null || now.invalidProperty().get()) return;
        Optional<WizardStep> following = flow.next(now);
        if (following.isEmpty()) return;
        now.onLeave();
        history.push(now);
        current.set(following.get());
    }

    public void goBack() {
        if (history.isEmpty()) return;
        current.get().onLeave();
        current.set(history.pop());
    }

    /**
     * A new flow (PF-20: "Create another pool"): forgets the way here and opens {@code step}, with the steps before it
     * in the order of the flow as the way back.
     */
    public void startOver(WizardStep step) {
        if (!flow.steps().contains(step)) throw new IllegalArgumentException(step.id());
        WizardStep now = current.get();
        if (now != null) now.onLeave();
        history.clear();
        for (WizardStep s : flow.steps()) {
            if (s == step) break;
            history.push(s);
        }
        if (now == step) show(step); else current.set(step);
    }

    /** Jumps to a step (e.g. the inspector's "replacement pool" opens the pool step). */
    public void goTo(WizardStep step) {
        if (!flow.steps().contains(step)) throw new IllegalArgumentException(step.id());
        WizardStep now = current.get();
        if (now == step) return;
        if (now != null) {
            now.onLeave();
            history.push(now);
        }
        current.set(step);
    }

    private void show(WizardStep step) {
        if (getScene() == null && content.getChildren().isEmpty()) {
            // PF-21: the first step's view is built, styled and laid out in a pulse after the frame's own (opening the
            // wizard was one ~120 ms piece of FX-thread work: the view models, the frame and the step, then their first
            // CSS and layout pass). The frame shows at once; the step ~17 ms later, before a person can reach it.
            io.poolforge.ui.Pulses.inPulses(this, () -> {
                if (current.get() == step && content.getChildren().isEmpty()) attach(step);
            });
        } else {
            attach(step);
        }
        List<WizardStep> steps = flow.steps();
        int at = steps.indexOf(step);
        for (int i = 0; i < steps.size(); i++) {
            var item = stepList.getChildren().get(i);
            item.getStyleClass().removeAll("current", "done");
            if (i == at) item.getStyleClass().add("current");
            else if (history.contains(steps.get(i))) item.getStyleClass().add("done");
        }
        back.disableProperty().unbind();
        back.setDisable(history.isEmpty());
        BooleanBinding noNext = Bindings.createBooleanBinding(() -> flow.next(step).isEmpty());
        next.disableProperty().bind(Bindings.or(step.invalidProperty(), noNext));
        javafx.beans.value.ObservableValue<String> why = step.blockedKey();
        blocked.textProperty().bind(Bindings.createStringBinding(() -> {
            String key = why.getValue();
            return step.invalidProperty().get() && key != null ? i18n.get(key) : "";
        }, why, step.invalidProperty(), i18n.messagesProperty()));
        step.onEnter();
    }

    private void attach(WizardStep step) {
        content.getChildren().setAll(step.view());
        // Every step opens at its top (PF-20: the pool step opened at the image step's scroll position, hiding its title).
        scroll.setVvalue(0);
        scroll.setHvalue(0);
        // PF-20: the keyboard stays in the page: focus goes to the step's first control, not back to the header.
        javafx.application.Platform.runLater(() -> {
            javafx.scene.Scene scene = getScene();
            javafx.scene.Node owner = scene == null ? null : scene.getFocusOwner();
            if (scene == null || current.get() != step || (owner != null && isInside(owner, content))) return;
            javafx.scene.Node first = firstFocusable(step.view());
            if (first != null) first.requestFocus();
        });
    }

    private static boolean isInside(javafx.scene.Node n, javafx.scene.Node container) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) if (p == container) return true;
        return false;
    }

    /** The first control a Tab would reach in {@code n}: visible, enabled, focus-traversable. */
    private static javafx.scene.Node firstFocusable(javafx.scene.Node n) {
        if (!n.isVisible() || n.isDisabled()) return null;
        if (n instanceof javafx.scene.control.Control c && c.isFocusTraversable()) return c;
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
                javafx.scene.Node f = firstFocusable(child);
                if (f != null) return f;
            }
        }
        return null;
    }
}
