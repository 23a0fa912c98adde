package io.poolforge.ui;

import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.AccessibleRole;
import javafx.scene.CacheHint;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.util.Duration;

/**
 * A small busy mark: an arc that turns while {@code busy} is true, and stops (and hides) when it is false.
 *
 * <p>It replaces JavaFX's indeterminate {@code ProgressIndicator}, which animates at every pulse (60 a second), and each
 * animated frame is a repaint: while 10,001 VMs were listed that cost 1.1 s of rendering and 0.25 s of FX-thread CPU
 * on a machine without a GPU (PF-13, docs/BENCHMARKS.md). This one moves an eighth of a turn 8 times a second; the arc
 * is drawn once into a cached bitmap and only its rotation changes.
 */
public final class BusySpinner extends StackPane {
    /** Steps a second: each one a repaint of the mark (a smooth turn would repaint at every pulse, 60 a second). */
    static final int STEPS_PER_SECOND = 8;

    private final Timeline turn;

    public BusySpinner(ObservableBooleanValue busy, javafx.beans.value.ObservableStringValue accessibleText) {
        Arc arc = new Arc(0, 0, 7, 7, 90, 270);
        arc.setType(ArcType.OPEN);
        arc.setFill(null);
        arc.setStrokeWidth(2.5);
        arc.getStyleClass().add("busy-spinner-arc");
        getChildren().add(arc);
        getStyleClass().add("busy-spinner");
        setMinSize(18, 18);
        setPrefSize(18, 18);
        setMaxSize(18, 18);
        arc.setCache(true);
        arc.setCacheHint(CacheHint.ROTATE);
        // An eighth of a turn at a time: the window is repainted 8 times a second while busy, not 60.
        turn = new Timeline();
        for (int i = 0; i <= STEPS_PER_SECOND; i++) {
            turn.getKeyFrames().add(new KeyFrame(Duration.millis(1000.0 * i / STEPS_PER_SECOND),
                    new KeyValue(arc.rotateProperty(), 360.0 * i / STEPS_PER_SECOND, Interpolator.DISCRETE)));
        }
        turn.setCycleCount(Animation.INDEFINITE);
        setAccessibleRole(AccessibleRole.PROGRESS_INDICATOR);
        accessibleTextProperty().bind(accessibleText);
        visibleProperty().bind(busy);
        visibleProperty().addListener((o, was, now) -> running(now));
        // Turning only while it is in a window: a page not shown does not animate.
        sceneProperty().addListener((o, was, now) -> running(isVisible()));
        running(isVisible());
    }

    private void running(boolean visible) {
        if (visible && getScene() != null) turn.play();
        else turn.stop();
    }

    /** True while the arc turns (tests). */
    public boolean isTurning() { return turn.getStatus() == Animation.Status.RUNNING; }
}
