package io.poolforge.ui.watch;

import io.poolforge.azure.Connection;
import io.poolforge.azure.NodeCounts;
import io.poolforge.domain.AllocationState;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.diagnose.Diagnoser;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.diagnose.DiagnosisEvidence;
import io.poolforge.task.BackgroundTask;
import io.poolforge.task.Scheduler;
import io.poolforge.task.TaskExecutor;
import io.poolforge.task.TaskHandle;
import io.poolforge.ui.I18n;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Polls the watched pool: one background task at a time (pool, node counts and, when it has resize
 * errors, the image and the diagnoses, looked up again only when the errors change), the next one
 * scheduled at the {@link PollCadence}'s pace. Knows what is watched and the watch's generation: a
 * callback of an older watch is ignored. FX thread only.
 */
final class PoolPoller {
    /** What one poll found. */
    record PollResult(PoolInfo pool, NodeCounts counts, ImageHealth image, String signature, List<Diagnosis> diagnoses) { }

    private final TaskExecutor tasks;
    private final Scheduler scheduler;
    private final I18n i18n;
    private final LastResize lastResize;
    private final Consumer<PollResult> onPolled;
    private final Consumer<Throwable> onFailed;
    private final PollCadence cadence = new PollCadence();
    private final ObjectProperty<Duration> nextPollDelay = new SimpleObjectProperty<>();

    private Connection connection;
    private BatchAccountInfo account;
    private String poolId;
    private int generation;
    private Scheduler.Scheduled pending;
    private TaskHandle pollHandle;
    private boolean polling;
    private boolean pollRequested;
    // Cached look-ups: the image once per watch, the diagnoses while the errors stay the same.
    private ImageHealth imageCache;
    private String diagnosedSignature;
    private List<Diagnosis> diagnosedCache = List.of();

    /**
     * @param lastResize the resize PoolForge requested (its errors are stale until the pool shows its outcome)
     * @param onPolled   gets each poll's result (FX thread, current watch only)
     * @param onFailed   gets each poll's failure (FX thread, current watch only)
     */
    PoolPoller(TaskExecutor tasks, Scheduler scheduler, I18n i18n, LastResize lastResize,
               Consumer<PollResult> onPolled, Consumer<Throwable> onFailed) {
        this.tasks = tasks;
        this.scheduler = scheduler;
        this.i18n = i18n;
        this.lastResize = lastResize;
        this.onPolled = onPolled;
        this.onFailed = onFailed;
    }

    ReadOnlyObjectProperty<Duration> nextPollDelayProperty() { return nextPollDelay; }

    Connection connection() { return connection; }

    BatchAccountInfo account() { return account; }

    String poolId() { return poolId; }

    /** Counts the watches; a callback whose generation differs belongs to an older one. */
    int generation() { return generation; }

    /** Sets the pool to poll (call {@link #stop()} first). */
    void target(Connection connection, BatchAccountInfo account, String poolId) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.account = Objects.requireNonNull(account, "account");
        this.poolId = Objects.requireNonNull(poolId, "poolId");
    }

    /** Stops polling and forgets the cached look-ups (the target stays). */
    void stop() {
        generation++;
        if (pending != null) pending.cancel();
        pending = null;
        if (pollHandle != null) pollHandle.cancel();
        pollHandle = null;
        polling = false;
        pollRequested = false;
        nextPollDelay.set(null);
        imageCache = null;
        diagnosedSignature = null;
        diagnosedCache = List.of();
    }

    /** Polls now, then goes on at the fast pace. */
    void refresh() {
        if (poolId == null) return;
        cadence.reset();
        pollNow();
    }

    /** After an action: polls soon, then at the fast pace. */
    void afterAction() {
        cadence.reset();
        if (!polling) schedulePoll(PoolWatchViewModel.FAST);
    }

    /** Sets the pace after a poll: slowing down while {@code steady}. */
    void afterPoll(boolean steady) {
        cadence.afterPoll(steady);
    }

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
        Instant requested = lastResize.requestedAt();
        boolean resizeSeen = lastResize.sawResizing();
        pollHandle = tasks.execute(BackgroundTask.of(() -> i18n.get("watch.task.poll", id), ctx -> {
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
                DiagnosisEvidence ev = PoolLookups.evidence(c.compute(), c.batch(), acct, p, counts, img, staleAfter);
                found = Diagnoser.diagnose(ev);
            }
            return new PollResult(p, counts, img, signature, found);
        }).onSuccess(r -> {
            if (gen != generation) return;
            imageCache = r.image();
            diagnosedSignature = r.signature();
            diagnosedCache = r.diagnoses();
            onPolled.accept(r);
        }).onFailure(e -> {
            if (gen != generation) return;
            onFailed.accept(e);
            cadence.slowDown();
        }).onFinally(() -> {
            if (gen != generation) return;
            polling = false;
            pollHandle = null;
            if (pollRequested) {
                pollRequested = false;
                pollNow();
            } else {
                schedulePoll(cadence.interval());
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

    private static String signature(PoolInfo p, int unusable, Instant staleAfter) {
        return p.resizeErrors().stream().map(e -> e.code() + "|" + e.message()).collect(Collectors.joining(";"))
                + "#" + p.lastResizeStartTime() + "#" + p.allocationStateTransitionTime() + "#" + unusable + "#"
                + staleAfter + "#" + p.targetDedicatedNodes() + "/" + p.targetLowPriorityNodes() + "#" + p.resizeTimeout();
    }
}
