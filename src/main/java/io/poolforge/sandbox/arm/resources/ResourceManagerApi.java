package io.poolforge.sandbox.arm.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.http.Request;
import io.poolforge.sandbox.http.Response;
import io.poolforge.sandbox.http.Router;
import io.poolforge.sandbox.state.Ids;
import io.poolforge.sandbox.state.LroEngine;
import io.poolforge.sandbox.state.Paging;
import io.poolforge.sandbox.state.Platform;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Tenants, subscriptions, resource groups, resource provider registration, and {@code GET /sandbox/state}. */
public final class ResourceManagerApi {
    private final Platform p;
    private final Supplier<Map<String, Object>> extraState;

    public ResourceManagerApi(Platform p, Supplier<Map<String, Object>> extraState) {
        this.p = p;
        this.extraState = extraState;
    }

    public void register(Router r) {
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
        r.add("providers", "GET", "/subscriptions/(?<sub>[^/]+)/providers", arm, q -> {
            subscription(q.param("sub"));
            List<ObjectNode> all = new java.util.ArrayList<>();
            for (String ns : Providers.NAMESPACES) all.add(provider(q.param("sub"), ns));
            return Response.ok(Paging.arm(q, all, p.pageSize, ObjectNode::deepCopy));
        });
        r.add("provider", "GET", "/subscriptions/(?<sub>[^/]+)/providers/(?<ns>[^/]+)", arm, q -> Response.ok(provider(q)));
        r.add("resource-group-exists", "HEAD", "/subscriptions/(?<sub>[^/]+)/resourceGroups/(?<rg>[^/]+)", arm, q -> {
            subscription(q.param("sub"));
            return Response.empty(p.store.get(Ids.rg(q.param("sub"), q.param("rg"))) == null ? 404 : 204);
        });
        r.add("resources-sub", "GET", "/subscriptions/(?<sub>[^/]+)/resources", arm, q -> {
            subscription(q.param("sub"));
            return Response.ok(Paging.arm(q, resources(Ids.sub(q.param("sub")), q), p.pageSize, ResourceManagerApi::generic));
        });
        r.add("resources-rg", "GET", "/subscriptions/(?<sub>[^/]+)/resourceGroups/(?<rg>[^/]+)/resources", arm, q -> {
            group(q.param("sub"), q.param("rg"));
            return Response.ok(Paging.arm(q, resources(Ids.rg(q.param("sub"), q.param("rg")), q), p.pageSize, ResourceManagerApi::generic));
        });
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

    public static ObjectNode rg(String id, String location) {
        return Json.o("id", id, "name", Ids.nameOf(id), "type", "Microsoft.Resources/resourceGroups", "location", location,
                "properties", Json.o("provisioningState", "Succeeded"));
    }

    public static ObjectNode subscriptionJson(String sub, String tenant, String name) {
        return Json.o("id", Ids.sub(sub), "authorizationSource", "RoleBased", "managedByTenants", Json.a(), "subscriptionId", sub,
                "tenantId", tenant, "displayName", name, "state", "Enabled", "subscriptionPolicies", Json.o(
                        "locationPlacementId", "Public_2014-09-01", "quotaId", "PayAsYouGo_2014-09-01", "spendingLimit", "Off"));
    }

    private ObjectNode provider(Request q) {
        String sub = q.param("sub");
        subscription(sub);
        String ns = q.param("ns");
        for (String known : Providers.NAMESPACES) {
            if (known.equalsIgnoreCase(ns)) return provider(sub, known);
        }
        throw new ApiError(404, "InvalidResourceNamespace", "The resource namespace '" + ns + "' is invalid (the PoolForge sandbox "
                + "emulates " + String.join(", ", Providers.NAMESPACES) + ").");
    }

    private ObjectNode provider(String sub, String ns) {
        boolean registered = !ns.equalsIgnoreCase("Microsoft.Batch") || p.batchRegistered(sub);
        return Json.o("id", Ids.sub(sub) + "/providers/" + ns, "namespace", ns,
                "registrationState", registered ? "Registered" : "NotRegistered", "registrationPolicy", "RegistrationRequired",
                "resourceTypes", Providers.resourceTypes(ns));
    }

    /** Top-level resources of the emulated types under a scope; {@code $filter=resourceType eq '...'} as ARM allows. */
    private List<ObjectNode> resources(String scope, Request q) {
        String filter = q.query("$filter");
        String wantedType = null;
        String wantedGroup = null;
        String wantedName = null;
        if (filter != null && !filter.isBlank()) {
            for (String clause : filter.trim().split("(?i)\\s+and\\s+")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\s*(resourceType|resourceGroup|name)\\s+eq\\s+'([^']+)'\\s*")
                        .matcher(clause);
                if (!m.matches()) {
                    throw ApiError.badRequest("InvalidFilterInQueryString", "Invalid $filter '" + filter + "' specified in the query string "
                            + "(the sandbox supports resourceType, resourceGroup and name with eq, joined by and).");
                }
                switch (m.group(1).toLowerCase(Locale.ROOT)) {
                    case "resourcetype" -> wantedType = m.group(2);
                    case "resourcegroup" -> wantedGroup = m.group(2);
                    default -> wantedName = m.group(2);
                }
            }
        }
        List<ObjectNode> out = new java.util.ArrayList<>();
        for (ObjectNode n : p.store.under(scope)) {
            String id = n.path("id").asText();
            String t = Ids.typeOf(id);
            if (t.split("/").length != 2 || t.equalsIgnoreCase("Microsoft.Resources/deployments")) continue;
            if (wantedType != null && !wantedType.equalsIgnoreCase(t)) continue;
            if (wantedGroup != null && !wantedGroup.equalsIgnoreCase(Ids.rgOf(id))) continue;
            if (wantedName != null && !wantedName.equalsIgnoreCase(Ids.nameOf(id))) continue;
            out.add(n);
        }
        return out;
    }

    /** The generic resource view ARM's resource list gives: no properties. */
    private static ObjectNode generic(ObjectNode n) {
        ObjectNode out = Json.o("id", n.path("id").asText(), "name", n.path("name").asText(), "type", n.path("type").asText(),
                "location", n.path("location").asText(null));
        for (String k : new String[] {"tags", "sku", "kind", "managedBy", "identity", "plan"}) if (n.hasNonNull(k)) out.set(k, n.get(k).deepCopy());
        return out;
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
