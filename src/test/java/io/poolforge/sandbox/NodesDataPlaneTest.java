package io.poolforge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.poolforge.azure.sdk.BatchDataPlane;
import io.poolforge.domain.nodes.ComputeNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The "nodes" scenario's data plane in Batch's field names, read page by page through the app's data-plane client. */
class NodesDataPlaneTest {
    @RegisterExtension
    static final SandboxExtension SB = new SandboxExtension(b -> b.scenario("nodes"));

    @Test
    void theNodeListIsPagedAndSelectedAndTheClientFollowsTheNextLinks() {
        String endpoint = SB.sandbox().batchAccountUrls().get("pfdemobatchweu");
        BatchDataPlane dp = new BatchDataPlane(SB.clients().batchDataPlane());
        List<ComputeNode> paged = dp.computeNodes(endpoint, "render-custom-nodes", null, 5);
        assertThat(paged).hasSize(12).extracting(ComputeNode::id).doesNotHaveDuplicates();
        assertThat(paged).extracting(ComputeNode::id).containsExactlyElementsOf(
                dp.computeNodes(endpoint, "render-custom-nodes", null).stream().map(ComputeNode::id).toList());

        String url = endpoint + "/pools/render-custom-nodes/nodes?api-version=2024-07-01.20.0&maxresults=5&$select=id,state,errors";
        try (HttpResponse r = SB.clients().batchDataPlane().send(new HttpRequest(HttpMethod.GET, url)).block()) {
            JsonNode page = SandboxExtension.json(r.getBodyAsString().block());
            assertThat(page.path("value")).hasSize(5);
            assertThat(page.path("odata.nextLink").asText()).contains("$skiptoken=5");
            JsonNode first = page.path("value").get(0);
            assertThat(first.fieldNames()).toIterable().isSubsetOf("id", "state", "errors").contains("id", "state");
        }
    }

    @Test
    void startTaskInfoAndErrorsUseTheDataPlaneNames() {
        JsonNode nodes = SandboxExtension.json(SB.get("/batch/pfdemobatchweu/pools/render-custom-nodes/nodes?api-version=2024-07-01.20.0"
                + "&$filter=state%20eq%20'startTaskFailed'").body());
        JsonNode n = nodes.path("value").get(0);
        assertThat(n.at("/startTaskInfo/result").asText()).isEqualTo("failure");
        assertThat(n.at("/startTaskInfo/exitCode").asInt()).isEqualTo(127);
        assertThat(n.at("/startTaskInfo/failureInfo/code").asText()).isEqualTo("FailureExitCode");
        assertThat(n.at("/startTaskInfo/failureInfo/category").asText()).isEqualTo("usererror");
        assertThat(n.at("/nodeAgentInfo/version").asText()).isEqualTo("1.11.19");
        assertThat(n.path("isDedicated").isBoolean()).isTrue();
        assertThat(n.path("lastBootTime").asText()).isNotBlank();
        JsonNode unusable = SandboxExtension.json(SB.get("/batch/pfdemobatchweu/pools/render-custom-nodes/nodes?api-version=2024-07-01.20.0"
                + "&$filter=state%20eq%20'unusable'").body()).path("value");
        // No made-up node error code (PF-17): unusable nodes carry no errors array, the documented "Batch is unable to
        // communicate with the VM" case.
        assertThat(unusable).hasSize(5).allSatisfy(u -> assertThat(u.has("errors")).isFalse());
    }
}
