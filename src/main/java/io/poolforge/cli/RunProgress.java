package io.poolforge.cli;

import io.poolforge.domain.PoolForgeException;
import io.poolforge.i18n.Messages;
import io.poolforge.run.FirstNode;
import io.poolforge.run.FirstNodeSummary;
import io.poolforge.run.PlanRunner;
import io.poolforge.run.StepRecord;
import io.poolforge.run.StepStatus;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;

/**
 * The progress of {@code poolforge run} (or its clean-up) on stderr: one line per step start and
 * finish, and the hidden {@code --pause-after} stop for the kill tests.
 */
final class RunProgress implements PlanRunner.Listener {
    private final Messages m;
    private final PrintWriter err;
    private final boolean deleting;
    private final String pauseAfter;
    private final BooleanSupplier cancelled;

    /**
     * @param deleting   true for the clean-up's lines
     * @param pauseAfter the step (or STEP:start) to stop at, or null
     */
    RunProgress(Messages m, PrintWriter err, boolean deleting, String pauseAfter, BooleanSupplier cancelled) {
        this.m = m;
        this.err = err;
        this.deleting = deleting;
        this.pauseAfter = pauseAfter;
        this.cancelled = cancelled;
    }

    @Override
    public void stepStarted(StepRecord step, int index, int total) {
        err.println(m.get(deleting ? "cli.cleanUp.step.started" : "cli.run.step.started", index + 1, total, step.id(), step.name()));
        err.flush();
        pause(step.id() + ":start");
    }

    @Override
    public void stepProgress(StepRecord step, String status, int percent) {
        // One line per start and finish only: polls would flood a log.
    }

    @Override
    public void stepFinished(StepRecord step, int index, int total) {
        String key;
        if (deleting) key = "cli.cleanUp.step.deleted";
        else if (step.status() == StepStatus.FAILED) key = "cli.run.step.failed";
        else key = Boolean.TRUE.equals(step.created()) ? "cli.run.step.created" : "cli.run.step.reused";
        String detail = step.status() == StepStatus.FAILED ? String.valueOf(step.errorCode()) : step.resourceId();
        err.println(m.get(key, index + 1, total, step.id(), step.name(), detail));
        err.flush();
        pause(step.id());
    }

    /** PF-19: one line when the first-node stage starts, when the node changes state, and when the pool grows. */
    @Override
    public void firstNode(StepRecord step, FirstNode stage) {
        switch (stage.stage()) {
            case WATCHING -> {
                if (stage.nodeId() == null) {
                    err.println(m.get("cli.run.firstNode.watching", step.name(), FirstNodeSummary.kind(stage.dedicated())));
                    err.flush();
                    pause(step.id() + ":first-node");
                } else {
                    err.println(m.get("cli.run.firstNode.state", stage.nodeId(), stage.state()));
                }
            }
            case PROVED -> err.println("  " + m.text(FirstNodeSummary.line(stage)));
            case GROWN -> err.println(m.get("cli.run.firstNode.grown", step.name()));
            case FAILED -> err.println("  " + m.text(FirstNodeSummary.line(stage)));
        }
        err.flush();
    }

    private void pause(String point) {
        if (pauseAfter == null || !pauseAfter.equals(point)) return;
        err.println(m.get("cli.run.paused", point));
        err.flush();
        while (!cancelled.getAsBoolean()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new PoolForgeException("run.cancelled", point);
    }
}
