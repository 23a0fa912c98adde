package io.poolforge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Batch data plane of each account under {@code /batch/{account}}: supported images (node agent SKUs),
 * pools, pool node counts and compute nodes, with {@code odata.nextLink} paging. Spells {@code nodeAgentSKUId}.
 */
final class BatchDataPlaneApi {
    private static final String A = "/batch/(?<account>[^/]+)";
    private static final String[] STATES = {"creating", "deallocated", "deallocating", "idle", "leavingPool", "offline", "preempted",
        "rebooting", "reimaging", "running", "starting", "startTaskFailed", "unknown", "unusable", "waitingForStartTask", "upgradingOS"};

    private final Platform p;
    private final BatchPools pools;

    BatchDataPlaneApi(Platform p, BatchPools pools) {
        this.p = p;
        this.pools = pools;
    }

    void register(Router r) {
        Router.Plane b = Router.Plane.BATCH;
        r.add("batch-supported-images", "GET", A + "/supportedimages", b, q -> {
            account(q);
            List<ObjectNode> images = new ArrayList<>();
            for (Catalog.SupportedImage i : Catalog.IMAGES) images.add(Catalog.imageJson(i));
            return Response.ok(Paging.batch(q, images, 1000, ObjectNode::deepCopy));
        });
        r.add("batch-node-counts", "GET", A + "/nodecounts", b, q -> {
            List<ObjectNode> counts = new ArrayList<>();
            for (ObjectNode pool : poolsOf(account(q))) counts.add(nodeCounts(pool));
            return Response.ok(Paging.batch(q, counts, 10, ObjectNode::deepCopy));
        });
        r.add("batch-pools", "GET", A + "/pools", b, q -> Response.ok(Paging.batch(q, poolsOf(account(q)), 1000, this::pool)));
        r.add("batch-pool", "GET", A + "/pools/(?<pool>[^/]+)", b, q -> Response.ok(pool(find(q))));
        r.add("batch-nodes", "GET", A + "/pools/(?<pool>[^/]+)/nodes", b, q -> {
            ObjectNode pool = find(q);
            return Response.ok(Paging.batch(q, nodes(pool, q), 1000, ObjectNode::deepCopy));
        });
        r.add("batch-node", "GET", A + "/pools/(?<pool>[^/]+)/nodes/(?<node>[^/]+)", b, q -> {
            for (ObjectNode n : nodes(find(q), q)) if (n.path("id").asText().equals(q.param("node"))) return Response.ok(n);
            throw new ApiError(404, "NodeNotFound", "The specified node does not exist.");
        });
    }

    private ObjectNode account(Request q) {
        String name = q.param("account");
        for (ObjectNode s : p.store.subscriptions()) {
            for (ObjectNode a : p.store.list(s.path("id").asText(), BatchAccountsApi.TYPE)) {
                if (a.path("name").asText().equalsIgnoreCase(name)) return a;
            }
        }
        throw new ApiError(404, "AccountNotFound", "The specified account '" + name + "' does not exist.");
    }

    private List<ObjectNode> poolsOf(ObjectNode account) {
        List<ObjectNode> out = p.store.list(account.path("id").asText(), BatchPools.TYPE);
        out.forEach(pools::refresh);
        return out;
    }

    private ObjectNode find(Request q) {
        ObjectNode pool = p.store.get(account(q).path("id").asText() + "/pools/" + q.param("pool"));
        if (pool == null) throw new ApiError(404, "PoolNotFound", "The specified pool does not exist.");
        return pools.refresh(pool);
    }

    private String url(String account, String rest) {
        return p.base + "/batch/" + account + rest;
    }

    /** The data plane's CloudPool from the management plane's pool. */
    ObjectNode pool(ObjectNode mgmt) {
        JsonNode mp = mgmt.path("properties");
        String name = mgmt.path("name").asText();
        String account = Ids.nameOf(mgmt.path("id").asText().substring(0, mgmt.path("id").asText().toLowerCase(Locale.ROOT).lastIndexOf("/pools/")));
        JsonNode fixed = Json.at(mp, "scaleSettings/fixedScale");
        JsonNode vmc = Json.at(mp, "deploymentConfiguration/virtualMachineConfiguration");
        ObjectNode out = Json.o("id", name, "url", url(account, "/pools/" + name), "eTag", mgmt.path("etag").asText().replace("W/", "").replace("\"", ""),
                "lastModified", mp.path("lastModified").asText(), "creationTime", mp.path("creationTime").asText(),
                "state", "active", "stateTransitionTime", mp.path("creationTime").asText(),
                "allocationState", mp.path("allocationState").asText().toLowerCase(Locale.ROOT),
                "allocationStateTransitionTime", mp.path("allocationStateTransitionTime").asText(),
                "vmSize", mp.path("vmSize").asText().toLowerCase(Locale.ROOT),
                "resizeTimeout", fixed == null ? "PT15M" : fixed.path("resizeTimeout").asText("PT15M"));
        JsonNode errors = Json.at(mp, "resizeOperationStatus/errors");
        if (errors != null && errors.size() > 0) {
            var arr = out.putArray("resizeErrors");
            for (JsonNode e : errors) {
                ObjectNode re = Json.o("code", e.path("code").asText(), "message", e.path("message").asText());
                if (e.has("details")) {
                    var values = re.putArray("values");
                    for (JsonNode d : e.get("details")) values.add(Json.o("name", d.path("code").asText(), "value", d.path("message").asText()));
                }
                arr.add(re);
            }
        }
        out.put("currentDedicatedNodes", mp.path("currentDedicatedNodes").asInt());
        out.put("currentLowPriorityNodes", mp.path("currentLowPriorityNodes").asInt());
        out.put("targetDedicatedNodes", fixed == null ? 0 : fixed.path("targetDedicatedNodes").asInt());
        out.put("targetLowPriorityNodes", fixed == null ? 0 : fixed.path("targetLowPriorityNodes").asInt());
        out.put("enableAutoScale", false);
        out.put("enableInterNodeCommunication", "Enabled".equals(mp.path("interNodeCommunication").asText()));
        if (mp.has("startTask")) out.set("startTask", startTask(mp.get("startTask")));
        out.put("taskSlotsPerNode", mp.path("taskSlotsPerNode").asInt(1));
        out.set("taskSchedulingPolicy", Json.o("nodeFillType", mp.path("taskSchedulingPolicy").path("nodeFillType").asText("Spread").toLowerCase(Locale.ROOT)));
        if (vmc != null) {
            out.set("virtualMachineConfiguration", Json.o("imageReference", vmc.path("imageReference").deepCopy(),
                    "nodeAgentSKUId", vmc.path("nodeAgentSkuId").asText()));
        }
        if (mp.has("metadata")) out.set("metadata", mp.get("metadata").deepCopy());
        return out;
    }

    private static ObjectNode startTask(JsonNode st) {
        ObjectNode out = Json.o("commandLine", st.path("commandLine").asText());
        JsonNode au = Json.at(st, "userIdentity/autoUser");
        if (au != null) {
            out.set("userIdentity", Json.o("autoUser", Json.o("scope", au.path("scope").asText("task").toLowerCase(Locale.ROOT),
                    "elevationLevel", au.path("elevationLevel").asText("nonadmin").toLowerCase(Locale.ROOT))));
        }
        out.put("maxTaskRetryCount", st.path("maxTaskRetryCount").asInt(0));
        out.put("waitForSuccess", st.path("waitForSuccess").asBoolean(false));
        return out;
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
            ObjectNode node = Json.o("id", n.id, "url", url(q.param("account"), "/pools/" + pool.path("name").asText() + "/nodes/" + n.id),
                    "state", state, "schedulingState", "enabled", "stateTransitionTime", (now.isBefore(n.starting) ? n.appear
                            : now.isBefore(n.ready) ? n.starting : n.ready).toString(),
                    "allocationTime", n.appear.toString(), "ipAddress", "10.0." + (n.index / 250) + "." + (4 + n.index % 250),
                    "affinityId", "TVM:" + n.id, "vmSize", mp.path("vmSize").asText().toLowerCase(Locale.ROOT),
                    "totalTasksRun", 0, "runningTasksCount", 0, "runningTaskSlotsCount", 0, "totalTasksSucceeded", 0,
                    "isDedicated", n.dedicated, "endpointConfiguration", Json.o("inboundEndpoints", Json.a()),
                    "nodeAgentInfo", Json.o("version", "1.11.19", "lastUpdateTime", n.appear.toString()),
                    "virtualMachineInfo", Json.o("imageReference", vmc == null ? null : vmc.path("imageReference").deepCopy()));
            if (!now.isBefore(n.ready)) node.put("lastBootTime", n.starting.toString());
            if ("unusable".equals(state)) {
                node.set("errors", Json.a(Json.o("code", "NodeAgentSkuMismatch", "message", "The node agent could not start: the node agent SKU '"
                        + Json.str(vmc, "nodeAgentSkuId") + "' does not match the image's operating system.",
                        "errorDetails", Json.a(Json.o("name", "nodeAgentSKUId", "value", Json.str(vmc, "nodeAgentSkuId"))))));
            }
            out.add(node);
        }
        return out;
    }

    private ObjectNode nodeCounts(ObjectNode pool) {
        ObjectNode d = counts();
        ObjectNode l = counts();
        Instant now = p.now();
        for (PoolRun.Node n : pools.run(pool).nodes) {
            String s = PoolRun.state(n, now);
            if (s == null) continue;
            ObjectNode c = n.dedicated ? d : l;
            c.put(s, c.path(s).asInt() + 1);
            c.put("total", c.path("total").asInt() + 1);
        }
        return Json.o("poolId", pool.path("name").asText(), "dedicated", d, "lowPriority", l);
    }

    private static ObjectNode counts() {
        ObjectNode c = Json.o();
        for (String s : STATES) c.put(s, 0);
        c.put("total", 0);
        return c;
    }
}
