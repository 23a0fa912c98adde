package io.poolforge.sandbox.scenarios;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.arm.compute.ComputePayloads;
import io.poolforge.sandbox.arm.compute.DisksApi;
import io.poolforge.sandbox.arm.compute.ImagesApi;
import io.poolforge.sandbox.arm.compute.VirtualMachinesApi;
import io.poolforge.sandbox.arm.gallery.GalleryApi;
import io.poolforge.sandbox.arm.resources.ResourceManagerApi;
import io.poolforge.sandbox.batch.engine.PoolRules;
import io.poolforge.sandbox.batch.engine.PoolRun;
import io.poolforge.sandbox.batch.management.BatchAccountsApi;
import io.poolforge.sandbox.batch.management.BatchPools;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.state.Ids;
import io.poolforge.sandbox.state.LroEngine;
import io.poolforge.sandbox.state.LroStyle;
import io.poolforge.sandbox.state.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds a scenario's resources straight into the store (no HTTP, no rules: seeded state may predate them). */
public final class Estate {
    final Platform p;
    final VirtualMachinesApi vms;
    final BatchPools pools;
    final Instant t0;

    public Estate(Platform p, VirtualMachinesApi vms, BatchPools pools) {
        this.p = p;
        this.vms = vms;
        this.pools = pools;
        this.t0 = p.now();
    }

    Instant daysAgo(int days) {
        return t0.minus(Duration.ofDays(days));
    }

    void subscription(String sub, String name, boolean batchRegistered) {
        p.store.put(ResourceManagerApi.subscriptionJson(sub, p.tenant, name));
        if (batchRegistered) p.batchRegistered.add(sub.toLowerCase(Locale.ROOT));
    }

    void group(String sub, String rg, String location) {
        p.store.put(ResourceManagerApi.rg(Ids.rg(sub, rg), location));
    }

    /** A VM with its managed OS and data disks and its instance view. */
    ObjectNode vm(ComputePayloads.VmSpec s) {
        ObjectNode vm = ComputePayloads.vm(s);
        p.store.put(vm);
        vms.setRuntime(vm.path("id").asText(), s.powerState(), s.gen2());
        if (s.managed()) {
            String osDiskId = Json.str(vm, "properties/storageProfile/osDisk/managedDisk/id");
            p.store.put(ComputePayloads.disk(osDiskId, s.location(), s.osType(), s.gen2(), s.image(), s.plan(),
                    Json.integer(vm, "properties/storageProfile/osDisk/diskSizeGB", 30), vm.path("id").asText(), s.securityType(),
                    s.encryptedOs(), s.created()));
            for (var d : vm.path("properties").path("storageProfile").path("dataDisks")) {
                p.store.put(ComputePayloads.disk(Json.str(d, "managedDisk/id"), s.location(), null, false, null, null,
                        d.path("diskSizeGB").asInt(), vm.path("id").asText(), null, false, s.created()));
            }
        }
        return vm;
    }

    String osDiskOf(ObjectNode vm) {
        return Json.str(vm, "properties/storageProfile/osDisk/managedDisk/id");
    }

    ObjectNode snapshot(String sub, String rg, String name, String sourceId, Instant created) {
        ObjectNode src = p.store.get(sourceId);
        ObjectNode snap = ComputePayloads.snapshot(Ids.res(sub, rg, DisksApi.SNAPSHOT, name), src.path("location").asText(), src, sourceId,
                created, Json.o("createdBy", "PoolForge"));
        Json.props(snap).put("provisioningState", "Succeeded");
        p.store.put(snap);
        return snap;
    }

    ObjectNode managedImage(String sub, String rg, String name, String snapshotId) {
        ObjectNode snap = p.store.get(snapshotId);
        ObjectNode img = Json.o("id", Ids.res(sub, rg, ImagesApi.TYPE, name), "name", name, "type", ImagesApi.TYPE,
                "location", snap.path("location").asText(), "tags", Json.o(),
                "properties", Json.o("storageProfile", Json.o("osDisk", Json.o("osType", Json.str(snap, "properties/osType"),
                                "snapshot", Json.o("id", snapshotId), "osState", "Generalized", "caching", "ReadWrite",
                                "storageAccountType", "Standard_LRS", "diskSizeGB", Json.integer(snap, "properties/diskSizeGB", 30)),
                        "dataDisks", Json.a(), "zoneResilient", false),
                        "provisioningState", "Succeeded", "hyperVGeneration", Json.str(snap, "properties/hyperVGeneration")));
        p.store.put(img);
        return img;
    }

    ObjectNode gallery(String sub, String rg, String name, String location, String description) {
        ObjectNode g = Json.o("id", Ids.res(sub, rg, GalleryApi.GALLERY, name), "name", name, "type", GalleryApi.GALLERY, "location", location,
                "properties", Json.o("description", description, "identifier", Json.o("uniqueName", sub + "-" + name.toUpperCase(Locale.ROOT)),
                        "provisioningState", "Succeeded"));
        p.store.put(g);
        return g;
    }

    ObjectNode galleryImage(ObjectNode gallery, String name, String osType, String osState, String gen, String publisher, String offer,
                            String sku, ComputePayloads.Plan plan) {
        String id = gallery.path("id").asText() + "/images/" + name;
        ObjectNode props = Json.o("osType", osType, "osState", osState, "hyperVGeneration", gen,
                "identifier", Json.o("publisher", publisher, "offer", offer, "sku", sku), "architecture", "x64",
                "provisioningState", "Succeeded");
        if (plan != null) props.set("purchasePlan", Json.o("name", plan.name(), "publisher", plan.publisher(), "product", plan.product()));
        ObjectNode img = Json.o("id", id, "name", name, "type", GalleryApi.IMAGE, "location", gallery.path("location").asText(), "properties", props);
        p.store.put(img);
        return img;
    }

    /** A replicated version built from an OS snapshot; {@code replicas} maps region → replica count. */
    ObjectNode galleryVersion(ObjectNode image, String version, String osSnapshotId, Map<String, Integer> replicas) {
        ObjectNode snap = p.store.get(osSnapshotId);
        ArrayNode regions = Json.a();
        replicas.forEach((region, n) -> regions.add(Json.o("name", region, "regionalReplicaCount", n, "storageAccountType", "Standard_LRS",
                "excludeFromLatest", false)));
        ObjectNode v = Json.o("id", image.path("id").asText() + "/versions/" + version, "name", version, "type", GalleryApi.VERSION,
                "location", image.path("location").asText(),
                "properties", Json.o("publishingProfile", Json.o("targetRegions", regions, "replicaCount", 1,
                                "publishedDate", daysAgo(20).toString(), "storageAccountType", "Standard_LRS", "excludeFromLatest", false),
                        "storageProfile", Json.o("osDiskImage", Json.o("source", Json.o("id", osSnapshotId),
                                "sizeInGB", Json.integer(snap, "properties/diskSizeGB", 30), "hostCaching", "ReadWrite"), "dataDiskImages", Json.a()),
                        "safetyProfile", Json.o("allowDeletionOfReplicatedLocations", true, "reportedForPolicyViolation", false,
                                "blockDeletionBeforeEndOfLife", false),
                        "provisioningState", "Succeeded"));
        p.store.put(v);
        return v;
    }

    ObjectNode account(String sub, String rg, String name, String location, String mode, int dedicated, int low, int poolQuota,
                       Map<String, Integer> perFamily) {
        ObjectNode a = BatchAccountsApi.account(p, sub, rg, name, location, mode, dedicated, low, poolQuota, perFamily);
        p.store.put(a);
        return a;
    }

    /** A pool that has existed for a while: created and resized {@code days} ago, so it is settled by now. */
    ObjectNode pool(ObjectNode account, String name, String vmSize, ObjectNode imageReference, String agent, int dedicated, int low,
                    ObjectNode extraProperties, int days) {
        Instant created = daysAgo(days);
        ObjectNode props = Json.o("displayName", name, "lastModified", created.toString(), "creationTime", created.toString(),
                "provisioningState", "Succeeded", "provisioningStateTransitionTime", created.toString(),
                "allocationState", "Steady", "allocationStateTransitionTime", created.toString(), "vmSize", vmSize,
                "interNodeCommunication", "Disabled", "taskSlotsPerNode", 1, "taskSchedulingPolicy", Json.o("nodeFillType", "Spread"),
                "deploymentConfiguration", Json.o("virtualMachineConfiguration", Json.o("imageReference", imageReference, "nodeAgentSkuId", agent)),
                "scaleSettings", Json.o("fixedScale", Json.o("resizeTimeout", "PT15M", "targetDedicatedNodes", dedicated,
                        "targetLowPriorityNodes", low)),
                "currentDedicatedNodes", 0, "currentLowPriorityNodes", 0);
        if (extraProperties != null) props.setAll(extraProperties);
        ObjectNode pool = Json.o("name", name, "type", BatchPools.TYPE, "id", account.path("id").asText() + "/pools/" + name,
                "etag", BatchPools.etag(created), "properties", props);
        p.store.put(pool);
        PoolRun run = pools.run(pool);
        PoolRules rules = new PoolRules(p);
        PoolRules.ImageFacts facts;
        try {
            facts = rules.checkImage(account, Json.at(pool, "properties/deploymentConfiguration/virtualMachineConfiguration"));
        } catch (ApiError e) {
            facts = null;
        }
        List<PoolRun> all = new java.util.ArrayList<>();
        pools.runs().forEach(all::add);
        PoolRules.Plan plan = rules.plan(run, account, facts, agent, dedicated, low, all);
        props.set("resizeOperationStatus", Json.o("targetDedicatedNodes", dedicated, "targetLowPriorityNodes", low, "resizeTimeout", "PT15M",
                "nodeDeallocationOption", "Requeue", "startTime", created.toString()));
        // Seeded at demo pace and back-dated, so it is settled whatever the time scale.
        run.resize(created, new LroEngine(p.clock, Math.max(1, p.timeScale), LroStyle.AUTO), plan.dedicated(), plan.lowPriority(),
                plan.errors(), plan.nodeFinalState());
        run.refresh(p.now());
        return pool;
    }
}
