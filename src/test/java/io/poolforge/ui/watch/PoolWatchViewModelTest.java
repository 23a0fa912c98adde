package io.poolforge.ui.watch;

import static io.poolforge.ui.watch.FakeAzure.ALLOCATION_FAILED;
import static io.poolforge.ui.watch.FakeAzure.GALLERY_VERSION;
import static io.poolforge.ui.watch.FakeAzure.pool;
import static io.poolforge.ui.watch.FakeAzure.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.azure.NodeCounts;
import io.poolforge.domain.AllocationState;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.diagnose.Action;
import io.poolforge.domain.diagnose.Cause;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.task.CurrentThreadTaskExecutor;
import io.poolforge.ui.I18n;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoolWatchViewModelTest {
    private FakeAzure azure;
    private ManualScheduler scheduler;
    private final List<String> confirmations = new ArrayList<>();
    private final List<URI> opened = new ArrayList<>();
    private final List<String> remedies = new ArrayList<>();
    private boolean answer = true;
    private PoolWatchViewModel model;

    @BeforeEach
    void setUp() {
        azure = new FakeAzure();
        azure.compute.addVersion(GALLERY_VERSION);
        azure.compute.addSnapshot(FakeAzure.SNAPSHOT);
        scheduler = new ManualScheduler();
        PoolRemedies recorder = new PoolRemedies() {
            @Override public void restoreImage(Request r) { remedies.add("restore:" + r.pool().id() + ":" + (r.diagnosis() == null ? "" : r.diagnosis().cause())); }
            @Override public void rebuildInGallery(Request r) { remedies.add("rebuildInGallery:" + r.pool().id() + ":" + (r.diagnosis() == null ? "" : r.diagnosis().cause())); }
            @Override public void recreatePoolFromGallery(Request r) { remedies.add("recreate:" + r.pool().id()); }
            @Override public void migrateToGallery(Request r) { remedies.add("migrate:" + r.pool().id()); }
        };
        model = new PoolWatchViewModel(new CurrentThreadTaskExecutor(), scheduler, new I18n(Locale.ENGLISH),
                e -> io.poolforge.domain.LocalizedText.of("inspect.value.raw", "failed: " + e.getMessage()), (title, text) -> {
                    confirmations.add(title + "|" + text);
                    return answer;
                }, opened::add, recorder, FakeAzure.CLOCK);
    }

    @Test
    void aPoolWhoseImageWasDeletedShowsTheImageDeletedCauseAndOffersTheRebuild() {
        String deleted = GALLERY_VERSION.replace("1.0.0", "0.9.0");
        azure.batch.put(pool("pool-gone", deleted, 4, 0, AllocationState.STEADY, List.of(ALLOCATION_FAILED)));

        model.watch(azure.connection, azure.account, "pool-gone");

        assertThat(model.imageProperty().get().exists()).isFalse();
        assertThat(model.diagnoses()).hasSize(1);
        Diagnosis d = model.diagnoses().get(0);
        assertThat(d.error().code()).isEqualTo("AllocationFailed");
        assertThat(d.cause()).isEqualTo(Cause.IMAGE_DELETED);
        assertThat(d.stale()).isFalse();
        assertThat(model.texts(d).get(0)).contains(deleted).contains("no longer exists");
        assertThat(model.actions()).contains(Action.REBUILD_IN_GALLERY, Action.RESTORE_IMAGE, Action.RECREATE_POOL);

        assertThat(model.perform(Action.RESTORE_IMAGE, d)).isTrue();
        assertThat(confirmations).singleElement().asString()
                .startsWith("diagnose.action.restoreImage|").contains("pool-gone").contains("ubuntu-batch/0.9.0").contains("same id");
        assertThat(remedies).containsExactly("restore:pool-gone:IMAGE_DELETED");
    }

    /**
     * PF-20: "Restore the image" opened the "Rebuild the image in a gallery" dialog. Each remedy of the image-deleted
     * diagnosis asks under its own label (the dialog's title is the button's label), and then does that remedy.
     */
    @Test
    void eachRemedyOfADeletedImageAsksUnderItsOwnLabelAndDoesWhatItSays() {
        String deleted = GALLERY_VERSION.replace("1.0.0", "0.9.0");
        azure.batch.put(pool("pool-gone", deleted, 4, 0, AllocationState.STEADY, List.of(ALLOCATION_FAILED)));
        model.watch(azure.connection, azure.account, "pool-gone");
        Diagnosis d = model.diagnoses().get(0);
        java.util.Map<Action, String> expected = java.util.Map.of(
                Action.RESTORE_IMAGE, "restore:pool-gone:IMAGE_DELETED",
                Action.REBUILD_IN_GALLERY, "rebuildInGallery:pool-gone:IMAGE_DELETED",
                Action.RECREATE_POOL, "recreate:pool-gone");
        for (var e : expected.entrySet()) {
            confirmations.clear();
            remedies.clear();
            assertThat(model.perform(e.getKey(), d)).isTrue();
            assertThat(confirmations).singleElement().asString().startsWith(e.getKey().key() + "|");
            assertThat(remedies).containsExactly(e.getValue());
        }
        // And the two image remedies say different things: the same id again, or a new image in a gallery from the wizard.
        confirmations.clear();
        model.perform(Action.RESTORE_IMAGE, d);
        model.perform(Action.REBUILD_IN_GALLERY, d);
        assertThat(confirmations.get(0)).contains("at the same id").doesNotContain("Azure Compute Gallery");
        assertThat(confirmations.get(1)).contains("Open the wizard").contains("Azure Compute Gallery");
    }

    @Test
    void stepwiseResizeReachesA900NodeTargetInSteps() {
        azure.batch.put(pool("pool-big", GALLERY_VERSION, 0, 0, AllocationState.STEADY, List.of()));
        model.watch(azure.connection, azure.account, "pool-big");

        assertThat(model.resizeInSteps(900, 0)).isTrue();
        assertThat(confirmations.get(0)).contains("pool-big").contains("from 0 to 900 nodes in 3 steps").contains("300 → 600 → 900");
        assertThat(model.steppingProperty().get()).isTrue();
        scheduler.runUntilIdle(20);

        assertThat(azure.batch.resizes).extracting(FakeAzure.Resize::dedicated).containsExactly(300, 600, 900);
        assertThat(azure.batch.resizes).extracting(FakeAzure.Resize::timeout).containsOnly(Duration.ofMinutes(20));
        assertThat(model.steppingProperty().get()).isFalse();
        assertThat(model.stepProgressProperty().get()).isEqualTo(1.0);
        assertThat(model.stepFailureProperty().get()).isNull();
        assertThat(model.pool().currentDedicatedNodes()).isEqualTo(900);
        assertThat(en(model.statusProperty().get())).isEqualTo("Pool pool-big reached 900 nodes in 3 steps.");
    }

    @Test
    void stepwiseResizeStopsOnAFailingStepWithItsDiagnosis() {
        azure.batch.put(pool("pool-big", GALLERY_VERSION, 900, 0, AllocationState.STEADY, List.of()));
        azure.batch.put(with(azure.batch.pools.get("pool-big"), 900, 0, 0, 0, AllocationState.STEADY,
                azure.batch.pools.get("pool-big").lastResizeStartTime(), Duration.ofMinutes(20), List.of()));
        azure.batch.settle = (p, resizes) -> resizes == 2
                ? with(p, p.targetDedicatedNodes(), 0, 450, 0, AllocationState.STEADY, p.lastResizeStartTime(),
                        p.resizeTimeout(), List.of(ALLOCATION_FAILED))
                : with(p, p.targetDedicatedNodes(), 0, p.targetDedicatedNodes(), 0, AllocationState.STEADY,
                        p.lastResizeStartTime(), p.resizeTimeout(), List.of());
        model.watch(azure.connection, azure.account, "pool-big");
        assertThat(model.actions()).contains(Action.RESIZE_AGAIN, Action.RESIZE_IN_STEPS);

        assertThat(model.perform(Action.RESIZE_IN_STEPS, null)).isTrue();
        scheduler.runUntilIdle(20);

        assertThat(azure.batch.resizes).extracting(FakeAzure.Resize::dedicated).containsExactly(300, 600);
        assertThat(model.steppingProperty().get()).isFalse();
        Diagnosis failure = model.stepFailureProperty().get();
        assertThat(failure).isNotNull();
        assertThat(failure.cause()).isEqualTo(Cause.ALLOCATION_FAILED);
        assertThat(failure.stale()).isFalse();
        assertThat(en(model.statusProperty().get())).startsWith("Step 2 of 3 stopped at 450 of 600 nodes");
        assertThat(model.diagnoses()).contains(failure);
    }

    @Test
    void pollingBacksOffWhenSteadyAndSpeedsUpWhileResizing() {
        azure.batch.put(pool("pool-a", GALLERY_VERSION, 2, 2, AllocationState.STEADY, List.of()));
        model.watch(azure.connection, azure.account, "pool-a");
        for (int i = 0; i < 5; i++) scheduler.runNext();
        assertThat(scheduler.delays()).extracting(Duration::toSeconds).containsExactly(4L, 8L, 16L, 30L, 30L, 30L);

        PoolInfo p = azure.batch.pools.get("pool-a");
        azure.batch.put(with(p, 10, 0, 2, 0, AllocationState.RESIZING, p.lastResizeStartTime(), p.resizeTimeout(), List.of()));
        scheduler.runNext();
        scheduler.runNext();
        assertThat(scheduler.delays().subList(6, 8)).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(model.nextPollDelayProperty().get()).isEqualTo(PoolWatchViewModel.FAST);
        assertThat(model.actions()).containsExactly(Action.STOP_RESIZE);

        azure.batch.put(with(p, 10, 0, 10, 0, AllocationState.STEADY, p.lastResizeStartTime(), p.resizeTimeout(), List.of()));
        scheduler.runNext();
        scheduler.runNext();
        assertThat(scheduler.delays().subList(8, 10)).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void errorsOfAnOlderResizeAreLabelledStale() {
        azure.batch.put(pool("pool-s", GALLERY_VERSION, 4, 1, AllocationState.STEADY, List.of(ALLOCATION_FAILED)));
        azure.batch.resizeKeepsOldState = true;
        model.watch(azure.connection, azure.account, "pool-s");
        assertThat(model.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.stale()).isFalse();
            assertThat(d.cause()).isEqualTo(Cause.ALLOCATION_FAILED);
        });

        assertThat(model.resizeAgain()).isTrue();
        assertThat(confirmations.get(0)).contains("Resize pool pool-s again to 4 dedicated and 0 Spot nodes")
                .contains("20 minutes");
        scheduler.runNext();

        assertThat(model.pool().allocationState()).isEqualTo(AllocationState.RESIZING);
        assertThat(model.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.stale()).isTrue();
            assertThat(d.cause()).isEqualTo(Cause.STALE_ERROR);
            assertThat(model.texts(d).get(0)).contains("comes from an older resize");
        });
        assertThat(model.actions()).containsExactly(Action.STOP_RESIZE);
    }

    @Test
    void nothingHappensWhenTheUserDeclines() {
        azure.batch.put(pool("pool-n", GALLERY_VERSION, 4, 1, AllocationState.STEADY, List.of(ALLOCATION_FAILED)));
        model.watch(azure.connection, azure.account, "pool-n");
        answer = false;

        assertThat(model.resizeAgain()).isFalse();
        assertThat(model.raiseTimeout()).isFalse();
        assertThat(model.openQuotaRequest()).isFalse();

        assertThat(azure.batch.resizes).isEmpty();
        assertThat(opened).isEmpty();
        assertThat(confirmations).hasSize(3);
    }

    @Test
    void raisesTheTimeoutStopsTheResizeAndOpensTheQuotaPage() {
        azure.batch.put(pool("pool-t", GALLERY_VERSION, 2000, 300, AllocationState.STEADY, List.of(
                io.poolforge.domain.ResizeError.of("AllocationTimedout", "Timed out"))));
        model.watch(azure.connection, azure.account, "pool-t");
        assertThat(model.actions()).first().isEqualTo(Action.RAISE_TIMEOUT);

        assertThat(model.raiseTimeout()).isTrue();
        assertThat(confirmations.get(0)).contains("raised from 20 to 30 minutes");
        assertThat(azure.batch.resizes).containsExactly(new FakeAzure.Resize("pool-t", 2000, 0, Duration.ofMinutes(30)));

        assertThat(model.stopResize()).isTrue();
        assertThat(azure.batch.stops).isEqualTo(1);

        assertThat(model.openQuotaRequest()).isTrue();
        assertThat(opened).containsExactly(azure.connection.endpoints().quotaRequestPage());
        assertThat(confirmations.get(2)).contains("batchacct");
    }

    @Test
    void nodeStatesAsCountsAndACappedGrid() {
        azure.batch.put(pool("pool-g", null, 1500, 1200, AllocationState.STEADY, List.of()));
        azure.batch.counts.put("pool-g", new NodeCounts("pool-g",
                Map.of("idle", 1000, "running", 150, "starting", 45, "unusable", 5, "total", 1200), Map.of("preempted", 3)));
        model.watch(azure.connection, azure.account, "pool-g");

        assertThat(model.stateCounts()).extracting(NodeStates.StateCount::state)
                .containsExactly("idle", "running", "starting", "preempted", "unusable");
        NodeStates.Grid grid = model.gridProperty().get();
        assertThat(grid.squares()).hasSize(NodeStates.GRID_CAP);
        assertThat(grid.more()).isEqualTo(203);
        assertThat(new I18n(Locale.ENGLISH).get("watch.grid.more", grid.more())).isEqualTo("+203 more");
        assertThat(model.diagnoses()).singleElement().extracting(Diagnosis::cause).isEqualTo(Cause.NODES_UNUSABLE);
    }

    @Test
    void aVanishedPoolIsReportedAndPollingBacksOff() {
        model.watch(azure.connection, azure.account, "nope");
        assertThat(en(model.errorProperty().get())).startsWith("failed: watch.error.poolNotFound");
        assertThat(scheduler.pendingDelay()).isEqualTo(Duration.ofSeconds(4));
        model.stop();
        assertThat(scheduler.hasPending()).isFalse();
    }

    private static String en(io.poolforge.domain.LocalizedText t) {
        return new io.poolforge.i18n.Messages(java.util.Locale.ENGLISH).text(t);
    }
}
