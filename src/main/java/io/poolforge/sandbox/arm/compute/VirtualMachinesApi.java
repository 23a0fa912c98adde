package io.poolforge.sandbox.arm.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.http.Request;
import io.poolforge.sandbox.http.Response;
import io.poolforge.sandbox.http.Router;
import io.poolforge.sandbox.state.Ids;
import io.poolforge.sandbox.state.Paging;
import io.poolforge.sandbox.state.Platform;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Microsoft.Compute/virtualMachines: list (paged), get, instance view. Read-only, like the wizard needs. */
public final class VirtualMachinesApi {
    public static final String TYPE = "Microsoft.Compute/virtualMachines";
    private static final String RG = "/subscriptions/(?<sub>[^/]+)/resourceGroups/(?<rg>[^/]+)/providers/Microsoft\\.Compute/virtualMachines";

    /** Power state and Hyper-V generation, which live in the instance view. */
    record Runtime(String powerState, boolean gen2) {
    }

    private final Platform p;
    private final Map<String, Runtime> runtime = new ConcurrentHashMap<>();
    /** VMs marked generalized (POST .../generalize, or a scenario): their instance view says OSState/generalized. */
    private final java.util.Set<String> generalized = ConcurrentHashMap.newKeySet();

    public VirtualMachinesApi(Platform p) {
        this.p = p;
    }

    public void setRuntime(String vmId, String powerState, boolean gen2) {
        runtime.put(Ids.lc(vmId), new Runtime(powerState, gen2));
    }

    /** Marks a VM generalized, as "Virtual Machines - Generalize" does. */
    public void markGeneralized(String vmId) {
        generalized.add(Ids.lc(vmId));
    }

    public void register(Router r) {
        Router.Plane arm = Router.Plane.ARM;
        r.add("vm-list-all", "GET", "/subscriptions/(?<sub>[^/]+)/providers/Microsoft\\.Compute/virtualMachines", arm,
                q -> list(q, Ids.sub(q.param("sub"))));
        r.add("vm-list", "GET", RG, arm, q -> list(q, Ids.rg(q.param("sub"), q.param("rg"))));
        r.add("vm-get", "GET", RG + "/(?<name>[^/]+)", arm, this::get);
        r.add("vm-instance-view", "GET", RG + "/(?<name>[^/]+)/instanceView", arm,
                q -> Response.ok(instanceView(find(q))));
        // "Virtual Machines - Generalize": POST .../generalize, 200 with no body.
        r.add("vm-generalize", "POST", RG + "/(?<name>[^/]+)/generalize", arm, q -> {
            markGeneralized(find(q).path("id").asText());
            return Response.empty(200);
        });
    }

    private Response list(Request q, String scope) {
        if (p.store.get(scope) == null) {
            throw Ids.rgOf(scope) == null
                    ? new ApiError(404, "SubscriptionNotFound", "The subscription '" + Ids.subOf(scope) + "' could not be found.")
                    : new ApiError(404, "ResourceGroupNotFound", "Resource group '" + Ids.rgOf(scope) + "' could not be found.");
        }
        boolean status = "true".equalsIgnoreCase(q.query("statusOnly"));
        // The page is written out in this handler, under the sandbox's lock, and nothing changes a VM in between: the
        // stored VMs go in as they are (the deep copy of each of the 50 VMs of a page was ~45 MB of the sandbox's ~230 MB
        // of garbage while listing 10,001 VMs, and part of its CPU; PF-21, docs/BENCHMARKS.md).
        return Response.ok(Paging.arm(q, p.store.list(scope, TYPE), p.vmPageSize, vm -> status ? withInstanceView(vm) : vm));
    }

    private ObjectNode find(Request q) {
        String id = Ids.res(q.param("sub"), q.param("rg"), TYPE, q.param("name"));
        ObjectNode vm = p.store.get(id);
        if (vm == null) {
            if (p.store.get(Ids.rg(q.param("sub"), q.param("rg"))) == null) {
                throw new ApiError(404, "ResourceGroupNotFound", "Resource group '" + q.param("rg") + "' could not be found.");
            }
            throw ApiError.notFound(TYPE, q.param("name"), q.param("rg"));
        }
        return vm;
    }

    private Response get(Request q) {
        ObjectNode vm = find(q);
        String expand = q.query("$expand");
        if (expand != null && expand.toLowerCase(Locale.ROOT).contains("instanceview")) return Response.ok(withInstanceView(vm));
        ObjectNode out = vm.deepCopy();
        if (expand != null && expand.equalsIgnoreCase("userData")) Json.props(out).put("userData", "IyEvYmluL2Jhc2gKZWNobyBzYW5kYm94Cg==");
        return Response.ok(out);
    }

    /** The VM with its instance view as the last of its properties; the stored VM is left as it is (only the two levels changed are copied). */
    private ObjectNode withInstanceView(ObjectNode vm) {
        ObjectNode out = vm.objectNode();
        out.setAll(vm);
        ObjectNode props = vm.objectNode();
        if (vm.get("properties") instanceof ObjectNode stored) props.setAll(stored);
        props.set("instanceView", instanceView(vm));
        out.set("properties", props);
        return out;
    }

    ObjectNode instanceView(ObjectNode vm) {
        Runtime rt = runtime.get(Ids.lc(vm.path("id").asText()));
        if (rt == null) {
            String sku = Json.str(vm, "properties/storageProfile/imageReference/sku");
            rt = new Runtime("running", sku != null && sku.toLowerCase(Locale.ROOT).matches(".*(gen2|-g2|server).*"));
        }
        return ComputePayloads.instanceView(vm, rt.powerState(), rt.gen2(), generalized.contains(Ids.lc(vm.path("id").asText())));
    }
}
