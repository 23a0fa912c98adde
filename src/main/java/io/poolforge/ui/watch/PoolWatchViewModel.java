package io.poolforge.ui.watch;

import io.poolforge.azure.Connection;
import io.poolforge.azure.NodeCounts;
import io.poolforge.domain.AllocationState;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.diagnose.Action;
import io.poolforge.domain.diagnose.Diagnoser;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.diagnose.DiagnosisEvidence;
import io.poolforge.domain.rules.ResizePlanner;
import io.poolforge.domain.rules.ResizeStep;
import io.poolforge.task.BackgroundTask;
import io.poolforge.task.Scheduler;
import io.poolforge.task.TaskExecutor;
import io.poolforge.task.TaskHandle;
import io.poolforge.ui.I18n;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Watches one pool: polls it (pool, node counts and, when it has resize errors, the evidence the
 * diagnoser needs) as background tasks scheduled by the injected {@link Scheduler} — every 2 s while
 * it resizes, backing off to 30 s while it is steady — and offers the diagnoses' remedies as
 * confirmed actions: resize again, resize in steps, stop the resize, raise the resize timeout,
 * open the quota request page, and (through {@link PoolRemedies}) rebuild the image or recreate
 * the pool. FX thread only; the FX thread never waits: each poll and each Azure call is a task.
 */
public final class PoolWatchViewModel {
    /** Poll interval while the pool resizes or right after an action. */
    public static final Duration FAST = Duration.ofSeconds(2);
    /** The longest poll interval, reached by doubling while the pool is steady. */
    public static final Duration SLOWEST = Duration.ofSeconds(30);
    /** Steady polls after a resize request with no sign of it, after which the pool's state is taken as its outcome. */
    static final int STEADY_POLLS_TO_JUDGE = 3;

    private static final Set<Action> PERFORMABLE = EnumSet.of(Action.RESIZE_AGAIN, Action.RESIZE_IN_STEPS,
            Action.STOP_RESIZE, Action.RAISE_TIMEOUT, Action.OPEN_QUOTA_REQUEST, Action.RESTORE_IMAGE,
            Action.REBUILD_IN_GALLERY, Action.RECREATE_POOL);

    private final TaskExecutor tasks;
    private final Scheduler scheduler;
    private final I18n i18n;
    private final Function<Throwable, String> describe;
    private final Confirmer confirmer;
    private final Consumer<URI> openUri;
    private final PoolRemedies remedies;
    private final Clock clock;

    private final ObjectProperty<PoolInfo> pool = new SimpleObjectProperty<>();
    private final ObjectProperty<ImageHealth> image = new SimpleObjectProperty<>();
    private final ObservableList<NodeStates.StateCount> stateCounts = FXCollections.observableArrayList();
    private final ObjectProperty<NodeStates.Grid> grid = new SimpleObjectProperty<>(new NodeStates.Grid(List.of(), 0));
    private final ObservableList<Diagnosis> diagnoses = FXCollections.observableArrayList();
    private final ObservableList<Action> actions = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty watching = new SimpleBooleanProperty();
    private final ObjectProperty<Duration> nextPollDelay = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> lastPolled = new SimpleObjectProperty<>();
    private final BooleanProperty stepping = new SimpleBooleanProperty();
    private final DoubleProperty stepProgress = new SimpleDoubleProperty(-1);
    private final ObjectProperty<Diagnosis> stepFailure = new SimpleObjectProperty<>();

    // Watch target and polling state (FX thread).
    private Connection connection;
    private BatchAccountInfo account;
    private String poolId;
    private int generation;
    private Scheduler.Scheduled pending;
    private TaskHandle pollHandle;
    private boolean polling;
    private boolean pollRequested;
    private Duration interval = FAST;
    // Cached look-ups: the image once per watch, the diagnoses while the errors stay the same.
    private ImageHealth imageCache;
    private String diagnosedSignature;
    private List<Diagnosis> diagnosedCache = List.of();
    // The last resize PoolForge requested.
    private Instant requestedAt;
    private boolean sawResizing;
    private int steadyPollsSinceRequest;
    // Stepwise resize.
    private List<ResizeStep> steps;
    private int stepIndex;

    /**
     * @param tasks      runs the polls and the Azure calls (callbacks on the FX thread)
     * @param scheduler  schedules the next poll ({@code FxScheduler} in the app)
     * @param describe   the localized text of an error ({@code DialogService::describe})
     * @param confirmer  asks before each action ({@code DialogService::confirm})
     * @param openUri    opens a web page (the app uses HostServices.showDocument)
     * @param remedies   what the wizard does for "rebuild the image" and "recreate the pool"
     * @param clock      for the time a resize was requested (stale errors)
     */
    public PoolWatchViewModel(TaskExecutor tasks, Scheduler scheduler, I18n i18n, Function<Throwable, String> describe,
                              Confirmer confirmer, Consumer<URI> openUri, PoolRemedies remedies, Clock clock) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.describe = Objects.requireNonNull(describe, "describe");
        this.confirmer = Objects.requireNonNull(confirmer, "confirmer");
        this.openUri = Objects.requireNonNull(openUri, "openUri");
        this.remedies = Objects.requireNonNull(remedies, "remedies");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- state ------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<PoolInfo> poolProperty() { return pool; }

    public PoolInfo pool() { return pool.get(); }

    /** The pool's image as looked up (null until the first poll). */
    public ReadOnlyObjectProperty<ImageHealth> imageProperty() { return image; }

    public ObservableList<NodeStates.StateCount> stateCounts() { return stateCounts; }

    public ReadOnlyObjectProperty<NodeStates.Grid> gridProperty() { return grid; }

    public ObservableList<Diagnosis> diagnoses() { return diagnoses; }

    /** The actions PoolForge can perform now, from the diagnoses and the pool's state. */
    public ObservableList<Action> actions() { return actions; }

    public ReadOnlyStringProperty errorProperty() { return error; }

    public ReadOnlyStringProperty statusProperty() { return status; }

    /** An action (resize, stop) is being sent. */
    public ReadOnlyBooleanProperty busyProperty() { return busy; }

    public ReadOnlyBooleanProperty watchingProperty() { return watching; }

    /** The delay before the next poll, as last scheduled. */
    public ReadOnlyObjectProperty<Duration> nextPollDelayProperty() { return nextPollDelay; }

    public ReadOnlyObjectProperty<Instant> lastPolledProperty() { return lastPolled; }

    /** A stepwise resize is under way. */
    public ReadOnlyBooleanProperty steppingProperty() { return stepping; }

    /** Progress across the steps of a stepwise resize, 0..1 (-1: none). */
    public ReadOnlyDoubleProperty stepProgressProperty() { return stepProgress; }

    /** The diagnosis a stepwise resize stopped on, or null. */
    public ReadOnlyObjectProperty<Diagnosis> stepFailureProperty() { return stepFailure; }

    /** The steps of the current (or last) stepwise resize. */
    public List<ResizeStep> steps() { return steps == null ? List.of() : steps; }

    public String poolId() { return poolId; }

    // ---- watching ---------------------------------------------------------------------------

    /** Starts watching a pool (stops watching the previous one). */
    public void watch(Connection connection, BatchAccountInfo account, String poolId) {
        stop();
        this.connection = Objects.requireNonNull(connection, "connection");
        this.account = Objects.requireNonNull(account, "account");
        this.poolId = Objects.requireNonNull(poolId, "poolId");
        watching.set(true);
        interval = FAST;
        pollNow();
    }

    /** Stops polling and forgets the pool's state; an action already sent to Azure is not undone. */
    public void stop() {
        generation++;
        if (pending != null) pending.cancel();
        pending = null;
        if (pollHandle != null) pollHandle.cancel();
        pollHandle = null;
        polling = false;
        pollRequested = false;
        watching.set(false);
        nextPollDelay.set(null);
        imageCache = null;
        diagnosedSignature = null;
        diagnosedCache = List.of();
        requestedAt = null;
        sawResizing = false;
        endSteps();
        pool.set(null);
        image.set(null);
        stateCounts.clear();
        grid.set(new NodeStates.Grid(List.of(), 0));
        diagnoses.clear();
        actions.clear();
        error.set("");
        status.set("");
    }

    /** Polls now (the user pressed Refresh), then goes on at the usual pace. */
    public void refresh() {
        if (poolId == null) return;
        interval = FAST;
        pollNow();
    }

    private record PollResult(PoolInfo pool, NodeCounts counts, ImageHealth image, String signature,
                              List<Diagnosis> diagnoses) { }

    private void pollNow() {
        if (poolId == null) return;
        if (polling) {
            pollRequested = true;
            return;
        }
        if (pending != null) pending.cancel();
        pending = null;
        polling = true;
        int gen = generation;
        Connection c = connection;
        BatchAccountInfo acct = account;
        String id = poolId;
        ImageHealth knownImage = imageCache;
        String knownSignature = diagnosedSignature;
        List<Diagnosis> knownDiagnoses = diagnosedCache;
        Instant requested = requestedAt;
        boolean resizeSeen = sawResizing;
        pollHandle = tasks.execute(BackgroundTask.of(i18n.get("watch.task.poll", id), ctx -> {
            PoolInfo p = c.batch().getPool(acct, id)
                    .orElseThrow(() -> new PoolForgeException("watch.error.poolNotFound", id, acct.name()));
            ctx.throwIfCancelled();
            NodeCounts counts = c.batch().nodeCounts(acct, id);
            ctx.throwIfCancelled();
            int unusable = counts.dedicated("unusable") + counts.lowPriority("unusable");
            // Errors of an older resize are stale while ours has not shown itself finished.
            boolean ours = resizeSeen && p.allocationState() == AllocationState.STEADY;
            Instant staleAfter = ours ? null : requested;
            String signature = signature(p, unusable, staleAfter);
            boolean needEvidence = !p.resizeErrors().isEmpty() || unusable > 0;
            boolean errorsChanged = needEvidence && !signature.equals(knownSignature);
            ImageHealth img = knownImage;
            if (img == null || errorsChanged) img = PoolLookups.inspectImage(c.compute(), p.customImageId());
            ctx.throwIfCancelled();
            List<Diagnosis> found;
            if (!needEvidence) {
                found = List.of();
            } else if (!errorsChanged) {
                found = knownDiagnoses;
            } else {
                DiagnosisEvidence ev = PoolLookups.evidence(c.batch(), acct, p, counts, img, staleAfter);
                found = Diagnoser.diagnose(ev);
            }
            return new PollResult(p, counts, img, signature, found);
        }).onSuccess(r -> {
            if (gen != generation) return;
            apply(r);
        }).onFailure(e -> {
            if (gen != generation) return;
            error.set(describe.apply(e));
            interval = slower(interval);
        }).onFinally(() -> {
            if (gen != generation) return;
            polling = false;
            pollHandle = null;
            if (pollRequested) {
                pollRequested = false;
                pollNow();
            } else {
                schedulePoll(interval);
            }
        }));
    }

    private void schedulePoll(Duration delay) {
        if (pending != null) pending.cancel();
        nextPollDelay.set(delay);
        int gen = generation;
        pending = scheduler.schedule(delay, () -> {
            if (gen == generation) {
                pending = null;
                pollNow();
            }
        });
    }

    private static Duration slower(Duration d) {
        Duration twice = d.multipliedBy(2);
        return twice.compareTo(SLOWEST) > 0 ? SLOWEST : twice;
    }

    private static String signature(PoolInfo p, int unusable, Instant staleAfter) {
        return p.resizeErrors().stream().map(e -> e.code() + "|" + e.message()).collect(Collectors.joining(";"))
                + "#" + p.lastResizeStartTime() + "#" + p.allocationStateTransitionTime() + "#" + unusable + "#"
                + staleAfter + "#" + p.targetDedicatedNodes() + "/" + p.targetLowPriorityNodes() + "#" + p.resizeTimeout();
    }

    private void apply(PollResult r) {
        PoolInfo p = r.pool();
        error.set("");
        lastPolled.set(clock.instant());
        pool.set(p);
        imageCache = r.image();
        image.set(r.image());
        diagnosedSignature = r.signature();
        diagnosedCache = r.diagnoses();
        List<NodeStates.StateCount> counts = NodeStates.counts(r.counts());
        stateCounts.setAll(counts);
        grid.set(NodeStates.grid(counts, NodeStates.GRID_CAP));
        diagnoses.setAll(r.diagnoses());
        actions.setAll(offeredActions(p, r.diagnoses()));

        boolean steady = p.allocationState() == AllocationState.STEADY;
        if (requestedAt != null) {
            if (!steady) sawResizing = true;
            else steadyPollsSinceRequest++;
        }
        interval = steady && !stepping.get() ? slower(interval) : FAST;
        if (steps != null) advanceSteps(p, r.diagnoses());
    }

    /** The performable actions: the diagnoses' (not stale) first, then what the pool's state allows. */
    List<Action> offeredActions(PoolInfo p, List<Diagnosis> found) {
        Set<Action> out = new LinkedHashSet<>();
        for (Diagnosis d : found) {
            if (d.stale()) continue;
            out.add(d.action());
            out.addAll(d.alternatives());
        }
        if (p.allocationState() == AllocationState.RESIZING) out.add(Action.STOP_RESIZE);
        if (p.allocationState() == AllocationState.STEADY && p.currentNodes() < p.targetNodes()) {
            out.add(Action.RESIZE_AGAIN);
            if (p.targetNodes() - p.currentNodes() > ResizePlanner.STEP_NODES) out.add(Action.RESIZE_IN_STEPS);
        }
        out.retainAll(PERFORMABLE);
        if (p.allocationState() != AllocationState.RESIZING) out.remove(Action.STOP_RESIZE);
        if (out.contains(Action.RESIZE_IN_STEPS) && p.targetNodes() <= ResizePlanner.STEP_NODES) {
            out.remove(Action.RESIZE_IN_STEPS);
        }
        if (p.allocationState() != AllocationState.STEADY) {
            out.removeAll(EnumSet.of(Action.RESIZE_AGAIN, Action.RESIZE_IN_STEPS, Action.RAISE_TIMEOUT));
        }
        return List.copyOf(out);
    }

    /** Whether the action can be performed now (the view enables its button by this). */
    public boolean canPerform(Action action) {
        return action != null && actions.contains(action) && !busy.get();
    }

    // ---- actions ----------------------------------------------------------------------------

    /**
     * Performs {@code action} for {@code diagnosis} (null when not about one) after the user confirms.
     * Returns false when not confirmed or not performable.
     */
    public boolean perform(Action action, Diagnosis diagnosis) {
        return switch (action) {
            case RESIZE_AGAIN -> resizeAgain();
            case RESIZE_IN_STEPS -> resizeInSteps();
            case STOP_RESIZE -> stopResize();
            case RAISE_TIMEOUT -> raiseTimeout();
            case OPEN_QUOTA_REQUEST -> openQuotaRequest();
            case RESTORE_IMAGE, REBUILD_IN_GALLERY -> rebuildImage(diagnosis);
            case RECREATE_POOL -> recreatePool(diagnosis);
            default -> false;
        };
    }

    /** Resizes the pool again to its targets with its resize timeout. */
    public boolean resizeAgain() {
        PoolInfo p = pool.get();
        if (p == null || busy.get()) return false;
        Duration timeout = timeoutOf(p);
        String text = i18n.get("watch.confirm.resizeAgain", p.id(), p.targetDedicatedNodes(), p.targetLowPriorityNodes(),
                timeout.toMinutes());
        if (!confirmer.confirm(Action.RESIZE_AGAIN.key(), text)) return false;
        endSteps();
        requestResize(p.targetDedicatedNodes(), p.targetLowPriorityNodes(), timeout, null);
        return true;
    }

    /** Resizes the pool again with a longer resize timeout: the advised one, or 15 minutes more if it already has that. */
    public boolean raiseTimeout() {
        PoolInfo p = pool.get();
        if (p == null || busy.get()) return false;
        Duration current = timeoutOf(p);
        Duration raised = raisedTimeout(current, p.targetNodes());
        String text = i18n.get("watch.confirm.raiseTimeout", p.id(), p.targetNodes(), current.toMinutes(), raised.toMinutes());
        if (!confirmer.confirm(Action.RAISE_TIMEOUT.key(), text)) return false;
        endSteps();
        requestResize(p.targetDedicatedNodes(), p.targetLowPriorityNodes(), raised, null);
        return true;
    }

    static Duration raisedTimeout(Duration current, int nodes) {
        Duration advised = ResizePlanner.recommendedTimeout(nodes);
        return current.compareTo(advised) < 0 ? advised : current.plusMinutes(15);
    }

    /** Resizes in steps of up to 300 nodes to the pool's own targets. */
    public boolean resizeInSteps() {
        PoolInfo p = pool.get();
        if (p == null) return false;
        return resizeInSteps(p.targetDedicatedNodes(), p.targetLowPriorityNodes());
    }

    /**
     * Resizes in steps of up to 300 nodes (each with its own resize timeout) from the current counts
     * to the targets; each step starts when the previous one reached its target, and the whole stops
     * on the first step that fails, with its diagnosis in {@link #stepFailureProperty()}.
     */
    public boolean resizeInSteps(int targetDedicated, int targetLowPriority) {
        PoolInfo p = pool.get();
        if (p == null || busy.get()) return false;
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
        status.set(i18n.get("watch.steps.progress", index + 1, steps.size(), s.targetNodes(), s.resizeTimeout().toMinutes()));
        stepProgress.set((double) index / steps.size());
        requestResize(s.targetDedicatedNodes(), s.targetLowPriorityNodes(), s.resizeTimeout(), s);
    }

    /** Called after each poll during a stepwise resize. */
    private void advanceSteps(PoolInfo p, List<Diagnosis> found) {
        ResizeStep s = steps.get(stepIndex);
        if (busy.get() || requestedAt == null) return;
        int reached = Math.min(p.currentNodes(), s.targetNodes());
        int from = stepIndex == 0 ? 0 : steps.get(stepIndex - 1).targetNodes();
        double within = s.targetNodes() <= from ? 1.0 : Math.max(0.0, (double) (reached - from) / (s.targetNodes() - from));
        stepProgress.set((stepIndex + Math.min(1.0, within)) / steps.size());
        if (!judged(p)) return;
        List<Diagnosis> current = found.stream().filter(d -> !d.stale()).toList();
        boolean reachedTarget = p.currentDedicatedNodes() >= s.targetDedicatedNodes()
                && p.currentLowPriorityNodes() >= s.targetLowPriorityNodes();
        if (!current.isEmpty() || !reachedTarget) {
            stepFailure.set(current.isEmpty() ? null : current.get(0));
            status.set(i18n.get("watch.steps.failed", stepIndex + 1, steps.size(), p.currentNodes(), s.targetNodes()));
            stepping.set(false);
            steps = null;
            return;
        }
        if (stepIndex + 1 < steps.size()) {
            startStep(stepIndex + 1);
        } else {
            stepProgress.set(1.0);
            status.set(i18n.get("watch.steps.done", p.id(), p.currentNodes(), steps.size()));
            stepping.set(false);
            steps = null;
        }
    }

    /** Whether the pool's steady state is the outcome of the resize PoolForge requested. */
    private boolean judged(PoolInfo p) {
        if (p.allocationState() != AllocationState.STEADY) return false;
        if (sawResizing) return true;
        if (p.lastResizeStartTime() != null && !p.lastResizeStartTime().isBefore(requestedAt)) return true;
        return steadyPollsSinceRequest >= STEADY_POLLS_TO_JUDGE;
    }

    private void endSteps() {
        steps = null;
        stepping.set(false);
        stepProgress.set(-1);
    }

    private void requestResize(int dedicated, int lowPriority, Duration timeout, ResizeStep step) {
        Connection c = connection;
        BatchAccountInfo acct = account;
        String id = poolId;
        int gen = generation;
        busy.set(true);
        error.set("");
        requestedAt = clock.instant();
        sawResizing = false;
        steadyPollsSinceRequest = 0;
        tasks.execute(BackgroundTask.of(i18n.get("watch.task.resize", id, dedicated, lowPriority),
                ctx -> c.batch().resizePool(acct, id, dedicated, lowPriority, timeout))
                .onSuccess(p -> {
                    if (gen != generation) return;
                    if (p != null) {
                        if (p.allocationState() != AllocationState.STEADY) sawResizing = true;
                        pool.set(p);
                    }
                    if (step == null) status.set(i18n.get("watch.status.resizeRequested", id, dedicated, lowPriority));
                })
                .onFailure(e -> {
                    if (gen != generation) return;
                    error.set(describe.apply(e));
                    if (step != null) {
                        status.set(i18n.get("watch.steps.failed", stepIndex + 1, steps().size(),
                                pool.get() == null ? 0 : pool.get().currentNodes(), step.targetNodes()));
                        stepping.set(false);
                        steps = null;
                    }
                })
                .onFinally(() -> {
                    if (gen != generation) return;
                    busy.set(false);
                    interval = FAST;
                    if (!polling) schedulePoll(FAST);
                }));
    }

    /** Stops the pool's resize (the nodes allocated so far stay) and any stepwise resize. */
    public boolean stopResize() {
        PoolInfo p = pool.get();
        if (p == null || busy.get()) return false;
        String text = i18n.get("watch.confirm.stopResize", p.id(), p.currentNodes(), p.targetNodes());
        if (!confirmer.confirm(Action.STOP_RESIZE.key(), text)) return false;
        if (steps != null) {
            status.set(i18n.get("watch.steps.stopped", p.id(), stepIndex + 1, steps.size()));
        }
        endSteps();
        Connection c = connection;
        BatchAccountInfo acct = account;
        String id = poolId;
        int gen = generation;
        busy.set(true);
        tasks.execute(BackgroundTask.of(i18n.get("watch.task.stop", id), ctx -> c.batch().stopResize(acct, id))
                .onSuccess(r -> {
                    if (gen != generation) return;
                    if (r != null) pool.set(r);
                })
                .onFailure(e -> {
                    if (gen == generation) error.set(describe.apply(e));
                })
                .onFinally(() -> {
                    if (gen != generation) return;
                    busy.set(false);
                    interval = FAST;
                    if (!polling) schedulePoll(FAST);
                }));
        return true;
    }

    /** Opens the Azure portal's quota request page of the connection's cloud. */
    public boolean openQuotaRequest() {
        if (connection == null || account == null) return false;
        URI page = connection.endpoints().quotaRequestPage();
        if (!confirmer.confirm(Action.OPEN_QUOTA_REQUEST.key(), i18n.get("watch.confirm.openQuota", account.name()))) {
            return false;
        }
        openUri.accept(page);
        return true;
    }

    /** Hands "rebuild the image in a gallery" to the wizard. */
    public boolean rebuildImage(Diagnosis diagnosis) {
        PoolInfo p = pool.get();
        if (p == null) return false;
        String imageId = p.customImageId() == null ? "" : p.customImageId();
        if (!confirmer.confirm(Action.REBUILD_IN_GALLERY.key(), i18n.get("watch.confirm.rebuildImage", p.id(), imageId))) {
            return false;
        }
        remedies.rebuildImage(new PoolRemedies.Request(connection, account, p, diagnosis));
        return true;
    }

    /** Hands "recreate the pool from a gallery image" to the wizard. */
    public boolean recreatePool(Diagnosis diagnosis) {
        PoolInfo p = pool.get();
        if (p == null) return false;
        if (!confirmer.confirm(Action.RECREATE_POOL.key(), i18n.get("watch.confirm.recreatePool", p.id()))) return false;
        remedies.recreatePoolFromGallery(new PoolRemedies.Request(connection, account, p, diagnosis));
        return true;
    }

    private static Duration timeoutOf(PoolInfo p) {
        return p.resizeTimeout() == null ? ResizePlanner.DEFAULT_TIMEOUT : p.resizeTimeout();
    }

    /** The errors of the pool as Azure gave them (for the raw view). */
    public List<ResizeError> resizeErrors() {
        PoolInfo p = pool.get();
        return p == null ? List.of() : p.resizeErrors();
    }

    /** The texts of a diagnosis in the current language: cause, evidence lines, remedy. */
    public List<String> texts(Diagnosis d) {
        List<String> out = new ArrayList<>();
        out.add(i18n.get(d.causeText().key(), d.causeText().argsArray()));
        d.evidence().forEach(t -> out.add(i18n.get(t.key(), t.argsArray())));
        out.add(i18n.get(d.remedy().key(), d.remedy().argsArray()));
        return out;
    }
}
