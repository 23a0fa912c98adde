package io.poolforge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poolforge.azure.Connection;
import io.poolforge.azure.GalleryRef;
import io.poolforge.azure.sdk.SdkConnector;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.OsState;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.export.ExportFormat;
import io.poolforge.export.Exporters;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanCheck;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.PlanNames;
import io.poolforge.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan that starts from an existing gallery image version (no source VM, no snapshots): it is
 * valid, its run only checks the image and creates the pool, and its exports make nothing else.
 */
class ExistingImagePlanTest {
    @TempDir
    Path home;

    @Test
    void runsExportsAndChecksAPlanFromAnExistingImage() throws Exception {
        SdkConnector connector = new SdkConnector(s -> {
            Sandbox sb = Sandbox.builder().scenario(s).timeScale(0).certificateDirectory(home.resolve("certs")).start();
            return new SdkConnector.RunningSandbox(sb.armUrl(), sb.authorityUrl(), sb.tokenUrl(), sb.tenantId(), sb.certificatePath(), sb);
        }, Sandbox.SCENARIOS, home);
        try (Connection c = connector.sandbox("demo")) {
            PlanCodec codec = new PlanCodec();
            Plan example = codec.read(Path.of("docs/examples/vm-render-ubuntu2204-gallery.json")).plan();
            BatchAccountInfo account = PlanRunner.account(example);
            GalleryImageVersionInfo existing = existingVersion(c, account);
            Plan plan = fromExisting(example, existing, "from-existing");

            assertThat(plan.fromExistingImage()).isTrue();
            assertThat(PlanCheck.check(plan)).isEmpty();

            JournalStore store = new JournalStore(home.resolve("runs"), codec);
            PlanRunner runner = new PlanRunner(c.compute(), c.batch(), store, Clock.systemUTC());
            Journal journal = store.start(plan, RunId.create(Clock.systemUTC().instant(), new Random()), Clock.systemUTC().instant());
            assertThat(journal.steps()).extracting(StepRecord::kind).containsExactly(StepKind.IMAGE_VERSION, StepKind.POOL);
            Journal done = runner.run(store.plan(journal), journal, Map.of(), PlanRunner.Listener.NONE, () -> false);
            assertThat(done.createdResources()).extracting(CreatedResource::kind).containsExactly(StepKind.POOL);
            assertThat(c.batch().getPool(account, "from-existing").orElseThrow().customImageId()).isEqualToIgnoringCase(existing.id());

            // Exports make the pool only, after checking the image is there.
            Exporters exporters = new Exporters(new Messages(Locale.ENGLISH), "test");
            Plan resolved = PlanNames.resolveForExport(plan, codec);
            String bash = exporters.of(ExportFormat.AZ).export(resolved);
            assertThat(bash).contains("az sig image-version show").doesNotContain("az snapshot create")
                    .doesNotContain("az sig image-version create").contains("az rest --method put");
            Path script = home.resolve("x.sh");
            Files.writeString(script, bash);
            assertThat(new ProcessBuilder("bash", "-n", script.toString()).start().waitFor()).isZero();
            assertThat(exporters.of(ExportFormat.PWSH).export(resolved)).contains("Get-AzGalleryImageVersion").doesNotContain("New-AzSnapshot");
            assertThat(exporters.of(ExportFormat.ARM).export(resolved)).doesNotContain("osSnapshotId").doesNotContain("dependsOn");

            // An image that is gone is said so, and nothing is created.
            Plan gone = fromExisting(example, existing, "from-gone");
            Plan.Gallery g = gone.image().gallery();
            gone = gone.withGalleryVersion("9.9.9");
            Journal j2 = store.start(gone, RunId.create(Clock.systemUTC().instant(), new Random()), Clock.systemUTC().instant());
            Plan gonePlan = store.plan(j2);
            assertThatThrownBy(() -> runner.run(gonePlan, j2, Map.of(), PlanRunner.Listener.NONE, () -> false))
                    .isInstanceOf(PoolForgeException.class).satisfies(e -> assertThat(((PoolForgeException) e).key()).isEqualTo("run.error.noImage"));
            assertThat(c.batch().getPool(account, "from-gone")).isEmpty();
            assertThat(g.name()).isNotBlank();
        }
    }

    private static Plan fromExisting(Plan example, GalleryImageVersionInfo v, String poolId) {
        var d = v.image();
        Plan.Image img = new Plan.Image("gallery", d.subscriptionId(), d.resourceGroup(), d.location(), "Linux", "Generalized",
                d.hyperVGeneration() == null ? null : d.hyperVGeneration().name(), null, null,
                new Plan.Gallery(d.galleryName(), d.name(), v.version(), d.publisher(), d.offer(), d.sku(),
                        v.replicas().stream().map(r -> new Plan.TargetRegion(r.region(), r.replicaCount())).toList()),
                null);
        Plan.Pool p = example.pool();
        Plan.Pool pool = new Plan.Pool(p.batchAccount(), poolId, poolId, p.vmSize(), p.nodeAgentSkuId(), 1, 0, p.resizeTimeout());
        return new Plan(null, Plan.CURRENT_VERSION, poolId, null, null, img, pool);
    }

    private static GalleryImageVersionInfo existingVersion(Connection c, BatchAccountInfo account) {
        for (GalleryRef g : c.compute().listGalleries(account.subscriptionId())) {
            for (var def : c.compute().listImageDefinitions(g.id())) {
                if (def.osType() != OsType.LINUX || def.osState() != OsState.GENERALIZED) continue;
                List<GalleryImageVersionInfo> versions = c.compute().listImageVersions(def.id());
                for (var v : versions) {
                    if (v.replicasIn(account.location()) > 0 && "Succeeded".equalsIgnoreCase(v.provisioningState())) return v;
                }
            }
        }
        throw new AssertionError("no generalized Linux gallery image version in " + account.location());
    }
}
