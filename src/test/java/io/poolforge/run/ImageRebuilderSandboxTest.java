package io.poolforge.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.azure.Connection;
import io.poolforge.azure.OperationMonitor;
import io.poolforge.azure.sdk.SdkConnector;
import io.poolforge.domain.AllocationState;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.diagnose.Cause;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.ResourceIds;
import io.poolforge.sandbox.Sandbox;
import io.poolforge.task.CurrentThreadTaskExecutor;
import io.poolforge.ui.I18n;
import io.poolforge.ui.watch.PoolRemedies;
import io.poolforge.ui.watch.PoolWatchViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end in the sandbox: a pool PoolForge made loses its image version; the next resize fails
 * with AllocationFailed; the watch diagnoses "image deleted"; its "rebuild" remedy makes the image
 * again from the run's plan and resizes; the pool reaches its target.
 */
class ImageRebuilderSandboxTest {
    @TempDir
    Path home;

    @Test
    void rebuildingTheDeletedImageLetsThePoolAllocateAgain() throws Exception {
        SdkConnector connector = new SdkConnector(s -> {
            Sandbox sb = Sandbox.builder().scenario(s).timeScale(0).certificateDirectory(home.resolve("certs")).start();
            return new SdkConnector.RunningSandbox(sb.armUrl(), sb.authorityUrl(), sb.tokenUrl(), sb.tenantId(), sb.certificatePath(), sb);
        }, Sandbox.SCENARIOS, home);
        try (Connection c = connector.sandbox("demo")) {
            PlanCodec codec = new PlanCodec();
            JournalStore store = new JournalStore(home.resolve("runs"), codec);
            PlanRunner runner = new PlanRunner(c.compute(), c.batch(), store, Clock.systemUTC());
            Plan plan = codec.read(Path.of("docs/examples/vm-render-ubuntu2204-gallery.json")).plan();
            Journal journal = store.start(plan, RunId.create(Clock.systemUTC().instant(), new Random()), Clock.systemUTC().instant());
            Plan resolved = store.plan(journal);
            runner.run(resolved, journal, java.util.Map.of(), PlanRunner.Listener.NONE, () -> false);
            BatchAccountInfo account = PlanRunner.account(resolved);
            String poolId = resolved.pool().poolId();
            String imageId = ResourceIds.image(resolved);

            // Someone deletes the image; the next resize fails.
            c.compute().deleteImageVersion(imageId, OperationMonitor.NONE);
            c.batch().resizePool(account, poolId, 3, 0, Duration.ofMinutes(20));
            PoolInfo failed = waitSteady(c, account, poolId);
            assertThat(failed.resizeErrors()).extracting(e -> e.code()).contains("AllocationFailed");

            // The watch diagnoses it and offers the rebuild; the app's remedy runs the rebuilder.
            ImageRebuilder rebuilder = new ImageRebuilder(runner, store, c.batch(), Clock.systemUTC());
            PoolRemedies remedies = new PoolRemedies() {
                @Override public void restoreImage(Request r) {
                    Plan p = rebuilder.planOf(r.account().name(), r.pool().id()).orElseThrow();
                    rebuilder.rebuild(p, r.pool(), PlanRunner.Listener.NONE, () -> false);
                }
                @Override public void rebuildInGallery(Request r) { }
                @Override public void recreatePoolFromGallery(Request r) { }
                @Override public void migrateToGallery(Request r) { }
            };
            PoolWatchViewModel watch = new PoolWatchViewModel(new CurrentThreadTaskExecutor(), new io.poolforge.ui.watch.ManualScheduler(),
                    new I18n(Locale.ENGLISH), e -> io.poolforge.domain.LocalizedText.of("inspect.value.raw", e.getMessage()), (t, x) -> true, u -> { }, remedies, Clock.systemUTC());
            watch.watch(c, account, poolId);
            Diagnosis d = watch.diagnoses().stream().filter(x -> x.cause() == Cause.IMAGE_DELETED).findFirst().orElseThrow();
            assertThat(watch.perform(io.poolforge.domain.diagnose.Action.RESTORE_IMAGE, d)).isTrue();
            watch.stop();

            assertThat(c.compute().findImageVersion(imageId)).isPresent();
            PoolInfo healed = waitSteady(c, account, poolId);
            assertThat(healed.currentDedicatedNodes()).isEqualTo(3);
            assertThat(c.batch().getPool(account, poolId).orElseThrow().customImageId()).isEqualToIgnoringCase(imageId);
            // Nothing else was made twice: one snapshot, one image version for this plan.
            assertThat(c.compute().findSnapshot(ResourceIds.snapshot(resolved, resolved.snapshots().osDisk().snapshotName()))).isPresent();
        }
    }

    private static PoolInfo waitSteady(Connection c, BatchAccountInfo account, String poolId) throws InterruptedException {
        PoolInfo p = null;
        for (int i = 0; i < 100; i++) {
            p = c.batch().getPool(account, poolId).orElseThrow();
            if (p.allocationState() == AllocationState.STEADY) return p;
            Thread.sleep(50);
        }
        return p;
    }
}
