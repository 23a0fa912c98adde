package io.poolforge.azure.sdk;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.azure.NodeCounts;
import io.poolforge.azure.LogUpload;
import io.poolforge.azure.NodeInfo;
import io.poolforge.domain.nodes.ComputeNode;
import io.poolforge.domain.nodes.NodeError;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.SecretMasker;
import io.poolforge.domain.SupportedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The few Batch data-plane calls PoolForge needs (the Batch data-plane SDK cannot be had here),
 * on azure-core's HttpPipeline: bearer token for the Batch scope, retries, request ids, and
 * {@code odata.nextLink} paging. The account endpoint may carry a path prefix (the sandbox's does).
 */
public final class BatchDataPlane {
    static final String API_VERSION = "2024-07-01.20.0";
    private final HttpPipeline pipeline;
    private final ObjectMapper json = new ObjectMapper();

    public BatchDataPlane(HttpPipeline pipeline) {
        this.pipeline = pipeline;
    }

    public List<SupportedImage> supportedImages(String accountEndpoint) {
        List<SupportedImage> out = new ArrayList<>();
        for (JsonNode n : list(base(accountEndpoint) + "/supportedimages?api-version=" + API_VERSION, "supportedimages")) {
            JsonNode ref = n.path("imageReference");
            List<String> caps = new ArrayList<>();
            n.path("capabilities").forEach(c -> caps.add(c.asText()));
            out.add(new SupportedImage(n.path("nodeAgentSKUId").asText(),
                    ImageReference.marketplace(ref.path("publisher").asText(), ref.path("offer").asText(),
                            ref.path("sku").asText(), ref.path("version").asText("latest")),
                    OsType.parse(n.path("osType").asText(null)), n.path("verificationType").asText(null), caps,
                    instant(n.path("batchSupportEndOfLife").asText(null))));
        }
        return out;
    }

    public NodeCounts nodeCounts(String accountEndpoint, String poolId) {
        String filter = URLEncoder.encode("poolId eq '" + poolId.replace("'", "''") + "'", StandardCharsets.UTF_8).replace("+", "%20");
        for (JsonNode n : list(base(accountEndpoint) + "/nodecounts?api-version=" + API_VERSION + "&$filter=" + filter, "nodecounts")) {
            if (poolId.equalsIgnoreCase(n.path("poolId").asText())) {
                return new NodeCounts(poolId, counts(n.path("dedicated")), counts(n.path("lowPriority")));
            }
        }
        return new NodeCounts(poolId, Map.of(), Map.of());
    }

    public List<NodeInfo> nodes(String accountEndpoint, String poolId) {
        List<NodeInfo> out = new ArrayList<>();
        String url = base(accountEndpoint) + "/pools/" + URLEncoder.encode(poolId, StandardCharsets.UTF_8) + "/nodes?api-version=" + API_VERSION;
        for (JsonNode n : list(url, poolId)) {
            JsonNode err = n.path("errors").path(0);
            out.add(new NodeInfo(n.path("id").asText(), n.path("state").asText(), n.path("isDedicated").asBoolean(true),
                    n.path("vmSize").asText(null), err.path("code").asText(null), err.path("message").asText(null)));
        }
        return out;
    }

    /** The properties the node list asks for ({@code $select}, Batch REST "Compute Node - List"). */
    static final String NODE_SELECT = "id,state,isDedicated,vmSize,stateTransitionTime,lastBootTime,allocationTime,startTaskInfo,nodeAgentInfo,errors";

    /**
     * The pool's nodes with what the nodes view shows, paged ({@code maxresults}, {@code odata.nextLink}),
     * optionally filtered by state ({@code $filter=state eq '...'}, a filterable node property).
     */
    public List<ComputeNode> computeNodes(String accountEndpoint, String poolId, String state) {
        return computeNodes(accountEndpoint, poolId, state, 1000);
    }

    /** As {@link #computeNodes(String, String, String)} with {@code pageSize} nodes a page (Batch allows up to 1,000). */
    public List<ComputeNode> computeNodes(String accountEndpoint, String poolId, String state, int pageSize) {
        String url = base(accountEndpoint) + "/pools/" + path(poolId) + "/nodes?api-version=" + API_VERSION
                + "&maxresults=" + Math.max(1, Math.min(1000, pageSize)) + "&$select=" + enc(NODE_SELECT);
        if (state != null) url += "&$filter=" + enc("state eq '" + state.replace("'", "''") + "'");
        List<ComputeNode> out = new ArrayList<>();
        for (JsonNode n : list(url, poolId)) out.add(computeNode(n));
        return out;
    }

    static ComputeNode computeNode(JsonNode n) {
        List<NodeError> errors = new ArrayList<>();
        for (JsonNode e : n.path("errors")) {
            List<NodeError.Detail> details = new ArrayList<>();
            for (JsonNode d : e.path("errorDetails")) details.add(new NodeError.Detail(d.path("name").asText(), SecretMasker.mask(d.path("value").asText(""))));
            errors.add(new NodeError(e.path("code").asText("?"), SecretMasker.mask(e.path("message").asText("")), details));
        }
        JsonNode st = n.path("startTaskInfo");
        JsonNode fi = st.path("failureInfo");
        return new ComputeNode(n.path("id").asText(), n.path("state").asText(null), n.path("isDedicated").asBoolean(true),
                n.path("vmSize").asText(null), instant(n.path("stateTransitionTime").asText(null)), instant(n.path("lastBootTime").asText(null)),
                st.path("result").asText(null), st.has("exitCode") && !st.get("exitCode").isNull() ? st.get("exitCode").asInt() : null,
                fi.path("code").asText(null), fi.isMissingNode() ? null : SecretMasker.mask(fi.path("message").asText("")),
                n.path("nodeAgentInfo").path("version").asText(null), errors, instant(n.path("allocationTime").asText(null)));
    }

    /**
     * The last {@code maxBytes} of a node file (Batch REST "File - Get From Compute Node" with {@code ocp-range: bytes=-N});
     * empty when the node has no such file.
     */
    public String nodeFileTail(String accountEndpoint, String poolId, String nodeId, String filePath, int maxBytes) {
        String url = base(accountEndpoint) + "/pools/" + path(poolId) + "/nodes/" + path(nodeId) + "/files/"
                + filePath.replace(" ", "%20") + "?api-version=" + API_VERSION;
        HttpRequest request = new HttpRequest(HttpMethod.GET, url).setHeader("ocp-range", "bytes=-" + maxBytes);
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            int status = response.getStatusCode();
            if (status == 404) return "";
            String body = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
            if (status / 100 != 2) throw failure(response, status, body, nodeId);
            return body;
        } catch (UncheckedIOException e) {
            throw new PoolForgeException("azure.error.network", e, null, null, nodeId, e.getMessage());
        } catch (PoolForgeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw AzureErrors.translate(e, nodeId);
        }
    }

    /** "Compute Node - Reboot" ({@code nodeRebootOption}: requeue, terminate, taskcompletion, retaineddata). */
    public void reboot(String accountEndpoint, String poolId, String nodeId, String option) {
        post(base(accountEndpoint) + "/pools/" + path(poolId) + "/nodes/" + path(nodeId) + "/reboot?api-version=" + API_VERSION,
                json.createObjectNode().put("nodeRebootOption", option == null ? "requeue" : option), nodeId);
    }

    /** "Compute Node - Reimage" ({@code nodeReimageOption}). */
    public void reimage(String accountEndpoint, String poolId, String nodeId, String option) {
        post(base(accountEndpoint) + "/pools/" + path(poolId) + "/nodes/" + path(nodeId) + "/reimage?api-version=" + API_VERSION,
                json.createObjectNode().put("nodeReimageOption", option == null ? "requeue" : option), nodeId);
    }

    /** "Pool - Remove Nodes": at most 100 nodes per request, so larger lists go in several. */
    public void removeNodes(String accountEndpoint, String poolId, List<String> nodeIds, String deallocationOption) {
        for (int i = 0; i < nodeIds.size(); i += 100) {
            var body = json.createObjectNode();
            var list = body.putArray("nodeList");
            nodeIds.subList(i, Math.min(nodeIds.size(), i + 100)).forEach(list::add);
            body.put("nodeDeallocationOption", deallocationOption == null ? "requeue" : deallocationOption);
            post(base(accountEndpoint) + "/pools/" + path(poolId) + "/removenodes?api-version=" + API_VERSION, body, poolId);
        }
    }

    /**
     * "Compute Node - Upload Batch Service Logs": the container URL (with its SAS) goes only into the request body;
     * it is never put in a message, an exception or a log.
     */
    public LogUpload uploadBatchServiceLogs(String accountEndpoint, String poolId, String nodeId, String containerUrl, Instant startTime) {
        var body = json.createObjectNode().put("containerUrl", containerUrl).put("startTime", startTime.toString());
        JsonNode r = post(base(accountEndpoint) + "/pools/" + path(poolId) + "/nodes/" + path(nodeId) + "/uploadbatchservicelogs?api-version="
                + API_VERSION, body, nodeId);
        return new LogUpload(r.path("virtualDirectoryName").asText(""), r.path("numberOfFilesUploaded").asInt());
    }

    private JsonNode post(String url, JsonNode body, String what) {
        HttpRequest request = new HttpRequest(HttpMethod.POST, url).setHeader("Content-Type", "application/json; odata=minimalmetadata")
                .setHeader("Accept", "application/json").setBody(body.toString());
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            String text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
            int status = response.getStatusCode();
            if (status / 100 != 2) throw failure(response, status, text, what);
            return text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException | UncheckedIOException e) {
            throw new PoolForgeException("azure.error.network", null, null, null, what, SecretMasker.mask(String.valueOf(e.getMessage())));
        } catch (PoolForgeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw AzureErrors.translate(e, what);
        }
    }

    private PoolForgeException failure(HttpResponse response, int status, String body, String what) {
        JsonNode err;
        try {
            err = body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            err = json.createObjectNode();
        }
        String code = err.path("code").asText(err.path("error").path("code").asText(null));
        String message = err.path("message").path("value").asText(err.path("error").path("message").asText(""));
        String requestId = response.getHeaderValue("request-id");
        String key = status == 401 ? "azure.error.signInExpired" : status == 403 ? "azure.error.forbidden"
                : status == 404 ? "azure.error.notFound" : status == 429 ? "azure.error.throttled" : "azure.error.service";
        Object[] args = "azure.error.service".equals(key) ? new Object[] {what, status, SecretMasker.mask(message)} : new Object[] {what};
        return new PoolForgeException(key, null, code, requestId, args);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, Integer> counts(JsonNode node) {
        Map<String, Integer> out = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue().isInt()) out.put(e.getKey(), e.getValue().asInt());
        }
        return out;
    }

    private List<JsonNode> list(String firstUrl, String what) {
        List<JsonNode> out = new ArrayList<>();
        String url = firstUrl;
        while (url != null) {
            JsonNode page = get(url, what);
            page.path("value").forEach(out::add);
            String next = page.path("odata.nextLink").asText(null);
            url = next == null || next.isBlank() ? null : next;
        }
        return out;
    }

    private JsonNode get(String url, String what) {
        HttpRequest request = new HttpRequest(HttpMethod.GET, url).setHeader("Accept", "application/json");
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            String body = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
            int status = response.getStatusCode();
            if (status / 100 != 2) {
                JsonNode err = body.isBlank() ? json.createObjectNode() : json.readTree(body);
                String code = err.path("code").asText(err.path("error").path("code").asText(null));
                String message = err.path("message").path("value").asText(err.path("error").path("message").asText(""));
                String requestId = response.getHeaderValue("request-id");
                String key = status == 401 ? "azure.error.signInExpired" : status == 403 ? "azure.error.forbidden"
                        : status == 404 ? "azure.error.notFound" : status == 429 ? "azure.error.throttled" : "azure.error.service";
                Object[] args = "azure.error.service".equals(key) ? new Object[] {what, status, SecretMasker.mask(message)} : new Object[] {what};
                throw new PoolForgeException(key, null, code, requestId, args);
            }
            return json.readTree(body);
        } catch (IOException e) {
            throw new PoolForgeException("azure.error.network", e, null, null, what, e.getMessage());
        } catch (UncheckedIOException e) {
            throw new PoolForgeException("azure.error.network", e, null, null, what, e.getMessage());
        } catch (RuntimeException e) {
            throw AzureErrors.translate(e, what);
        }
    }

    private static String base(String accountEndpoint) {
        String e = accountEndpoint.endsWith("/") ? accountEndpoint.substring(0, accountEndpoint.length() - 1) : accountEndpoint;
        return e.startsWith("https://") ? e : "https://" + e;
    }

    private static Instant instant(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
