package io.poolforge.ui.watch;

import io.poolforge.domain.LocalizedText;

import io.poolforge.azure.Connection;
import io.poolforge.domain.AllocationState;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.diagnose.Action;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.rules.ResizePlanner;
import io.poolforge.domain.rules.ResizeStep;
import io.poolforge.task.Scheduler;
import io.poolforge.task.TaskExecutor;
import io.poolforge.ui.I18n;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
 * The polling is {@link PoolPoller}'s, the Azure requests {@link ResizeRequests}', the stepwise resize
 * {@link StepwiseResize}'s.
 */
public final class PoolWatchViewModel {
    /** Poll interval while the pool resizes or right after an action. */
    public static final Duration FAST = Duration.ofSeconds(2);
    /** The longest poll interval, reached by doubling while the pool is steady. */
    public static final Duration SLOWEST = Duration.ofSeconds(30);

    private final I18n i18n;
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
    private final ObjectProperty<LocalizedText> error = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalizedText> status = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty watching = new SimpleBooleanProperty();
    private final ObjectProperty<Instant> lastPolled = new SimpleObjectProperty<>();

    private final LastResize lastResize = new LastResize();
    private final PoolPoller poller;
    private final ResizeRequests requests;
    private final StepwiseResize stepwise;

    /**
     * @param tasks      runs the polls and the Azure calls (callbacks on the FX thread)
     * @param scheduler  schedules the next poll ({@code FxScheduler} in the app)
     * @param describe   the localized text of an error ({@code DialogService::describe})
     * @param confirmer  asks before each action ({@code DialogService::confirm})
     * @param openUri    opens a web page (the app uses HostServices.showDocument)
     * @param remedies   what the wizard does for "rebuild the image" and "recreate the pool"
     * @param clock      for the time a resize was requested (stale errors)
     */
    public PoolWatchViewModel(TaskExecutor tasks, Scheduler scheduler, I18n i18n, Function<Throwable, LocalizedText> describe,
                              Confirmer confirmer, Consumer<URI> openUri, PoolRemedies remedies, Clock clock) {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(scheduler, "scheduler");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        Objects.requireNonNull(describe, "describe");
        this.confirmer = Objects.requireNonNull(confirmer, "confirmer");
        this.openUri = Objects.requireNonNull(openUri, "openUri");
        this.remedies = Objects.requireNonNull(remedies, "remedies");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.poller = new PoolPoller(tasks, scheduler, i18n, lastResize, this::apply, e -> error.set(describe.apply(e)));
        this.requests = new ResizeRequests(tasks, i18n, describe, clock, poller, lastResize, pool, busy, error, status);
        this.stepwise = new StepwiseResize(i18n, confirmer, status, this::resizeStep);
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

    public ReadOnlyObjectProperty<LocalizedText> errorProperty() { return error; }

    public ReadOnlyObjectProperty<LocalizedText> statusProperty() { return status; }

    /** An action (resize, stop) is being sent. */
    public ReadOnlyBooleanProperty busyProperty() { return busy; }

    public ReadOnlyBooleanProperty watchingProperty() { return watching; }

    /** The delay before the next poll, as last scheduled. */
    public ReadOnlyObjectProperty<Duration> nextPollDelayProperty() { return poller.nextPollDelayProperty(); }

    public ReadOnlyObjectProperty<Instant> lastPolledProperty() { return lastPolled; }

    /** A stepwise resize is under way. */
    public ReadOnlyBooleanProperty steppingProperty() { return stepwise.steppingProperty(); }

    /** Progress across the steps of a stepwise resize, 0..1 (-1: none). */
    public ReadOnlyDoubleProperty stepProgressProperty() { return stepwise.stepProgressProperty(); }

    /** The diagnosis a stepwise resize stopped on, or null. */
    public ReadOnlyObjectProperty<Diagnosis> stepFailureProperty() { return stepwise.stepFailureProperty(); }

    /** The steps of the current (or last) stepwise resize. */
    public List<ResizeStep> steps() { return stepwise.steps(); }

    public String poolId() { return poller.poolId(); }

    /** The connection of the watched pool (null when none is watched). */
    public Connection connection() { return poller.connection(); }

    /** The account of the watched pool (null when none is watched). */
    public BatchAccountInfo account() { return poller.account(); }

    // ---- watching ---------------------------------------------------------------------------

    /** Starts watching a pool (stops watching the previous one). */
    public void watch(Connection connection, BatchAccountInfo account, String poolId) {
        stop();
        poller.target(connection, account, poolId);
        watching.set(true);
        poller.refresh();
    }

    /** Stops polling and forgets the pool's state; an action already sent to Azure is not undone. */
    public void stop() {
        poller.stop();
        watching.set(false);
        lastResize.clear();
        stepwise.end();
        pool.set(null);
        image.set(null);
        stateCounts.clear();
        grid.set(new NodeStates.Grid(List.of(), 0));
        diagnoses.clear();
        actions.clear();
        error.set(null);
        status.set(null);
    }

    /** Polls now (the user pressed Refresh), then goes on at the usual pace. */
    public void refresh() {
        poller.refresh();
    }

    private void apply(PoolPoller.PollResult r) {
        PoolInfo p = r.pool();
        error.set(null);
        lastPolled.set(clock.instant());
        pool.set(p);
        image.set(r.image());
        List<NodeStates.StateCount> counts = NodeStates.counts(r.counts());
        stateCounts.setAll(counts);
        grid.set(NodeStates.grid(counts, NodeStates.GRID_CAP));
        diagnoses.setAll(r.diagnoses());
        actions.setAll(OfferedActions.of(p, r.diagnoses()));

        boolean steady = p.allocationState() == AllocationState.STEADY;
        lastResize.polled(p);
        poller.afterPoll(steady && !stepwise.steppingProperty().get());
        if (stepwise.active() && !busy.get() && lastResize.requestedAt() != null) {
            stepwise.polled(p, r.diagnoses(), lastResize.judged(p));
        }
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
            case RESTORE_IMAGE -> restoreImage(diagnosis);
            case REBUILD_IN_GALLERY -> rebuildInGallery(diagnosis);
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
        stepwise.end();
        requests.resize(p.targetDedicatedNodes(), p.targetLowPriorityNodes(), timeout, null);
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
        stepwise.end();
        requests.resize(p.targetDedicatedNodes(), p.targetLowPriorityNodes(), raised, null);
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
        return stepwise.start(p, targetDedicated, targetLowPriority);
    }

    /** Sends the resize of one step of the stepwise resize. */
    private void resizeStep(int dedicated, int lowPriority, Duration timeout, ResizeStep step) {
        requests.resize(dedicated, lowPriority, timeout, current -> stepwise.requestFailed(current, step));
    }

    /** Stops the pool's resize (the nodes allocated so far stay) and any stepwise resize. */
    public boolean stopResize() {
        PoolInfo p = pool.get();
        if (p == null || busy.get()) return false;
        String text = i18n.get("watch.confirm.stopResize", p.id(), p.currentNodes(), p.targetNodes());
        if (!confirmer.confirm(Action.STOP_RESIZE.key(), text)) return false;
        stepwise.stopped(p.id());
        requests.stopResize();
        return true;
    }

    /** Opens the Azure portal's quota request page of the connection's cloud. */
    public boolean openQuotaRequest() {
        Connection connection = poller.connection();
        BatchAccountInfo account = poller.account();
        if (connection == null || account == null) return false;
        URI page = connection.endpoints().quotaRequestPage();
        if (!confirmer.confirm(Action.OPEN_QUOTA_REQUEST.key(), i18n.get("watch.confirm.openQuota", account.name()))) {
            return false;
        }
        openUri.accept(page);
        return true;
    }

    /**
     * "Restore the image": the image made again at the same id, then a resize (PF-20: its dialog says that, under its own
     * title; it used to open the "Rebuild the image in a gallery" dialog).
     */
    public boolean restoreImage(Diagnosis diagnosis) {
        PoolInfo p = pool.get();
        if (p == null) return false;
        if (!confirmer.confirm(Action.RESTORE_IMAGE.key(), RemedyQuestions.restoreImage(i18n, p))) return false;
        remedies.restoreImage(new PoolRemedies.Request(poller.connection(), poller.account(), p, diagnosis));
        return true;
    }

    /** Hands "rebuild the image in a gallery" to the wizard. */
    public boolean rebuildInGallery(Diagnosis diagnosis) {
        PoolInfo p = pool.get();
        if (p == null) return false;
        if (!confirmer.confirm(Action.REBUILD_IN_GALLERY.key(), RemedyQuestions.rebuildInGallery(i18n, p))) return false;
        remedies.rebuildInGallery(new PoolRemedies.Request(poller.connection(), poller.account(), p, diagnosis));
        return true;
    }

    /** Hands "recreate the pool from a gallery image" to the wizard. */
    public boolean recreatePool(Diagnosis diagnosis) {
        PoolInfo p = pool.get();
        if (p == null) return false;
        if (!confirmer.confirm(Action.RECREATE_POOL.key(), i18n.get("watch.confirm.recreatePool", p.id()))) return false;
        remedies.recreatePoolFromGallery(new PoolRemedies.Request(poller.connection(), poller.account(), p, diagnosis));
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
