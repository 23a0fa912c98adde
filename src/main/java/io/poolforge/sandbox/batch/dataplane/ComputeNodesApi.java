package io.poolforge.sandbox.batch.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.arm.compute.ComputePayloads;
import io.poolforge.sandbox.batch.engine.PoolRun;
import io.poolforge.sandbox.batch.management.BatchPools;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.http.Request;
import io.poolforge.sandbox.http.Response;
import io.poolforge.sandbox.http.Router;
import io.poolforge.sandbox.state.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Batch data plane's compute nodes of a pool ({@code /batch/{account}/pools/{pool}/nodes...}): list and get with
 * the data plane's field names, node files, reboot, reimage, remove nodes and the Batch service log upload. The pools
 * themselves, their lookups and the list/select machinery are {@link BatchDataPlaneApi}'s.
 */
final class ComputeNodesApi {
    private static final String A = "/batch/(?<account>[^/]+)";
    static final Set<String> NODE_FILTER = new LinkedHashSet<>(List.of("id", "state", "schedulingState", "isDedicated", "vmSize",
            "stateTransitionTime", "allocationTime", "lastBootTime", "ipAddress"));

    private final Platform p;
    private final BatchPools pools;
    private final BatchDataPlaneApi api;
    /** Uploads recorded by {@code uploadbatchservicelogs}: pool, node, container without its query (no SAS), start time. */
    final List<String> uploads = new java.util.concurrent.CopyOnWriteArrayList<>();

    ComputeNodesApi(Platform p, BatchPools pools, BatchDataPlaneApi api) {
        this.p = p;
        this.pools = pools;
        this.api = api;
    }

    void register(Router r, Router.Plane b) {
        r.add("batch-nodes", "GET", A + "/pools/(?<pool>[^/]+)/nodes", b, q -> {
            ObjectNode pool = api.find(q);
            return Response.ok(BatchDataPlaneApi.list(q, nodes(pool, q), 1000, NODE_FILTER, null));
        });
        // Batch REST "File - Get From Compute Node": GET /pools/{poolId}/nodes/{nodeId}/files/{filePath} (ocp-range for a tail).
        r.add("batch-node-file", "GET", A + "/pools/(?<pool>[^/]+)/nodes/(?<node>[^/]+)/files/(?<file>.+)", b, this::files);
        // "Compute Node - Reboot" / "Reimage": POST .../nodes/{nodeId}/reboot|reimage, body {nodeRebootOption|nodeReimageOption}, 202.
        r.add("batch-node-reboot", "POST", A + "/pools/(?<pool>[^/]+)/nodes/(?<node>[^/]+)/reboot", b, q -> restart(q, "rebooting"));
        r.add("batch-node-reimage", "POST", A + "/pools/(?<pool>[^/]+)/nodes/(?<node>[^/]+)/reimage", b, q -> restart(q, "reimaging"));
        // "Compute Node - Upload Batch Service Logs": body {containerUrl, startTime[, endTime, identityReference]};
        // answer {virtualDirectoryName, numberOfFilesUploaded}.
        r.add("batch-node-upload-logs", "POST", A + "/pools/(?<pool>[^/]+)/nodes/(?<node>[^/]+)/uploadbatchservicelogs", b, this::uploadLogs);
        // "Pool - Remove Nodes": POST /pools/{poolId}/removenodes, body {nodeList (max 100), resizeTimeout, nodeDeallocationOption}, 202.
        r.add("batch-pool-remove-nodes", "POST", A + "/pools/(?<pool>[^/]+)/removenodes", b, this::removeNodes);
        r.add("batch-node", "GET", A + "/pools/(?<pool>[^/]+)/nodes/(?<node>[^/]+)", b, q -> {
            for (ObjectNode n : nodes(api.find(q), q)) if (n.path("id").asText().equals(q.param("node"))) return Response.ok(BatchDataPlaneApi.select(q, n));
            throw new ApiError(404, "NodeNotFound", "The specified node does not exist.");
        });
    }

    private List<ObjectNode> nodes(ObjectNode pool, Request q) {
        PoolRun run = pools.run(pool);
        Instant now = p.now();
        JsonNode mp = pool.path("properties");
        JsonNode vmc = Json.at(mp, "deploymentConfiguration/virtualMachineConfiguration");
        List<ObjectNode> out = new ArrayList<>();
        for (PoolRun.Node n : run.nodes) {
            String state = PoolRun.state(n, now);
            if (state == null) continue;
            ObjectNode node = Json.o("id", n.id, "url", api.url(q.param("account"), "/pools/" + pool.path("name").asText() + "/nodes/" + n.id),
                    "state", state, "schedulingState", "enabled", "stateTransitionTime", (now.isBefore(n.starting) ? n.appear
                            : now.isBefore(n.ready) ? n.starting : n.ready).toString(),
                    "allocationTime", n.appear.toString(), "ipAddress", "10.0." + (n.index / 250) + "." + (4 + n.index % 250),
                    "affinityId", "TVM:" + n.id, "vmSize", mp.path("vmSize").asText().toLowerCase(Locale.ROOT),
                    "totalTasksRun", 0, "runningTasksCount", 0, "runningTaskSlotsCount", 0, "totalTasksSucceeded", 0,
                    "isDedicated", n.dedicated, "endpointConfiguration", Json.o("inboundEndpoints", Json.a()),
                    "nodeAgentInfo", Json.o("version", "1.11.19", "lastUpdateTime", n.appear.toString()),
                    "virtualMachineInfo", Json.o("imageReference", vmc == null ? null : BatchDataPlaneApi.imageReference(vmc.path("imageReference"))));
            if (!now.isBefore(n.ready)) node.put("lastBootTime", (n.lastBoot != null ? n.lastBoot : n.starting).toString());
            if (n.transition != null && !now.isBefore(n.ready)) {
                node.put("stateTransitionTime", (n.busyUntil != null && now.isBefore(n.busyUntil) ? n.busyUntil.minus(
                        p.lro.scaled(java.time.Duration.ofSeconds(8))) : n.transition).toString());
            }
            if (n.scripted) {
                scripted(node, n, state, mp);
            }
            // An unusable node of a pool whose node agent does not fit its image reports no error: no Microsoft document,
            // spec or public report gives the code Batch would use (PF-17 removed the invented NodeAgentSkuMismatch).
            out.add(node);
        }
        return out;
    }

    /**
     * A scripted node's errors and start task outcome, in the data plane's spelling (Batch REST "Compute Node - Get":
     * {@code errors[]} of ComputeNodeError {code, message, errorDetails[{name, value}]}; {@code startTaskInfo}
     * {state, startTime, endTime, exitCode, result, retryCount, failureInfo {category, code, message}}).
     */
    private void scripted(ObjectNode node, PoolRun.Node n, String state, JsonNode mp) {
        boolean settled = !"creating".equals(state) && !"starting".equals(state) && !"rebooting".equals(state)
                && !"reimaging".equals(state) && !"leavingPool".equals(state);
        if (settled && n.errors != null && n.errors.size() > 0) node.set("errors", n.errors.deepCopy());
        if (settled && n.startTaskExitCode != null && mp.has("startTask")) {
            Instant boot = n.lastBoot != null ? n.lastBoot : n.starting;
            ObjectNode info = Json.o("state", "completed", "startTime", boot.toString(),
                    "endTime", boot.plusSeconds(42).toString(), "exitCode", n.startTaskExitCode,
                    "retryCount", mp.path("startTask").path("maxTaskRetryCount").asInt(0),
                    "result", n.startTaskExitCode == 0 ? "success" : "failure");
            if (n.startTaskExitCode != 0) {
                info.set("failureInfo", Json.o("category", "usererror", "code", n.startTaskFailureCode,
                        "message", n.startTaskFailureMessage));
            }
            node.set("startTaskInfo", info);
        }
    }

    private PoolRun.Node node(ObjectNode pool, Request q) {
        Instant now = p.now();
        for (PoolRun.Node n : pools.run(pool).nodes) {
            if (n.id.equals(q.param("node")) && PoolRun.state(n, now) != null) return n;
        }
        throw new ApiError(404, "NodeNotFound", "The specified node does not exist.");
    }

    /** A node action is refused while the node is busy or not yet booted (409; the sandbox's code is NodeStateConflict). */
    private static void actionable(PoolRun.Node n, Instant now, String action) {
        String s = PoolRun.state(n, now);
        if (List.of("creating", "starting", "leavingPool", "rebooting", "reimaging", "preempted").contains(s)) {
            throw new ApiError(409, "NodeStateConflict", "The node is in state '" + s + "'; " + action + " is not allowed now.");
        }
    }

    private Response files(Request q) {
        ObjectNode pool = api.find(q);
        PoolRun.Node n = node(pool, q);
        String path = q.param("file");
        String text = n.files.get(path);
        if (text == null) throw new ApiError(404, "NodeFileNotFound", "The specified file does not exist on the node.");
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int from = 0;
        int to = bytes.length;
        String range = q.header("ocp-range");
        if (range == null) range = q.header("Range");
        if (range != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes=(\\d*)-(\\d*)").matcher(range.trim());
            if (m.matches()) {
                if (m.group(1).isEmpty() && !m.group(2).isEmpty()) from = Math.max(0, bytes.length - Integer.parseInt(m.group(2)));
                else {
                    from = Math.min(bytes.length, Integer.parseInt(m.group(1)));
                    if (!m.group(2).isEmpty()) to = Math.min(bytes.length, Integer.parseInt(m.group(2)) + 1);
                }
            }
        }
        byte[] slice = java.util.Arrays.copyOfRange(bytes, from, Math.max(from, to));
        return new Response(200, slice, "application/octet-stream").header("ocp-batch-file-isdirectory", "False")
                .header("ocp-batch-file-url", api.url(q.param("account"), "/pools/" + pool.path("name").asText() + "/nodes/" + n.id
                        + "/files/" + path)).header("Content-Length-Total", String.valueOf(bytes.length));
    }

    private Response restart(Request q, String busy) {
        ObjectNode pool = api.writable(q);
        PoolRun.Node n = node(pool, q);
        Instant now = p.now();
        actionable(n, now, "reimaging".equals(busy) ? "reimage" : "reboot");
        if ("reimaging".equals(busy) && Json.at(pool, "properties/deploymentConfiguration/cloudServiceConfiguration") == null) {
            // Batch REST "Nodes - Reimage Node" (2025-06-01): "This API can be invoked only on Pools created with the cloud service
            // configuration property" (and only on idle or running nodes). Every sandbox pool is a virtual machine configuration pool.
            throw new ApiError(409, "InvalidOperation", "Reimage can be invoked only on pools created with the cloud service configuration "
                    + "property; pool '" + pool.path("name").asText() + "' uses the virtual machine configuration.");
        }
        JsonNode body = q.body.length == 0 ? Json.o() : q.json();
        String option = Json.str(body, "reimaging".equals(busy) ? "nodeReimageOption" : "nodeRebootOption");
        if (option != null && !List.of("requeue", "terminate", "taskcompletion", "retaineddata").contains(option.toLowerCase(Locale.ROOT))) {
            throw new ApiError(400, "InvalidPropertyValue", "The value '" + option + "' is not valid.");
        }
        pools.run(pool).restart(n, busy, now, p.lro);
        return Response.empty(202).header("DataServiceId", api.url(q.param("account"), "/pools/" + pool.path("name").asText() + "/nodes/" + n.id));
    }

    private Response removeNodes(Request q) {
        ObjectNode pool = api.writable(q);
        if (!"Steady".equals(Json.str(pool, "properties/allocationState"))) {
            throw new ApiError(409, "PoolBeingResized", "The specified pool is currently being resized.");
        }
        JsonNode body = q.json();
        JsonNode list = body.path("nodeList");
        if (!list.isArray() || list.isEmpty()) throw BatchDataPlaneApi.missing("nodeList");
        if (list.size() > 100) throw new ApiError(400, "InvalidPropertyValue", "At most 100 nodes can be removed in one request.");
        BatchDataPlaneApi.dealloc(Json.str(body, "nodeDeallocationOption"));
        PoolRun run = pools.run(pool);
        Instant now = p.now();
        List<PoolRun.Node> which = new ArrayList<>();
        for (JsonNode id : list) {
            PoolRun.Node found = null;
            for (PoolRun.Node n : run.nodes) if (n.id.equals(id.asText()) && PoolRun.state(n, now) != null) found = n;
            if (found == null) throw new ApiError(404, "NodeNotFound", "The node '" + id.asText() + "' does not exist in the pool.");
            which.add(found);
        }
        run.remove(which, now, p.lro);
        pools.touch(pool);
        return api.written(Response.empty(202), pool, q);
    }

    private Response uploadLogs(Request q) {
        ObjectNode pool = api.find(q);
        PoolRun.Node n = node(pool, q);
        JsonNode body = q.json();
        String container = Json.str(body, "containerUrl");
        if (container == null || container.isBlank()) throw BatchDataPlaneApi.missing("containerUrl");
        if (Json.str(body, "startTime") == null) throw BatchDataPlaneApi.missing("startTime");
        if (!container.startsWith("https://") && !container.startsWith("http://")) {
            throw new ApiError(400, "InvalidPropertyValue", "The containerUrl is not a valid URL.");
        }
        if (!container.contains("sig=") && !body.has("identityReference")) {
            throw new ApiError(400, "InvalidPropertyValue", "The containerUrl needs a SAS with write permission, or an identityReference.");
        }
        int q0 = container.indexOf('?');
        String dir = pool.path("name").asText() + "/" + n.id + "/" + ComputePayloads.uuid(n.id + "#" + uploads.size());
        uploads.add(pool.path("name").asText() + "|" + n.id + "|" + (q0 < 0 ? container : container.substring(0, q0)) + "|" + Json.str(body, "startTime"));
        return Response.ok(Json.o("virtualDirectoryName", dir, "numberOfFilesUploaded", 3 + n.files.size()));
    }
}
