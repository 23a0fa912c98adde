package io.poolforge.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Tenants, subscriptions, resource groups, resource provider registration, and {@code GET /sandbox/state}. */
final class ResourceManagerApi {
    private final Platform p;
    private final Supplier<Map<String, Object>> extraState;

    ResourceManagerApi(Platform p, Supplier<Map<String, Object>> extraState) {
        this.p = p;
        this.extraState = extraState;
    }

    void register(Router r) {
        Router.Plane arm = Router.Plane.ARM;
        r.add("tenants", "GET", "/tenants", arm, q -> Response.ok(Json.o("value", Json.a(Json.o("id", "/tenants/" + p.tenant,
                "tenantId", p.tenant, "tenantCategory", "Home", "countryCode", "ES", "displayName", "PoolForge Sandbox",
                "domains", Json.a("sandbox.poolforge.invalid"), "defaultDomain", "sandbox.poolforge.invalid", "tenantType", "AAD")))));
        r.add("subscriptions", "GET", "/subscriptions", arm, q -> Response.ok(Paging.arm(q, subscriptions(), p.pageSize, LroEngine::view)));
        r.add("subscription", "GET", "/subscriptions/(?<sub>[^/]+)", arm, q -> Response.ok(LroEngine.view(subscription(q.param("sub")))));
        r.add("resource-groups", "GET", "/subscriptions/(?<sub>[^/]+)/resourceGroups", arm,
                q -> Response.ok(Paging.arm(q, groups(q.param("sub")), p.pageSize, LroEngine::view)));
        r.add("resource-group", "GET", "/subscriptions/(?<sub>[^/]+)/resourceGroups/(?<rg>[^/]+)", arm,
                q -> Response.ok(LroEngine.view(group(q.param("sub"), q.param("rg")))));
        r.add("resource-group-put", "PUT", "/subscriptions/(?<sub>[^/]+)/resourceGroups/(?<rg>[^/]+)", arm, this::putGroup);
        r.add("provider", "GET", "/subscriptions/(?<sub>[^/]+)/providers/(?<ns>[^/]+)", arm, q -> Response.ok(provider(q)));
        r.add("provider-register", "POST", "/subscriptions/(?<sub>[^/]+)/providers/(?<ns>[^/]+)/register", arm, q -> {
            subscription(q.param("sub"));
            if (q.param("ns").equalsIgnoreCase("Microsoft.Batch")) p.batchRegistered.add(q.param("sub").toLowerCase(Locale.ROOT));
            return Response.ok(provider(q));
        });
        r.add("sandbox-state", "GET", "/sandbox/state", Router.Plane.SANDBOX, q -> Response.ok(state(r)));
    }

    private List<ObjectNode> subscriptions() {
        return p.store.subscriptions();
    }

    ObjectNode subscription(String sub) {
        ObjectNode s = p.store.get(Ids.sub(sub));
        if (s == null) throw new ApiError(404, "SubscriptionNotFound", "The subscription '" + sub + "' could not be found.");
        return s;
    }

    private List<ObjectNode> groups(String sub) {
        subscription(sub);
        return p.store.groups(sub);
    }

    ObjectNode group(String sub, String rg) {
        subscription(sub);
        ObjectNode g = p.store.get(Ids.rg(sub, rg));
        if (g == null) throw new ApiError(404, "ResourceGroupNotFound", "Resource group '" + rg + "' could not be found.");
        return g;
    }

    private Response putGroup(Request q) {
        subscription(q.param("sub"));
        String id = Ids.rg(q.param("sub"), q.param("rg"));
        ObjectNode existing = p.store.get(id);
        String location = Json.str(q.json(), "location");
        if (location == null) throw ApiError.badRequest("LocationRequired", "The location property is required for this definition.");
        ObjectNode g = rg(id, Ids.location(location));
        p.store.put(g);
        return Response.json(existing == null ? 201 : 200, LroEngine.view(g));
    }

    static ObjectNode rg(String id, String location) {
        return Json.o("id", id, "name", Ids.nameOf(id), "type", "Microsoft.Resources/resourceGroups", "location", location,
                "properties", Json.o("provisioningState", "Succeeded"));
    }

    static ObjectNode subscriptionJson(String sub, String tenant, String name) {
        return Json.o("id", Ids.sub(sub), "authorizationSource", "RoleBased", "managedByTenants", Json.a(), "subscriptionId", sub,
                "tenantId", tenant, "displayName", name, "state", "Enabled", "subscriptionPolicies", Json.o(
                        "locationPlacementId", "Public_2014-09-01", "quotaId", "PayAsYouGo_2014-09-01", "spendingLimit", "Off"));
    }

    private ObjectNode provider(Request q) {
        String sub = q.param("sub");
        subscription(sub);
        String ns = q.param("ns");
        boolean registered = !ns.equalsIgnoreCase("Microsoft.Batch") || p.batchRegistered(sub);
        return Json.o("id", Ids.sub(sub) + "/providers/" + ns, "namespace", ns,
                "registrationState", registered ? "Registered" : "NotRegistered", "registrationPolicy", "RegistrationRequired",
                "resourceTypes", Json.a());
    }

    private ObjectNode state(Router r) {
        ObjectNode counts = Json.o();
        p.store.counts().forEach(counts::put);
        extraState.get().forEach((k, v) -> counts.set(k, Json.node(v)));
        ArrayNode routes = Json.a();
        for (Router.Route route : r.routes()) routes.add(route.method() + " " + route.name());
        return Json.o("counts", counts, "time", p.now().toString(), "timeScale", p.timeScale, "routes", routes);
    }
}
