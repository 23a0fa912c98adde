package io.poolforge.sandbox.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.state.Ids;
import io.poolforge.sandbox.state.Platform;

/** Lookups shared by the resource providers, with ARM's not-found errors. */
public final class Arm {
    public static final String RG = "/subscriptions/(?<sub>[^/]+)/resourceGroups/(?<rg>[^/]+)";
    public static final String SUB = "/subscriptions/(?<sub>[^/]+)";

    private Arm() {
    }

    public static void requireGroup(Platform p, String sub, String rg) {
        if (p.store.get(Ids.sub(sub)) == null) {
            throw new ApiError(404, "SubscriptionNotFound", "The subscription '" + sub + "' could not be found.");
        }
        if (rg != null && p.store.get(Ids.rg(sub, rg)) == null) {
            throw new ApiError(404, "ResourceGroupNotFound", "Resource group '" + rg + "' could not be found.");
        }
    }

    /** The live resource, or ARM's 404 (group missing, or resource missing). */
    public static ObjectNode find(Platform p, String sub, String rg, String type, String name) {
        requireGroup(p, sub, rg);
        ObjectNode n = p.store.get(Ids.res(sub, rg, type, name));
        if (n == null) throw ApiError.notFound(type, name, rg);
        return n;
    }

    static ObjectNode findId(Platform p, String id) {
        ObjectNode n = p.store.get(id);
        if (n == null) {
            throw new ApiError(404, "NotFound", "The resource '" + id + "' was not found.");
        }
        return n;
    }

    public static String location(JsonNode body) {
        String loc = Json.str(body, "location");
        if (loc == null || loc.isBlank()) {
            throw ApiError.badRequest("LocationRequired", "The location property is required for this definition.");
        }
        return Ids.location(loc);
    }

    public static String required(JsonNode body, String path) {
        String v = Json.str(body, path);
        if (v == null || v.isBlank()) {
            throw ApiError.badRequest("InvalidParameter", "Required parameter '" + path.replace('/', '.') + "' is missing (null).");
        }
        return v;
    }

    /** The id with a leading slash (the REST examples sometimes omit it). */
    public static String norm(String id) {
        return id == null ? null : id.startsWith("/") ? id : "/" + id;
    }
}
