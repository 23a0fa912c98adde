package io.poolforge.sandbox.batch.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.arm.Arm;
import io.poolforge.sandbox.batch.engine.Catalog;
import io.poolforge.sandbox.batch.engine.PoolRules;
import io.poolforge.sandbox.batch.engine.PoolRun;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.http.Request;
import io.poolforge.sandbox.http.Response;
import io.poolforge.sandbox.http.Router;
import io.poolforge.sandbox.state.Ids;
import io.poolforge.sandbox.state.Paging;
import io.poolforge.sandbox.state.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Microsoft.Batch/batchAccounts/pools (management plane): list, get, create, update/resize, stop resize, delete. */
public final class BatchPools {
    public static final String TYPE = "Microsoft.Batch/batchAccounts/pools";
    /** Pool_Create lists 200 only; Pool_Delete 200, 202, 204. */
    static final int[] DELETE_CODES = {200, 202, 204};
    private static final String A = Arm.RG + "/providers/Microsoft\\.Batch/batchAccounts/(?<account>[^/]+)";
    private static final String NAME = "[a-zA-Z0-9_-]{1,64}";

    private final Platform p;
    private final PoolRules rules;
    private final Map<String, PoolRun> runs = new LinkedHashMap<>();

    public BatchPools(Platform p) {
        this.p = p;
        this.rules = new PoolRules(p);
    }

    public void register(Router r) {
        Router.Plane arm = Router.Plane.ARM;
        r.add("pool-list", "GET", A + "/pools", arm, q -> {
            ObjectNode account = account(q);
            List<ObjectNode> pools = p.store.list(account.path("id").asText(), TYPE);
            pools.forEach(this::refresh);
            String max = q.query("maxresults");
            return Response.ok(Paging.arm(q, pools, max != null && max.matches("\\d+") ? Integer.parseInt(max) : p.pageSize, ObjectNode::deepCopy));
        });
        r.add("pool-get", "GET", A + "/pools/(?<pool>[^/]+)", arm, q -> ok(find(q)));
        r.add("pool-create", "PUT", A + "/pools/(?<pool>[^/]+)", arm, this::create);
        r.add("pool-update", "PATCH", A + "/pools/(?<pool>[^/]+)", arm, this::update);
        r.add("pool-stop-resize", "POST", A + "/pools/(?<pool>[^/]+)/stopResize", arm, q -> {
            ObjectNode pool = find(q);
            stopResize(pool);
            return ok(pool);
        });
        r.add("pool-disable-autoscale", "POST", A + "/pools/(?<pool>[^/]+)/disableAutoScale", arm, q -> ok(find(q)));
        r.add("pool-delete", "DELETE", A + "/pools/(?<pool>[^/]+)", arm, q -> {
            ObjectNode account = account(q);
            String id = account.path("id").asText() + "/pools/" + q.param("pool");
            ObjectNode pool = p.store.get(id);
            if (pool == null) return Response.empty(204);
            return delete(q, pool);
        });
    }

    private Response ok(ObjectNode pool) {
        return Response.ok(pool.deepCopy()).header("ETag", pool.path("etag").asText());
    }

    ObjectNode account(Request q) {
        return Arm.find(p, q.param("sub"), q.param("rg"), BatchAccountsApi.TYPE, q.param("account"));
    }

    private ObjectNode find(Request q) {
        ObjectNode account = account(q);
        ObjectNode pool = p.store.get(account.path("id").asText() + "/pools/" + q.param("pool"));
        if (pool == null) throw new ApiError(404, "PoolNotFound", "The specified pool does not exist.");
        refresh(pool);
        return pool;
    }

    public PoolRun run(ObjectNode pool) {
        return runs.computeIfAbsent(Ids.lc(pool.path("id").asText()), k -> {
            String id = pool.path("id").asText();
            return new PoolRun(id, id.substring(0, id.toLowerCase(Locale.ROOT).lastIndexOf("/pools/")), pool);
        });
    }

    public ObjectNode refresh(ObjectNode pool) {
        run(pool).refresh(p.now());
        return pool;
    }

    public Iterable<PoolRun> runs() {
        return runs.values();
    }

    private Response create(Request q) {
        ObjectNode account = account(q);
        String name = q.param("pool");
        checkName(name);
        String id = account.path("id").asText() + "/pools/" + name;
        if (p.store.get(id) != null) {
            // ARM answers a conditional PUT whose condition fails with 412 (If-None-Match: * and the pool exists).
            if ("*".equals(q.header("If-None-Match"))) {
                throw new ApiError(412, "PreconditionFailed", "The pool '" + name + "' already exists (If-None-Match: *).");
            }
            return update(q);
        }
        return ok(add(account, name, q.json().path("properties")));
    }

    public static void checkName(String name) {
        if (name == null || !name.matches(NAME)) {
            throw PoolRules.invalid(io.poolforge.sandbox.batch.engine.Enforcement.POOL_ID, "The pool id '" + name + "' is invalid: use 1-64 letters, digits, hyphens and underscores.");
        }
    }

    /** The pool of that account with that name (case-insensitive), brought up to now, or null. */
    public ObjectNode get(ObjectNode account, String name) {
        ObjectNode pool = p.store.get(account.path("id").asText() + "/pools/" + name);
        return pool == null ? null : refresh(pool);
    }

    /**
     * Creates a pool from management-plane {@code properties} with the platform's rules (both planes come here):
     * pool quota, VM size, image (retired managed images, gallery rules), node agent SKU, scale settings, resize timeout.
     */
    public ObjectNode add(ObjectNode account, String name, JsonNode props) {
        checkName(name);
        String id = account.path("id").asText() + "/pools/" + name;
        List<ObjectNode> existing = p.store.list(account.path("id").asText(), TYPE);
        if (existing.size() >= Json.integer(account, "properties/poolQuota", 100)) {
            throw new ApiError(409, "PoolQuotaReached", "The account has reached its quota of pools (" + existing.size() + ").");
        }
        String vmSize = Json.str(props, "vmSize");
        if (vmSize == null || Catalog.size(vmSize) == null) {
            throw PoolRules.invalid(io.poolforge.sandbox.batch.engine.Enforcement.VM_SIZE_SUPPORTED, "The specified vmSize '" + vmSize + "' is not supported by Batch in " + account.path("location").asText() + ".");
        }
        JsonNode vmc = Json.at(props, "deploymentConfiguration/virtualMachineConfiguration");
        if (vmc == null || !vmc.has("imageReference")) {
            throw PoolRules.invalid(io.poolforge.sandbox.batch.engine.Enforcement.IMAGE_REFERENCE_KIND, "deploymentConfiguration.virtualMachineConfiguration.imageReference is required.");
        }
        String agent = Json.str(vmc, "nodeAgentSkuId");
        if (agent == null || Catalog.osOfAgent(agent) == null) {
            throw PoolRules.invalid(io.poolforge.sandbox.batch.engine.Enforcement.NODE_AGENT_SUPPORTED, "The specified nodeAgentSkuId '" + agent + "' is not supported (see List Supported Images).");
        }
        PoolRules.ImageFacts image = rules.checkImage(account, vmc);
        JsonNode fixed = Json.at(props, "scaleSettings/fixedScale");
        if (Json.at(props, "scaleSettings/autoScale") != null) {
            throw PoolRules.invalid(io.poolforge.sandbox.batch.engine.Enforcement.SANDBOX_FIXED_SCALE_ONLY, "The sandbox supports scaleSettings.fixedScale only.");
        }
        String timeout = fixed == null ? "PT15M" : fixed.path("resizeTimeout").asText("PT15M");
        checkTimeout(timeout);
        Instant now = p.now();
        ObjectNode out = props.deepCopy();
        out.put("vmSize", vmSize);
        out.put("lastModified", now.toString());
        out.put("creationTime", now.toString());
        out.put("provisioningState", "Succeeded");
        out.put("provisioningStateTransitionTime", now.toString());
        out.put("allocationState", "Steady");
        out.put("allocationStateTransitionTime", now.toString());
        if (!out.has("interNodeCommunication")) out.put("interNodeCommunication", "Disabled");
        if (!out.has("taskSlotsPerNode")) out.put("taskSlotsPerNode", 1);
        if (!out.has("taskSchedulingPolicy")) out.set("taskSchedulingPolicy", Json.o("nodeFillType", "Spread"));
        int td = fixed == null ? 0 : fixed.path("targetDedicatedNodes").asInt(0);
        int tl = fixed == null ? 0 : fixed.path("targetLowPriorityNodes").asInt(0);
        out.set("scaleSettings", Json.o("fixedScale", Json.o("resizeTimeout", timeout, "targetDedicatedNodes", td, "targetLowPriorityNodes", tl,
                "nodeDeallocationOption", fixed == null ? null : fixed.get("nodeDeallocationOption"))));
        out.put("currentDedicatedNodes", 0);
        out.put("currentLowPriorityNodes", 0);
        ObjectNode pool = Json.o("name", name, "type", TYPE, "id", id, "etag", etag(now), "properties", out);
        p.store.put(pool);
        resize(pool, account, image, td, tl, timeout, fixed == null ? null : Json.str(fixed, "nodeDeallocationOption"));
        refresh(pool);
        return pool;
    }

    private Response update(Request q) {
        ObjectNode pool = find(q);
        ObjectNode account = account(q);
        JsonNode props = q.json().path("properties");
        ObjectNode live = Json.props(pool);
        props.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("scaleSettings")) live.set(e.getKey(), e.getValue());
        });
        JsonNode fixed = Json.at(props, "scaleSettings/fixedScale");
        if (fixed != null) {
            if (!"Steady".equals(live.path("allocationState").asText())) {
                throw new ApiError(409, "PoolNotSteady", "The pool is resizing; you can only resize a pool whose allocation state is steady. "
                        + "Stop the resize first.");
            }
            resizeTo(pool, account, fixed);
        }
        touch(pool);
        return ok(pool);
    }

    /** Starts a resize to the targets of a {@code fixedScale} object (management-plane names); the caller checked it is steady. */
    public void resizeTo(ObjectNode pool, ObjectNode account, JsonNode fixed) {
        ObjectNode live = Json.props(pool);
        String timeout = fixed.path("resizeTimeout").asText(Json.str(live, "scaleSettings/fixedScale/resizeTimeout"));
        checkTimeout(timeout == null ? "PT15M" : timeout);
        int td = fixed.path("targetDedicatedNodes").asInt(0);
        int tl = fixed.path("targetLowPriorityNodes").asInt(0);
        JsonNode was = Json.at(live, "scaleSettings/fixedScale");
        if (was != null && was.path("targetDedicatedNodes").asInt(-1) == td && was.path("targetLowPriorityNodes").asInt(-1) == tl
                && live.path("currentDedicatedNodes").asInt() == td && live.path("currentLowPriorityNodes").asInt() == tl
                && "Steady".equals(live.path("allocationState").asText()) && java.util.Objects.equals(timeout, Json.str(was, "resizeTimeout"))) {
            return; // the same targets, all there: nothing to allocate (a redeployed template or a re-run script changes nothing)
        }
        live.set("scaleSettings", Json.o("fixedScale", Json.o("resizeTimeout", timeout, "targetDedicatedNodes", td,
                "targetLowPriorityNodes", tl, "nodeDeallocationOption", fixed.get("nodeDeallocationOption"))));
        PoolRules.ImageFacts image = imageFacts(pool, account);
        resize(pool, account, image, td, tl, timeout, Json.str(fixed, "nodeDeallocationOption"));
        touch(pool);
    }

    /** Stops a resize in progress (nothing to do when the pool is steady). */
    public void stopResize(ObjectNode pool) {
        if ("Resizing".equals(Json.str(pool, "properties/allocationState"))) run(pool).stop(p.now(), p.lro);
        touch(pool);
    }

    /** New lastModified and ETag after a change. */
    public void touch(ObjectNode pool) {
        Instant now = p.now();
        Json.props(pool).put("lastModified", now.toString());
        pool.put("etag", etag(now));
        refresh(pool);
    }

    /** Deletes a pool as ARM does: provisioningState Deleting until the operation ends, then gone from both planes. */
    public Response delete(Request q, ObjectNode pool) {
        String id = pool.path("id").asText();
        return p.lro.delete(q, "Microsoft.Batch", DELETE_CODES, pool, Duration.ofSeconds(10), () -> {
            p.store.remove(id);
            runs.remove(Ids.lc(id));
        });
    }

    /** The image facts of an existing pool, without the create-time checks (its image may be gone). */
    private PoolRules.ImageFacts imageFacts(ObjectNode pool, ObjectNode account) {
        JsonNode vmc = Json.at(pool, "properties/deploymentConfiguration/virtualMachineConfiguration");
        try {
            return rules.checkImage(account, vmc);
        } catch (ApiError e) {
            return null;
        }
    }

    void resize(ObjectNode pool, ObjectNode account, PoolRules.ImageFacts image, int td, int tl, String timeout, String dealloc) {
        PoolRun run = run(pool);
        run.refresh(p.now());
        List<PoolRun> all = new ArrayList<>(runs.values());
        String agent = Json.str(pool, "properties/deploymentConfiguration/virtualMachineConfiguration/nodeAgentSkuId");
        PoolRules.Plan plan = rules.plan(run, account, image, agent, td, tl, all);
        ObjectNode ros = Json.o("targetDedicatedNodes", td, "targetLowPriorityNodes", tl, "resizeTimeout", timeout,
                "nodeDeallocationOption", dealloc == null ? "Requeue" : dealloc, "startTime", p.now().toString());
        Json.props(pool).set("resizeOperationStatus", ros);
        run.resize(p.now(), p.lro, plan.dedicated(), plan.lowPriority(), plan.errors(), plan.nodeFinalState());
    }

    private static void checkTimeout(String timeout) {
        try {
            if (Duration.parse(timeout).compareTo(Duration.ofMinutes(5)) < 0) {
                throw PoolRules.invalid(io.poolforge.sandbox.batch.engine.Enforcement.RESIZE_TIMEOUT_MINIMUM, "The resizeTimeout '" + timeout + "' is below the minimum of 5 minutes (PT5M).");
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw PoolRules.invalid(io.poolforge.sandbox.batch.engine.Enforcement.RESIZE_TIMEOUT_FORMAT, "The resizeTimeout '" + timeout + "' is not an ISO-8601 duration.");
        }
    }

    public static String etag(Instant t) {
        return "W/\"0x8D" + Long.toHexString(t.toEpochMilli() * 10_000L).toUpperCase(Locale.ROOT) + "\"";
    }

    /** Extra counts for {@code GET /sandbox/state}. */
    public Map<String, Object> stateCounts() {
        int nodes = 0;
        Instant now = p.now();
        for (Iterator<PoolRun> it = runs.values().iterator(); it.hasNext(); ) {
            PoolRun r = it.next();
            for (PoolRun.Node n : r.nodes) if (PoolRun.state(n, now) != null) nodes++;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Microsoft.Batch/batchAccounts/pools/nodes", nodes);
        return m;
    }
}
