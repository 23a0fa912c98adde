package io.poolforge.ui.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.azure.NodeCounts;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.NameValue;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.RegionReplica;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.SecretMasker;
import io.poolforge.ui.watch.ImageHealth;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pool's properties as JSON for copy and export (Jackson). Only what the pool shows: no
 * connection, account key or token is at hand here, and every free text from Azure (error
 * messages, values, provider errors) goes through {@link SecretMasker}, as does the whole text.
 */
public final class PoolJson {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson(PoolInfo pool, ImageHealth image, NodeCounts counts) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", pool.id());
        root.put("vmSize", pool.vmSize());
        ObjectNode img = root.putObject("image");
        ImageReference ref = pool.imageReference();
        if (ref != null && ref.isMarketplace()) {
            img.put("type", "marketplace");
            img.put("publisher", ref.publisher());
            img.put("offer", ref.offer());
            img.put("sku", ref.sku());
            img.put("version", ref.version());
        } else if (ref != null) {
            img.put("type", image != null && image.managed() ? "managedImage" : "galleryImage");
            img.put("id", ref.id());
            if (image != null && image.exists() != null) img.put("exists", image.exists());
            if (image != null) {
                ArrayNode assoc = img.putArray("associated");
                for (ImageHealth.AssociatedImage a : image.associated()) {
                    ObjectNode n = assoc.addObject();
                    n.put("kind", a.kind().name());
                    n.put("id", a.id());
                    if (a.exists() != null) n.put("exists", a.exists());
                    if (a.provisioningState() != null) n.put("provisioningState", a.provisioningState());
                    if (!a.replicas().isEmpty()) {
                        ArrayNode reps = n.putArray("replicas");
                        for (RegionReplica r : a.replicas()) {
                            reps.addObject().put("region", r.region()).put("replicaCount", r.replicaCount())
                                    .put("state", r.state());
                        }
                    }
                }
            }
        }
        root.put("nodeAgentSkuId", pool.nodeAgentSkuId());
        ObjectNode scale = root.putObject("scale");
        scale.put("autoScale", pool.autoScale());
        scale.put("targetDedicatedNodes", pool.targetDedicatedNodes());
        scale.put("currentDedicatedNodes", pool.currentDedicatedNodes());
        scale.put("targetLowPriorityNodes", pool.targetLowPriorityNodes());
        scale.put("currentLowPriorityNodes", pool.currentLowPriorityNodes());
        if (pool.resizeTimeout() != null) scale.put("resizeTimeout", pool.resizeTimeout().toString());
        root.put("allocationState", pool.allocationState().name().toLowerCase(java.util.Locale.ROOT));
        if (pool.allocationStateTransitionTime() != null) {
            root.put("allocationStateTransitionTime", pool.allocationStateTransitionTime().toString());
        }
        if (pool.lastResizeStartTime() != null) root.put("lastResizeStartTime", pool.lastResizeStartTime().toString());
        ArrayNode errors = root.putArray("resizeErrors");
        for (ResizeError e : pool.resizeErrors()) {
            ObjectNode n = errors.addObject();
            n.put("code", e.code());
            n.put("message", SecretMasker.mask(e.message()));
            ArrayNode values = n.putArray("values");
            for (NameValue v : e.values()) {
                values.addObject().put("name", v.name()).put("value", SecretMasker.mask(v.value()));
            }
        }
        if (counts != null) {
            ObjectNode c = root.putObject("nodeCounts");
            putCounts(c.putObject("dedicated"), counts.dedicated());
            putCounts(c.putObject("lowPriority"), counts.lowPriority());
        }
        try {
            return SecretMasker.mask(mapper.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON of a tree cannot fail", e);
        }
    }

    private static void putCounts(ObjectNode node, Map<String, Integer> counts) {
        new TreeMap<>(counts).forEach(node::put);
    }
}
