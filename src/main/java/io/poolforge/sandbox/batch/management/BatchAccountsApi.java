package io.poolforge.sandbox.batch.management;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.arm.Arm;
import io.poolforge.sandbox.batch.engine.Catalog;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.http.Response;
import io.poolforge.sandbox.http.Router;
import io.poolforge.sandbox.state.Ids;
import io.poolforge.sandbox.state.Paging;
import io.poolforge.sandbox.state.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Microsoft.Batch accounts (read), location quotas and the VM SKUs Batch supports per location. */
public final class BatchAccountsApi {
    public static final String TYPE = "Microsoft.Batch/batchAccounts";
    private static final String LOC = Arm.SUB + "/providers/Microsoft\\.Batch/locations/(?<loc>[^/]+)";

    private final Platform p;

    public BatchAccountsApi(Platform p) {
        this.p = p;
    }

    public void register(Router r) {
        Router.Plane arm = Router.Plane.ARM;
        r.add("batch-account-list-all", "GET", Arm.SUB + "/providers/Microsoft\\.Batch/batchAccounts", arm, q -> {
            Arm.requireGroup(p, q.param("sub"), null);
            return Response.ok(Paging.arm(q, p.store.list(Ids.sub(q.param("sub")), TYPE), p.pageSize, ObjectNode::deepCopy));
        });
        r.add("batch-account-list", "GET", Arm.RG + "/providers/Microsoft\\.Batch/batchAccounts", arm, q -> {
            Arm.requireGroup(p, q.param("sub"), q.param("rg"));
            return Response.ok(Paging.arm(q, p.store.list(Ids.rg(q.param("sub"), q.param("rg")), TYPE), p.pageSize, ObjectNode::deepCopy));
        });
        r.add("batch-account-get", "GET", Arm.RG + "/providers/Microsoft\\.Batch/batchAccounts/(?<name>[^/]+)", arm,
                q -> Response.ok(Arm.find(p, q.param("sub"), q.param("rg"), TYPE, q.param("name")).deepCopy()));
        r.add("batch-location-quotas", "GET", LOC + "/quotas", arm, q -> {
            Arm.requireGroup(p, q.param("sub"), null);
            return Response.ok(Json.o("accountQuota", 3));
        });
        r.add("batch-location-vm-skus", "GET", LOC + "/virtualMachineSkus", arm, q -> {
            Arm.requireGroup(p, q.param("sub"), null);
            List<ObjectNode> skus = new ArrayList<>();
            for (Catalog.VmSize s : Catalog.SIZES) skus.add(Catalog.skuJson(s));
            String max = q.query("maxresults");
            int size = max != null && max.matches("\\d+") ? Integer.parseInt(max) : p.pageSize;
            return Response.ok(Paging.arm(q, skus, size, ObjectNode::deepCopy));
        });
    }

    /** A Batch account; quotas are shown in BatchService mode only (UserSubscription uses the subscription's). */
    public static ObjectNode account(Platform p, String sub, String rg, String name, String location, String mode, int dedicated, int lowPriority,
                              int pools, Map<String, Integer> perFamily) {
        String id = Ids.res(sub, rg, TYPE, name);
        ObjectNode props = Json.o("accountEndpoint", p.base.substring("https://".length()) + "/batch/" + name,
                "nodeManagementEndpoint", p.base.substring("https://".length()) + "/batch/" + name + "/nodemanagement",
                "activeJobAndJobScheduleQuota", 100,
                "autoStorage", Json.o("lastKeySync", p.now().minusSeconds(86400 * 30).toString(), "storageAccountId",
                        Ids.res(sub, rg, "Microsoft.Storage/storageAccounts", "st" + name), "authenticationMode", "StorageKeys"),
                "poolAllocationMode", mode, "poolQuota", pools, "provisioningState", "Succeeded", "publicNetworkAccess", "Enabled",
                "allowedAuthenticationModes", Json.a("AAD", "TaskAuthenticationToken"));
        if ("BatchService".equals(mode)) {
            props.put("dedicatedCoreQuota", dedicated);
            props.put("lowPriorityCoreQuota", lowPriority);
            ArrayNode fam = Json.a();
            perFamily.forEach((f, c) -> fam.add(Json.o("name", f, "coreQuota", c)));
            props.set("dedicatedCoreQuotaPerVMFamily", fam);
            props.put("dedicatedCoreQuotaPerVMFamilyEnforced", !perFamily.isEmpty());
        } else {
            props.set("keyVaultReference", Json.o("id", Ids.res(sub, rg, "Microsoft.KeyVault/vaults", "kv-" + name),
                    "url", "https://kv-" + name + ".vault.azure.net/"));
        }
        return Json.o("name", name, "type", TYPE, "id", id, "identity", Json.o("type", "None"), "location", location, "properties", props);
    }
}
