package io.poolforge.sandbox.arm.compute;

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
import java.time.Duration;

/** Microsoft.Compute/images (managed images): list, get, create from snapshots/disks, delete. */
public final class ImagesApi {
    public static final String TYPE = "Microsoft.Compute/images";
    /** Images PUT lists 200 and 201 (no 202). */
    static final int[] PUT_CODES = {200, 201};

    private final Platform p;

    public ImagesApi(Platform p) {
        this.p = p;
    }

    public void register(Router r) {
        Router.Plane arm = Router.Plane.ARM;
        String one = Arm.RG + "/providers/Microsoft\\.Compute/images/(?<name>[^/]+)";
        r.add("image-list-all", "GET", Arm.SUB + "/providers/Microsoft\\.Compute/images", arm, q -> {
            Arm.requireGroup(p, q.param("sub"), null);
            return Response.ok(Paging.arm(q, p.store.list(Ids.sub(q.param("sub")), TYPE), p.pageSize, ObjectNode::deepCopy));
        });
        r.add("image-list", "GET", Arm.RG + "/providers/Microsoft\\.Compute/images", arm, q -> {
            Arm.requireGroup(p, q.param("sub"), q.param("rg"));
            return Response.ok(Paging.arm(q, p.store.list(Ids.rg(q.param("sub"), q.param("rg")), TYPE), p.pageSize, ObjectNode::deepCopy));
        });
        r.add("image-get", "GET", one, arm, q -> Response.ok(Arm.find(p, q.param("sub"), q.param("rg"), TYPE, q.param("name")).deepCopy()));
        r.add("image-put", "PUT", one, arm, this::put);
        r.add("image-delete", "DELETE", one, arm, q -> {
            Arm.requireGroup(p, q.param("sub"), q.param("rg"));
            String id = Ids.res(q.param("sub"), q.param("rg"), TYPE, q.param("name"));
            ObjectNode n = p.store.get(id);
            if (n == null) return Response.empty(204);
            return p.lro.delete(q, "Microsoft.Compute", DisksApi.DELETE_CODES, n, Duration.ofSeconds(3), () -> p.store.remove(id));
        });
    }

    private Response put(Request q) {
        Arm.requireGroup(p, q.param("sub"), q.param("rg"));
        JsonNode body = q.json();
        String location = Arm.location(body);
        String id = Ids.res(q.param("sub"), q.param("rg"), TYPE, q.param("name"));
        JsonNode os = Json.at(body, "properties/storageProfile/osDisk");
        if (os == null) throw ApiError.badRequest("InvalidParameter", "Required parameter 'storageProfile.osDisk' is missing (null).");
        String osType = Arm.required(body, "properties/storageProfile/osDisk/osType");
        ObjectNode osOut = Json.o("osType", osType, "osState", Json.str(os, "osState") == null ? "Generalized" : Json.str(os, "osState"));
        ObjectNode osSource = source(os, location, osOut);
        osOut.put("caching", Json.str(os, "caching") == null ? "ReadWrite" : Json.str(os, "caching"));
        osOut.put("storageAccountType", Json.str(os, "storageAccountType") == null ? "Standard_LRS" : Json.str(os, "storageAccountType"));
        osOut.put("diskSizeGB", osSource == null ? 30 : Json.integer(osSource, "properties/diskSizeGB", 30));
        ArrayNode data = Json.a();
        for (JsonNode d : Json.at(body, "properties/storageProfile/dataDisks") == null ? Json.a() : Json.at(body, "properties/storageProfile/dataDisks")) {
            ObjectNode dOut = Json.o("lun", d.path("lun").asInt());
            ObjectNode src = source(d, location, dOut);
            dOut.put("caching", Json.str(d, "caching") == null ? "None" : Json.str(d, "caching"));
            dOut.put("storageAccountType", "Standard_LRS");
            dOut.put("diskSizeGB", src == null ? 32 : Json.integer(src, "properties/diskSizeGB", 32));
            data.add(dOut);
        }
        String gen = Json.str(body, "properties/hyperVGeneration");
        if (gen == null && osSource != null) gen = Json.str(osSource, "properties/hyperVGeneration");
        ObjectNode image = Json.o("id", id, "name", q.param("name"), "type", TYPE, "location", location,
                "tags", body.has("tags") ? body.get("tags") : Json.o(),
                "properties", Json.o("storageProfile", Json.o("osDisk", osOut, "dataDisks", data,
                                "zoneResilient", body.path("properties").path("storageProfile").path("zoneResilient").asBoolean(false)),
                        "provisioningState", "Creating", "hyperVGeneration", gen == null ? "V1" : gen));
        boolean created = p.store.get(id) == null;
        p.store.put(image);
        return p.lro.put(q, "Microsoft.Compute", PUT_CODES, created, image, Duration.ofSeconds(10), null);
    }

    /** Checks the disk's source (snapshot, managed disk, or blob) exists in the image's region; copies it into {@code out}. */
    private ObjectNode source(JsonNode disk, String location, ObjectNode out) {
        for (String kind : new String[] {"snapshot", "managedDisk"}) {
            String id = Json.str(disk, kind + "/id");
            if (id != null) {
                ObjectNode src = p.store.get(Arm.norm(id));
                if (src == null) throw new ApiError(404, "NotFound", "The " + kind + " '" + id + "' of the image was not found.");
                if (!Ids.location(src.path("location").asText()).equals(location)) {
                    throw ApiError.badRequest("InvalidParameter", "The image must be in the region of its source '" + id + "'.");
                }
                out.set(kind, Json.o("id", Arm.norm(id)));
                return src;
            }
        }
        String blob = Json.str(disk, "blobUri");
        if (blob == null) throw ApiError.badRequest("InvalidParameter", "An image disk needs a snapshot, managedDisk or blobUri source.");
        out.put("blobUri", blob);
        return null;
    }
}
