package io.poolforge.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageInner;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageVersionInner;
import com.azure.resourcemanager.compute.models.GalleryImageFeature;
import com.azure.resourcemanager.compute.models.GalleryImageIdentifier;
import com.azure.resourcemanager.compute.models.GalleryImageVersionStorageProfile;
import com.azure.resourcemanager.compute.models.GalleryOSDiskImage;
import com.azure.resourcemanager.compute.models.GalleryDiskImageSource;
import com.azure.resourcemanager.compute.models.HyperVGeneration;
import com.azure.resourcemanager.compute.models.OperatingSystemStateTypes;
import com.azure.resourcemanager.compute.models.OperatingSystemTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.cli.RootCommand;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolBody;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.VmSkuInfo;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanJson;
import io.poolforge.sandbox.batch.engine.PoolRules;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * PF-16, against the sandbox through the real clients: the shipped Trusted Launch plan runs with {@code poolforge run} to a pool
 * whose body carries securityProfile trustedLaunch and whose nodes reach idle; the same pool created without the profile ends its
 * resize with Azure's error and no node; a snapshot into a TrustedLaunchSupported definition is refused with Azure's message; the
 * supported VM SKUs carry their Trusted Launch capability; a size that cannot run Trusted Launch is refused before anything is
 * created.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustedLaunchPoolTest {
    static final Path EXAMPLE = Path.of("docs/examples/vm-trusted-launch-gallery.json");
    static final String SUB = "5a4db0c0-0000-4000-8000-0000000000a1";
    static AdapterSandbox sb;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    @BeforeAll
    static void start() {
        sb = AdapterSandbox.startFast(b -> b);
    }

    @AfterAll
    static void stop() throws Exception {
        sb.close();
    }

    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine c = new CommandLine(new RootCommand(() -> {
            throw new AssertionError("the desktop must not open");
        }, home));
        c.setOut(new PrintWriter(out));
        c.setErr(new PrintWriter(err));
        int code = c.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    private static String[] withSandbox(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--sandbox-endpoints";
        all[args.length + 1] = sb.sandbox.endpointsJson();
        all[args.length + 2] = "--lang";
        all[args.length + 3] = "en";
        return all;
    }

    private static PoolInfo waitSteady(BatchAccountInfo account, String poolId) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(30);
        PoolInfo p = sb.batch().getPool(account, poolId).orElseThrow();
        while (p.allocationState() != io.poolforge.domain.AllocationState.STEADY && Instant.now().isBefore(end)) {
            Thread.sleep(50);
            p = sb.batch().getPool(account, poolId).orElseThrow();
        }
        return p;
    }

    @Test
    @Order(1)
    void aSizeThatCannotRunTrustedLaunchIsRefusedBeforeAnythingIsCreated() throws Exception {
        Path m64 = home.resolve("m64.json");
        Files.writeString(m64, Files.readString(EXAMPLE).replace("Standard_D2s_v3", "Standard_M64"));
        Map<String, Integer> before = sb.counts();
        String[] validate = cli(withSandbox("validate", m64.toString(), "--online"));
        assertThat(validate[0]).isNotEqualTo("0");
        assertThat(validate[1]).contains("VM_SIZE_NO_TRUSTED_LAUNCH", "Standard_M64", "TrustedLaunchDisabled=True");
        String[] run = cli(withSandbox("run", m64.toString()));
        assertThat(run[0]).isNotEqualTo("0");
        assertThat(run[1] + run[2]).contains("VM_SIZE_NO_TRUSTED_LAUNCH");
        assertThat(sb.counts()).as("nothing was created").isEqualTo(before);
    }

    @Test
    @Order(2)
    void theSupportedVmSkusCarryTheirTrustedLaunchCapability() {
        List<VmSkuInfo> sizes = sb.batch().supportedVmSkus(SUB, "westeurope");
        VmSkuInfo m64 = sizes.stream().filter(s -> s.name().equals("Standard_M64")).findFirst().orElseThrow();
        assertThat(m64.trustedLaunchDisabled()).isTrue();
        assertThat(m64.runsTrustedLaunch()).isFalse();
        VmSkuInfo d2 = sizes.stream().filter(s -> s.name().equals("Standard_D2s_v3")).findFirst().orElseThrow();
        assertThat(d2.trustedLaunchDisabled()).isFalse();
        assertThat(d2.runsTrustedLaunch()).isTrue();
        assertThat(sizes.stream().filter(s -> s.name().equals("Standard_A1_v2")).findFirst().orElseThrow().runsTrustedLaunch())
                .as("Generation 1 only").isFalse();
    }

    @Test
    @Order(3)
    void theShippedPlanRunsToATrustedLaunchPoolWhoseNodesReachIdle() throws Exception {
        String[] run = cli(withSandbox("run", EXAMPLE.toString(), "--json"));
        assertThat(run[0]).as(run[2]).isEqualTo("0");
        assertThat(JSON.readTree(run[1]).get("status").asText()).isEqualTo("complete");
        BatchAccountInfo account = sb.account("pfdemobatchweu");
        // The pool as Batch stored it from the request body (the sandbox keeps the body's properties).
        JsonNode pool = sb.fastClients().batchPools(SUB).get(account.id(), "render-trusted-launch");
        JsonNode sp = pool.at("/properties/deploymentConfiguration/virtualMachineConfiguration/securityProfile");
        assertThat(sp.path("securityType").asText()).isEqualTo("trustedLaunch");
        assertThat(sp.at("/uefiSettings/secureBootEnabled").asBoolean()).isTrue();
        assertThat(sp.at("/uefiSettings/vTpmEnabled").asBoolean()).isTrue();
        PoolInfo p = waitSteady(account, "render-trusted-launch");
        assertThat(p.resizeErrors()).isEmpty();
        assertThat(p.currentDedicatedNodes()).isEqualTo(2);
        Instant end = Instant.now().plusSeconds(30);
        var nodes = sb.batch().computeNodes(account, "render-trusted-launch", null);
        while (!(nodes.size() == 2 && nodes.stream().allMatch(n -> "idle".equals(n.state()))) && Instant.now().isBefore(end)) {
            Thread.sleep(50);
            nodes = sb.batch().computeNodes(account, "render-trusted-launch", null);
        }
        assertThat(nodes).hasSize(2).allMatch(n -> "idle".equals(n.state()));
    }

    @Test
    @Order(4)
    void theSamePoolWithoutTheProfileEndsItsResizeWithAzuresErrorAndNoNode() throws Exception {
        BatchAccountInfo account = sb.account("pfdemobatchweu");
        Plan plan = PlanJson.newMapper().readValue(EXAMPLE.toFile(), Plan.class);
        var without = plan.poolPlan().withSecurityProfile(null);
        sb.fastClients().batchPools(SUB).create(account.id(), "render-tl-noprofile",
                PoolBody.management(without, Map.of()), true);
        PoolInfo p = waitSteady(account, "render-tl-noprofile");
        assertThat(p.currentDedicatedNodes()).isZero();
        assertThat(p.resizeErrors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("AllocationFailed");
            assertThat(e.values()).anySatisfy(d -> {
                assertThat(d.name()).isEqualTo("BadRequest");
                assertThat(d.value()).isEqualTo("The provided gallery image only supports creation of VMs and VM Scale Sets with "
                        + "'TrustedLaunch' security type.");
            });
        });
        assertThat(PoolRules.TRUSTED_LAUNCH_ONLY).contains("'TrustedLaunch' security type");
        assertThat(sb.batch().computeNodes(account, "render-tl-noprofile", null)).isEmpty();
    }

    @Test
    @Order(5)
    void aSnapshotIntoATrustedLaunchSupportedDefinitionIsRefusedWithAzuresMessage() {
        var compute = sb.fastClients().compute(SUB);
        String rg = "rg-images";
        GalleryImageInner def = new GalleryImageInner().withLocation("westeurope").withOsType(OperatingSystemTypes.LINUX)
                .withOsState(OperatingSystemStateTypes.GENERALIZED).withHyperVGeneration(HyperVGeneration.V2)
                .withIdentifier(new GalleryImageIdentifier().withPublisher("PoolForgeDemo").withOffer("render").withSku("tl-supported"))
                .withFeatures(List.of(new GalleryImageFeature().withName("SecurityType").withValue("TrustedLaunchSupported")));
        compute.getGalleryImages().createOrUpdate(rg, "gal_pf_images", "render-tl-supported", def);
        String snapshot = "/subscriptions/" + SUB + "/resourceGroups/rg-images/providers/Microsoft.Compute/snapshots/snap-trusted-launch-os";
        GalleryImageVersionInner version = new GalleryImageVersionInner().withLocation("westeurope")
                .withStorageProfile(new GalleryImageVersionStorageProfile().withOsDiskImage(
                        (GalleryOSDiskImage) new GalleryOSDiskImage().withSource(new GalleryDiskImageSource().withId(snapshot))));
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> compute.getGalleryImageVersions()
                .createOrUpdate(rg, "gal_pf_images", "render-tl-supported", "1.0.0", version), ManagementException.class);
        assertThat(e).isNotNull();
        assertThat(e.getValue().getCode()).isEqualTo("InvalidParameter");
        assertThat(e.getValue().getMessage()).contains("The security type 'TrustedLaunchSupported' is not supported for the source id",
                "Currently only Vhd Blob, User Image and Gallery Image Version sources are supported for 'TrustedLaunchSupported' images.");
        assertThat(Duration.ZERO).isNotNull();
    }

    /** PF-17: the error PF-16's sandbox gives that pool is diagnosed from Azure's words, with the profile the image needs. */
    @Test
    @Order(6)
    void thatResizeErrorIsDiagnosedAsASecurityTypeMismatch() {
        BatchAccountInfo account = sb.account("pfdemobatchweu");
        PoolInfo p = sb.batch().getPool(account, "render-tl-noprofile").orElseThrow();
        var img = io.poolforge.ui.watch.PoolLookups.inspectImage(sb.compute(), p.customImageId());
        var ev = io.poolforge.ui.watch.PoolLookups.evidence(sb.compute(), sb.batch(), account, p,
                sb.batch().nodeCounts(account, p.id()), img, null);
        var d = io.poolforge.domain.diagnose.Diagnoser.diagnose(ev).get(0);
        assertThat(d.cause()).isEqualTo(io.poolforge.domain.diagnose.Cause.SECURITY_TYPE_MISMATCH);
        assertThat(d.confidence()).isEqualTo(io.poolforge.domain.diagnose.Confidence.CONFIRMED);
        var en = new io.poolforge.i18n.Messages(java.util.Locale.ENGLISH);
        assertThat(en.text(d.causeText())).contains("TrustedLaunch");
        assertThat(en.text(d.remedy())).contains("securityProfile", "trustedLaunch", "secureBootEnabled", "vTpmEnabled");
        assertThat(d.evidence()).extracting(en::text).anySatisfy(t -> assertThat(t).contains("only supports creation of VMs"));
        // The definition's security type was read too.
        assertThat(d.checked()).extracting(en::text).anySatisfy(t -> assertThat(t).contains("image definition TrustedLaunch, pool Standard"));
    }
}
