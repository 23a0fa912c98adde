package io.poolforge.cli;

import io.poolforge.domain.PoolForgeException;
import io.poolforge.i18n.Messages;
import io.poolforge.run.PlanRunner;
import io.poolforge.run.StepRecord;
import io.poolforge.run.StepStatus;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The progress of {@code poolforge run} (or its clean-up) on stderr: one line per step start and
 * finish, and the hidden {@code --pause-after} stop for the kill tests. PF-22: while a step waits on Azure, a line at
 * least every {@link #HEARTBEAT} says what is awaited, for how long so far and Azure's last reported state (a slow
 * Azure used to give minutes of silence between "started" and the end). Close it when the run ends.
 */
final class RunProgress implements PlanRunner.Listener, AutoCloseable {
    /** The longest silence while a step waits on Azure. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Clock clock = Clock.systemUTC();
    private volatile StepRecord current;
    private volatile int currentIndex;
    private volatile int currentTotal;
    private volatile Instant since;
    private volatile String lastState;
    private ScheduledExecutorService heartbeat;
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
        waitingOn(step, index, total, clock.instant());
        pause(step.id() + ":start");
    }

    @Override
    public void stepProgress(StepRecord step, String status, int percent) {
        // Polls are not printed one by one (they would flood a log); the heartbeat line shows the last state.
        if (status != null && !status.isBlank()) lastState = status;
    }

    /** Starts waiting on {@code step} (the heartbeat's subject), from {@code now}. */
    synchronized void waitingOn(StepRecord step, int index, int total, Instant now) {
        current = step;
        currentIndex = index;
        currentTotal = total;
        since = now;
        lastState = null;
        if (heartbeat == null) {
            heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "poolforge-run-heartbeat");
                t.setDaemon(true);
                return t;
            });
            long ms = HEARTBEAT.toMillis();
            heartbeat.scheduleAtFixedRate(() -> tick(clock.instant()), ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** One heartbeat: when a step has been waiting at least {@link #HEARTBEAT}, what it waits for and how long so far. */
    void tick(Instant now) {
        StepRecord step = current;
        Instant start = since;
        if (step == null || start == null) return;
        Duration waited = Duration.between(start, now);
        if (waited.compareTo(HEARTBEAT) < 0) return;
        String state = lastState;
        String key = deleting ? "cli.cleanUp.step.waiting" : "cli.run.step.waiting";
        err.println(m.get(key, currentIndex + 1, currentTotal, step.id(), step.name(),
                Duration.ofSeconds(waited.getSeconds()), state == null ? m.get("cli.run.step.noState") : state));
        err.flush();
    }

    @Override
    public synchronized void close() {
        current = null;
        if (heartbeat != null) heartbeat.shutdownNow();
        heartbeat = null;
    }

    @Override
    public void stepFinished(StepRecord step, int index, int total) {
        current = null;
        String key;
        if (deleting) key = "cli.cleanUp.step.deleted";
        else if (step.status() == StepStatus.FAILED) key = "cli.run.step.failed";
        else key = Boolean.TRUE.equals(step.created()) ? "cli.run.step.created" : "cli.run.step.reused";
        String detail = step.status() != StepStatus.FAILED ? step.resourceId()
                : step.errorCode() == null || step.errorCode().isBlank() ? m.get("cli.run.step.noCode") : step.errorCode(); // PF-22: never "(null)"
        err.println(m.get(key, index + 1, total, step.id(), step.name(), detail));
        err.flush();
        pause(step.id());
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
