package io.poolforge.run;

import io.poolforge.azure.BatchGateway;
import io.poolforge.domain.AllocationState;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.diagnose.Diagnoser;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.diagnose.DiagnosisEvidence;
import io.poolforge.domain.nodes.ComputeNode;
import io.poolforge.domain.nodes.NodeDiagnoser;
import io.poolforge.domain.nodes.NodeError;
import io.poolforge.domain.nodes.NodeErrorGroup;
import io.poolforge.domain.rules.ResizePlanner;
import io.poolforge.domain.rules.ResizeStep;
import io.poolforge.plan.Plan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * PF-19, the "first node" stage of a run's pool step: the pool is created with one node (dedicated, or Spot when the
 * plan has only Spot nodes), the node is watched to {@code idle} — with a start task that waits for success, Batch
 * keeps it in {@code waitingForStartTask} until the task ends and puts it in {@code startTaskFailed} if it fails
 * (ComputeNodeState, Batch REST, read 2026-12-07) — and only then is the pool resized to the plan's counts, in steps of
 * at most 300 nodes ({@link ResizePlanner}). A node that ends {@code unusable} or {@code startTaskFailed}, or a resize
 * that ends with errors and no node, stops the run before anything more is asked for; the node's errors, its start
 * task's output and the pool's resize errors go through the diagnosers ({@link NodeDiagnoser}, {@link Diagnoser}).
 *
 * <p>Azure, not the journal, decides: a pool whose target is already above one was grown by this run after the node
 * proved the image (it is never grown before), so a resume does not watch it again; otherwise the stage watches the
 * pool's one node, whatever the journal says. The journal records the stage ({@link FirstNode}) for the resume's words,
 * the summary and the diagnostic bundle.
 */
final class FirstNodeStage {
    /** The node states that end the stage with a failure (Batch REST ComputeNodeState). */
    private static final List<String> FAILED_STATES = List.of("unusable", "startTaskFailed");
    /** The node states that prove the image: the node agent runs and the start task (if any) succeeded. */
    private static final List<String> PROVED_STATES = List.of("idle", "running");
    /** How much of a failed start task's stderr goes into the cause (lines). */
    static final int STDERR_LINES = 10;
    /** Beyond the resize timeout, how long a node may take to boot before the stage gives up. */
    static final Duration BOOT_ALLOWANCE = Duration.ofMinutes(30);

    private final BatchGateway batch;
    private final JournalStore store;
    private final Clock clock;
    private final Duration pollDelay;
    /** The journal as last saved by the stage (the runner runs one run at a time on one thread). */
    private volatile Journal last;

    FirstNodeStage(BatchGateway batch, JournalStore store, Clock clock, Duration pollDelay) {
        this.batch = batch;
        this.store = store;
        this.clock = clock;
        this.pollDelay = pollDelay;
    }

    /** The plan's pool with one node: dedicated, or Spot when the plan has no dedicated node. */
    static PoolPlan oneNode(Plan plan) {
        // PoolPlan.oneNode keeps the pool's security profile (PF-16): a Trusted Launch image's first node needs it too.
        return plan.poolPlan().oneNode();
    }

    /**
     * Runs the stage for the pool the step made (or found made by this run); returns the journal with the stage's
     * record (saved at each change). Throws {@code run.firstNode.failed} (after saving FAILED) when the node does not
     * prove the image, before any resize.
     */
    Journal prove(Plan plan, Journal journal, StepRecord step, PlanRunner.Listener listener, BooleanSupplier cancelled) {
        BatchAccountInfo account = PlanRunner.account(plan);
        String poolId = plan.pool().poolId();
        PoolPlan full = plan.poolPlan();
        PoolInfo pool = readPool(account, poolId, step);
        Journal j = journal;
        FirstNode fn = j.firstNode();
        if (pool.targetNodes() > 1) {
            // Grown already: this run grows the pool only after its node proved the image.
            if (fn == null || fn.stage() != FirstNode.Stage.GROWN) {
                j = save(j, (fn == null ? FirstNode.watching(full.targetDedicatedNodes() > 0, clock.instant()) : fn).grown());
            }
            return grow(plan, j, step, listener, cancelled, account, pool);
        }
        if (fn == null || fn.stage() != FirstNode.Stage.PROVED) {
            FirstNode watching = fn == null || fn.stage() == FirstNode.Stage.GROWN
                    ? FirstNode.watching(full.targetDedicatedNodes() > 0, clock.instant())
                    : new FirstNode(FirstNode.Stage.WATCHING, fn.dedicated(), fn.nodeId(), fn.allocatedAt(), null,
                            fn.nodeAgentVersion(), fn.state(), null, null, fn.startedAt() == null ? clock.instant() : fn.startedAt());
            j = save(j, watching);
            listener.firstNode(step, watching);
            j = watch(plan, j, step, listener, cancelled, account);
        }
        return grow(plan, j, step, listener, cancelled, account, readPool(account, poolId, step));
    }

    /** Watches the one node until it proves the image (PROVED saved) or fails (FAILED saved, then thrown). */
    private Journal watch(Plan plan, Journal journal, StepRecord step, PlanRunner.Listener listener, BooleanSupplier cancelled,
                          BatchAccountInfo account) {
        String poolId = plan.pool().poolId();
        Journal j = journal;
        FirstNode fn = j.firstNode();
        Instant deadline = (fn.startedAt() == null ? clock.instant() : fn.startedAt()).plus(plan.resizeTimeout()).plus(BOOT_ALLOWANCE);
        String lastState = null;
        while (true) {
            if (cancelled.getAsBoolean()) throw new PoolForgeException("run.cancelled", step.name());
            List<ComputeNode> nodes = batch.computeNodes(account, poolId, null);
            Optional<ComputeNode> node = nodes.stream().findFirst();
            if (node.isPresent()) {
                ComputeNode n = node.get();
                if (!n.state().equals(lastState) || !n.id().equals(fn.nodeId())) {
                    fn = fn.seen(n.id(), n.state(), n.allocationTime(), n.nodeAgentVersion());
                    j = save(j, fn);
                    listener.firstNode(step, fn);
                    lastState = n.state();
                }
                if (PROVED_STATES.stream().anyMatch(n::inState)) {
                    Instant idle = n.stateTransitionTime() != null ? n.stateTransitionTime() : clock.instant();
                    fn = fn.proved(idle);
                    j = save(j, fn);
                    listener.firstNode(step, fn);
                    return j;
                }
                if (FAILED_STATES.stream().anyMatch(n::inState)) throw nodeFailed(plan, j, step, listener, account, n);
            } else {
                PoolInfo pool = readPool(account, poolId, step);
                if (pool.allocationState() == AllocationState.STEADY && !pool.resizeErrors().isEmpty()) {
                    throw resizeFailed(j, step, listener, pool);
                }
            }
            if (clock.instant().isAfter(deadline)) {
                fn = fn.failed("Timeout", null);
                j = save(j, fn);
                listener.firstNode(step, fn);
                throw new PoolForgeException("run.firstNode.timeout", null, "Timeout", null, poolId,
                        fn.state() == null ? "-" : fn.state(), plan.resizeTimeout().plus(BOOT_ALLOWANCE).toMinutes());
            }
            sleep(step, cancelled);
        }
    }

    /** The node failed: its errors (and its start task's stderr) through the node diagnoser; FAILED saved. */
    private PoolForgeException nodeFailed(Plan plan, Journal j, StepRecord step, PlanRunner.Listener listener,
                                          BatchAccountInfo account, ComputeNode n) {
        List<NodeErrorGroup> groups = NodeDiagnoser.diagnose(List.of(n));
        NodeErrorGroup g = groups.isEmpty() ? null : groups.get(0);
        // Azure's code, or none: the node's state is not a code (PF-20: it read "unusable (unusable)").
        String code = g != null && g.code() != null ? g.code()
                : n.errors().stream().map(NodeError::code).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        String message = g != null && g.message() != null ? g.message() : null;
        String stderr = "";
        if (n.startTaskFailed()) {
            try {
                stderr = NodeDiagnoser.tail(batch.nodeFileTail(account, plan.pool().poolId(), n.id(), "startup/stderr.txt", 8192),
                        STDERR_LINES);
            } catch (PoolForgeException | UnsupportedOperationException e) {
                stderr = "";
            }
        }
        String recorded = stderr.isEmpty() ? message : (message == null ? "" : message + "\n") + stderr;
        FirstNode fn = j.firstNode().failed(code, recorded);
        save(j, fn);
        listener.firstNode(step, fn);
        LocalizedText cause = g != null ? g.causeText() : LocalizedText.of("run.firstNode.noDiagnosis", n.state());
        LocalizedText remedy = g != null ? g.remedy() : LocalizedText.of("run.firstNode.noRemedy");
        return new FirstNodeFailure(plan.pool().poolId(), n.id(), n.state(), code, message, stderr, cause, remedy,
                g == null ? null : g.source());
    }

    /** No node came: the pool's resize errors through the resize diagnoser; FAILED saved. */
    private PoolForgeException resizeFailed(Journal j, StepRecord step, PlanRunner.Listener listener, PoolInfo pool) {
        ResizeError e = pool.resizeErrors().get(0);
        List<Diagnosis> ds = Diagnoser.diagnose(DiagnosisEvidence.of(pool));
        Diagnosis d = ds.isEmpty() ? null : ds.get(0);
        FirstNode seen = j.firstNode();
        FirstNode fn = seen.seen(seen.nodeId(), "-", seen.allocatedAt(), seen.nodeAgentVersion()).failed(e.code(), e.message());
        save(j, fn);
        listener.firstNode(step, fn);
        return new FirstNodeFailure(pool.id(), "-", "-", e.code(), e.message(), "",
                d == null ? LocalizedText.of("run.firstNode.noDiagnosis", e.code()) : d.causeText(),
                d == null ? LocalizedText.of("run.firstNode.noRemedy") : d.remedy(), d == null ? null : d.source());
    }

    /**
     * The node proved the image: resizes to the plan's counts from the pool's current targets, in steps of at most
     * 300 nodes; each step but the last waits for the pool to be steady and stops on its resize errors. GROWN saved
     * once the last resize is asked for.
     */
    private Journal grow(Plan plan, Journal journal, StepRecord step, PlanRunner.Listener listener, BooleanSupplier cancelled,
                         BatchAccountInfo account, PoolInfo pool) {
        PoolPlan full = plan.poolPlan();
        Journal j = journal;
        if (pool.targetDedicatedNodes() == full.targetDedicatedNodes() && pool.targetLowPriorityNodes() == full.targetLowPriorityNodes()) {
            return j.firstNode() != null && j.firstNode().stage() == FirstNode.Stage.GROWN ? j : save(j, j.firstNode().grown());
        }
        if (j.firstNode() == null || !j.firstNode().provedImage()) {
            // Never reached: prove() watches first. Kept as the invariant's guard.
            throw new IllegalStateException("resize before the first node proved the image");
        }
        List<ResizeStep> steps = ResizePlanner.plan(pool.targetDedicatedNodes(), pool.targetLowPriorityNodes(),
                full.targetDedicatedNodes(), full.targetLowPriorityNodes());
        for (int i = 0; i < steps.size(); i++) {
            if (cancelled.getAsBoolean()) throw new PoolForgeException("run.cancelled", step.name());
            ResizeStep s = steps.get(i);
            Duration timeout = steps.size() == 1 ? full.resizeTimeout()
                    : s.resizeTimeout().compareTo(full.resizeTimeout()) > 0 ? s.resizeTimeout() : full.resizeTimeout();
            // Batch resizes only a pool whose allocation state is steady: a node can be idle while its pool still resizes.
            awaitSteady(plan, step, cancelled, account);
            listener.stepProgress(step, "resize " + s.targetDedicatedNodes() + "+" + s.targetLowPriorityNodes(), -1);
            batch.resizePool(account, full.poolId(), s.targetDedicatedNodes(), s.targetLowPriorityNodes(), timeout);
        }
        j = save(j, j.firstNode().grown());
        listener.firstNode(step, j.firstNode());
        return j;
    }

    /** Waits for a stepwise resize's step to end; its resize errors stop the run with their diagnosis. */
    private void awaitSteady(Plan plan, StepRecord step, BooleanSupplier cancelled, BatchAccountInfo account) {
        while (true) {
            PoolInfo p = readPool(account, plan.pool().poolId(), step);
            if (p.allocationState() == AllocationState.STEADY) {
                if (!p.resizeErrors().isEmpty()) {
                    List<Diagnosis> ds = Diagnoser.diagnose(DiagnosisEvidence.of(p));
                    ResizeError e = p.resizeErrors().get(0);
                    throw new PoolForgeException("run.firstNode.stepFailed", null, e.code(), null, p.id(), p.currentNodes(),
                            p.targetNodes(), ds.isEmpty() ? e.code() : ds.get(0).causeText());
                }
                return;
            }
            sleep(step, cancelled);
        }
    }

    private PoolInfo readPool(BatchAccountInfo account, String poolId, StepRecord step) {
        return batch.getPool(account, poolId).orElseThrow(() -> new PoolForgeException("run.error.vanished", step.name(), step.resourceId()));
    }

    private Journal save(Journal j, FirstNode fn) {
        Journal next = j.with(fn);
        store.save(next);
        last = next;
        return next;
    }

    /** {@code j} with the stage as last saved for its run (after a failure thrown from {@link #prove}). */
    Journal latest(Journal j) {
        Journal l = last;
        return l != null && l.runId().equals(j.runId()) ? j.with(l.firstNode()) : j;
    }

    private void sleep(StepRecord step, BooleanSupplier cancelled) {
        long until = System.nanoTime() + Math.max(1_000_000L, pollDelay.toNanos());
        while (System.nanoTime() < until) {
            if (cancelled.getAsBoolean()) throw new PoolForgeException("run.cancelled", step.name());
            try {
                Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PoolForgeException("run.cancelled", step.name());
            }
        }
    }
}
