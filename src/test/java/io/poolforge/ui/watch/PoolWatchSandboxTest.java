package io.poolforge.ui.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.azure.Connection;
import io.poolforge.azure.GalleryRef;
import io.poolforge.azure.sdk.SdkConnector;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.diagnose.Action;
import io.poolforge.domain.diagnose.Cause;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.sandbox.Sandbox;
import io.poolforge.task.CurrentThreadTaskExecutor;
import io.poolforge.ui.I18n;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool watch against the sandbox (time scale 0) through the real SDK adapters: the demo pool
 * whose image was deleted is diagnosed, and a stepwise resize reaches 900 nodes in steps.
 */
class PoolWatchSandboxTest {
    @TempDir
    Path home;

    private Connection connect(String scenario) {
        SdkConnector connector = new SdkConnector(s -> {
            Sandbox sb = Sandbox.builder().scenario(s).timeScale(0).certificateDirectory(home.resolve("certs")).start();
            return new SdkConnector.RunningSandbox(sb.armUrl(), sb.authorityUrl(), sb.tokenUrl(), sb.tenantId(), sb.certificatePath(), sb);
        }, Sandbox.SCENARIOS, home);
        return connector.sandbox(scenario);
    }

    private static BatchAccountInfo account(Connection c, String name) {
        return c.identity().subscriptions().stream().flatMap(s -> c.batch().listAccounts(s.subscriptionId()).stream())
                .filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private PoolWatchViewModel model(ManualScheduler scheduler, List<String> remedies) {
        PoolRemedies recorder = new PoolRemedies() {
            @Override public void restoreImage(Request r) { remedies.add("restore:" + r.pool().id()); }
            @Override public void rebuildInGallery(Request r) { remedies.add("rebuildInGallery:" + r.pool().id()); }
            @Override public void recreatePoolFromGallery(Request r) { remedies.add("recreate:" + r.pool().id()); }
            @Override public void migrateToGallery(Request r) { remedies.add("migrate:" + r.pool().id()); }
        };
        return new PoolWatchViewModel(new CurrentThreadTaskExecutor(), scheduler, new I18n(Locale.ENGLISH), e -> io.poolforge.domain.LocalizedText.of("inspect.value.raw", e.getMessage()),
                (title, text) -> true, uri -> { }, recorder, Clock.systemUTC());
    }

    @Test
    void theDemoPoolWhoseImageWasDeletedIsDiagnosedAsSuch() throws Exception {
        try (Connection c = connect("demo")) {
            BatchAccountInfo account = account(c, "pfdemobatchweu");
            List<String> remedies = new ArrayList<>();
            PoolWatchViewModel model = model(new ManualScheduler(), remedies);

            model.watch(c, account, "render-orphaned");

            assertThat(model.imageProperty().get().exists()).isFalse();
            Diagnosis d = model.diagnoses().stream().filter(x -> x.error() != null && "AllocationFailed".equals(x.error().code()))
                    .findFirst().orElseThrow();
            assertThat(d.cause()).isEqualTo(Cause.IMAGE_DELETED);
            assertThat(model.texts(d).get(0)).contains("no longer exists");
            assertThat(model.actions()).contains(Action.REBUILD_IN_GALLERY, Action.RESIZE_AGAIN);
            assertThat(model.perform(Action.RESTORE_IMAGE, d)).isTrue();
            assertThat(remedies).containsExactly("restore:render-orphaned");
            model.stop();
        }
    }

    @Test
    void theWatchDiagnosesTheLockedPoolFromTheLockLookUp() throws Exception {
        try (Connection c = connect("diagnose")) {
            BatchAccountInfo account = account(c, "pfdemobatchweu");
            PoolWatchViewModel model = model(new ManualScheduler(), new ArrayList<>());

            model.watch(c, account, "render-locked");

            Diagnosis d = model.diagnoses().stream().filter(x -> x.error() != null).findFirst().orElseThrow();
            assertThat(d.cause()).isEqualTo(Cause.RESOURCE_LOCKED);
            assertThat(d.confidence()).isEqualTo(io.poolforge.domain.diagnose.Confidence.LIKELY);
            assertThat(d.checked()).extracting(io.poolforge.domain.LocalizedText::key).contains("diagnose.evidence.lock",
                    "diagnose.checked.permissionGranted", "diagnose.checked.replicas");
            assertThat(model.actions()).doesNotContain(Action.RECREATE_POOL);
            model.stop();
        }
    }

    @Test
    void aStepwiseResizeReachesNineHundredNodesInSteps() throws Exception {
        try (Connection c = connect("large")) {
            BatchAccountInfo account = account(c, "pflargebatch");
            GalleryImageVersionInfo image = linuxGalleryImage(c, account);
            String agent = c.batch().supportedImages(account).stream().filter(i -> i.osType() == OsType.LINUX)
                    .filter(i -> i.imageReference().sku().contains("22_04")).findFirst().orElseThrow().nodeAgentSkuId();
            c.batch().createPool(account, new PoolPlan("big-pool", "big-pool", "Standard_D2s_v3", image.id(), agent, 0, 0,
                    Duration.ofMinutes(20)));
            ManualScheduler scheduler = new ManualScheduler();
            PoolWatchViewModel model = model(scheduler, new ArrayList<>());
            model.watch(c, account, "big-pool");

            assertThat(model.resizeInSteps(900, 0)).isTrue();
            assertThat(model.steps()).extracting(s -> s.targetDedicatedNodes()).containsExactly(300, 600, 900);
            for (int i = 0; i < 40 && model.steppingProperty().get(); i++) scheduler.runNext();

            assertThat(model.steppingProperty().get()).isFalse();
            assertThat(model.stepFailureProperty().get()).isNull();
            var pool = c.batch().getPool(account, "big-pool").orElseThrow();
            assertThat(pool.currentDedicatedNodes()).isEqualTo(900);
            assertThat(pool.targetDedicatedNodes()).isEqualTo(900);
            assertThat(en(model.statusProperty().get())).contains("900").contains("3 steps");
            model.stop();
        }
    }

    private static GalleryImageVersionInfo linuxGalleryImage(Connection c, BatchAccountInfo account) {
        for (GalleryRef g : c.compute().listGalleries(account.subscriptionId())) {
            for (var def : c.compute().listImageDefinitions(g.id())) {
                if (def.osType() != OsType.LINUX || def.osState() != io.poolforge.domain.OsState.GENERALIZED) continue;
                for (var v : c.compute().listImageVersions(def.id())) {
                    if (v.replicasIn(account.location()) > 0 && "Succeeded".equalsIgnoreCase(v.provisioningState())) return v;
                }
            }
        }
        throw new AssertionError("no Linux gallery image version with a replica in " + account.location());
    }

    private static String en(io.poolforge.domain.LocalizedText t) {
        return new io.poolforge.i18n.Messages(java.util.Locale.ENGLISH).text(t);
    }
}
