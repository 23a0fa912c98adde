package io.poolforge.sandbox.arm.compute;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Duration;

/** Microsoft.Compute disks and snapshots (DiskRP): list, get, snapshot create (Copy), delete. */
public final class DisksApi {
    public static final String DISK = "Microsoft.Compute/disks";
    public static final String SNAPSHOT = "Microsoft.Compute/snapshots";
    /** Snapshots PUT lists 200 and 202 only (no 201); DELETE 200, 202, 204. */
    static final int[] PUT_CODES = {200, 202};
    public static final int[] DELETE_CODES = {200, 202, 204};

    private final Platform p;

    public DisksApi(Platform p) {
        this.p = p;
    }

    public void register(Router r) {
        Router.Plane arm = Router.Plane.ARM;
        for (String[] t : new String[][] {{"disk", "disks", DISK}, {"snapshot", "snapshots", SNAPSHOT}}) {
            String type = t[2];
            r.add(t[0] + "-list-all", "GET", Arm.SUB + "/providers/Microsoft\\.Compute/" + t[1], arm, q -> {
                Arm.requireGroup(p, q.param("sub"), null);
                return Response.ok(Paging.arm(q, p.store.list(Ids.sub(q.param("sub")), type), p.pageSize, ObjectNode::deepCopy));
            });
            r.add(t[0] + "-list", "GET", Arm.RG + "/providers/Microsoft\\.Compute/" + t[1], arm, q -> {
                Arm.requireGroup(p, q.param("sub"), q.param("rg"));
                return Response.ok(Paging.arm(q, p.store.list(Ids.rg(q.param("sub"), q.param("rg")), type), p.pageSize, ObjectNode::deepCopy));
            });
            r.add(t[0] + "-get", "GET", Arm.RG + "/providers/Microsoft\\.Compute/" + t[1] + "/(?<name>[^/]+)", arm,
                    q -> Response.ok(Arm.find(p, q.param("sub"), q.param("rg"), type, q.param("name")).deepCopy()));
            r.add(t[0] + "-delete", "DELETE", Arm.RG + "/providers/Microsoft\\.Compute/" + t[1] + "/(?<name>[^/]+)", arm,
                    q -> delete(q, type));
        }
        r.add("snapshot-put", "PUT", Arm.RG + "/providers/Microsoft\\.Compute/snapshots/(?<name>[^/]+)", arm, this::putSnapshot);
    }

    private Response putSnapshot(Request q) {
        Arm.requireGroup(p, q.param("sub"), q.param("rg"));
        JsonNode body = q.json();
        String location = Arm.location(body);
        String option = Arm.required(body, "properties/creationData/createOption");
        if (!option.equalsIgnoreCase("Copy")) {
            throw ApiError.badRequest("InvalidParameter", "The sandbox creates snapshots with createOption 'Copy' only, not '" + option + "'.");
        }
        String sourceId = Arm.norm(Arm.required(body, "properties/creationData/sourceResourceId"));
        ObjectNode source = p.store.get(sourceId);
        if (source == null) {
            throw new ApiError(404, "NotFound", "The source resource '" + sourceId + "' of the snapshot was not found.");
        }
        if (!Ids.location(source.path("location").asText()).equals(location)) {
            throw ApiError.badRequest("InvalidParameter", "The snapshot must be in the region of its source ('"
                    + source.path("location").asText() + "'), not '" + location + "'.");
        }
        String id = Ids.res(q.param("sub"), q.param("rg"), SNAPSHOT, q.param("name"));
        ObjectNode existing = p.store.get(id);
        boolean created = existing == null;
        if (existing != null && !sourceId.equalsIgnoreCase(Json.str(existing, "properties/creationData/sourceResourceId"))) {
            throw new ApiError(409, "PropertyChangeNotAllowed", "Changing property 'creationData.sourceResourceId' is not allowed.");
        }
        // A PUT of an existing snapshot updates it: the copy (its time and content) stays.
        ObjectNode snap = ComputePayloads.snapshot(id, location, source, sourceId,
                existing == null ? p.now() : java.time.Instant.parse(Json.str(existing, "properties/timeCreated")),
                body.has("tags") ? (ObjectNode) body.get("tags") : existing == null ? null : (ObjectNode) existing.get("tags"));
        p.store.put(snap);
        return p.lro.put(q, "Microsoft.Compute", PUT_CODES, created, snap, Duration.ofSeconds(8), null);
    }

    private Response delete(Request q, String type) {
        Arm.requireGroup(p, q.param("sub"), q.param("rg"));
        String id = Ids.res(q.param("sub"), q.param("rg"), type, q.param("name"));
        ObjectNode n = p.store.get(id);
        if (n == null) return Response.empty(204);
        if (type.equals(DISK) && n.hasNonNull("managedBy")) {
            throw new ApiError(409, "OperationNotAllowed", "Disk " + q.param("name") + " is attached to VM " + n.get("managedBy").asText() + ".");
        }
        return p.lro.delete(q, "Microsoft.Compute", DELETE_CODES, n, Duration.ofSeconds(3), () -> p.store.remove(id));
    }
}
