package io.poolforge.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * THE pool request body (PF-16): the one builder the runner's Batch management client, the wizard, {@code poolforge run} and
 * all four exports (az script, PowerShell, ARM template, pool JSON) take, so they cannot drift. Plain JDK maps and lists
 * (the domain imports nothing else); callers serialize them with their JSON library. A test validates every body against
 * Microsoft's OpenAPI definition of the api-version it names ({@link #MANAGEMENT_API_VERSION}, {@link #DATA_PLANE_API_VERSION}).
 */
public final class PoolBody {
    /**
     * The Batch management api-version of pool create/get/list/update/stopResize/delete: the newest stable version in
     * Azure/azure-rest-api-specs specification/batch/resource-manager/Microsoft.Batch/stable (docs/DECISIONS.md, PF-16).
     */
    public static final String MANAGEMENT_API_VERSION = "2025-06-01";
    /** The Batch service (data plane) api-version of "Pool - Add" ({@code az batch pool create --json-file}). */
    public static final String DATA_PLANE_API_VERSION = "2024-07-01.20.0";

    private PoolBody() {
    }

    /**
     * {@code properties} of Microsoft.Batch/batchAccounts/pools (PoolProperties): displayName, vmSize,
     * deploymentConfiguration.virtualMachineConfiguration {imageReference, nodeAgentSkuId, securityProfile?}, scaleSettings.fixedScale,
     * metadata (sorted by name; omitted when empty).
     */
    public static Map<String, Object> managementProperties(PoolPlan plan, Map<String, String> metadata) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("displayName", plan.displayName() == null ? plan.poolId() : plan.displayName());
        props.put("vmSize", plan.vmSize());
        Map<String, Object> vmc = new LinkedHashMap<>();
        Map<String, Object> ref = new LinkedHashMap<>();
        if (plan.marketplace()) marketplace(ref, plan.marketplaceImage()); else ref.put("id", plan.imageId());
        vmc.put("imageReference", ref);
        vmc.put("nodeAgentSkuId", plan.nodeAgentSkuId());
        Map<String, Object> security = securityProfile(plan.securityProfile());
        if (security != null) vmc.put("securityProfile", security);
        props.put("deploymentConfiguration", Map.of("virtualMachineConfiguration", vmc));
        props.put("scaleSettings", Map.of("fixedScale", fixedScale(plan.targetDedicatedNodes(), plan.targetLowPriorityNodes(),
                plan.resizeTimeout().toString())));
        List<Map<String, Object>> items = metadataItems(metadata);
        if (!items.isEmpty()) props.put("metadata", items);
        return props;
    }

    /** The management-plane request body of Pool_Create: {@code {"properties": {...}}}. */
    public static Map<String, Object> management(PoolPlan plan, Map<String, String> metadata) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("properties", managementProperties(plan, metadata));
        return body;
    }

    /**
     * The management-plane body of a resize (Pool_Update, PATCH): {@code scaleSettings} only, so nothing else of the pool is
     * rewritten ("Pool - Update": properties in the body replace the pool's; PoolUpdate_ResizePool example).
     */
    public static Map<String, Object> resize(int targetDedicated, int targetLowPriority, String resizeTimeout) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("scaleSettings", Map.of("fixedScale", fixedScale(targetDedicated, targetLowPriority, resizeTimeout)));
        return Map.of("properties", props);
    }

    /** The Batch service's "Pool - Add" body (PoolAddParameter): {@code virtualMachineImageId}, {@code nodeAgentSKUId}. */
    public static Map<String, Object> dataPlane(PoolPlan plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", plan.poolId());
        body.put("displayName", plan.displayName() == null ? plan.poolId() : plan.displayName());
        body.put("vmSize", plan.vmSize());
        Map<String, Object> vmc = new LinkedHashMap<>();
        Map<String, Object> ref = new LinkedHashMap<>();
        // A gallery image definition's id (no version) means its latest version, on both planes.
        if (plan.marketplace()) marketplace(ref, plan.marketplaceImage()); else ref.put("virtualMachineImageId", plan.imageId());
        vmc.put("imageReference", ref);
        vmc.put("nodeAgentSKUId", plan.nodeAgentSkuId());
        Map<String, Object> security = securityProfile(plan.securityProfile());
        if (security != null) vmc.put("securityProfile", security);
        body.put("virtualMachineConfiguration", vmc);
        body.put("resizeTimeout", plan.resizeTimeout().toString());
        body.put("targetDedicatedNodes", plan.targetDedicatedNodes());
        body.put("targetLowPriorityNodes", plan.targetLowPriorityNodes());
        return body;
    }

    /** {@code securityProfile} {securityType, uefiSettings {secureBootEnabled, vTpmEnabled}?}; null for none. */
    public static Map<String, Object> securityProfile(PoolSecurityProfile p) {
        if (p == null) return null;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("securityType", p.securityType());
        if (p.secureBootEnabled() != null || p.vTpmEnabled() != null) {
            Map<String, Object> uefi = new LinkedHashMap<>();
            if (p.secureBootEnabled() != null) uefi.put("secureBootEnabled", p.secureBootEnabled());
            if (p.vTpmEnabled() != null) uefi.put("vTpmEnabled", p.vTpmEnabled());
            out.put("uefiSettings", uefi);
        }
        return out;
    }

    private static Map<String, Object> fixedScale(int dedicated, int lowPriority, String timeout) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("targetDedicatedNodes", dedicated);
        fixed.put("targetLowPriorityNodes", lowPriority);
        if (timeout != null) fixed.put("resizeTimeout", timeout);
        return fixed;
    }

    private static void marketplace(Map<String, Object> ref, ImageReference m) {
        ref.put("publisher", m.publisher());
        ref.put("offer", m.offer());
        ref.put("sku", m.sku());
        ref.put("version", m.version() == null ? "latest" : m.version());
    }

    private static List<Map<String, Object>> metadataItems(Map<String, String> metadata) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (metadata == null) return items;
        new TreeMap<>(metadata).forEach((k, v) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", k);
            item.put("value", v);
            items.add(item);
        });
        return items;
    }
}
