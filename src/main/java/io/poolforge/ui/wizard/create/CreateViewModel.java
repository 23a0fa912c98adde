package io.poolforge.ui.wizard.create;

import io.poolforge.domain.LocalizedText;

import io.poolforge.azure.Connection;
import io.poolforge.domain.PoolInfo;
import io.poolforge.plan.Plan;
import io.poolforge.run.Journal;
import io.poolforge.run.JournalStore;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.rules.Violation;
import io.poolforge.run.PlanRunner;
import io.poolforge.run.Preflight;
import io.poolforge.run.RunSteps;
import io.poolforge.run.RunId;
import io.poolforge.run.StepRecord;
import io.poolforge.run.StepStatus;
import io.poolforge.task.BackgroundTask;
import io.poolforge.task.TaskExecutor;
import io.poolforge.task.TaskHandle;
import io.poolforge.ui.I18n;
import io.poolforge.ui.wizard.WizardSession;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 7: runs the plan through {@link PlanRunner} (journal first, every step idempotent) as one
 * background task with a row per resource, then hands the pool to the watcher. Cancel stops
 * between or inside steps and says what exists in Azure; the user keeps it or deletes it.
 */
public final class CreateViewModel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CreateViewModel.class);
    private final WizardSession session;
    private final TaskExecutor tasks;
    private final I18n i18n;
    private final Function<Throwable, LocalizedText> describe;
    private final Function<Connection, JournalStoreAndRunner> runners;
    private final Supplier<Plan> plan;
    private final Consumer<Runnable> fxThread;
    private final Clock clock;

    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty finished = new SimpleBooleanProperty();
    private final ObjectProperty<LocalizedText> status = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> error = new SimpleObjectProperty<>();
    private final ObjectProperty<PoolInfo> pool = new SimpleObjectProperty<>();
    private final ObservableList<String> leftInAzure = FXCollections.observableArrayList();
    /** PF-19: the first-node option, stage and failure choices. */
    private final FirstNodeModel firstNode = new FirstNodeModel();
    /**
     * PF-20 (second pass): an interrupted run of this connection's journal folder that is not the one on the page (a
     * cancelled or failed run before "Create another pool" or a new run), offered again with Resume and Delete. In the
     * sandbox that folder lives as long as the sandbox (AppContext.runnerFor), so a demo can show a resume; with Azure it
     * is the PoolForge folder, which the sign-in also offers from.
     */
    private final ObjectProperty<Journal> offered = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> offerText = new SimpleObjectProperty<>();
    private TaskHandle handle;
    private volatile Journal journal;
    private volatile Plan resolved;

    /** What a run needs for a connection: where journals live and a runner over its gateways. */
    public record JournalStoreAndRunner(JournalStore store, PlanRunner runner, Preflight preflight) { }

    public CreateViewModel(WizardSession session, TaskExecutor tasks, I18n i18n, Function<Throwable, LocalizedText> describe,
                           Function<Connection, JournalStoreAndRunner> runners, Supplier<Plan> plan,
                           Consumer<Runnable> fxThread) {
        this.session = session;
        this.tasks = tasks;
        this.i18n = i18n;
        this.describe = describe;
        this.runners = runners;
        this.plan = plan;
        this.fxThread = fxThread;
        this.clock = session.clock();
        // A finished run belongs to the plan it ran: when the plan changes afterwards, the step starts over (PF-20:
        // new choices were silently ignored and Create stayed disabled). A new connection (another sandbox scenario,
        // another sign-in) starts over too, unless a run is going.
        session.poolProperty().addListener((o, a, b) -> {
            if (finished.get() && b != null && !b.equals(a)) reset();
        });
        session.connectionProperty().addListener((o, a, b) -> {
            if (a == b) return;
            // PF-20 (second pass): a run going on the old connection stops (its sandbox is gone, or its sign-in replaced);
            // when it has stopped the page starts over on the new connection (execute's onFinally), never watching the
            // run's pool through the new connection.
            if (running.get()) cancel();
            else reset();
        });
    }

    public ObservableList<StepRow> rows() { return rows; }

    /** PF-20: the interrupted run offered again on the page (null: none). */
    public ObjectProperty<Journal> offeredProperty() { return offered; }

    /** PF-20: what the offer says (run, pool, where it stopped, what it made). */
    public ObjectProperty<LocalizedText> offerTextProperty() { return offerText; }

    /** True while the wizard is connected to the sandbox (the page's promise says how resuming works there). */
    public javafx.beans.binding.BooleanBinding sandboxProperty() {
        return javafx.beans.binding.Bindings.createBooleanBinding(
                () -> session.connection() != null && session.connection().endpoints().isSandbox(), session.connectionProperty());
    }

    /**
     * Looks for an interrupted run of this connection other than the one on the page (background; FX thread to call).
     * Called when the page shows, after "Create another pool" (reset) and when a run ends.
     */
    public void refreshOffer() {
        Connection c = session.connection();
        if (c == null || running.get()) {
            clearOffer();
            return;
        }
        JournalStoreAndRunner r = runners.apply(c);
        Journal current = journal;
        record Found(Journal journal, String poolId) { }
        tasks.execute(BackgroundTask.of(i18n.get("wizard.create.offer.task"), ctx -> r.store().unfinished().stream()
                        .filter(j -> current == null || !j.runId().equals(current.runId()))
                        .findFirst().map(j -> new Found(j, r.store().plan(j).pool().poolId())).orElse(null))
                .onSuccess(found -> {
                    Journal now = journal;
                    if (found == null || running.get() || session.connection() != c
                            || (now != null && now.runId().equals(found.journal().runId()))) {
                        clearOffer();
                        return;
                    }
                    Journal j = found.journal();
                    offered.set(j);
                    offerText.set(LocalizedText.of("wizard.create.offer.text", j.runId(), found.poolId(),
                            j.firstUnfinished().map(StepRecord::name).orElse("?"), j.createdResources().size()));
                })
                .onFailure(e -> {
                    LOG.warn("Could not read the interrupted runs: {}", e.toString());
                    clearOffer();
                }));
    }

    private void clearOffer() {
        offered.set(null);
        offerText.set(null);
    }

    /** Resumes the offered run (it becomes the page's run; its journal is read again in the background). */
    public void resumeOffered() {
        Journal j = offered.get();
        if (j == null || running.get()) return;
        clearOffer();
        rows.clear();
        finished.set(false);
        status.set(null);
        pool.set(null);
        resolved = null;
        journal = j;
        Connection c = session.connection();
        JournalStoreAndRunner r = runners.apply(c);
        firstNode.reset();
        execute(c, r, () -> r.store().load(j.runId()), j.runId());
    }

    /** Deletes what the offered run created (it becomes the page's run, listed with what is left). */
    public void cleanUpOffered() {
        Journal j = offered.get();
        if (j == null || running.get()) return;
        clearOffer();
        cleanUp(j);
    }

    public BooleanProperty runningProperty() { return running; }

    public BooleanProperty finishedProperty() { return finished; }

    public ObjectProperty<LocalizedText> statusProperty() { return status; }

    public ObjectProperty<LocalizedText> errorProperty() { return error; }

    /** The created pool (for the watcher), once the run is done. */
    public ObjectProperty<PoolInfo> poolProperty() { return pool; }

    /** After a cancel or failure: what this run made that exists in Azure. */
    public ObservableList<String> leftInAzure() { return leftInAzure; }

    /** PF-19: the first-node option and stage. */
    public FirstNodeModel firstNode() { return firstNode; }

    /** Reads the first-node option's default and cost from the wizard's plan (FX thread, when the step shows). */
    public void refreshFirstNode() {
        Plan p;
        try {
            p = plan.get();
        } catch (RuntimeException e) {
            // The plan is not complete yet (the step is shown before the earlier steps are done): nothing to show.
            firstNode.refresh(null);
            return;
        }
        firstNode.refresh(p);
        Connection c = session.connection();
        if (c == null || !p.firstNode()) return;
        // The review of this run: what the last first node of the same image told (run folders read in the background).
        JournalStoreAndRunner r = runners.apply(c);
        tasks.execute(BackgroundTask.of(() -> i18n.get("wizard.create.left.task"),
                ctx -> io.poolforge.run.FirstNodeHistory.last(r.store(), p).orElse(null))
                .onSuccess(firstNode::previous)
                .onFailure(e -> LOG.debug("No first-node history: {}", e.toString())));
    }

    /**
     * Forgets the last run (finished, failed or cancelled) so that a new flow can start (PF-20: "Create another pool",
     * a changed plan after a finished run, a new connection). Does nothing while a run is going.
     */
    public void reset() {
        if (running.get()) return;
        rows.clear();
        finished.set(false);
        status.set(null);
        error.set(null);
        pool.set(null);
        leftInAzure.clear();
        journal = null;
        resolved = null;
        handle = null;
        firstNode.reset();
        // PF-20 (second pass): the run just forgotten, if it was interrupted, is offered again (it was lost before).
        refreshOffer();
    }

    /** Whether a run stopped half-way (cancelled or failed) can be continued in this session. */
    public boolean resumable() {
        return !running.get() && !finished.get() && journal != null;
    }

    public void start() {
        if (running.get() || finished.get()) return;
        Connection c = session.connection();
        JournalStoreAndRunner r = runners.apply(c);
        firstNode.reset();
        Plan p = firstNode.apply(plan.get());
        execute(c, r, () -> {
            RunId id = RunId.create(clock.instant(), new Random());
            // The one preflight every entry point applies (PF-8), before anything exists: not even the journal.
            refuseIfBlocked(r.preflight().check(RunSteps.resolve(p, id)));
            return r.store().start(p, id, clock.instant());
        }, p.pool().poolId());
    }

    /** Throws with the blocking rules' messages (localized) when the preflight refuses the plan. */
    private void refuseIfBlocked(Preflight.Result result) {
        if (!result.blocking()) return;
        String lines = String.join("\n", result.violations().stream().filter(Violation::blocks)
                .map(v -> v.code().name() + ": " + i18n.get(v.messageKey(), v.argsArray())).toList());
        throw new PoolForgeException("run.error.preflight", lines);
    }

    /** Continues the current run (after a cancel or a failure) from its first unfinished step. */
    public void resume() {
        Journal current = journal;
        if (running.get() || current == null) return;
        Connection c = session.connection();
        JournalStoreAndRunner r = runners.apply(c);
        firstNode.reset();
        execute(c, r, () -> r.store().load(current.runId()), resolved == null ? current.runId() : resolved.pool().poolId());
    }

    /** Continues a run found unfinished at start (the journal of an earlier session). */
    public void resume(Journal unfinished) {
        if (running.get()) return;
        Connection c = session.connection();
        execute(c, runners.apply(c), () -> unfinished, unfinished.runId());
    }

    /** Deletes what an unfinished run of an earlier session created (background). */
    public void cleanUp(Journal unfinished) {
        journal = unfinished;
        resolved = null;
        deleteLeftovers();
    }

    /** The journal's steps as rows (FX thread). */
    private void showRows(Journal j) {
        rows.setAll(j.steps().stream().map(s -> {
            StepRow row = new StepRow(s.id(), s.kind(), s.name());
            if (s.done()) row.statusProperty().set(Boolean.TRUE.equals(s.created()) ? "done" : "reused");
            return row;
        }).toList());
    }

    /**
     * Runs a journal in one background task: opening it (writing the plan and the journal, or
     * reading them) happens there too, never on the FX thread.
     */
    private void execute(Connection c, JournalStoreAndRunner r, Supplier<Journal> open, String poolName) {
        error.set(null);
        leftInAzure.clear();
        running.set(true);
        Map<String, String> tags = Map.of("createdBy", "PoolForge");
        java.util.function.Supplier<String> title = () -> i18n.get("wizard.create.task", poolName);
        handle = tasks.execute(BackgroundTask.of(title, ctx -> {
            Journal opened = open.get();
            Plan plan = r.store().plan(opened);
            journal = opened;
            resolved = plan;
            fxThread.accept(() -> showRows(opened));
            // PF-19: after a failed first node the pool's row shows the node's code; the pane above says the rest, localized.
            // The failed first node (null until one failed): its row says its state and code once, in the UI's language (PF-20).
            java.util.concurrent.atomic.AtomicReference<io.poolforge.run.FirstNode> firstNodeFailed = new java.util.concurrent.atomic.AtomicReference<>();
            PlanRunner.Listener listener = new PlanRunner.Listener() {
                @Override public void stepStarted(StepRecord step, int index, int total) {
                    ctx.updateMessage(() -> i18n.get("wizard.create.step.running", step.name()));
                    ctx.updateProgress(index, total);
                    row(step, "running", raw(""));
                }
                @Override public void stepProgress(StepRecord step, String st, int percent) {
                    row(step, "running", statusWords(st));
                }
                @Override public void stepFinished(StepRecord step, int index, int total) {
                    ctx.updateProgress(index + 1, total);
                    row(step, step.status() == StepStatus.SUCCEEDED ? (Boolean.TRUE.equals(step.created()) ? "done" : "reused") : "failed",
                            firstNodeFailed.get() != null
                                    ? io.poolforge.run.FirstNodeSummary.stateAndCode(firstNodeFailed.get().state(), firstNodeFailed.get().errorCode())
                                    : raw(step.errorMessage()));
                }
                @Override public void firstNode(StepRecord step, io.poolforge.run.FirstNode stage) {
                    if (stage.stage() == io.poolforge.run.FirstNode.Stage.FAILED) firstNodeFailed.set(stage);
                    fxThread.accept(() -> firstNode.stage(stage));
                    if (stage.stage() == io.poolforge.run.FirstNode.Stage.WATCHING) {
                        ctx.updateMessage(() -> i18n.get(FirstNodeSummaryKeys.WATCHING, step.name()));
                    }
                }
            };
            Journal done = r.runner().run(plan, opened, tags, listener, ctx::isCancelled);
            journal = done;
            return c.batch().getPool(PlanRunner.account(plan), plan.pool().poolId()).orElse(null);
        }).onSuccess(created -> {
            if (session.connection() != c) return; // the connection was replaced meanwhile: onFinally starts over
            finished.set(true);
            pool.set(created);
            // PF-20 (second pass): an empty pool is created with no nodes; "its nodes are being allocated" would be untrue.
            var counts = resolved.poolPlan();
            status.set(LocalizedText.of(counts.targetDedicatedNodes() + counts.targetLowPriorityNodes() == 0
                    ? "wizard.create.doneEmpty" : "wizard.create.done", resolved.pool().poolId()));
        }).onFailure(e -> {
            if (session.connection() != c) return; // stopped because the connection was replaced: onFinally says so
            markStopped();
            // PF-19: a failed first node shows its cause, remedy and choices in the first-node pane instead.
            if (e instanceof io.poolforge.run.FirstNodeFailure f) firstNode.failed(f);
            else error.set(describe.apply(e));
            reportLeftovers(r);
        }).onCancelled(() -> {
            if (session.connection() != c) return;
            markStopped();
            status.set(LocalizedText.of("wizard.create.cancelled"));
            reportLeftovers(r);
        }).onFinally(() -> {
            running.set(false);
            if (session.connection() != c) {
                String stopped = resolved != null ? resolved.pool().poolId() : poolName;
                reset();
                status.set(LocalizedText.of(c != null && c.endpoints().isSandbox() ? "wizard.create.stoppedBySwitch.sandbox"
                        : "wizard.create.stoppedBySwitch.azure", stopped));
                return;
            }
            refreshOffer();
        }));
    }

    /** PF-20: a row still "Working…" when the run has stopped (cancelled, failed) says it stopped (FX thread). */
    private void markStopped() {
        rows.stream().filter(x -> "running".equals(x.statusProperty().get())).forEach(x -> x.statusProperty().set("stopped"));
    }

    /**
     * An operation's status in the user's words (PF-20: "IN_PROGRESS" was shown as is). The statuses are ARM's:
     * "Track asynchronous Azure operations" (learn.microsoft.com/azure/azure-resource-manager/management/async-operations,
     * read 2026-12-07): provisioningState "can vary by operation but doesn't include Succeeded, Failed, or Canceled. Those
     * three values indicate the operation finished"; the Azure-AsyncOperation status is InProgress until then. The SDK's
     * poller says IN_PROGRESS / SUCCESSFULLY_COMPLETED / FAILED / USER_CANCELLED. A status not known here is shown raw.
     */
    /** An Azure provisioning status in our words where we have them; any other shown as Azure wrote it. */
    static io.poolforge.domain.LocalizedText statusWords(String status) {
        if (status == null || status.isBlank()) return raw("");
        String s = status.replace("_", "").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        String key = switch (s) {
            case "inprogress", "notstarted", "running", "accepted" -> "wizard.create.status.inProgress";
            case "creating" -> "wizard.create.status.creating";
            case "updating" -> "wizard.create.status.updating";
            case "succeeded", "successfullycompleted" -> "wizard.create.status.succeeded";
            case "failed" -> "wizard.create.status.failed";
            case "canceled", "cancelled", "usercancelled" -> "wizard.create.status.canceled";
            case "failed:re-creating" -> "wizard.create.status.recreating";
            default -> null;
        };
        return key == null ? raw(status) : io.poolforge.domain.LocalizedText.of(key);
    }

    /** Text shown as it is (Azure's own message, or nothing). */
    private static io.poolforge.domain.LocalizedText raw(String text) {
        return io.poolforge.domain.LocalizedText.of("inspect.value.raw", text == null ? "" : text);
    }

    public void cancel() {
        if (handle != null) handle.cancel();
    }

    /** Deletes what this run created (after a cancel or failure), newest first (background, journal read there). */
    public void deleteLeftovers() {
        Connection c = session.connection();
        JournalStoreAndRunner r = runners.apply(c);
        String runId = journal.runId();
        tasks.execute(BackgroundTask.of(() -> i18n.get("wizard.create.cleanup.task"), ctx -> {
            Journal j = r.store().load(runId);
            return r.runner().cleanUp(r.store().plan(j), j, PlanRunner.Listener.NONE, ctx::isCancelled);
        }).onSuccess(deleted -> {
            leftInAzure.clear();
            status.set(LocalizedText.of("wizard.create.cleanup.done", deleted.size()));
        }).onFailure(e -> error.set(describe.apply(e))));
    }

    /** Lists what the run made that exists in Azure (the journal is read in the background). */
    private void reportLeftovers(JournalStoreAndRunner r) {
        Journal current = journal;
        if (current == null) return;
        tasks.execute(BackgroundTask.of(() -> i18n.get("wizard.create.left.task"), ctx -> {
            Journal j = r.store().load(current.runId());
            List<String> ids = new java.util.ArrayList<>(j.createdResources().stream().map(x -> x.resourceId()).toList());
            j.uncertainResources().stream().map(x -> x.resourceId()).filter(u -> !ids.contains(u)).forEach(ids::add);
            return ids;
        }).onSuccess(leftInAzure::setAll)
          .onFailure(e -> {
              LOG.warn("Could not read the journal of run {}", current.runId(), e);
              error.set(describe.apply(e));
          }));
    }

    private void row(StepRecord step, String state, io.poolforge.domain.LocalizedText detail) {
        fxThread.accept(() -> rows.stream().filter(x -> x.id().equals(step.id())).findFirst().ifPresent(x -> {
            x.statusProperty().set(state);
            x.detailProperty().set(detail == null ? raw("") : detail);
        }));
    }
}
