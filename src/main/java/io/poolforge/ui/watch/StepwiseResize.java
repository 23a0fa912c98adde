package io.poolforge.ui.watch;

import io.poolforge.domain.LocalizedText;

import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.diagnose.Action;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.rules.ResizePlanner;
import io.poolforge.domain.rules.ResizeStep;
import io.poolforge.ui.I18n;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * A resize in steps of up to {@link ResizePlanner#STEP_NODES} nodes, each with its own resize timeout:
 * asks before it starts, starts each step when the previous one reached its target (judged after each
 * poll) and stops on the first step that fails, keeping its diagnosis. Its progress goes to the
 * watch's status line. FX thread only.
 */
final class StepwiseResize {
    /** Sends the resize of one step. */
    interface Resizer {
        void resize(int dedicated, int lowPriority, Duration timeout, ResizeStep step);
    }

    private final I18n i18n;
    private final Confirmer confirmer;
    private final ObjectProperty<LocalizedText> status;
    private final Resizer resizer;

    private final BooleanProperty stepping = new SimpleBooleanProperty();
    private final DoubleProperty stepProgress = new SimpleDoubleProperty(-1);
    private final ObjectProperty<Diagnosis> stepFailure = new SimpleObjectProperty<>();

    private List<ResizeStep> steps;
    private int stepIndex;

    /** @param status the watch's status line */
    StepwiseResize(I18n i18n, Confirmer confirmer, ObjectProperty<LocalizedText> status, Resizer resizer) {
        this.i18n = i18n;
        this.confirmer = confirmer;
        this.status = status;
        this.resizer = resizer;
    }

    ReadOnlyBooleanProperty steppingProperty() { return stepping; }

    ReadOnlyDoubleProperty stepProgressProperty() { return stepProgress; }

    ReadOnlyObjectProperty<Diagnosis> stepFailureProperty() { return stepFailure; }

    /** The steps of the current (or last) stepwise resize. */
    List<ResizeStep> steps() { return steps == null ? List.of() : steps; }

    /** Whether steps are left to judge or start. */
    boolean active() { return steps != null; }

    /** Plans the steps from the pool's current counts to the targets, asks, and starts the first one. */
    boolean start(PoolInfo p, int targetDedicated, int targetLowPriority) {
        List<ResizeStep> plan = ResizePlanner.plan(p.currentDedicatedNodes(), p.currentLowPriorityNodes(),
                targetDedicated, targetLowPriority);
        String list = plan.stream().map(s -> String.valueOf(s.targetNodes())).collect(Collectors.joining(" → "));
        String text = i18n.get("watch.confirm.resizeInSteps", p.id(), p.currentNodes(), targetDedicated + targetLowPriority,
                plan.size(), ResizePlanner.STEP_NODES, list);
        if (!confirmer.confirm(Action.RESIZE_IN_STEPS.key(), text)) return false;
        steps = plan;
        stepFailure.set(null);
        stepping.set(true);
        startStep(0);
        return true;
    }

    private void startStep(int index) {
        stepIndex = index;
        ResizeStep s = steps.get(index);
        status.set(LocalizedText.of("watch.steps.progress", index + 1, steps.size(), s.targetNodes(), s.resizeTimeout().toMinutes()));
        stepProgress.set((double) index / steps.size());
        resizer.resize(s.targetDedicatedNodes(), s.targetLowPriorityNodes(), s.resizeTimeout(), s);
    }

    /**
     * After a poll while {@link #active()} and no request is in flight: updates the progress and, once
     * the pool's state is the step's outcome ({@code judged}), starts the next step, finishes or stops.
     */
    void polled(PoolInfo p, List<Diagnosis> found, boolean judged) {
        ResizeStep s = steps.get(stepIndex);
        int reached = Math.min(p.currentNodes(), s.targetNodes());
        int from = stepIndex == 0 ? 0 : steps.get(stepIndex - 1).targetNodes();
        double within = s.targetNodes() <= from ? 1.0 : Math.max(0.0, (double) (reached - from) / (s.targetNodes() - from));
        stepProgress.set((stepIndex + Math.min(1.0, within)) / steps.size());
        if (!judged) return;
        List<Diagnosis> current = found.stream().filter(d -> !d.stale()).toList();
        boolean reachedTarget = p.currentDedicatedNodes() >= s.targetDedicatedNodes()
                && p.currentLowPriorityNodes() >= s.targetLowPriorityNodes();
        if (!current.isEmpty() || !reachedTarget) {
            stepFailure.set(current.isEmpty() ? null : current.get(0));
            status.set(LocalizedText.of("watch.steps.failed", stepIndex + 1, steps.size(), p.currentNodes(), s.targetNodes()));
            stepping.set(false);
            steps = null;
            return;
        }
        if (stepIndex + 1 < steps.size()) {
            startStep(stepIndex + 1);
        } else {
            stepProgress.set(1.0);
            status.set(LocalizedText.of("watch.steps.done", p.id(), p.currentNodes(), steps.size()));
            stepping.set(false);
            steps = null;
        }
    }

    /** The resize request of {@code step} failed: the steps stop there ({@code current}: the pool as last seen, or null). */
    void requestFailed(PoolInfo current, ResizeStep step) {
        status.set(LocalizedText.of("watch.steps.failed", stepIndex + 1, steps().size(),
                current == null ? 0 : current.currentNodes(), step.targetNodes()));
        stepping.set(false);
        steps = null;
    }

    /** The user stopped the pool's resize: says so if steps were under way, and ends them. */
    void stopped(String poolId) {
        if (steps != null) {
            status.set(LocalizedText.of("watch.steps.stopped", poolId, stepIndex + 1, steps.size()));
        }
        end();
    }

    /** Ends any stepwise resize without a word. */
    void end() {
        steps = null;
        stepping.set(false);
        stepProgress.set(-1);
    }
}
