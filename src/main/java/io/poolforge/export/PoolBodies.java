package io.poolforge.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.plan.Plan;
import io.poolforge.plan.ResourceIds;

/**
 * The pool as JSON: the management-plane body (Batch resource provider, {@code Pool_Create}; ARM
 * template, REST, pool-json export) and the data-plane body ({@code az batch pool create --json-file}).
 * Entra ID authentication only: no key, no secret in either.
 */
public final class PoolBodies {
    /** The Batch management API version the exports use. */
    public static final String BATCH_API_VERSION = "2024-07-01";

    private final ObjectMapper mapper;

    public PoolBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** {@code properties} of Microsoft.Batch/batchAccounts/pools, as in PoolCreate_SharedImageGallery. */
    public ObjectNode managementProperties(Plan plan) {
        Plan.Pool p = plan.pool();
        ObjectNode props = mapper.createObjectNode();
        if (p.displayName() != null) props.put("displayName", p.displayName());
        props.put("vmSize", p.vmSize());
        ObjectNode vmc = props.putObject("deploymentConfiguration").putObject("virtualMachineConfiguration");
        ObjectNode ref = vmc.putObject("imageReference");
        if (plan.marketplace()) marketplace(ref, plan); else ref.put("id", ResourceIds.image(plan));
        vmc.put("nodeAgentSkuId", p.nodeAgentSkuId());
        ObjectNode fixed = props.putObject("scaleSettings").putObject("fixedScale");
        fixed.put("targetDedicatedNodes", n(p.targetDedicatedNodes()));
        fixed.put("targetLowPriorityNodes", n(p.targetLowPriorityNodes()));
        fixed.put("resizeTimeout", plan.resizeTimeout().toString());
        return props;
    }

    /** The management-plane request body: {@code {"properties": {...}}}. */
    public ObjectNode managementBody(Plan plan) {
        ObjectNode body = mapper.createObjectNode();
        body.set("properties", managementProperties(plan));
        return body;
    }

    /** The Batch service (data plane) body of "Add pool": {@code virtualMachineImageId}, {@code nodeAgentSKUId}. */
    public ObjectNode dataPlaneBody(Plan plan) {
        Plan.Pool p = plan.pool();
        ObjectNode body = mapper.createObjectNode();
        body.put("id", p.poolId());
        if (p.displayName() != null) body.put("displayName", p.displayName());
        body.put("vmSize", p.vmSize());
        ObjectNode vmc = body.putObject("virtualMachineConfiguration");
        ObjectNode ref = vmc.putObject("imageReference");
        // A gallery image definition's id (no version) means its latest version, on both planes.
        if (plan.marketplace()) marketplace(ref, plan); else ref.put("virtualMachineImageId", ResourceIds.image(plan));
        vmc.put("nodeAgentSKUId", p.nodeAgentSkuId());
        body.put("targetDedicatedNodes", n(p.targetDedicatedNodes()));
        body.put("targetLowPriorityNodes", n(p.targetLowPriorityNodes()));
        body.put("resizeTimeout", plan.resizeTimeout().toString());
        return body;
    }

    /** A Marketplace image reference: publisher, offer, sku, version ("latest" when the plan gives none). */
    private static void marketplace(ObjectNode ref, Plan plan) {
        var m = plan.marketplaceImage();
        ref.put("publisher", m.publisher()).put("offer", m.offer()).put("sku", m.sku()).put("version", m.version());
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }
}
