package io.poolforge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.azure.Connection;
import io.poolforge.azure.sdk.SdkConnector;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.rules.RuleCode;
import io.poolforge.domain.rules.Violation;
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
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PF-15: the shipped Marketplace plan and the plan on an existing definition's latest version: their run steps, the
 * pools they make in the sandbox (Marketplace image reference; the definition id), the preflight, the exports, and the
 * sandbox refusing a Marketplace image Batch does not list, as Batch does.
 */
class ImageTypePlansTest {
    @TempDir
    Path home;

    private final PlanCodec codec = new PlanCodec();
    private final Exporters exporters = new Exporters(new Messages(Locale.ENGLISH), "test");

    @Test
    void marketplaceAndLatestPlansRunCheckAndExport() throws Exception {
        SdkConnector connector = new SdkConnector(s -> {
            Sandbox sb = Sandbox.builder().scenario(s).timeScale(0).certificateDirectory(home.resolve("certs")).start();
            return new SdkConnector.RunningSandbox(sb.armUrl(), sb.authorityUrl(), sb.tokenUrl(), sb.tenantId(), sb.certificatePath(), sb);
        }, Sandbox.SCENARIOS, home);
        try (Connection c = connector.sandbox("demo")) {
            JournalStore store = new JournalStore(home.resolve("runs"), codec);
            PlanRunner runner = new PlanRunner(c.compute(), c.batch(), store, Clock.systemUTC());
            Preflight preflight = new Preflight(c.compute(), c.batch(), Clock.systemUTC());

            // Marketplace: one step, the pool, on the Marketplace image.
            Plan market = codec.read(Path.of("docs/examples/marketplace-ubuntu2204.json")).plan();
            assertThat(market.marketplace()).isTrue();
            assertThat(PlanCheck.check(market)).isEmpty();
            assertThat(preflight.check(market).violations()).noneMatch(Violation::blocks);
            BatchAccountInfo account = PlanRunner.account(market);
            Journal j1 = store.start(market, RunId.create(Clock.systemUTC().instant(), new Random()), Clock.systemUTC().instant());
            assertThat(j1.steps()).extracting(StepRecord::kind).containsExactly(StepKind.POOL);
            Journal done1 = runner.run(store.plan(j1), j1, Map.of(), PlanRunner.Listener.NONE, () -> false);
            assertThat(done1.createdResources()).extracting(CreatedResource::kind).containsExactly(StepKind.POOL);
            var pool = c.batch().getPool(account, "market-ubuntu2204").orElseThrow();
            assertThat(pool.customImageId()).isNull();
            assertThat(pool.imageReference().display()).isEqualToIgnoringCase("canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest");

            // Latest: the definition is checked (never created) and the pool references the definition.
            Plan latest = codec.read(Path.of("docs/examples/existing-definition-latest.json")).plan();
            assertThat(latest.latestGalleryVersion()).isTrue();
            assertThat(PlanCheck.check(latest)).isEmpty();
            assertThat(preflight.check(latest).violations()).noneMatch(Violation::blocks);
            Journal j2 = store.start(latest, RunId.create(Clock.systemUTC().instant(), new Random()), Clock.systemUTC().instant());
            assertThat(j2.steps()).extracting(StepRecord::kind).containsExactly(StepKind.IMAGE_VERSION, StepKind.POOL);
            Journal done2 = runner.run(store.plan(j2), j2, Map.of(), PlanRunner.Listener.NONE, () -> false);
            assertThat(done2.createdResources()).extracting(CreatedResource::kind).containsExactly(StepKind.POOL);
            assertThat(c.batch().getPool(account, "render-latest").orElseThrow().customImageId())
                    .endsWith("/galleries/gal_pf_images/images/ubuntu2204-render");

            // A Marketplace image Batch does not list: the preflight says so, and the sandbox refuses it as Batch does.
            Plan old = withMarketplace(market, "canonical", "UbuntuServer", "16.04-LTS", "market-old");
            assertThat(preflight.check(old).violations()).extracting(Violation::code).contains(RuleCode.POOL_MARKETPLACE_IMAGE_UNSUPPORTED);
            PoolPlan refused = old.poolPlan();
            assertThatThrownBy(() -> c.batch().createPool(account, refused)).isInstanceOf(PoolForgeException.class)
                    .hasMessageContaining("InvalidPropertyValue");
            assertThat(c.batch().getPool(account, "market-old")).isEmpty();

            // The image definition's identifier against the gallery's definitions: ubuntu2204-render already is
            // PoolForge/render-ubuntu/22_04-gen2 in gal_pf_images, so a new definition cannot take it.
            Plan gallery = codec.read(Path.of("docs/examples/vm-render-ubuntu2204-gallery.json")).plan();
            Plan.Image i = gallery.image();
            Plan.Gallery g = i.gallery();
            Plan taken = PlanNames.resolveForExport(gallery.withImage(new Plan.Image(i.target(), i.subscriptionId(), i.resourceGroup(),
                    i.location(), i.osType(), i.osState(), i.hyperVGeneration(), i.securityType(), i.purchasePlan(),
                    new Plan.Gallery(g.name(), g.imageDefinition(), g.version(), "PoolForge", "render-ubuntu", "22_04-gen2",
                            g.targetRegions()), i.managedImage())), codec);
            assertThat(preflight.check(taken).violations()).extracting(Violation::code).contains(RuleCode.IMAGE_IDENTIFIER_TAKEN);
            assertThat(preflight.check(PlanNames.resolveForExport(gallery, codec)).violations()).extracting(Violation::code)
                    .doesNotContain(RuleCode.IMAGE_IDENTIFIER_TAKEN, RuleCode.IMAGE_DEFINITION_DIFFERS);
        }
    }

    @Test
    void exportsCarryTheImageType() throws Exception {
        Plan market = PlanNames.resolveForExport(codec.read(Path.of("docs/examples/marketplace-ubuntu2204.json")).plan(), codec);
        ObjectMapper json = new ObjectMapper();
        JsonNode mgmt = json.readTree(exporters.of(ExportFormat.POOL_JSON).export(market));
        JsonNode ref = mgmt.at("/properties/deploymentConfiguration/virtualMachineConfiguration/imageReference");
        assertThat(ref.path("publisher").asText()).isEqualTo("canonical");
        assertThat(ref.path("sku").asText()).isEqualTo("22_04-lts-gen2");
        assertThat(ref.path("version").asText()).isEqualTo("latest");
        assertThat(ref.has("id")).isFalse();
        String arm = exporters.of(ExportFormat.ARM).export(market);
        assertThat(arm).doesNotContain("imageId").doesNotContain("Microsoft.Compute").contains("\"offer\" : \"0001-com-ubuntu-server-jammy\"");
        String bash = exporters.of(ExportFormat.AZ).export(market);
        assertThat(bash).doesNotContain("az sig").doesNotContain("az snapshot").contains("\"publisher\" : \"canonical\"");
        Path script = home.resolve("market.sh");
        Files.writeString(script, bash);
        assertThat(new ProcessBuilder("bash", "-n", script.toString()).start().waitFor()).isZero();
        assertThat(exporters.of(ExportFormat.PWSH).export(market)).doesNotContain("Get-AzGallery").contains("\"sku\" : \"22_04-lts-gen2\"");

        Plan latest = PlanNames.resolveForExport(codec.read(Path.of("docs/examples/existing-definition-latest.json")).plan(), codec);
        assertThat(latest.image().gallery().version()).isEqualTo("latest");
        JsonNode batch = json.readTree(exporters.of(ExportFormat.BATCH_POOL_JSON).export(latest));
        assertThat(batch.at("/virtualMachineConfiguration/imageReference/virtualMachineImageId").asText())
                .endsWith("/galleries/gal_pf_images/images/ubuntu2204-render");
        assertThat(exporters.of(ExportFormat.AZ).export(latest)).contains("az sig image-definition show").doesNotContain("image-version");
        assertThat(exporters.of(ExportFormat.PWSH).export(latest)).contains("Get-AzGalleryImageDefinition").doesNotContain("Get-AzGalleryImageVersion");
        assertThat(exporters.of(ExportFormat.ARM).export(latest)).contains("'Microsoft.Compute/galleries/images'")
                .doesNotContain("imageVersionName");
    }

    private static Plan withMarketplace(Plan p, String publisher, String offer, String sku, String poolId) {
        Plan.Pool o = p.pool();
        Plan.Pool pool = new Plan.Pool(o.batchAccount(), poolId, poolId, o.vmSize(), o.nodeAgentSkuId(), o.targetDedicatedNodes(),
                o.targetLowPriorityNodes(), o.resizeTimeout(), Plan.IMAGE_TYPE_MARKETPLACE, new Plan.BaseImage(publisher, offer, sku, "latest"));
        return new Plan(null, Plan.CURRENT_VERSION, poolId, null, null, null, pool);
    }
}
