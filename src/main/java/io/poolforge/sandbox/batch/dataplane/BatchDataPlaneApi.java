package io.poolforge.sandbox.batch.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.batch.engine.Catalog;
import io.poolforge.sandbox.batch.engine.PoolRun;
import io.poolforge.sandbox.batch.management.BatchAccountsApi;
import io.poolforge.sandbox.batch.management.BatchPools;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.http.Request;
import io.poolforge.sandbox.http.Response;
import io.poolforge.sandbox.http.Router;
import io.poolforge.sandbox.state.Ids;
import io.poolforge.sandbox.state.Paging;
import io.poolforge.sandbox.state.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Batch data plane of each account under {@code /batch/{account}}: supported images (node agent SKUs),
 * pools and pool node counts (compute nodes: {@link ComputeNodesApi}), with {@code odata.nextLink} paging. Spells {@code nodeAgentSKUId}.
 */
public final class BatchDataPlaneApi {
    private static final String A = "/batch/(?<account>[^/]+)";
    private static final String[] STATES = {"creating", "deallocated", "deallocating", "idle", "leavingPool", "offline", "preempted",
        "rebooting", "reimaging", "running", "starting", "startTaskFailed", "unknown", "unusable", "waitingForStartTask", "upgradingOS"};

    private final Platform p;
    private final BatchPools pools;
    private final ComputeNodesApi nodes;

    public BatchDataPlaneApi(Platform p, BatchPools pools) {
        this.p = p;
        this.pools = pools;
        this.nodes = new ComputeNodesApi(p, pools, this);
    }

    /** Uploads recorded by {@code uploadbatchservicelogs}: pool, node, container without its query (no SAS), start time. */
    public List<String> uploads() {
        return List.copyOf(nodes.uploads);
    }

    /** Filterable properties per list (Batch: "Create queries to list Batch resources efficiently"). */
    static final Set<String> POOL_FILTER = new LinkedHashSet<>(List.of("id", "displayName", "state", "allocationState", "vmSize",
            "enableAutoScale", "enableInterNodeCommunication", "creationTime", "lastModified", "stateTransitionTime",
            "allocationStateTransitionTime", "currentDedicatedNodes", "currentLowPriorityNodes", "targetDedicatedNodes",
            "targetLowPriorityNodes", "taskSlotsPerNode"));
    static final Set<String> COUNTS_FILTER = new LinkedHashSet<>(List.of("poolId"));
    static final Set<String> IMAGE_FILTER = new LinkedHashSet<>(List.of("nodeAgentSKUId", "osType", "verificationType"));

    public void register(Router r) {
        Router.Plane b = Router.Plane.BATCH;
        r.add("batch-supported-images", "GET", A + "/supportedimages", b, q -> {
            account(q);
            List<ObjectNode> images = new ArrayList<>();
            for (Catalog.SupportedImage i : Catalog.IMAGES) images.add(Catalog.imageJson(i));
            return Response.ok(list(q, images, 1000, IMAGE_FILTER, n -> n.path("imageReference")));
        });
        r.add("batch-node-counts", "GET", A + "/nodecounts", b, q -> {
            List<ObjectNode> counts = new ArrayList<>();
            for (ObjectNode pool : poolsOf(account(q))) counts.add(nodeCounts(pool));
            return Response.ok(list(q, counts, 10, COUNTS_FILTER, null));
        });
        r.add("batch-pools", "GET", A + "/pools", b, q -> {
            List<ObjectNode> views = new ArrayList<>();
            for (ObjectNode pool : poolsOf(account(q))) views.add(pool(pool));
            return Response.ok(list(q, views, 1000, POOL_FILTER, null));
        });
        r.add("batch-pool-add", "POST", A + "/pools", b, this::add);
        r.add("batch-pool", "GET", A + "/pools/(?<pool>[^/]+)", b, q -> {
            ObjectNode view = pool(find(q));
            return Response.ok(select(q, view)).header("ETag", view.path("eTag").asText())
                    .header("Last-Modified", http(view.path("lastModified").asText()));
        });
        r.add("batch-pool-exists", "HEAD", A + "/pools/(?<pool>[^/]+)", b, q -> {
            ObjectNode pool = pools.get(account(q), q.param("pool"));
            return pool == null ? Response.empty(404) : written(Response.empty(200), pool, q);
        });
        r.add("batch-pool-patch", "PATCH", A + "/pools/(?<pool>[^/]+)", b, q -> {
            ObjectNode pool = writable(q);
            JsonNode body = q.json();
            ObjectNode live = Json.props(pool);
            if (body.has("startTask")) live.set("startTask", startTaskIn(body.get("startTask")));
            if (body.has("metadata")) live.set("metadata", body.get("metadata").deepCopy());
            for (String k : new String[] {"applicationPackageReferences", "certificateReferences", "targetNodeCommunicationMode"}) {
                if (body.has(k)) live.set(k, body.get(k).deepCopy());
            }
            pools.touch(pool);
            return written(Response.empty(200), pool, q);
        });
        r.add("batch-pool-update-properties", "POST", A + "/pools/(?<pool>[^/]+)/updateproperties", b, q -> {
            ObjectNode pool = writable(q);
            JsonNode body = q.json();
            for (String k : new String[] {"certificateReferences", "applicationPackageReferences", "metadata"}) {
                if (!body.has(k)) throw missing(k);
            }
            ObjectNode live = Json.props(pool);
            if (body.has("startTask")) live.set("startTask", startTaskIn(body.get("startTask")));
            else live.remove("startTask");
            live.set("metadata", body.get("metadata").deepCopy());
            live.set("applicationPackageReferences", body.get("applicationPackageReferences").deepCopy());
            live.set("certificateReferences", body.get("certificateReferences").deepCopy());
            if (body.has("targetNodeCommunicationMode")) live.set("targetNodeCommunicationMode", body.get("targetNodeCommunicationMode"));
            pools.touch(pool);
            return written(Response.empty(204), pool, q);
        });
        r.add("batch-pool-resize", "POST", A + "/pools/(?<pool>[^/]+)/resize", b, q -> {
            ObjectNode pool = writable(q);
            if (!"Steady".equals(Json.str(pool, "properties/allocationState"))) {
                throw new ApiError(409, "PoolBeingResized", "The specified pool is currently being resized. Stop the resize "
                        + "(POST /pools/" + pool.path("name").asText() + "/stopresize) or wait until its allocation state is steady.");
            }
            JsonNode body = q.json();
            ObjectNode fixed = Json.o("targetDedicatedNodes", body.path("targetDedicatedNodes").asInt(0),
                    "targetLowPriorityNodes", body.path("targetLowPriorityNodes").asInt(0),
                    "resizeTimeout", Json.str(body, "resizeTimeout"),
                    "nodeDeallocationOption", dealloc(Json.str(body, "nodeDeallocationOption")));
            pools.resizeTo(pool, account(q), fixed);
            return written(Response.empty(202), pool, q);
        });
        r.add("batch-pool-stop-resize", "POST", A + "/pools/(?<pool>[^/]+)/stopresize", b, q -> {
            ObjectNode pool = writable(q);
            pools.stopResize(pool);
            return written(Response.empty(202), pool, q);
        });
        r.add("batch-pool-enable-autoscale", "POST", A + "/pools/(?<pool>[^/]+)/enableautoscale", b, q -> {
            writable(q);
            throw new ApiError(400, "InvalidPropertyValue", "The sandbox emulates fixed-scale pools only; autoscale is not emulated "
                    + "(see docs/SANDBOX.md).");
        });
        r.add("batch-pool-delete", "DELETE", A + "/pools/(?<pool>[^/]+)", b, q -> {
            ObjectNode pool = writable(q);
            pools.delete(q, pool);
            return Response.empty(202).header("DataServiceId", url(q.param("account"), "/pools/" + pool.path("name").asText()));
        });
        nodes.register(r, b);
    }

    /** POST /pools: the data plane's "Add pool" body, translated to the management plane's and created by the same rules. */
    private Response add(Request q) {
        ObjectNode account = account(q);
        JsonNode body = q.json();
        String id = Json.str(body, "id");
        if (id == null || id.isBlank()) throw missing("id");
        if (Json.str(body, "vmSize") == null) throw missing("vmSize");
        if (body.has("cloudServiceConfiguration")) {
            throw new ApiError(400, "InvalidPropertyValue", "Cloud Services Configuration pools were retired on 29 February 2024; "
                    + "use virtualMachineConfiguration.");
        }
        JsonNode vmc = body.get("virtualMachineConfiguration");
        if (vmc == null) throw missing("virtualMachineConfiguration");
        if (!vmc.has("imageReference")) throw missing("virtualMachineConfiguration.imageReference");
        if (Json.str(vmc, "nodeAgentSKUId") == null) throw missing("virtualMachineConfiguration.nodeAgentSKUId");
        JsonNode ref = vmc.get("imageReference");
        if (ref.has("id")) {
            throw new ApiError(400, "InvalidPropertyValue", "imageReference.id is the management plane's name; the Batch service's "
                    + "ImageReference spells the custom image virtualMachineImageId.");
        }
        if (body.path("enableAutoScale").asBoolean(false)) {
            throw new ApiError(400, "InvalidPropertyValue", "The sandbox emulates fixed-scale pools only; autoscale is not emulated "
                    + "(see docs/SANDBOX.md).");
        }
        BatchPools.checkName(id);
        if (pools.get(account, id) != null) {
            throw new ApiError(409, "PoolExists", "The specified pool already exists.");
        }
        ObjectNode pool = pools.add(account, id, managementProperties(body));
        return written(Response.empty(201), pool, q)
                .header("Location", url(q.param("account"), "/pools/" + id));
    }

    /** The management plane's pool properties from the data plane's "Add pool" body. */
    static ObjectNode managementProperties(JsonNode body) {
        JsonNode vmc = body.get("virtualMachineConfiguration");
        JsonNode ref = vmc.get("imageReference");
        ObjectNode mref = Json.o();
        if (ref.has("virtualMachineImageId")) mref.put("id", ref.get("virtualMachineImageId").asText());
        for (String k : new String[] {"publisher", "offer", "sku", "version"}) if (ref.has(k)) mref.set(k, ref.get(k));
        ObjectNode mvmc = Json.o("imageReference", mref, "nodeAgentSkuId", vmc.get("nodeAgentSKUId").asText());
        for (String k : new String[] {"dataDisks", "licenseType", "osDisk", "diskEncryptionConfiguration", "nodePlacementConfiguration",
            "extensions", "containerConfiguration", "securityProfile", "serviceArtifactReference"}) {
            if (vmc.has(k)) mvmc.set(k, vmc.get(k).deepCopy());
        }
        if (vmc.has("windowsConfiguration")) mvmc.set("windowsConfiguration", vmc.get("windowsConfiguration").deepCopy());
        ObjectNode props = Json.o("vmSize", body.get("vmSize").asText(),
                "deploymentConfiguration", Json.o("virtualMachineConfiguration", mvmc),
                "scaleSettings", Json.o("fixedScale", Json.o("targetDedicatedNodes", body.path("targetDedicatedNodes").asInt(0),
                        "targetLowPriorityNodes", body.path("targetLowPriorityNodes").asInt(0),
                        "resizeTimeout", Json.str(body, "resizeTimeout"))),
                "interNodeCommunication", body.path("enableInterNodeCommunication").asBoolean(false) ? "Enabled" : "Disabled");
        if (body.has("displayName")) props.set("displayName", body.get("displayName"));
        if (body.has("taskSlotsPerNode")) props.put("taskSlotsPerNode", body.get("taskSlotsPerNode").asInt(1));
        if (body.has("taskSchedulingPolicy")) {
            String fill = body.path("taskSchedulingPolicy").path("nodeFillType").asText("spread");
            props.set("taskSchedulingPolicy", Json.o("nodeFillType", fill.equalsIgnoreCase("pack") ? "Pack" : "Spread"));
        }
        if (body.has("startTask")) props.set("startTask", startTaskIn(body.get("startTask")));
        if (body.has("metadata")) props.set("metadata", body.get("metadata").deepCopy());
        for (String k : new String[] {"applicationPackageReferences", "certificateReferences", "networkConfiguration", "mountConfiguration",
            "userAccounts", "targetNodeCommunicationMode"}) {
            if (body.has(k)) props.set(k, body.get(k).deepCopy());
        }
        return props;
    }

    /** A data-plane start task in the management plane's spelling (scope Pool/Task, elevationLevel Admin/NonAdmin). */
    private static ObjectNode startTaskIn(JsonNode st) {
        ObjectNode out = Json.o("commandLine", Json.str(st, "commandLine"));
        JsonNode au = Json.at(st, "userIdentity/autoUser");
        if (au != null) {
            out.set("userIdentity", Json.o("autoUser", Json.o("scope", "pool".equalsIgnoreCase(au.path("scope").asText()) ? "Pool" : "Task",
                    "elevationLevel", "admin".equalsIgnoreCase(au.path("elevationLevel").asText()) ? "Admin" : "NonAdmin")));
        }
        if (st.has("maxTaskRetryCount")) out.put("maxTaskRetryCount", st.get("maxTaskRetryCount").asInt());
        if (st.has("waitForSuccess")) out.put("waitForSuccess", st.get("waitForSuccess").asBoolean());
        if (st.has("environmentSettings")) out.set("environmentSettings", st.get("environmentSettings").deepCopy());
        if (st.has("resourceFiles")) out.set("resourceFiles", st.get("resourceFiles").deepCopy());
        return out;
    }

    static String dealloc(String v) {
        if (v == null) return null;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "requeue" -> "Requeue";
            case "terminate" -> "Terminate";
            case "taskcompletion" -> "TaskCompletion";
            case "retaineddata" -> "RetainedData";
            default -> throw new ApiError(400, "InvalidPropertyValue", "The value '" + v + "' of nodeDeallocationOption is invalid "
                    + "(requeue, terminate, taskcompletion, retaineddata).");
        };
    }

    static ApiError missing(String property) {
        return new ApiError(400, "MissingRequiredProperty", "A required property was not specified in the request body. "
                + "PropertyName: " + property);
    }

    /** The pool, which must exist and not be on its way out. */
    ObjectNode writable(Request q) {
        ObjectNode pool = find(q);
        if ("Deleting".equals(Json.str(pool, "properties/provisioningState"))) {
            throw new ApiError(409, "PoolBeingDeleted", "The specified pool has been marked for deletion and is being reclaimed.");
        }
        return pool;
    }

    /** A write's answer headers, as the Batch service sends them. */
    Response written(Response r, ObjectNode pool, Request q) {
        ObjectNode view = pool(pool);
        return r.header("ETag", view.path("eTag").asText()).header("Last-Modified", http(view.path("lastModified").asText()))
                .header("DataServiceId", url(q.param("account"), "/pools/" + pool.path("name").asText()));
    }

    private static String http(String iso) {
        try {
            return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.parse(iso).atZone(java.time.ZoneOffset.UTC));
        } catch (RuntimeException e) {
            return iso;
        }
    }

    /** A list answer: {@code $filter} (400 when unsupported), {@code $select}, {@code maxresults} and {@code odata.nextLink} paging. */
    static ObjectNode list(Request q, List<ObjectNode> items, int pageSize, Set<String> filterable,
                                   java.util.function.Function<ObjectNode, JsonNode> filterOn) {
        Predicate<JsonNode> keep = ODataFilter.parse(q.query("$filter"), filterable);
        List<ObjectNode> kept = new ArrayList<>();
        for (ObjectNode n : items) {
            JsonNode target = filterOn == null ? n : Json.merge(n, filterOn.apply(n));
            if (keep.test(target)) kept.add(n);
        }
        return Paging.batch(q, kept, pageSize, n -> select(q, n));
    }

    /** {@code $select=a,b}: only those top-level properties (Batch's select is top-level, comma separated). */
    static ObjectNode select(Request q, ObjectNode n) {
        String sel = q.query("$select");
        if (sel == null || sel.isBlank()) return n.deepCopy();
        ObjectNode out = Json.o();
        for (String part : sel.split(",")) {
            String k = part.trim();
            if (k.isEmpty()) continue;
            if (!k.matches("[A-Za-z][A-Za-z0-9]*")) throw ODataFilter.invalidQuery("$select", "'" + k + "' is not a property name.");
            for (var it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (f.equalsIgnoreCase(k)) out.set(f, n.get(f).deepCopy());
            }
        }
        return out;
    }

    ObjectNode account(Request q) {
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

    ObjectNode find(Request q) {
        ObjectNode pool = p.store.get(account(q).path("id").asText() + "/pools/" + q.param("pool"));
        if (pool == null) throw new ApiError(404, "PoolNotFound", "The specified pool does not exist.");
        return pools.refresh(pool);
    }

    String url(String account, String rest) {
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
                "state", "Deleting".equals(mp.path("provisioningState").asText()) ? "deleting" : "active",
                "stateTransitionTime", "Deleting".equals(mp.path("provisioningState").asText())
                        ? mp.path("lastModified").asText() : mp.path("creationTime").asText(),
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
            out.set("virtualMachineConfiguration", Json.o("imageReference", imageReference(vmc.path("imageReference")),
                    "nodeAgentSKUId", vmc.path("nodeAgentSkuId").asText(),
                    "securityProfile", vmc.has("securityProfile") ? vmc.get("securityProfile").deepCopy() : null));
        }
        if (mp.has("metadata")) out.set("metadata", mp.get("metadata").deepCopy());
        for (String k : new String[] {"applicationPackageReferences", "certificateReferences", "targetNodeCommunicationMode"}) {
            if (mp.has(k)) out.set(k, mp.get(k).deepCopy());
        }
        return out;
    }

    /** The data plane's ImageReference: a custom image is {@code virtualMachineImageId} (the management plane's {@code id}). */
    static ObjectNode imageReference(JsonNode mgmtRef) {
        ObjectNode out = Json.o();
        for (String k : new String[] {"publisher", "offer", "sku", "version"}) if (mgmtRef.has(k)) out.set(k, mgmtRef.get(k).deepCopy());
        if (mgmtRef.has("id")) out.put("virtualMachineImageId", mgmtRef.get("id").asText());
        if (mgmtRef.has("exactVersion")) out.set("exactVersion", mgmtRef.get("exactVersion").deepCopy());
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
