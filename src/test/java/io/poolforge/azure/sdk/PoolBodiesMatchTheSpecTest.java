package io.poolforge.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.resourcemanager.resources.fluentcore.utils.HttpPipelineProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolBody;
import io.poolforge.domain.PoolSecurityProfile;
import io.poolforge.export.ExportFormat;
import io.poolforge.export.Exporters;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.PlanNames;
import io.poolforge.spec.OpenApiValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * PF-16: every request body the Batch pool client sends, and the pool body of every export of every shipped plan, validates
 * against Microsoft's OpenAPI definition of the api-version it names (Azure/azure-rest-api-specs, read from ../shared/fixtures
 * at test time: specification/batch/resource-manager/Microsoft.Batch/stable/2025-06-01/BatchManagement.json and
 * specification/batch/data-plane/Microsoft.Batch/stable/2024-07-01.20.0/BatchService.json). A misspelt or unknown field fails.
 */
class PoolBodiesMatchTheSpecTest {
    static final Path SPECS = Path.of(System.getProperty("pf.fixtures", "../shared/fixtures/azure-rest-api-specs/specification"))
            .resolve("batch");
    static final Path MGMT = SPECS.resolve("resource-manager/Microsoft.Batch/stable/" + PoolBody.MANAGEMENT_API_VERSION
            + "/BatchManagement.json");
    static final Path DATA = SPECS.resolve("data-plane/Microsoft.Batch/stable/" + PoolBody.DATA_PLANE_API_VERSION + "/BatchService.json");
    static final ObjectMapper JSON = new ObjectMapper();
    static OpenApiValidator mgmt;
    static OpenApiValidator data;

    @BeforeAll
    static void load() throws Exception {
        boolean present = Files.exists(MGMT) && Files.exists(DATA);
        if (!present) System.err.println("SKIPPED PoolBodiesMatchTheSpecTest: the OpenAPI fixtures are absent (" + MGMT + ", " + DATA + ")");
        Assumptions.assumeTrue(present, "the OpenAPI fixtures are absent: " + MGMT + ", " + DATA);
        mgmt = OpenApiValidator.load(MGMT);
        data = OpenApiValidator.load(DATA);
        assertThat(mgmt.apiVersion()).isEqualTo(PoolBody.MANAGEMENT_API_VERSION);
        assertThat(data.apiVersion()).isEqualTo(PoolBody.DATA_PLANE_API_VERSION);
    }

    static List<Path> examples() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("docs/examples"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static Plan resolved(Path example) {
        PlanCodec codec = new PlanCodec();
        return PlanNames.resolveForExport(codec.read(example).plan(), codec);
    }

    @Test
    void theValidatorFailsOnMisspeltUnknownMistypedReadOnlyAndMissingFields() throws Exception {
        Plan plan = resolved(Path.of("docs/examples/vm-trusted-launch-gallery.json"));
        JsonNode good = JSON.valueToTree(PoolBody.management(plan.poolPlan(), Map.of("poolforge.run", "r1")));
        JsonNode schema = mgmt.bodySchema("Pool_Create");
        assertThat(mgmt.validate(good, schema)).isEmpty();

        ObjectNode misspelt = good.deepCopy();
        ObjectNode vmc = (ObjectNode) misspelt.at("/properties/deploymentConfiguration/virtualMachineConfiguration");
        vmc.set("securityProfil", vmc.remove("securityProfile"));
        assertThat(mgmt.validate(misspelt, schema)).singleElement().asString().contains("unknown property \"securityProfil\"");

        ObjectNode badEnum = good.deepCopy();
        ((ObjectNode) badEnum.at("/properties/deploymentConfiguration/virtualMachineConfiguration/securityProfile"))
                .put("securityType", "TrustedLaunch");
        assertThat(mgmt.validate(badEnum, schema)).singleElement().asString().contains("\"TrustedLaunch\" is not one of");

        ObjectNode badType = good.deepCopy();
        ((ObjectNode) badType.at("/properties/scaleSettings/fixedScale")).put("targetDedicatedNodes", "2");
        assertThat(mgmt.validate(badType, schema)).singleElement().asString().contains("expected an integer");

        ObjectNode readOnly = good.deepCopy();
        ((ObjectNode) readOnly.get("properties")).put("allocationState", "Steady");
        assertThat(mgmt.validate(readOnly, schema)).singleElement().asString().contains("read-only");

        ObjectNode missing = good.deepCopy();
        ((ObjectNode) missing.at("/properties/metadata/0")).remove("value");
        assertThat(mgmt.validate(missing, schema)).singleElement().asString().contains("required property \"value\"");

        ObjectNode badDuration = good.deepCopy();
        ((ObjectNode) badDuration.at("/properties/scaleSettings/fixedScale")).put("resizeTimeout", "20 minutes");
        assertThat(mgmt.validate(badDuration, schema)).singleElement().asString().contains("ISO-8601");

        // The data plane: "nodeAgentSkuId" is the management plane's spelling, unknown to PoolAddParameter.
        ObjectNode dp = JSON.valueToTree(PoolBody.dataPlane(plan.poolPlan()));
        assertThat(data.validate(dp, data.bodySchema("Pool_Add"))).isEmpty();
        ObjectNode dvmc = (ObjectNode) dp.get("virtualMachineConfiguration");
        dvmc.set("nodeAgentSkuId", dvmc.remove("nodeAgentSKUId"));
        assertThat(data.validate(dp, data.bodySchema("Pool_Add"))).anyMatch(e -> e.contains("unknown property \"nodeAgentSkuId\""))
                .anyMatch(e -> e.contains("required property \"nodeAgentSKUId\""));
    }

    @Test
    void everyShippedPlansPoolBodiesMatchTheSpec() throws Exception {
        for (Path example : examples()) {
            Plan plan = resolved(example);
            var pool = plan.poolPlan();
            assertThat(mgmt.validate(JSON.valueToTree(PoolBody.management(pool, Map.of("poolforge.run", "r1"))), mgmt.bodySchema("Pool_Create")))
                    .as(example.toString()).isEmpty();
            assertThat(mgmt.validate(JSON.valueToTree(PoolBody.resize(3, 0, "PT20M")), mgmt.bodySchema("Pool_Update"))).isEmpty();
            assertThat(data.validate(JSON.valueToTree(PoolBody.dataPlane(pool)), data.bodySchema("Pool_Add"))).as(example.toString()).isEmpty();
        }
    }

    /**
     * PF-20 (second pass): an empty pool (0 dedicated, 0 Spot) — one Azure accepts: "If this property is not specified, the
     * pool will have a fixed scale with 0 targetDedicatedNodes." (BatchManagement.json 2025-06-01, ScaleSettings, read
     * 2026-12-07) — has bodies that match the spec, with both counts written as 0.
     */
    @Test
    void anEmptyPoolsBodiesMatchTheSpec() throws Exception {
        for (Path example : examples()) {
            var p = resolved(example).poolPlan();
            var empty = new io.poolforge.domain.PoolPlan(p.poolId(), p.displayName(), p.vmSize(), p.imageId(), p.nodeAgentSkuId(), 0, 0,
                    p.resizeTimeout(), p.marketplaceImage(), p.securityProfile());
            JsonNode body = JSON.valueToTree(PoolBody.management(empty, Map.of("poolforge.run", "r1")));
            assertThat(mgmt.validate(body, mgmt.bodySchema("Pool_Create"))).as(example.toString()).isEmpty();
            assertThat(body.at("/properties/scaleSettings/fixedScale/targetDedicatedNodes").asInt(-1)).isZero();
            assertThat(body.at("/properties/scaleSettings/fixedScale/targetLowPriorityNodes").asInt(-1)).isZero();
            assertThat(data.validate(JSON.valueToTree(PoolBody.dataPlane(empty)), data.bodySchema("Pool_Add"))).as(example.toString()).isEmpty();
        }
    }

    /** Records every request the pipeline sends (method, URL, body). */
    record Sent(String method, String url, String body) {
    }

    @Test
    void everyRequestBodyThePoolClientSendsMatchesTheSpec() throws Exception {
        List<Sent> sent = new CopyOnWriteArrayList<>();
        HttpPipelinePolicy recorder = new HttpPipelinePolicy() {
            @Override
            public Mono<HttpResponse> process(HttpPipelineCallContext ctx, HttpPipelineNextPolicy next) {
                var r = ctx.getHttpRequest();
                sent.add(new Sent(r.getHttpMethod().name(), r.getUrl().toString(),
                        r.getBodyAsBinaryData() == null ? null : r.getBodyAsBinaryData().toString()));
                return next.process();
            }
        };
        try (AdapterSandbox sb = AdapterSandbox.startFast(b -> b)) {
            SdkClients clients = sb.fastClients();
            String sub = "5a4db0c0-0000-4000-8000-0000000000a1";
            var profile = clients.profile(sub);
            HttpPipeline pipeline = HttpPipelineProvider.buildHttpPipeline(clients.credential(), profile, null,
                    new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE), null, null, new ArrayList<>(List.of(recorder)),
                    clients.httpClient());
            BatchPoolsClient client = new BatchPoolsClient(pipeline, profile.getEnvironment().getResourceManagerEndpoint(), Duration.ofMillis(20));
            BatchAccountInfo account = sb.account("pfdemobatchweu");
            Plan market = resolved(Path.of("docs/examples/marketplace-ubuntu2204.json"));
            client.create(account.id(), "spec-market", PoolBody.management(market.poolPlan(), Map.of("poolforge.run", "r1")), true);
            // A Trusted Launch pool on a Marketplace image, as in Microsoft's example PoolCreate_SecurityProfile (2025-06-01).
            var tl = new io.poolforge.domain.PoolPlan("spec-tl", null, "Standard_D2s_v5", null, "batch.node.ubuntu 24.04", 1, 0,
                    Duration.ofMinutes(15), io.poolforge.domain.ImageReference.marketplace("canonical", "ubuntu-24_04-lts", "server", "latest"),
                    new PoolSecurityProfile(PoolSecurityProfile.TRUSTED_LAUNCH, null, false));
            client.create(account.id(), "spec-tl", PoolBody.management(tl, Map.of()), true);
            client.get(account.id(), "spec-market");
            client.list(account.id());
            client.stopResize(account.id(), "spec-market");
            client.resize(account.id(), "spec-tl", 2, 0, Duration.ofMinutes(20));
            client.delete(account.id(), "spec-market", () -> false);
        }
        List<Sent> toBatch = sent.stream().filter(s -> s.url().contains("/providers/Microsoft.Batch/batchAccounts/")).toList();
        assertThat(toBatch).extracting(Sent::method).contains("PUT", "GET", "POST", "PATCH", "DELETE");
        assertThat(toBatch).filteredOn(s -> !s.url().contains("operationStatuses") && !s.url().contains("operationResults"))
                .allMatch(s -> s.url().contains("api-version=" + PoolBody.MANAGEMENT_API_VERSION), "api-version " + PoolBody.MANAGEMENT_API_VERSION);
        int bodies = 0;
        for (Sent s : toBatch) {
            if (s.body() == null || s.body().isEmpty()) continue;
            String op = switch (s.method()) {
                case "PUT" -> "Pool_Create";
                case "PATCH" -> "Pool_Update";
                default -> throw new AssertionError("a body on " + s.method() + " " + s.url());
            };
            assertThat(mgmt.validate(JSON.readTree(s.body()), mgmt.bodySchema(op))).as(s.method() + " " + s.url() + " " + s.body()).isEmpty();
            bodies++;
        }
        assertThat(bodies).as("create x2 and resize were checked").isEqualTo(3);
        assertThat(toBatch).filteredOn(s -> "PUT".equals(s.method())).anyMatch(s -> s.body().contains("\"securityProfile\""));
    }

    @Test
    void everyExportsPoolBodyMatchesTheSpec() throws Exception {
        Exporters exporters = new Exporters(new Messages(Locale.ENGLISH), "test");
        for (Path example : examples()) {
            Plan plan = resolved(example);
            boolean tl = plan.pool().securityProfile() != null;
            String what = example.getFileName().toString();

            JsonNode poolJson = JSON.readTree(exporters.of(ExportFormat.POOL_JSON).export(plan));
            assertThat(mgmt.validate(poolJson, mgmt.bodySchema("Pool_Create"))).as(what + " pool-json").isEmpty();
            JsonNode batchJson = JSON.readTree(exporters.of(ExportFormat.BATCH_POOL_JSON).export(plan));
            assertThat(data.validate(batchJson, data.bodySchema("Pool_Add"))).as(what + " batch-pool-json").isEmpty();

            String az = exporters.of(ExportFormat.AZ).export(plan);
            JsonNode azBody = JSON.readTree(between(az, "<<'POOLFORGE_POOL_JSON'\n", "\nPOOLFORGE_POOL_JSON"));
            assertThat(az).contains("api-version=" + mgmt.apiVersion());
            assertThat(mgmt.validate(azBody, mgmt.bodySchema("Pool_Create"))).as(what + " az").isEmpty();

            String pwsh = exporters.of(ExportFormat.PWSH).export(plan);
            JsonNode pwshBody = JSON.readTree(between(pwsh, "$body = @'\n", "'@"));
            assertThat(pwsh).contains("api-version=" + mgmt.apiVersion());
            assertThat(mgmt.validate(pwshBody, mgmt.bodySchema("Pool_Create"))).as(what + " pwsh").isEmpty();

            JsonNode arm = JSON.readTree(exporters.of(ExportFormat.ARM).export(plan));
            JsonNode armPool = findPool(arm);
            assertThat(armPool).as(what + " arm pool resource").isNotNull();
            assertThat(armPool.get("apiVersion").asText()).isEqualTo(mgmt.apiVersion());
            ObjectNode armBody = JSON.createObjectNode();
            armBody.set("properties", armPool.get("properties"));
            assertThat(mgmt.withArmExpressions().validate(armBody, mgmt.bodySchema("Pool_Create"))).as(what + " arm").isEmpty();

            if (tl) {
                for (JsonNode b : List.of(poolJson.at("/properties/deploymentConfiguration/virtualMachineConfiguration"),
                        batchJson.get("virtualMachineConfiguration"), azBody.at("/properties/deploymentConfiguration/virtualMachineConfiguration"),
                        pwshBody.at("/properties/deploymentConfiguration/virtualMachineConfiguration"),
                        armPool.at("/properties/deploymentConfiguration/virtualMachineConfiguration"))) {
                    assertThat(b.at("/securityProfile/securityType").asText()).as(what).isEqualTo("trustedLaunch");
                    assertThat(b.at("/securityProfile/uefiSettings/secureBootEnabled").asBoolean()).isTrue();
                    assertThat(b.at("/securityProfile/uefiSettings/vTpmEnabled").asBoolean()).isTrue();
                }
            }
        }
    }

    static String between(String text, String start, String end) {
        int a = text.indexOf(start);
        assertThat(a).as("no " + start).isNotNegative();
        int b = text.indexOf(end, a + start.length());
        assertThat(b).as("no " + end).isPositive();
        return text.substring(a + start.length(), b);
    }

    static JsonNode findPool(JsonNode node) {
        if (node.isObject() && "Microsoft.Batch/batchAccounts/pools".equals(node.path("type").asText())) return node;
        for (JsonNode child : node) {
            JsonNode found = findPool(child);
            if (found != null) return found;
        }
        return null;
    }
}
