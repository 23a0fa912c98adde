package io.poolforge.azure.sdk;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.domain.PoolBody;
import io.poolforge.domain.PoolForgeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Microsoft.Batch/batchAccounts/pools at a current management api-version ({@link PoolBody#MANAGEMENT_API_VERSION}), on
 * azure-core's {@link HttpPipeline} (ARM bearer token, retries, request ids) — what azure-resourcemanager-batch 1.0.0
 * (api-version 2022-01-01, no {@code securityProfile}) cannot send (PF-16). Operations and status codes as the REST spec
 * lists them (BatchManagement.json 2025-06-01): Pool_Create PUT 200 ({@code If-None-Match: *} to never overwrite),
 * Pool_Get 200, Pool_ListByBatchAccount 200 with {@code nextLink}, Pool_Update PATCH 200 (a resize sends
 * {@code scaleSettings} only), Pool_StopResize POST 200, Pool_Delete 200/202/204 (202 polled to the end).
 * Request bodies come only from {@link PoolBody}; a test validates each against the OpenAPI definition.
 */
public final class BatchPoolsClient {
    private static final Duration DEFAULT_DELAY = Duration.ofSeconds(2);
    private static final Duration MAX_DELAY = Duration.ofSeconds(15);

    private final HttpPipeline pipeline;
    private final String armEndpoint;
    private final Duration pollInterval;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param armEndpoint Resource Manager's URL ({@code https://management.azure.com/} or the sandbox's)
     * @param pollInterval the delay between polls of a long-running delete (null: Azure's Retry-After)
     */
    public BatchPoolsClient(HttpPipeline pipeline, String armEndpoint, Duration pollInterval) {
        this.pipeline = pipeline;
        this.armEndpoint = armEndpoint.endsWith("/") ? armEndpoint.substring(0, armEndpoint.length() - 1) : armEndpoint;
        this.pollInterval = pollInterval;
    }

    /** The pools collection URL of an account id ({@code /subscriptions/.../batchAccounts/{name}}). */
    String poolsUrl(String accountId) {
        return armEndpoint + (accountId.startsWith("/") ? accountId : "/" + accountId) + "/pools";
    }

    private String poolUrl(String accountId, String poolName, String suffix) {
        return poolsUrl(accountId) + "/" + URLEncoder.encode(poolName, StandardCharsets.UTF_8).replace("+", "%20") + suffix
                + "?api-version=" + PoolBody.MANAGEMENT_API_VERSION;
    }

    /** Pool_Create with {@code If-None-Match: *} when {@code onlyIfAbsent} (a pool that exists: 412, never overwritten). */
    public JsonNode create(String accountId, String poolName, Map<String, Object> body, boolean onlyIfAbsent) {
        HttpRequest r = request(HttpMethod.PUT, poolUrl(accountId, poolName, ""), body);
        if (onlyIfAbsent) r.setHeader("If-None-Match", "*");
        return send(r);
    }

    public JsonNode get(String accountId, String poolName) {
        return send(request(HttpMethod.GET, poolUrl(accountId, poolName, ""), null));
    }

    /** Every pool of the account, following {@code nextLink}. */
    public List<JsonNode> list(String accountId) {
        List<JsonNode> out = new ArrayList<>();
        String url = poolsUrl(accountId) + "?api-version=" + PoolBody.MANAGEMENT_API_VERSION;
        while (url != null) {
            JsonNode page = send(request(HttpMethod.GET, url, null));
            page.path("value").forEach(out::add);
            String next = page.path("nextLink").asText(null);
            url = next == null || next.isBlank() ? null : next;
        }
        return out;
    }

    /** Pool_Update with {@link PoolBody#resize}: the pool's scale settings and nothing else. */
    public JsonNode resize(String accountId, String poolName, int targetDedicated, int targetLowPriority, Duration resizeTimeout) {
        return send(request(HttpMethod.PATCH, poolUrl(accountId, poolName, ""),
                PoolBody.resize(targetDedicated, targetLowPriority, resizeTimeout == null ? null : resizeTimeout.toString())));
    }

    public JsonNode stopResize(String accountId, String poolName) {
        return send(request(HttpMethod.POST, poolUrl(accountId, poolName, "/stopResize"), null));
    }

    /** Pool_Delete, waiting for a 202 to finish (Azure-AsyncOperation or Location, at Retry-After). */
    public void delete(String accountId, String poolName, java.util.function.BooleanSupplier cancelled) {
        HttpRequest r = request(HttpMethod.DELETE, poolUrl(accountId, poolName, ""), null);
        try (HttpResponse response = pipeline.sendSync(r, Context.NONE)) {
            int status = response.getStatusCode();
            String text = body(response);
            if (status == 200 || status == 204) return;
            if (status != 202) throw failure(response, text);
            String async = response.getHeaderValue("Azure-AsyncOperation");
            String location = response.getHeaderValue("Location");
            Duration delay = delay(response);
            while (true) {
                if (cancelled.getAsBoolean()) throw new PoolForgeException("azure.error.cancelled", poolName);
                sleep(delay);
                String url = async != null ? async : location;
                if (url == null) return;
                try (HttpResponse poll = pipeline.sendSync(request(HttpMethod.GET, url, null), Context.NONE)) {
                    String pt = body(poll);
                    int ps = poll.getStatusCode();
                    delay = delay(poll);
                    if (async != null) {
                        if (ps / 100 != 2) throw failure(poll, pt);
                        String st = pt.isBlank() ? "" : json.readTree(pt).path("status").asText("");
                        if ("Succeeded".equalsIgnoreCase(st)) return;
                        if ("Failed".equalsIgnoreCase(st) || "Canceled".equalsIgnoreCase(st)) throw failure(poll, pt);
                    } else {
                        if (ps == 200 || ps == 204 || ps == 404) return;
                        if (ps != 202) throw failure(poll, pt);
                    }
                }
            }
        } catch (IOException e) {
            throw AzureErrors.translate(new UncheckedIOException(e), poolName);
        } catch (PoolForgeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw AzureErrors.translate(e, poolName);
        }
    }

    private Duration delay(HttpResponse response) {
        if (pollInterval != null) return pollInterval;
        String ra = response.getHeaderValue("Retry-After");
        if (ra != null && ra.matches("\\d{1,6}") && Integer.parseInt(ra) > 0) {
            Duration d = Duration.ofSeconds(Integer.parseInt(ra));
            return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
        }
        return DEFAULT_DELAY;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoolForgeException("azure.error.cancelled", "pool");
        }
    }

    private HttpRequest request(HttpMethod method, String url, Object body) {
        HttpRequest r = new HttpRequest(method, url).setHeader("Accept", "application/json");
        if (body != null) {
            try {
                r.setHeader("Content-Type", "application/json").setBody(json.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return r;
    }

    private JsonNode send(HttpRequest request) {
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            String text = body(response);
            if (response.getStatusCode() / 100 != 2) throw failure(response, text);
            return text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String body(HttpResponse response) {
        return response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
    }

    /** ARM's error body ({@code {"error": {"code", "message"}}}) as the SDK's ManagementException, which AzureErrors reads. */
    private ManagementException failure(HttpResponse response, String text) {
        String code = null;
        String message = "HTTP " + response.getStatusCode();
        try {
            JsonNode err = text.isBlank() ? json.createObjectNode() : json.readTree(text);
            JsonNode e = err.has("error") ? err.path("error") : err;
            code = e.path("code").asText(null);
            if (e.hasNonNull("message")) message = e.path("message").asText();
        } catch (IOException ignored) {
            // not JSON: the status is all there is
        }
        return new ManagementException(message, response, new ManagementError(code, message));
    }
}
