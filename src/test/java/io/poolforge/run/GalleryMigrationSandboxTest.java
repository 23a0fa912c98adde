package io.poolforge.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.azure.Connection;
import io.poolforge.azure.OperationMonitor;
import io.poolforge.azure.sdk.SdkConnector;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.ManagedImageInfo;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.PoolPlan;
import io.poolforge.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Migrate to gallery" in the sandbox: the demo pool on a retired managed image gets a gallery
 * image version made from that image, a retry makes nothing twice, and a replacement pool on the
 * version is accepted where a pool on the managed image no longer is.
 */
class GalleryMigrationSandboxTest {
    @TempDir
    Path home;

    @Test
    void publishesTheManagedImageToAGalleryAndAReplacementPoolUsesIt() throws Exception {
        Sandbox[] box = new Sandbox[1];
        SdkConnector connector = new SdkConnector(s -> {
            Sandbox sb = Sandbox.builder().scenario(s).timeScale(0).certificateDirectory(home.resolve("certs")).start();
            box[0] = sb;
            return new SdkConnector.RunningSandbox(sb.armUrl(), sb.authorityUrl(), sb.tokenUrl(), sb.tenantId(), sb.certificatePath(), sb);
        }, Sandbox.SCENARIOS, home);
        try (Connection c = connector.sandbox("demo")) {
            BatchAccountInfo account = c.identity().subscriptions().stream()
                    .flatMap(s -> c.batch().listAccounts(s.subscriptionId()).stream())
                    .filter(a -> a.name().equals("pfdemobatchweu")).findFirst().orElseThrow();
            PoolInfo legacy = c.batch().listPools(account).stream()
                    .filter(p -> p.customImageId() != null && p.customImageId().contains("/Microsoft.Compute/images/"))
                    .findFirst().orElseThrow();
            ManagedImageInfo image = c.compute().findManagedImage(legacy.customImageId()).orElseThrow();

            GalleryMigration migration = new GalleryMigration(c.compute());
            GalleryImageVersionInfo version = migration.migrate(image, account.location(), 1, OperationMonitor.NONE);
            assertThat(version.sourceIds()).anySatisfy(id -> assertThat(id).isEqualToIgnoringCase(image.id()));
            assertThat(version.replicasIn(account.location())).isPositive();

            Map<String, Integer> before = box[0].counts();
            GalleryImageVersionInfo again = migration.migrate(image, account.location(), 1, OperationMonitor.NONE);
            assertThat(again.id()).isEqualToIgnoringCase(version.id());
            assertThat(box[0].counts()).isEqualTo(before);

            PoolInfo replacement = c.batch().createPool(account, new PoolPlan(legacy.id() + "-gallery", null, legacy.vmSize(), version.id(),
                    legacy.nodeAgentSkuId(), 1, 0, java.time.Duration.ofMinutes(20)));
            assertThat(replacement.customImageId()).isEqualToIgnoringCase(version.id());
        }
    }
}
