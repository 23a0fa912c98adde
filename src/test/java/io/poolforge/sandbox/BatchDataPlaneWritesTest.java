package io.poolforge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.azure.sdk.SdkClients;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Batch data plane's pool writes, driven by the official examples (src/test/resources/fixtures/batch-data-plane,
 * Azure/azure-rest-api-specs 2025-06-01): each example's request is sent and its status codes expected; the pool made
 * on the data plane is the management plane's pool too; OData filters that Azure cannot apply are refused.
 */
class BatchDataPlaneWritesTest {
    @RegisterExtension
    static final SandboxExtension SB = new SandboxExtension();
    private static final String A = "/batch/pfdemobatchweu";
    private static final String V = "?api-version=2024-07-01.20.0";
    private static final String VERSION = "/subscriptions/" + SandboxExtension.SUB + "/resourceGroups/rg-images/providers/Microsoft.Compute"
            + "/galleries/gal_pf_images/images/ubuntu2204-render/versions/1.0.0";

    private static JsonNode example(String name) throws IOException {
        try (InputStream in = BatchDataPlaneWritesTest.class.getResourceAsStream("/fixtures/batch-data-plane/" + name)) {
            return SandboxExtension.json(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static HttpResponse<String> call(String method, String path, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SB.sandbox().armUrl() + path.substring(1)))
                .header("Authorization", "Bearer " + SB.token(path.startsWith("/batch/") ? SdkClients.BATCH_SCOPE : SdkClients.ARM_SCOPE))
                .header("Content-Type", "application/json; odata=minimalmetadata");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        return SB.send(b.build());
    }

    @Test
    void theExamplesRequestsGetTheExamplesStatusCodes() throws IOException {
        JsonNode create = example("Pools_CreatePool_OSDisk.json");
        ObjectNode pool = (ObjectNode) create.at("/parameters/pool").deepCopy();
        // Documented difference: the example's Standard_D2ds_v5 is not among the sandbox's VM sizes.
        pool.put("vmSize", "Standard_D2s_v5");
        assertThat(call("POST", A + "/pools" + V, pool).statusCode()).isEqualTo(create.at("/responses").fieldNames().next().equals("201") ? 201 : -1);
        String id = pool.path("id").asText();
        JsonNode exists = example("Pools_PoolExists.json");
        assertThat(exists.at("/responses").has("200")).isTrue();
        assertThat(call("HEAD", A + "/pools/" + id + V, null).statusCode()).isEqualTo(200);
        assertThat(call("HEAD", A + "/pools/nothing-here" + V, null).statusCode()).isEqualTo(404);

        JsonNode resize = example("Pools_ResizePool.json");
        assertThat(call("POST", A + "/pools/" + id + "/resize" + V, resize.at("/parameters/resizeOptions")).statusCode()).isEqualTo(202);
        JsonNode stop = example("Pools_StopPoolResize.json");
        assertThat(stop.at("/responses").has("202")).isTrue();
        assertThat(call("POST", A + "/pools/" + id + "/stopresize" + V, null).statusCode()).isEqualTo(202);
        JsonNode replace = example("Pools_ReplacePoolProperties.json");
        ObjectNode props = (ObjectNode) replace.at("/parameters/pool").deepCopy();
        props.putArray("certificateReferences");
        assertThat(call("POST", A + "/pools/" + id + "/updateproperties" + V, props).statusCode()).isEqualTo(204);
        JsonNode got = SandboxExtension.json(call("GET", A + "/pools/" + id + V, null).body());
        assertThat(got.at("/startTask/commandLine").asText()).isEqualTo("/bin/bash -c 'echo start task'");
        assertThat(got.at("/virtualMachineConfiguration/imageReference/offer").asText()).isEqualTo("ubuntu-24_04-lts");
    }

    @Test
    void aPoolAddedOnTheDataPlaneIsTheManagementPlanesPoolWithTheDataPlanesNames() {
        JsonNode body = SandboxExtension.json("{\"id\":\"dp-gallery\",\"vmSize\":\"Standard_D2s_v3\",\"virtualMachineConfiguration\":"
                + "{\"imageReference\":{\"virtualMachineImageId\":\"" + VERSION + "\"},\"nodeAgentSKUId\":\"batch.node.ubuntu 22.04\"},"
                + "\"targetDedicatedNodes\":1,\"resizeTimeout\":\"PT15M\",\"metadata\":[{\"name\":\"k\",\"value\":\"v\"}]}");
        assertThat(call("POST", A + "/pools" + V, body).statusCode()).isEqualTo(201);
        JsonNode dp = SandboxExtension.json(call("GET", A + "/pools/dp-gallery" + V, null).body());
        assertThat(dp.at("/virtualMachineConfiguration/imageReference/virtualMachineImageId").asText()).isEqualTo(VERSION);
        assertThat(dp.at("/virtualMachineConfiguration/imageReference").has("id")).isFalse();
        assertThat(dp.at("/virtualMachineConfiguration/nodeAgentSKUId").asText()).isEqualTo("batch.node.ubuntu 22.04");
        JsonNode mgmt = SandboxExtension.json(SB.get("/subscriptions/" + SandboxExtension.SUB + "/resourceGroups/rg-batch/providers/"
                + "Microsoft.Batch/batchAccounts/pfdemobatchweu/pools/dp-gallery?api-version=2024-07-01").body());
        assertThat(mgmt.at("/properties/deploymentConfiguration/virtualMachineConfiguration/imageReference/id").asText()).isEqualTo(VERSION);
        assertThat(mgmt.at("/properties/metadata/0/value").asText()).isEqualTo("v");

        // Same id in other case: Batch's 409; the management plane's name on the data plane: 400.
        ObjectNode again = (ObjectNode) body.deepCopy();
        again.put("id", "DP-GALLERY");
        HttpResponse<String> dup = call("POST", A + "/pools" + V, again);
        assertThat(dup.statusCode()).isEqualTo(409);
        assertThat(SandboxExtension.json(dup.body()).path("code").asText()).isEqualTo("PoolExists");
        ObjectNode wrongName = (ObjectNode) body.deepCopy();
        wrongName.put("id", "dp-wrong");
        ((ObjectNode) wrongName.at("/virtualMachineConfiguration/imageReference")).removeAll().put("id", VERSION);
        assertThat(call("POST", A + "/pools" + V, wrongName).statusCode()).isEqualTo(400);

        // Delete: deleting, then gone from both planes.
        assertThat(call("DELETE", A + "/pools/dp-gallery" + V, null).statusCode()).isEqualTo(202);
        assertThat(call("GET", A + "/pools/dp-gallery" + V, null).statusCode()).isEqualTo(404);
    }

    @Test
    void theManagementPlanesRulesHoldOnTheDataPlane() {
        JsonNode managed = SandboxExtension.json("{\"id\":\"dp-managed\",\"vmSize\":\"Standard_D2s_v3\",\"virtualMachineConfiguration\":"
                + "{\"imageReference\":{\"virtualMachineImageId\":\"/subscriptions/" + SandboxExtension.SUB + "/resourceGroups/rg-images/"
                + "providers/Microsoft.Compute/images/img-render-2019\"},\"nodeAgentSKUId\":\"batch.node.ubuntu 22.04\"}}");
        HttpResponse<String> r = call("POST", A + "/pools" + V, managed);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxExtension.json(r.body()).at("/message/value").asText()).contains("31 March 2026");
        HttpResponse<String> missing = call("POST", A + "/pools" + V, SandboxExtension.json("{\"id\":\"dp-x\"}"));
        assertThat(SandboxExtension.json(missing.body()).path("code").asText()).isEqualTo("MissingRequiredProperty");
    }

    @Test
    void filtersAreAppliedOrRefusedNeverIgnored() {
        String f = URLEncoder.encode("id eq 'render-gallery'", StandardCharsets.UTF_8).replace("+", "%20");
        JsonNode one = SandboxExtension.json(call("GET", A + "/pools" + V + "&$filter=" + f, null).body());
        assertThat(one.path("value")).hasSize(1);
        assertThat(one.at("/value/0/id").asText()).isEqualTo("render-gallery");
        String idle = URLEncoder.encode("state eq 'running'", StandardCharsets.UTF_8).replace("+", "%20");
        assertThat(SandboxExtension.json(call("GET", A + "/pools/render-gallery/nodes" + V + "&$filter=" + idle, null).body())
                .path("value")).isEmpty();
        String bad = URLEncoder.encode("color eq 'blue'", StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<String> r = call("GET", A + "/pools" + V + "&$filter=" + bad, null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxExtension.json(r.body()).path("code").asText()).isEqualTo("InvalidQueryParameterValue");
        JsonNode sel = SandboxExtension.json(call("GET", A + "/pools" + V + "&$select=id,state", null).body());
        assertThat(sel.at("/value/0").size()).isEqualTo(2);
    }

    @Test
    void metadataEndpointsNeedNoTokenAndDoubleSlashesAreOnePath() {
        HttpResponse<String> r = SB.send(HttpRequest.newBuilder(URI.create(SB.sandbox().armUrl() + "/metadata/endpoints?api-version=2015-01-01"))
                .GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(SandboxExtension.json(r.body()).at("/authentication/loginEndpoint").asText()).isEqualTo(SB.sandbox().authorityHost());
        HttpResponse<String> arr = SB.send(HttpRequest.newBuilder(URI.create(SB.sandbox().armUrl() + "metadata/endpoints?api-version=2022-09-01"))
                .GET().build());
        assertThat(SandboxExtension.json(arr.body()).at("/0/batch").asText()).isEqualTo("https://batch.core.windows.net/");
        JsonNode provider = SandboxExtension.json(SB.get("/subscriptions/" + SandboxExtension.SUB + "/providers/Microsoft.Batch?api-version=2021-04-01").body());
        assertThat(provider.path("resourceTypes").toString()).contains("batchAccounts/pools");
    }
}
