package io.poolforge.sandbox.arm.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.poolforge.sandbox.http.Json;
import java.util.List;

/**
 * The resource providers the sandbox emulates, with the resource types it serves and API versions ARM lists for them
 * (newest first, as {@code GET /subscriptions/{id}/providers/{namespace}} answers; generic clients such as
 * {@code az resource show --ids} pick the newest stable one). The sandbox accepts any well-formed api-version.
 */
final class Providers {
    static final List<String> NAMESPACES = List.of("Microsoft.Batch", "Microsoft.Compute", "Microsoft.Resources");
    private static final List<String> LOCATIONS = List.of("East US", "West Europe", "West US 2", "North Europe");

    private Providers() {
    }

    static ArrayNode resourceTypes(String ns) {
        ArrayNode out = Json.a();
        switch (ns) {
            case "Microsoft.Batch" -> {
                String[] v = {"2024-07-01", "2024-02-01", "2023-11-01", "2023-05-01", "2022-10-01", "2022-06-01", "2022-01-01"};
                for (String t : new String[] {"batchAccounts", "batchAccounts/pools", "locations", "locations/quotas",
                    "locations/virtualMachineSkus", "locations/operationResults", "operations"}) {
                    out.add(type(t, v));
                }
            }
            case "Microsoft.Compute" -> {
                String[] vm = {"2024-07-01", "2024-03-01", "2023-09-01", "2023-03-01", "2022-11-01", "2022-08-01", "2022-03-01", "2021-11-01"};
                String[] disk = {"2024-03-02", "2023-10-02", "2023-04-02", "2023-01-02", "2022-07-02", "2022-03-02", "2021-12-01"};
                String[] gallery = {"2024-03-03", "2023-07-03", "2022-08-03", "2022-03-03", "2022-01-03", "2021-10-01", "2021-07-01"};
                out.add(type("virtualMachines", vm));
                out.add(type("images", vm));
                out.add(type("locations", vm));
                out.add(type("locations/operations", vm));
                out.add(type("locations/vmSizes", vm));
                out.add(type("locations/usages", vm));
                out.add(type("disks", disk));
                out.add(type("snapshots", disk));
                out.add(type("galleries", gallery));
                out.add(type("galleries/images", gallery));
                out.add(type("galleries/images/versions", gallery));
            }
            case "Microsoft.Resources" -> {
                String[] v = {"2022-09-01", "2021-04-01", "2021-01-01", "2020-10-01", "2020-06-01", "2019-10-01"};
                for (String t : new String[] {"deployments", "deployments/operations", "resourceGroups", "subscriptions",
                    "subscriptions/resourceGroups", "subscriptions/providers", "tenants", "providers", "resources"}) {
                    out.add(type(t, v));
                }
            }
            default -> {
            }
        }
        return out;
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode type(String name, String[] versions) {
        return Json.o("resourceType", name, "locations", LOCATIONS, "apiVersions", List.of(versions),
                "defaultApiVersion", versions[0], "capabilities", "None");
    }
}
