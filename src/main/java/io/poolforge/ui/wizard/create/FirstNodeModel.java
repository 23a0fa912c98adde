package io.poolforge.ui.wizard.create;

import io.poolforge.domain.LocalizedText;
import io.poolforge.plan.Plan;
import io.poolforge.run.FirstNode;
import io.poolforge.run.FirstNodeFailure;
import io.poolforge.run.FirstNodeSummary;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * PF-19 on the create step: the "first node, then the rest" option (on by default for a custom image, with what it
 * costs), the stage as the run goes, and — when the first node fails — the diagnosers' cause and remedy and the three
 * ways on (delete what the run made, keep the pool for inspection, resume once fixed). FX thread only; the run's
 * callbacks reach it through the create step's {@code fxThread}.
 */
public final class FirstNodeModel {
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final BooleanProperty applies = new SimpleBooleanProperty();
    private final BooleanProperty skippedNoNodes = new SimpleBooleanProperty();
    private final ObjectProperty<LocalizedText> cost = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> stage = new SimpleObjectProperty<>();
    private final ObjectProperty<FirstNode.Stage> stageKind = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> cause = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> remedy = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> failure = new SimpleObjectProperty<>();
    private final BooleanProperty failed = new SimpleBooleanProperty();
    private final ObjectProperty<LocalizedText> choice = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> previous = new SimpleObjectProperty<>();
    private final javafx.beans.property.StringProperty stderr = new javafx.beans.property.SimpleStringProperty("");
    private boolean touched;

    /** Whether the run proves the image on one node first (the user's choice, or the plan's default). */
    public BooleanProperty enabledProperty() { return enabled; }

    /** Whether the option means anything for this plan (a pool of more than one node). */
    public BooleanProperty appliesProperty() { return applies; }

    /** PF-20 (second pass): the plan's pool has no nodes, so the first-node check is skipped (and the page says so). */
    public BooleanProperty skippedNoNodesProperty() { return skippedNoNodes; }

    /** What the option costs, in minutes (bounded by the resize timeout). */
    public ObjectProperty<LocalizedText> costProperty() { return cost; }

    /** The stage's line as the run goes (null before it). */
    public ObjectProperty<LocalizedText> stageProperty() { return stage; }

    public ObjectProperty<FirstNode.Stage> stageKindProperty() { return stageKind; }

    public ObjectProperty<LocalizedText> causeProperty() { return cause; }

    public ObjectProperty<LocalizedText> remedyProperty() { return remedy; }

    /** The failure's headline (pool, node, state, code). */
    public ObjectProperty<LocalizedText> failureProperty() { return failure; }

    /** True when the first node failed and the three choices are offered. */
    public BooleanProperty failedProperty() { return failed; }

    /** What the user chose after a failure (kept for inspection, deleting, resuming). */
    public ObjectProperty<LocalizedText> choiceProperty() { return choice; }

    /** The failed node's start task stderr tail (masked), empty when there is none. */
    public javafx.beans.property.StringProperty stderrProperty() { return stderr; }

    /** What the last first node of the same image told (the review of this run), null when none is known. */
    public ObjectProperty<LocalizedText> previousProperty() { return previous; }

    /** The last first node of this image (FX thread). */
    public void previous(FirstNode fn) {
        previous.set(fn == null ? null : LocalizedText.of("wizard.create.firstNode.previous", FirstNodeSummary.line(fn)));
    }

    /** The user set the check box: the plan's default no longer applies. */
    public void choose(boolean on) {
        touched = true;
        enabled.set(on);
    }

    /** Reads the option's default and its cost from the plan the wizard built (FX thread; no I/O). */
    public void refresh(Plan plan) {
        if (plan == null || plan.pool() == null) {
            applies.set(false);
            skippedNoNodes.set(false);
            return;
        }
        int nodes = nz(plan.pool().targetDedicatedNodes()) + nz(plan.pool().targetLowPriorityNodes());
        applies.set(nodes > 1);
        skippedNoNodes.set(nodes == 0);
        if (!touched) enabled.set(plan.firstNode());
        boolean dedicated = nz(plan.pool().targetDedicatedNodes()) > 0;
        cost.set(LocalizedText.of("wizard.create.firstNode.cost", FirstNodeSummary.kind(dedicated), plan.resizeTimeout().toMinutes()));
    }

    /** The plan the run executes: the wizard's, with the option as shown. */
    public Plan apply(Plan plan) {
        if (plan == null || plan.pool() == null) return plan;
        return touched || plan.pool().firstNode() != null ? plan.withFirstNode(enabled.get()) : plan;
    }

    /** A new run or a resume starts: the previous failure is cleared. */
    public void reset() {
        stage.set(null);
        stageKind.set(null);
        failed.set(false);
        cause.set(null);
        remedy.set(null);
        failure.set(null);
        choice.set(null);
        stderr.set("");
    }

    /** The run's stage changed (FX thread). */
    public void stage(FirstNode fn) {
        stageKind.set(fn.stage());
        stage.set(FirstNodeSummary.line(fn));
    }

    /** The first node failed (FX thread): the cause and remedy, and the choices. */
    public void failed(FirstNodeFailure f) {
        failure.set(LocalizedText.of("wizard.create.firstNode.failed", f.poolId(), f.nodeId(), f.nodeState(),
                f.azureCode() == null ? "-" : f.azureCode()));
        cause.set(f.cause());
        remedy.set(f.remedy());
        stderr.set(f.startTaskStderr());
        failed.set(true);
    }

    /** "Keep it for inspection": nothing is deleted or resized; the pool stays with its one node (delete or resume later). */
    public void keep(String poolId) {
        choice.set(LocalizedText.of("wizard.create.firstNode.kept", poolId));
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }
}
