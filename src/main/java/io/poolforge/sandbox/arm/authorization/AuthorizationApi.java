package io.poolforge.sandbox.arm.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.arm.Arm;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.http.Request;
import io.poolforge.sandbox.http.Response;
import io.poolforge.sandbox.http.Router;
import io.poolforge.sandbox.state.Platform;
import java.util.Locale;
import java.util.Map;

/**
 * Microsoft.Authorization, the two read APIs PoolForge's diagnoses use, served from the sandbox's state (PF-17):
 * <ul>
 *   <li>Management locks: {@code GET {scope}/providers/Microsoft.Authorization/locks} ("Management Locks - List At
 *   Resource Level / Resource Group Level"; REST spec resources/Microsoft.Authorization/locks/stable/2020-05-01). As the
 *   spec's ListAtResourceLevel example shows (a lock whose id sits on the resource group returned for a storage account),
 *   the list at a resource includes the locks of the scopes above it. {@code PUT} and {@code DELETE} of
 *   {@code {scope}/providers/Microsoft.Authorization/locks/{name}} create and remove them (CreateOrUpdateAtScope).</li>
 *   <li>Permissions: {@code GET {resourceId}/providers/Microsoft.Authorization/permissions} ("Permissions - List For
 *   Resource", authorization/stable/2022-04-01): the caller's {@code actions}, {@code notActions}, {@code dataActions},
 *   {@code notDataActions}.</li>
 * </ul>
 * All read 2026-12-07.
 */
public final class AuthorizationApi {
    public static final String LOCK_TYPE = "Microsoft.Authorization/locks";
    private static final String SCOPE = "(?<scope>/subscriptions/[^/]+(?:/.+?)?)";
    private final Platform p;

    public AuthorizationApi(Platform p) {
        this.p = p;
    }

    public void register(Router r) {
        Router.Plane arm = Router.Plane.ARM;
        r.add("locks-list", "GET", SCOPE + "/providers/Microsoft\\.Authorization/locks", arm, this::list);
        r.add("lock-get", "GET", SCOPE + "/providers/Microsoft\\.Authorization/locks/(?<name>[^/]+)", arm, this::get);
        r.add("lock-put", "PUT", SCOPE + "/providers/Microsoft\\.Authorization/locks/(?<name>[^/]+)", arm, this::put);
        r.add("lock-delete", "DELETE", SCOPE + "/providers/Microsoft\\.Authorization/locks/(?<name>[^/]+)", arm, this::delete);
        r.add("permissions-list", "GET", SCOPE + "/providers/Microsoft\\.Authorization/permissions", arm, this::permissions);
    }

    /** Adds (or replaces) a lock on {@code scope}; used by scenarios and by PUT. */
    public static ObjectNode lock(Platform p, String scope, String name, String level, String notes) {
        String id = Arm.norm(scope) + "/providers/" + LOCK_TYPE + "/" + name;
        p.locks.removeIf(l -> l.path("id").asText().equalsIgnoreCase(id));
        ObjectNode props = Json.o("level", level);
        if (notes != null) props.put("notes", notes);
        ObjectNode lock = Json.o("properties", props, "id", id, "type", LOCK_TYPE, "name", name);
        p.locks.add(lock);
        return lock;
    }

    /** The scope a lock sits on (its id without the lock part). */
    public static String scopeOf(JsonNode lock) {
        String id = lock.path("id").asText();
        int i = id.toLowerCase(Locale.ROOT).lastIndexOf("/providers/microsoft.authorization/locks/");
        return i < 0 ? id : id.substring(0, i);
    }

    private static boolean covers(String scope, String target) {
        String s = scope.toLowerCase(Locale.ROOT);
        String t = target.toLowerCase(Locale.ROOT);
        return t.equals(s) || t.startsWith(s + "/");
    }

    private void requireScope(String scope) {
        String[] parts = scope.split("/");
        // /subscriptions/{sub}[/resourceGroups/{rg}[/providers/...]]
        String sub = parts.length > 2 ? parts[2] : null;
        String rg = parts.length > 4 && parts[3].equalsIgnoreCase("resourceGroups") ? parts[4] : null;
        Arm.requireGroup(p, sub, rg);
        if (parts.length > 5 && !p.store.exists(scope) && !scope.toLowerCase(Locale.ROOT).contains("/providers/microsoft.batch/")) {
            throw new ApiError(404, "ResourceNotFound", "The Resource '" + scope.substring(scope.toLowerCase(Locale.ROOT)
                    .indexOf("/providers/") + "/providers/".length()) + "' under resource group '" + rg + "' was not found.");
        }
    }

    private Response list(Request q) {
        String scope = q.param("scope");
        requireScope(scope);
        ArrayNode out = Json.a();
        for (ObjectNode l : p.locks) {
            String s = scopeOf(l);
            // Locks on this scope or above it (inherited), and at a resource group or subscription also those below it.
            boolean below = scope.split("/").length <= 5 && covers(scope, s);
            if (covers(s, scope) || below) out.add(l.deepCopy());
        }
        return Response.ok(Json.o("value", out));
    }

    private Response get(Request q) {
        String id = q.param("scope") + "/providers/" + LOCK_TYPE + "/" + q.param("name");
        for (ObjectNode l : p.locks) if (l.path("id").asText().equalsIgnoreCase(id)) return Response.ok(l.deepCopy());
        throw new ApiError(404, "LockNotFound", "The lock '" + q.param("name") + "' could not be found.");
    }

    private Response put(Request q) {
        String scope = q.param("scope");
        requireScope(scope);
        JsonNode body = q.json();
        String level = Json.str(body, "properties/level");
        if (!"CanNotDelete".equals(level) && !"ReadOnly".equals(level)) {
            throw ApiError.badRequest("InvalidLockLevel", "The lock level must be CanNotDelete or ReadOnly.");
        }
        return Response.ok(lock(p, scope, q.param("name"), level, Json.str(body, "properties/notes")));
    }

    private Response delete(Request q) {
        String id = q.param("scope") + "/providers/" + LOCK_TYPE + "/" + q.param("name");
        boolean removed = p.locks.removeIf(l -> l.path("id").asText().equalsIgnoreCase(id));
        return Response.empty(removed ? 200 : 204);
    }

    private Response permissions(Request q) {
        String scope = q.param("scope");
        requireScope(scope);
        ArrayNode best = null;
        int bestLen = -1;
        for (Map.Entry<String, ArrayNode> e : p.permissions.entrySet()) {
            if (covers(e.getKey(), scope) && e.getKey().length() > bestLen) {
                best = e.getValue();
                bestLen = e.getKey().length();
            }
        }
        if (best == null) best = Json.a(Json.o("actions", Json.a("*"), "notActions", Json.a(), "dataActions", Json.a(), "notDataActions", Json.a()));
        return Response.ok(Json.o("value", best.deepCopy()));
    }
}
