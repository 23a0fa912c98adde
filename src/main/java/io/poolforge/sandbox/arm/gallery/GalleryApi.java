package io.poolforge.sandbox.arm.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.arm.Arm;
import io.poolforge.sandbox.arm.compute.DisksApi;
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
import java.util.Locale;

/**
 * Azure Compute Gallery (GalleryRP): galleries, image definitions, image versions with per-region
 * replication that progresses with the (scaled) clock ({@code $expand=ReplicationStatus}).
 */
public final class GalleryApi {
    public static final String GALLERY = "Microsoft.Compute/galleries";
    public static final String IMAGE = "Microsoft.Compute/galleries/images";
    public static final String VERSION = "Microsoft.Compute/galleries/images/versions";
    /** Gallery, image and version PUT list 200, 201, 202. */
    static final int[] PUT_CODES = {200, 201, 202};
    private static final String G = Arm.RG + "/providers/Microsoft\\.Compute/galleries";
    private static final String I = G + "/(?<gallery>[^/]+)/images";
    private static final String V = I + "/(?<image>[^/]+)/versions";

    private final Platform p;

    public GalleryApi(Platform p) {
        this.p = p;
    }

    public void register(Router r) {
        Router.Plane arm = Router.Plane.ARM;
        r.add("gallery-list-all", "GET", Arm.SUB + "/providers/Microsoft\\.Compute/galleries", arm, q -> {
            Arm.requireGroup(p, q.param("sub"), null);
            return list(q, Ids.sub(q.param("sub")), GALLERY);
        });
        r.add("gallery-list", "GET", G, arm, q -> list(q, group(q), GALLERY));
        r.add("gallery-get", "GET", G + "/(?<name>[^/]+)", arm, q -> Response.ok(find(q, galleryId(q, q.param("name"))).deepCopy()));
        r.add("gallery-put", "PUT", G + "/(?<name>[^/]+)", arm, this::putGallery);
        r.add("gallery-delete", "DELETE", G + "/(?<name>[^/]+)", arm, q -> delete(q, galleryId(q, q.param("name")), IMAGE));
        r.add("gallery-image-list", "GET", I, arm, q -> list(q, find(q, galleryId(q, q.param("gallery"))).path("id").asText(), IMAGE));
        r.add("gallery-image-get", "GET", I + "/(?<name>[^/]+)", arm, q -> Response.ok(find(q, imageId(q, q.param("name"))).deepCopy()));
        r.add("gallery-image-put", "PUT", I + "/(?<name>[^/]+)", arm, this::putImage);
        r.add("gallery-image-delete", "DELETE", I + "/(?<name>[^/]+)", arm, q -> delete(q, imageId(q, q.param("name")), VERSION));
        r.add("gallery-image-version-list", "GET", V, arm, q -> {
            String parent = find(q, imageId(q, q.param("image"))).path("id").asText();
            return Response.ok(Paging.arm(q, p.store.list(parent, VERSION), p.pageSize, v -> view(v, q)));
        });
        r.add("gallery-image-version-get", "GET", V + "/(?<name>[^/]+)", arm, q -> Response.ok(view(find(q, versionId(q)), q)));
        r.add("gallery-image-version-put", "PUT", V + "/(?<name>[^/]+)", arm, this::putVersion);
        r.add("gallery-image-version-delete", "DELETE", V + "/(?<name>[^/]+)", arm, q -> delete(q, versionId(q), null));
    }

    private String group(Request q) {
        Arm.requireGroup(p, q.param("sub"), q.param("rg"));
        return Ids.rg(q.param("sub"), q.param("rg"));
    }

    private String galleryId(Request q, String name) {
        return Ids.res(q.param("sub"), q.param("rg"), GALLERY, name);
    }

    private String imageId(Request q, String name) {
        return galleryId(q, q.param("gallery")) + "/images/" + name;
    }

    private String versionId(Request q) {
        return imageId(q, q.param("image")) + "/versions/" + q.param("name");
    }

    private ObjectNode find(Request q, String id) {
        Arm.requireGroup(p, q.param("sub"), q.param("rg"));
        ObjectNode n = p.store.get(id);
        if (n == null) {
            String type = Ids.typeOf(id);
            throw ApiError.notFound(type == null ? GALLERY : type.replace("microsoft.compute", "Microsoft.Compute"), Ids.nameOf(id), q.param("rg"));
        }
        return n;
    }

    private Response list(Request q, String scope, String type) {
        return Response.ok(Paging.arm(q, p.store.list(scope, type), p.pageSize, ObjectNode::deepCopy));
    }

    private Response putGallery(Request q) {
        group(q);
        String id = galleryId(q, q.param("name"));
        JsonNode body = q.json();
        ObjectNode g = Json.o("id", id, "name", q.param("name"), "type", GALLERY, "location", Arm.location(body),
                "tags", body.has("tags") ? body.get("tags") : null,
                "properties", Json.o("description", Json.str(body, "properties/description"),
                        "identifier", Json.o("uniqueName", q.param("sub") + "-" + q.param("name").toUpperCase(Locale.ROOT)),
                        "provisioningState", "Creating"));
        boolean created = p.store.get(id) == null;
        p.store.put(g);
        return p.lro.put(q, "Microsoft.Compute", PUT_CODES, created, g, Duration.ofSeconds(3), null);
    }

    private Response putImage(Request q) {
        ObjectNode gallery = find(q, galleryId(q, q.param("gallery")));
        JsonNode body = q.json();
        String location = Arm.location(body);
        if (!location.equals(Ids.location(gallery.path("location").asText()))) {
            throw ApiError.badRequest("InvalidParameter", "The image definition must be in the gallery's region '"
                    + gallery.path("location").asText() + "'.");
        }
        ObjectNode props = Json.o("osType", Arm.required(body, "properties/osType"), "osState", Arm.required(body, "properties/osState"),
                "hyperVGeneration", Json.str(body, "properties/hyperVGeneration") == null ? "V1" : Json.str(body, "properties/hyperVGeneration"),
                "identifier", Json.o("publisher", Arm.required(body, "properties/identifier/publisher"),
                        "offer", Arm.required(body, "properties/identifier/offer"), "sku", Arm.required(body, "properties/identifier/sku")));
        for (String k : new String[] {"description", "purchasePlan", "features", "architecture", "recommended", "eula"}) {
            if (body.path("properties").has(k)) props.set(k, body.path("properties").get(k));
        }
        String id = imageId(q, q.param("name"));
        ObjectNode img = Json.o("id", id, "name", q.param("name"), "type", IMAGE, "location", location,
                "tags", body.has("tags") ? body.get("tags") : null, "properties", props);
        props.put("provisioningState", "Creating");
        boolean created = p.store.get(id) == null;
        p.store.put(img);
        return p.lro.put(q, "Microsoft.Compute", PUT_CODES, created, img, Duration.ofSeconds(3), null);
    }

    private Response putVersion(Request q) {
        ObjectNode image = find(q, imageId(q, q.param("image")));
        JsonNode body = q.json();
        String location = Arm.location(body);
        if (!location.equals(Ids.location(image.path("location").asText()))) {
            throw ApiError.badRequest("InvalidParameter", "The image version must be in the gallery's region '" + image.path("location").asText() + "'.");
        }
        ObjectNode storage = Json.o();
        JsonNode sp = Json.at(body, "properties/storageProfile");
        ObjectNode osSource = null;
        if (Json.str(sp, "source/id") != null) {
            osSource = source(Json.str(sp, "source/id"), location);
            storage.set("source", Json.o("id", Arm.norm(Json.str(sp, "source/id"))));
        }
        JsonNode osImg = Json.at(sp == null ? Json.o() : sp, "osDiskImage");
        ObjectNode osOut = Json.o();
        if (osImg != null && Json.str(osImg, "source/id") != null) {
            osSource = source(Json.str(osImg, "source/id"), location);
            osOut.set("source", Json.o("id", Arm.norm(Json.str(osImg, "source/id"))));
        }
        if (osSource == null) throw ApiError.badRequest("InvalidParameter", "The image version needs storageProfile.source or osDiskImage.source.");
        checkCompatible(image, osSource);
        osOut.put("sizeInGB", Json.integer(osSource, "properties/diskSizeGB", Json.integer(osSource, "properties/storageProfile/osDisk/diskSizeGB", 30)));
        osOut.put("hostCaching", osImg != null && Json.str(osImg, "hostCaching") != null ? Json.str(osImg, "hostCaching") : "ReadWrite");
        storage.set("osDiskImage", osOut);
        ArrayNode data = storage.putArray("dataDiskImages");
        JsonNode dd = Json.at(sp, "dataDiskImages");
        if (dd != null) {
            for (JsonNode d : dd) {
                String sid = Json.str(d, "source/id");
                ObjectNode src = sid == null ? null : source(sid, location);
                data.add(Json.o("source", sid == null ? null : Json.o("id", Arm.norm(sid)), "lun", d.path("lun").asInt(),
                        "sizeInGB", src == null ? 32 : Json.integer(src, "properties/diskSizeGB", 32),
                        "hostCaching", Json.str(d, "hostCaching") == null ? "None" : Json.str(d, "hostCaching")));
            }
        }
        ArrayNode regions = Json.a();
        JsonNode pp = Json.at(body, "properties/publishingProfile");
        int replicaCount = pp == null ? 1 : pp.path("replicaCount").asInt(1);
        String sat = pp == null ? "Standard_LRS" : pp.path("storageAccountType").asText("Standard_LRS");
        boolean hasHome = false;
        for (JsonNode t : pp == null || !pp.has("targetRegions") ? Json.a() : pp.get("targetRegions")) {
            hasHome |= Ids.location(t.path("name").asText()).equals(location);
            regions.add(Json.o("name", t.path("name").asText(), "regionalReplicaCount", t.path("regionalReplicaCount").asInt(replicaCount),
                    "storageAccountType", t.path("storageAccountType").asText(sat), "excludeFromLatest", t.path("excludeFromLatest").asBoolean(false)));
        }
        if (!hasHome) regions.insert(0, Json.o("name", image.path("location").asText(), "regionalReplicaCount", replicaCount,
                "storageAccountType", sat, "excludeFromLatest", false));
        ObjectNode previous = p.store.get(versionId(q));
        // A PUT of an existing version updates it: it was published once (its date and replication stay when nothing moved).
        boolean same = previous != null && storage.equals(Json.at(previous, "properties/storageProfile"))
                && regions.equals(Json.at(previous, "properties/publishingProfile/targetRegions"));
        Instant now = same ? Instant.parse(Json.str(previous, "properties/publishingProfile/publishedDate")) : p.now();
        long longest = 0;
        for (JsonNode t : regions) longest = Math.max(longest, replicationSeconds(t));
        String id = versionId(q);
        ObjectNode version = Json.o("id", id, "name", q.param("name"), "type", VERSION, "location", location,
                "tags", body.has("tags") ? body.get("tags") : null,
                "properties", Json.o("publishingProfile", Json.o("targetRegions", regions, "replicaCount", replicaCount,
                                "publishedDate", now.toString(), "storageAccountType", sat,
                                "excludeFromLatest", pp != null && pp.path("excludeFromLatest").asBoolean(false)),
                        "storageProfile", storage,
                        "safetyProfile", Json.o("allowDeletionOfReplicatedLocations",
                                body.path("properties").path("safetyProfile").path("allowDeletionOfReplicatedLocations").asBoolean(true),
                                "reportedForPolicyViolation", false, "blockDeletionBeforeEndOfLife", false),
                        "provisioningState", "Creating"));
        boolean created = p.store.get(id) == null;
        p.store.put(version);
        return p.lro.put(q, "Microsoft.Compute", PUT_CODES, created, version, same ? Duration.ZERO : Duration.ofSeconds(longest), null);
    }

    /** Generalized/specialized, Hyper-V generation and purchase plan must agree between definition and source. */
    private void checkCompatible(ObjectNode image, ObjectNode source) {
        String srcGen = Json.str(source, "properties/hyperVGeneration");
        String defGen = Json.str(image, "properties/hyperVGeneration");
        if (srcGen != null && defGen != null && !srcGen.equalsIgnoreCase(defGen)) {
            throw ApiError.badRequest("InvalidParameter", "The Hyper-V generation of the source (" + srcGen
                    + ") does not match the image definition's (" + defGen + ").");
        }
        // A TrustedLaunchSupported definition takes no snapshot (nor disk or VM) source: Compute answers InvalidParameter "The
        // security type 'TrustedLaunchSupported' is not supported for the source id '<id>'. Currently only Vhd Blob, User Image and
        // Gallery Image Version sources are supported for 'TrustedLaunchSupported' images." (reported verbatim with a VM source in
        // hashicorp/packer-plugin-azure#304, 2023-06-21; read 2026-12-07).
        String security = null;
        for (JsonNode f : image.path("properties").path("features")) {
            if ("SecurityType".equalsIgnoreCase(f.path("name").asText())) security = f.path("value").asText(null);
        }
        String sourceType = String.valueOf(Ids.typeOf(source.path("id").asText())).toLowerCase(java.util.Locale.ROOT);
        boolean supportedSource = sourceType.equals("microsoft.compute/images") || sourceType.equals("microsoft.compute/galleries/images/versions");
        if ("TrustedLaunchSupported".equalsIgnoreCase(security) && !supportedSource) {
            throw ApiError.badRequest("InvalidParameter", "The security type 'TrustedLaunchSupported' is not supported for the source id '"
                    + source.path("id").asText() + "'. Currently only Vhd Blob, User Image and Gallery Image Version sources are "
                    + "supported for 'TrustedLaunchSupported' images.");
        }
        if (Json.at(source, "properties/purchasePlan") != null && Json.at(image, "properties/purchasePlan") == null) {
            throw ApiError.badRequest("InvalidParameter", "The source was created from a Marketplace image with a purchase plan; "
                    + "the image definition must carry the same purchasePlan (publisher, product, name).");
        }
    }

    private ObjectNode source(String id, String location) {
        ObjectNode src = p.store.get(Arm.norm(id));
        if (src == null) throw new ApiError(404, "NotFound", "The source '" + id + "' of the image version was not found.");
        if (!Ids.location(src.path("location").asText()).equals(location)) {
            throw ApiError.badRequest("InvalidParameter", "The source '" + id + "' must be in the image version's region '" + location + "'.");
        }
        return src;
    }

    /** Replication at demo pace: 10 s per region plus 5 s per replica. */
    static long replicationSeconds(JsonNode targetRegion) {
        return 10 + 5L * targetRegion.path("regionalReplicaCount").asInt(1);
    }

    private ObjectNode view(ObjectNode version, Request q) {
        ObjectNode out = version.deepCopy();
        String expand = q.query("$expand");
        if (expand == null || !expand.equalsIgnoreCase("ReplicationStatus")) return out;
        Instant start = Instant.parse(Json.str(version, "properties/publishingProfile/publishedDate"));
        double elapsed = Duration.between(start, p.now()).toMillis() / 1000.0;
        ArrayNode summary = Json.a();
        boolean all = true;
        for (JsonNode t : Json.at(version, "properties/publishingProfile/targetRegions")) {
            double need = p.lro.scaled(Duration.ofSeconds(replicationSeconds(t))).toMillis() / 1000.0;
            int progress = need <= 0 ? 100 : (int) Math.min(100, Math.floor(elapsed * 100 / need));
            all &= progress >= 100;
            summary.add(Json.o("region", t.path("name").asText(), "state", progress >= 100 ? "Completed" : "Replicating",
                    "details", "", "progress", progress));
        }
        Json.props(out).set("replicationStatus", Json.o("aggregatedState", all ? "Completed" : "InProgress", "summary", summary));
        return out;
    }

    private Response delete(Request q, String id, String childType) {
        Arm.requireGroup(p, q.param("sub"), q.param("rg"));
        ObjectNode n = p.store.get(id);
        if (n == null) return Response.empty(204);
        if (childType != null && !p.store.list(id, childType).isEmpty()) {
            throw new ApiError(409, "CannotDeleteResource", "Can not delete resource before nested resources are deleted.");
        }
        return p.lro.delete(q, "Microsoft.Compute", DisksApi.DELETE_CODES, n, Duration.ofSeconds(3), () -> p.store.remove(id));
    }
}
