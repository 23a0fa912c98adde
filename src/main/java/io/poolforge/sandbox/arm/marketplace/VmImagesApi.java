package io.poolforge.sandbox.arm.marketplace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.arm.Arm;
import io.poolforge.sandbox.batch.engine.Catalog;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.http.Request;
import io.poolforge.sandbox.http.Response;
import io.poolforge.sandbox.http.Router;
import io.poolforge.sandbox.state.Ids;
import io.poolforge.sandbox.state.Platform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Compute's Marketplace catalogue, "Virtual Machine Images" (PF-16 second pass), for the images of {@link Catalog}:
 * <ul>
 *   <li>List: {@code GET /subscriptions/{sub}/providers/Microsoft.Compute/locations/{location}/publishers/{publisherName}/
 *   artifacttypes/vmimage/offers/{offer}/skus/{skus}/versions?$top&$orderby}, 200 with a bare array of
 *   VirtualMachineImageResource ({@code name}, {@code location}, {@code id}), as VirtualMachineImage_List_MaximumSet_Gen shows;</li>
 *   <li>Get: {@code .../versions/{version}}, 200 with a VirtualMachineImage whose {@code properties} carry
 *   {@code osDiskImage.operatingSystem}, {@code hyperVGeneration} (V1/V2), {@code architecture} and {@code dataDiskImages},
 *   as VirtualMachineImage_Get_MaximumSet_Gen shows.</li>
 * </ul>
 * (Compute REST, ComputeRP stable 2025-04-01 examples, Azure/azure-rest-api-specs, read 2026-12-07.) A generation with no
 * source is left out ({@link Catalog.SupportedImage#hyperVGeneration()}), never invented. An unknown image or version is
 * Compute's 404 {@code NotFound} "Artifact: VMImage was not found." (as Get-AzVMImageSku and az report it in public
 * reports, e.g. "ErrorCode: NotFound / ErrorMessage: Artifact: VMImage was not found. / StatusCode: 404", read 2026-12-07).
 */
public final class VmImagesApi {
    private static final String BASE = Arm.SUB + "/providers/Microsoft\\.Compute/locations/(?<loc>[^/]+)/publishers/(?<pub>[^/]+)"
            + "/artifacttypes/vmimage/offers/(?<offer>[^/]+)/skus/(?<sku>[^/]+)/versions";

    private final Platform p;

    public VmImagesApi(Platform p) {
        this.p = p;
    }

    public void register(Router r) {
        Router.Plane arm = Router.Plane.ARM;
        r.add("vmimage-versions", "GET", BASE, arm, this::list);
        r.add("vmimage-get", "GET", BASE + "/(?<version>[^/]+)", arm, this::get);
    }

    private Catalog.SupportedImage image(Request q) {
        String sub = q.param("sub");
        if (p.store.get(Ids.sub(sub)) == null) {
            throw new ApiError(404, "SubscriptionNotFound", "The subscription '" + sub + "' could not be found.");
        }
        return Stream.concat(Catalog.IMAGES.stream(), Catalog.COMPUTE_ONLY.stream())
                .filter(i -> i.publisher().equalsIgnoreCase(q.param("pub")) && i.offer().equalsIgnoreCase(q.param("offer"))
                        && i.sku().equalsIgnoreCase(q.param("sku")))
                .findFirst().orElseThrow(VmImagesApi::notFound);
    }

    private static ApiError notFound() {
        return new ApiError(404, "NotFound", "Artifact: VMImage was not found.");
    }

    private String id(Request q, Catalog.SupportedImage i, String version) {
        // Compute spells the id with capitalised segments ("/Subscriptions/.../Providers/Microsoft.Compute/Locations/...").
        return "/Subscriptions/" + q.param("sub") + "/Providers/Microsoft.Compute/Locations/" + q.param("loc").toLowerCase(Locale.ROOT)
                + "/Publishers/" + i.publisher() + "/ArtifactTypes/VMImage/Offers/" + i.offer() + "/Skus/" + i.sku() + "/Versions/" + version;
    }

    private Response list(Request q) {
        Catalog.SupportedImage i = image(q);
        List<String> versions = new ArrayList<>(i.versions());
        String order = q.query("$orderby");
        if (order != null && order.trim().toLowerCase(Locale.ROOT).matches("name\\s+desc")) versions.sort(Comparator.reverseOrder());
        else versions.sort(Comparator.naturalOrder());
        String top = q.query("$top");
        if (top != null) {
            try {
                int n = Integer.parseInt(top.trim());
                if (n >= 0 && n < versions.size()) versions = versions.subList(0, n);
            } catch (NumberFormatException e) {
                throw new ApiError(400, "InvalidParameter", "The value of parameter $top is invalid.");
            }
        }
        ArrayNode out = Json.a();
        for (String v : versions) out.add(Json.o("name", v, "location", q.param("loc").toLowerCase(Locale.ROOT), "id", id(q, i, v)));
        return Response.ok(out);
    }

    private Response get(Request q) {
        Catalog.SupportedImage i = image(q);
        String v = i.versions().stream().filter(x -> x.equalsIgnoreCase(q.param("version"))).findFirst().orElseThrow(VmImagesApi::notFound);
        ObjectNode props = Json.o(
                "osDiskImage", Json.o("operatingSystem", "windows".equals(i.osType()) ? "Windows" : "Linux"),
                "dataDiskImages", Json.a(),
                "automaticOSUpgradeProperties", Json.o("automaticOSUpgradeSupported", false),
                "hyperVGeneration", i.hyperVGeneration(),
                "architecture", "x64");
        return Response.ok(Json.o("properties", props, "name", v, "location", q.param("loc").toLowerCase(Locale.ROOT), "id", id(q, i, v)));
    }
}
