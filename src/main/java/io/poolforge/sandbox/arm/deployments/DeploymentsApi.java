package io.poolforge.sandbox.arm.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.arm.Arm;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.http.Request;
import io.poolforge.sandbox.http.Response;
import io.poolforge.sandbox.http.Router;
import io.poolforge.sandbox.state.Ids;
import io.poolforge.sandbox.state.Paging;
import io.poolforge.sandbox.state.Platform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Microsoft.Resources/deployments at resource-group scope: validate, create or update (mode Incremental), get, list,
 * operations, and the operation status ARM's PUT points to. A deployment evaluates its template (parameters, variables,
 * {@link TemplateExpressions}), orders its resources by {@code dependsOn} and PUTs each one through the sandbox's own
 * routes, so every resource gets the same rules (and errors) as a direct call. Nested deployments
 * ({@code Microsoft.Resources/deployments} with {@code subscriptionId}/{@code resourceGroup} and an inline template,
 * expressions evaluated in the outer scope) deploy into their group. A failed resource fails the deployment the way
 * ARM reports it: {@code DeploymentFailed} with the resource's error in {@code details}.
 */
public final class DeploymentsApi {
    static final String TYPE = "Microsoft.Resources/deployments";
    /** ARM serves deployments at both paths (older clients leave out the provider segment). */
    private static final String D = Arm.RG + "(?:/providers/Microsoft\\.Resources)?/deployments";

    private final Platform p;
    private final Router router;
    /** Deployment id (lower case) → its operations. */
    private final Map<String, List<ObjectNode>> operations = new HashMap<>();

    public DeploymentsApi(Platform p, Router router) {
        this.p = p;
        this.router = router;
    }

    public void register(Router r) {
        Router.Plane arm = Router.Plane.ARM;
        r.add("deployment-list", "GET", D + "/?", arm, q -> {
            Arm.requireGroup(p, q.param("sub"), q.param("rg"));
            List<ObjectNode> all = p.store.list(Ids.rg(q.param("sub"), q.param("rg")), TYPE);
            return Response.ok(Paging.arm(q, all, p.pageSize, this::view));
        });
        r.add("deployment-get", "GET", D + "/(?<name>[^/]+)", arm, q -> Response.ok(view(find(q))));
        r.add("deployment-exists", "HEAD", D + "/(?<name>[^/]+)", arm, q -> {
            Arm.requireGroup(p, q.param("sub"), q.param("rg"));
            return Response.empty(p.store.get(id(q)) == null ? 404 : 204);
        });
        r.add("deployment-put", "PUT", D + "/(?<name>[^/]+)", arm, this::put);
        r.add("deployment-validate", "POST", D + "/(?<name>[^/]+)/validate", arm, this::validate);
        r.add("deployment-operations", "GET", D + "/(?<name>[^/]+)/operations", arm, q -> {
            ObjectNode d = find(q);
            List<ObjectNode> ops = operations.getOrDefault(Ids.lc(d.path("id").asText()), List.of());
            return Response.ok(Paging.arm(q, ops, p.pageSize, ObjectNode::deepCopy));
        });
        r.add("deployment-operation-status", "GET", D + "/(?<name>[^/]+)/operationStatuses/(?<op>[^/]+)", arm, q -> {
            ObjectNode d = find(q);
            String state = state(d);
            ObjectNode body = Json.o("status", state);
            if ("Failed".equals(state)) body.set("error", d.path("properties").path("error").deepCopy());
            Response resp = Response.ok(body);
            return "Running".equals(state) ? resp.header("Retry-After", p.timeScale <= 0 ? "0" : "1") : resp;
        });
        r.add("deployment-delete", "DELETE", D + "/(?<name>[^/]+)", arm, q -> {
            Arm.requireGroup(p, q.param("sub"), q.param("rg"));
            String id = id(q);
            if (p.store.get(id) == null) return Response.empty(204);
            p.store.remove(id);
            operations.remove(Ids.lc(id));
            return Response.empty(200);
        });
    }

    private String id(Request q) {
        return Ids.res(q.param("sub"), q.param("rg"), TYPE, q.param("name"));
    }

    private ObjectNode find(Request q) {
        Arm.requireGroup(p, q.param("sub"), q.param("rg"));
        ObjectNode d = p.store.get(id(q));
        if (d == null) throw new ApiError(404, "DeploymentNotFound", "Deployment '" + q.param("name") + "' could not be found.");
        return d;
    }

    /** Running while a deployed resource is still provisioning (scaled time), then Succeeded, or Failed at once. */
    private String state(ObjectNode d) {
        String s = Json.str(d, "properties/provisioningState");
        if (!"Succeeded".equals(s)) return s;
        for (JsonNode r : d.path("properties").path("outputResources")) {
            ObjectNode res = p.store.get(r.path("id").asText());
            String ps = res == null ? null : Json.str(res, "properties/provisioningState");
            if (ps != null && (ps.equals("Creating") || ps.equals("Updating") || ps.equals("Accepted"))) return "Running";
        }
        return "Succeeded";
    }

    private ObjectNode view(ObjectNode d) {
        ObjectNode v = d.deepCopy();
        Json.props(v).put("provisioningState", state(d));
        return v;
    }

    /** One resource of a template, evaluated. */
    private record Item(String id, String type, String apiVersion, JsonNode body, List<String> dependsOn, ObjectNode nested,
                        String nestedSub, String nestedRg) {
    }

    private record Prepared(List<Item> ordered, TemplateExpressions.Scope scope, JsonNode template, ObjectNode parameters) {
    }

    private Response validate(Request q) {
        Arm.requireGroup(p, q.param("sub"), q.param("rg"));
        JsonNode props = props(q);
        Prepared prep = prepare(props, q.param("sub"), q.param("rg"), new ArrayList<>());
        ArrayNode validated = Json.a();
        collectIds(prep, validated);
        String id = id(q);
        return Response.ok(Json.o("id", id, "name", q.param("name"), "type", TYPE, "properties", Json.o(
                "templateHash", hash(prep.template), "parameters", prep.parameters, "mode", "Incremental",
                "provisioningState", "Succeeded", "timestamp", p.now().toString(), "duration", "PT0S",
                "correlationId", UUID.randomUUID().toString(), "validatedResources", validated)));
    }

    private void collectIds(Prepared prep, ArrayNode out) {
        for (Item i : prep.ordered) {
            out.add(Json.o("id", i.id));
            if (i.nested != null) {
                Prepared inner = prepareNested(i, prep.scope, new ArrayList<>());
                collectIds(inner, out);
            }
        }
    }

    private JsonNode props(Request q) {
        JsonNode props = q.json().path("properties");
        if (props.isMissingNode()) throw ApiError.badRequest("InvalidRequestContent", "The request content is missing 'properties'.");
        if (props.has("templateLink") || props.has("parametersLink")) {
            throw ApiError.badRequest("InvalidTemplateDeployment", "templateLink and parametersLink are not emulated by the PoolForge "
                    + "sandbox: send the template inline (az deployment group create --template-file).");
        }
        String mode = props.path("mode").asText("Incremental");
        if (!mode.equalsIgnoreCase("Incremental")) {
            throw ApiError.badRequest("InvalidTemplateDeployment", "The deployment mode '" + mode + "' is not emulated by the PoolForge "
                    + "sandbox; use Incremental.");
        }
        if (!props.has("template")) throw ApiError.badRequest("InvalidTemplateDeployment", "The deployment has no template.");
        // az sends the template (and parameters) as JSON text inside the JSON, to keep it byte for byte; ARM takes both forms.
        ObjectNode out = ((ObjectNode) props).deepCopy();
        for (String k : new String[] {"template", "parameters"}) {
            if (out.path(k).isTextual()) {
                try {
                    out.set(k, Json.parse(out.get(k).asText()));
                } catch (ApiError e) {
                    throw ApiError.badRequest("InvalidTemplate", "Deployment template parse failed: '" + e.getMessage() + "'.");
                }
            }
        }
        if (!out.get("template").isObject()) throw ApiError.badRequest("InvalidTemplate", "Deployment template parse failed: the template is not a JSON object.");
        return out;
    }

    private Response put(Request q) {
        Arm.requireGroup(p, q.param("sub"), q.param("rg"));
        JsonNode props = props(q);
        String id = id(q);
        boolean created = p.store.get(id) == null;
        List<ObjectNode> ops = new ArrayList<>();
        Prepared prep = prepare(props, q.param("sub"), q.param("rg"), ops);
        ObjectNode d = deploy(q, id, q.param("name"), prep, ops);
        String status = q.base + id + "/operationStatuses/" + UUID.randomUUID() + "?api-version=" + q.apiVersion();
        ObjectNode first = d.deepCopy();
        Json.props(first).put("provisioningState", "Accepted");
        return Response.json(created ? 201 : 200, first).header("Azure-AsyncOperation", status)
                .header("Retry-After", p.timeScale <= 0 ? "0" : "1");
    }

    /** Runs a prepared template: each resource in order through the sandbox's routes; stops at the first failure. */
    private ObjectNode deploy(Request q, String id, String name, Prepared prep, List<ObjectNode> ops) {
        Instant start = p.now();
        ArrayNode outputResources = Json.a();
        ObjectNode error = null;
        for (Item i : prep.ordered) {
            ObjectNode op = Json.o("operationId", UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT));
            op.put("id", id + "/operations/" + op.path("operationId").asText());
            ObjectNode target = Json.o("id", i.id, "resourceType", i.type, "resourceName", Ids.nameOf(i.id));
            ObjectNode opProps = Json.o("provisioningOperation", "Create", "timestamp", p.now().toString(), "duration", "PT0S",
                    "trackingId", UUID.randomUUID().toString(), "targetResource", target);
            op.set("properties", opProps);
            ops.add(op);
            try {
                int status;
                if (i.nested != null) {
                    List<ObjectNode> innerOps = new ArrayList<>();
                    Prepared inner = prepareNested(i, prep.scope, innerOps);
                    ObjectNode nd = deploy(q, i.id, Ids.nameOf(i.id), inner, innerOps);
                    if ("Failed".equals(Json.str(nd, "properties/provisioningState"))) {
                        throw new ApiError(400, "DeploymentFailed", Json.str(nd, "properties/error/message"))
                                .header("x-nested", Json.text(nd.path("properties").path("error")));
                    }
                    for (JsonNode r : nd.path("properties").path("outputResources")) outputResources.add(r.deepCopy());
                    status = 201;
                } else {
                    status = putThrough(q, i);
                    outputResources.add(Json.o("id", i.id));
                }
                opProps.put("provisioningState", "Succeeded");
                opProps.put("statusCode", status == 201 ? "Created" : status == 202 ? "Accepted" : "OK");
            } catch (ApiError e) {
                ObjectNode detail = e.headers.containsKey("x-nested") ? (ObjectNode) Json.parse(e.headers.get("x-nested"))
                        : Json.o("code", e.code, "message", e.getMessage());
                opProps.put("provisioningState", "Failed");
                opProps.put("statusCode", statusName(e.status));
                opProps.set("statusMessage", Json.o("status", "Failed", "error", detail));
                error = Json.o("code", "DeploymentFailed", "target", id, "message", "At least one resource deployment operation failed. "
                        + "Please list deployment operations for details. Please see https://aka.ms/arm-deployment-operations for usage details.",
                        "details", Json.a(detail));
                break;
            }
        }
        ObjectNode outputs = Json.o();
        if (error == null && prep.template.has("outputs")) {
            TemplateExpressions ex = new TemplateExpressions(prep.scope);
            for (var it = prep.template.get("outputs").fields(); it.hasNext(); ) {
                var e = it.next();
                outputs.set(e.getKey(), Json.o("type", e.getValue().path("type").asText("string"), "value", ex.evaluate(e.getValue().get("value"))));
            }
        }
        ObjectNode props = Json.o("templateHash", hash(prep.template), "parameters", prep.parameters, "mode", "Incremental",
                "provisioningState", error == null ? "Succeeded" : "Failed", "timestamp", p.now().toString(),
                "duration", Duration.between(start, p.now()).toString(), "correlationId", UUID.randomUUID().toString(),
                "providers", Json.a(), "dependencies", Json.a(), "outputs", outputs, "outputResources", outputResources,
                "error", error);
        ObjectNode d = Json.o("id", id, "name", name, "type", TYPE, "properties", props);
        p.store.put(d);
        operations.put(Ids.lc(id), ops);
        return d;
    }

    private static String statusName(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            default -> status >= 500 ? "InternalServerError" : String.valueOf(status);
        };
    }

    /** PUTs one resource through the sandbox's own route for it, as a direct call would. */
    private int putThrough(Request outer, Item i) {
        Router.Match m = router.match("PUT", i.id);
        if (m.route() == null) {
            throw new ApiError(400, "NoRegisteredProviderFound", "No registered resource provider found for type '" + i.type
                    + "' in the PoolForge sandbox (docs/SANDBOX.md lists the types it emulates).");
        }
        Request inner = new Request("PUT", i.id, "api-version=" + i.apiVersion, Map.of(), Json.bytes(i.body), outer.base);
        inner.route = m.route();
        inner.params = m.matcher();
        inner.claims = outer.claims;
        Response r = m.route().handler().handle(inner);
        if (r.status >= 400) {
            JsonNode err = Json.parse(new String(r.body, StandardCharsets.UTF_8)).path("error");
            throw new ApiError(r.status, err.path("code").asText("Failed"), err.path("message").asText(""));
        }
        return r.status;
    }

    private Prepared prepare(JsonNode props, String sub, String rg, List<ObjectNode> ops) {
        JsonNode template = props.get("template");
        ObjectNode given = props.has("parameters") && props.get("parameters").isObject() ? (ObjectNode) props.get("parameters") : Json.o();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        ObjectNode shown = Json.o();
        JsonNode declared = template.path("parameters");
        for (var it = given.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!declared.has(k)) {
                throw TemplateExpressions.invalidTemplate("The template parameters '" + k + "' in the parameters file are not valid; "
                        + "they are not present in the original template and can therefore not be provided at deployment time. "
                        + "The only supported parameters for this template are '" + String.join(", ", names(declared)) + "'");
            }
        }
        ObjectNode group = p.store.get(Ids.rg(sub, rg));
        TemplateExpressions.Scope early = new TemplateExpressions.Scope(values, template.path("variables"), sub, rg,
                group == null ? null : group.path("location").asText(), p.tenant);
        for (var it = declared.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = given.has(e.getKey()) ? given.get(e.getKey()).get("value") : null;
            if (v == null && e.getValue().has("defaultValue")) v = new TemplateExpressions(early).evaluate(e.getValue().get("defaultValue"));
            if (v == null) {
                throw TemplateExpressions.invalidTemplate("The value for the template parameter '" + e.getKey() + "' is not provided. "
                        + "Please see https://aka.ms/arm-create-parameter-file for usage details");
            }
            String type = e.getValue().path("type").asText("string").toLowerCase(Locale.ROOT);
            v = coerce(e.getKey(), type, v);
            if (e.getValue().has("allowedValues")) {
                boolean ok = false;
                for (JsonNode a : e.getValue().get("allowedValues")) ok |= a.equals(v);
                if (!ok) throw TemplateExpressions.invalidTemplate("The provided value for the template parameter '" + e.getKey()
                        + "' is not valid. The value is not part of the allowed value(s)");
            }
            values.put(e.getKey(), v);
            shown.set(e.getKey(), Json.o("type", e.getValue().path("type").asText("String"), "value",
                    type.startsWith("secure") ? null : v));
        }
        return new Prepared(order(template, early, sub, rg), early, template, shown);
    }

    private Prepared prepareNested(Item i, TemplateExpressions.Scope outer, List<ObjectNode> ops) {
        JsonNode template = i.nested.path("template");
        String sub = i.nestedSub;
        String rg = i.nestedRg;
        ObjectNode group = p.store.get(Ids.rg(sub, rg));
        if (group == null) throw new ApiError(404, "ResourceGroupNotFound", "Resource group '" + rg + "' could not be found.");
        // expressionEvaluationOptions.scope "outer" (the default): the inner template's expressions are evaluated in the
        // outer template's context (its parameters, variables, and resourceGroup() for resourceId()); resources go to rg.
        return new Prepared(order(template, outer, sub, rg), outer, template, Json.o());
    }

    private static List<String> names(JsonNode obj) {
        List<String> out = new ArrayList<>();
        obj.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static JsonNode coerce(String name, String type, JsonNode v) {
        switch (type) {
            case "int" -> {
                if (v.isIntegralNumber()) return v;
                if (v.isTextual() && v.asText().matches("-?\\d+")) return Json.node(Long.parseLong(v.asText()));
            }
            case "bool" -> {
                if (v.isBoolean()) return v;
                if (v.isTextual() && v.asText().matches("(?i)true|false")) return Json.node(Boolean.parseBoolean(v.asText()));
            }
            case "string", "securestring" -> {
                if (v.isTextual()) return v;
            }
            case "object", "secureobject" -> {
                if (v.isObject()) return v;
            }
            case "array" -> {
                if (v.isArray()) return v;
            }
            default -> {
                return v;
            }
        }
        throw TemplateExpressions.invalidTemplate("Template parameter '" + name + "' was provided an invalid value. Expected a value of type '"
                + type + "', but received a value of type '" + v.getNodeType().toString().toLowerCase(Locale.ROOT) + "'");
    }

    /** Evaluates each resource and orders them so that every one comes after what it depends on. */
    private List<Item> order(JsonNode template, TemplateExpressions.Scope scope, String sub, String rg) {
        JsonNode resources = template.path("resources");
        if (!resources.isArray()) throw TemplateExpressions.invalidTemplate("The template 'resources' must be an array");
        TemplateExpressions ex = new TemplateExpressions(scope);
        List<Item> items = new ArrayList<>();
        for (JsonNode r : resources) {
            if (r.has("copy") || r.has("condition")) {
                throw TemplateExpressions.invalidTemplate("'copy' and 'condition' are not emulated by the PoolForge sandbox");
            }
            String type = ex.evaluate(r.path("type")).asText();
            String api = ex.evaluate(r.path("apiVersion")).asText();
            String name = ex.evaluate(r.path("name")).asText();
            if (type.isEmpty() || api.isEmpty() || name.isEmpty()) {
                throw TemplateExpressions.invalidTemplate("Each resource needs 'type', 'apiVersion' and 'name'");
            }
            String[] tp = type.split("/");
            String[] np = name.split("/");
            if (np.length != tp.length - 1) {
                throw TemplateExpressions.invalidTemplate("The resource '" + name + "' of type '" + type + "' has an incorrect segment length. "
                        + "A nested resource type must have identical number of segments as its resource name");
            }
            List<String> deps = new ArrayList<>();
            for (JsonNode dep : r.path("dependsOn")) deps.add(ex.evaluate(dep).asText());
            if (type.equalsIgnoreCase(TYPE)) {
                String nsub = r.has("subscriptionId") ? ex.evaluate(r.get("subscriptionId")).asText() : sub;
                String nrg = r.has("resourceGroup") ? ex.evaluate(r.get("resourceGroup")).asText() : rg;
                ObjectNode np2 = (ObjectNode) r.path("properties");
                if (np2.has("templateLink")) throw ApiError.badRequest("InvalidTemplateDeployment", "templateLink is not emulated by the PoolForge sandbox.");
                if ("inner".equalsIgnoreCase(np2.path("expressionEvaluationOptions").path("scope").asText())) {
                    throw TemplateExpressions.invalidTemplate("Nested templates with expressionEvaluationOptions scope 'inner' are not emulated");
                }
                items.add(new Item(Ids.res(nsub, nrg, TYPE, name), type, api, null, deps, np2, nsub, nrg));
                continue;
            }
            ObjectNode body = Json.o();
            for (String k : new String[] {"location", "tags", "sku", "kind", "identity", "plan", "zones", "properties"}) {
                if (r.has(k)) body.set(k, ex.evaluate(r.get(k)));
            }
            StringBuilder id = new StringBuilder(Ids.rg(sub, rg)).append("/providers/").append(tp[0]);
            for (int k = 1; k < tp.length; k++) id.append('/').append(tp[k]).append('/').append(np[k - 1]);
            items.add(new Item(id.toString(), type, api, body, deps, null, null, null));
        }
        // dependsOn names a resource by id, by "type/name" or by name alone.
        Map<Item, List<Item>> edges = new LinkedHashMap<>();
        for (Item i : items) {
            List<Item> need = new ArrayList<>();
            for (String dep : i.dependsOn) {
                Item found = null;
                for (Item j : items) {
                    String lc = Ids.lc(j.id);
                    String d = dep.toLowerCase(Locale.ROOT);
                    if (lc.equals(Ids.lc(dep)) || (j.type + "/" + Ids.nameOf(j.id)).equalsIgnoreCase(dep) || lc.endsWith("/" + d)) {
                        found = j;
                        break;
                    }
                }
                if (found == null) throw TemplateExpressions.invalidTemplate("The resource '" + dep + "' is not defined in the template");
                need.add(found);
            }
            edges.put(i, need);
        }
        List<Item> ordered = new ArrayList<>();
        Map<Item, Integer> mark = new HashMap<>();
        for (Item i : items) visit(i, edges, mark, ordered);
        return ordered;
    }

    private static void visit(Item i, Map<Item, List<Item>> edges, Map<Item, Integer> mark, List<Item> out) {
        Integer m = mark.get(i);
        if (m != null && m == 2) return;
        if (m != null && m == 1) throw TemplateExpressions.invalidTemplate("Circular dependency detected on resource: '" + i.id + "'");
        mark.put(i, 1);
        for (Item d : edges.get(i)) visit(d, edges, mark, out);
        mark.put(i, 2);
        out.add(i);
    }

    private static String hash(JsonNode template) {
        return String.valueOf(Integer.toUnsignedLong(Json.text(template).hashCode()));
    }
}
