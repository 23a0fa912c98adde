package io.poolforge.azure.sdk;

import com.azure.resourcemanager.batch.BatchManager;
import com.azure.resourcemanager.batch.models.BatchAccount;
import com.azure.resourcemanager.batch.models.SupportedSku;
import com.fasterxml.jackson.databind.JsonNode;
import io.poolforge.azure.BatchGateway;
import io.poolforge.azure.NodeCounts;
import io.poolforge.azure.NodeInfo;
import io.poolforge.azure.OperationMonitor;
import io.poolforge.domain.AllocationState;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.NameValue;
import io.poolforge.domain.PoolAllocationMode;
import io.poolforge.domain.PoolBody;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link BatchGateway} over azure-resourcemanager-batch 1.0.0 (accounts, quotas, VM SKUs), {@link BatchPoolsClient} (pools, at
 * a current management api-version, bodies from {@link PoolBody}) and {@link BatchDataPlane} (supported images, node counts, nodes).
 */
public final class SdkBatchGateway implements BatchGateway {
    private final Function<String, BatchManager> managers;
    private final Function<String, BatchPoolsClient> pools;
    private final BatchDataPlane dataPlane;
    private final Map<String, String> endpoints = new ConcurrentHashMap<>();

    /**
     * @param managers azure-resourcemanager-batch 1.0.0, kept for accounts, location quotas and supported VM SKUs only (their
     *                 2022-01-01 shapes carry what PoolForge reads); every pool call goes through {@code pools}
     * @param pools the pool client of a subscription (PF-16)
     */
    public SdkBatchGateway(Function<String, BatchManager> managers, Function<String, BatchPoolsClient> pools, BatchDataPlane dataPlane) {
        this.managers = managers;
        this.pools = pools;
        this.dataPlane = dataPlane;
    }

    @Override
    public List<BatchAccountInfo> listAccounts(String subscriptionId) {
        return call("batchAccounts", () -> {
            List<BatchAccountInfo> out = new ArrayList<>();
            for (BatchAccount a : managers.apply(subscriptionId).batchAccounts().list()) {
                if (a.accountEndpoint() != null) endpoints.put(a.id().toLowerCase(Locale.ROOT), a.accountEndpoint());
                out.add(account(a, subscriptionId));
            }
            return out;
        });
    }

    static BatchAccountInfo account(BatchAccount a, String subscriptionId) {
        Map<String, Integer> families = new HashMap<>();
        if (a.dedicatedCoreQuotaPerVMFamily() != null) {
            a.dedicatedCoreQuotaPerVMFamily().forEach(q -> families.put(q.name(), q.coreQuota() == null ? 0 : q.coreQuota()));
        }
        return new BatchAccountInfo(a.id(), a.name(), subscriptionId, null, a.location(),
                a.poolAllocationMode() == null ? PoolAllocationMode.BATCH_SERVICE : PoolAllocationMode.parse(a.poolAllocationMode().toString()),
                nz(a.dedicatedCoreQuota()), nz(a.lowPriorityCoreQuota()), families,
                Boolean.TRUE.equals(a.dedicatedCoreQuotaPerVMFamilyEnforced()), nz(a.poolQuota()), null);
    }

    @Override
    public List<VmSkuInfo> supportedVmSkus(String subscriptionId, String location) {
        return call("virtualMachineSkus", () -> {
            List<VmSkuInfo> out = new ArrayList<>();
            for (SupportedSku s : managers.apply(subscriptionId).locations().listSupportedVirtualMachineSkus(location)) {
                Map<String, String> caps = new HashMap<>();
                if (s.capabilities() != null) s.capabilities().forEach(c -> caps.put(c.name(), c.value()));
                EnumSet<HyperVGeneration> gens = EnumSet.noneOf(HyperVGeneration.class);
                for (String g : caps.getOrDefault("HyperVGenerations", "V1").split(",")) {
                    if (!g.isBlank()) gens.add(HyperVGeneration.parse(g));
                }
                int vcpus = (int) Math.max(1, parse(caps.get("vCPUs"), 1));
                out.add(new VmSkuInfo(s.name(), s.familyName() == null ? "unknown" : s.familyName(), vcpus,
                        parse(caps.get("MemoryGB"), 0), gens, "True".equalsIgnoreCase(caps.get("LowPriorityCapable")), null,
                        caps.containsKey("MaxResourceVolumeMB") ? (long) parse(caps.get("MaxResourceVolumeMB"), 0) : null,
                        "True".equalsIgnoreCase(caps.get("TrustedLaunchDisabled")), caps.get("ConfidentialComputingType")));
            }
            return out;
        });
    }

    @Override
    public int accountQuota(String subscriptionId, String location) {
        return call("quotas", () -> nz(managers.apply(subscriptionId).locations().getQuotas(location).accountQuota()));
    }

    @Override
    public List<SupportedImage> supportedImages(BatchAccountInfo account) {
        return dataPlane.supportedImages(endpoint(account));
    }

    @Override
    public List<PoolInfo> listPools(BatchAccountInfo account) {
        ResourceId id = ResourceId.parse(account.id());
        return call(account.name(), () -> {
            List<PoolInfo> out = new ArrayList<>();
            for (JsonNode p : pools.apply(id.subscriptionId()).list(account.id())) out.add(pool(p));
            return out;
        });
    }

    @Override
    public Optional<PoolInfo> getPool(BatchAccountInfo account, String poolId) {
        ResourceId id = ResourceId.parse(account.id());
        try {
            return Optional.of(call(poolId, () -> pool(pools.apply(id.subscriptionId()).get(account.id(), poolId))));
        } catch (PoolForgeException e) {
            if ("azure.error.notFound".equals(e.key()) || "azure.error.notFoundOther".equals(e.key())) return Optional.empty();
            throw e;
        }
    }

    @Override
    public Optional<io.poolforge.domain.SecurityType> poolSecurityType(BatchAccountInfo account, String poolId) {
        ResourceId id = ResourceId.parse(account.id());
        try {
            return Optional.of(call(poolId, () -> io.poolforge.domain.SecurityType.parse(pools.apply(id.subscriptionId())
                    .get(account.id(), poolId).path("properties").path("deploymentConfiguration").path("virtualMachineConfiguration")
                    .path("securityProfile").path("securityType").asText(null))));
        } catch (PoolForgeException e) {
            if ("azure.error.notFound".equals(e.key()) || "azure.error.notFoundOther".equals(e.key())) return Optional.empty();
            throw e;
        }
    }

    @Override
    public PoolInfo createPool(BatchAccountInfo account, PoolPlan plan) {
        ResourceId id = ResourceId.parse(account.id());
        return call(plan.poolId(), () -> pool(pools.apply(id.subscriptionId())
                .create(account.id(), plan.poolId(), PoolBody.management(plan, Map.of()), false)));
    }

    @Override
    public Optional<io.poolforge.azure.ResourceState> poolState(BatchAccountInfo account, String poolId) {
        ResourceId id = ResourceId.parse(account.id());
        try {
            return Optional.of(call(poolId, () -> {
                JsonNode p = pools.apply(id.subscriptionId()).get(account.id(), poolId);
                JsonNode props = p.path("properties");
                Map<String, String> tags = new HashMap<>();
                for (JsonNode m : props.path("metadata")) {
                    if (m.hasNonNull("name")) tags.put(m.path("name").asText(), m.path("value").asText(null));
                }
                String image = props.path("deploymentConfiguration").path("virtualMachineConfiguration").path("imageReference")
                        .path("id").asText(null);
                return new io.poolforge.azure.ResourceState(p.path("id").asText(null), props.path("provisioningState").asText(null),
                        tags, List.of(), image);
            }));
        } catch (PoolForgeException e) {
            if ("azure.error.notFound".equals(e.key()) || "azure.error.notFoundOther".equals(e.key())) return Optional.empty();
            throw e;
        }
    }

    @Override
    public void createPoolIfAbsent(BatchAccountInfo account, PoolPlan plan, Map<String, String> metadata) {
        ResourceId id = ResourceId.parse(account.id());
        try {
            pools.apply(id.subscriptionId()).create(account.id(), plan.poolId(), PoolBody.management(plan, metadata), true);
        } catch (com.azure.core.exception.HttpResponseException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
            if (status == 412 || (status == 409 && String.valueOf(e.getMessage()).contains("PoolExists"))) {
                throw new PoolForgeException("azure.error.poolExists", e, "PreconditionFailed", null, plan.poolId());
            }
            throw AzureErrors.translate(e, plan.poolId());
        } catch (RuntimeException e) {
            throw AzureErrors.translate(e, plan.poolId());
        }
    }

    @Override
    public PoolInfo resizePool(BatchAccountInfo account, String poolId, int targetDedicated, int targetLowPriority, Duration resizeTimeout) {
        ResourceId id = ResourceId.parse(account.id());
        return call(poolId, () -> pool(pools.apply(id.subscriptionId()).resize(account.id(), poolId, targetDedicated, targetLowPriority,
                resizeTimeout)));
    }

    @Override
    public PoolInfo stopResize(BatchAccountInfo account, String poolId) {
        ResourceId id = ResourceId.parse(account.id());
        return call(poolId, () -> pool(pools.apply(id.subscriptionId()).stopResize(account.id(), poolId)));
    }

    @Override
    public void deletePool(BatchAccountInfo account, String poolId, OperationMonitor monitor) {
        ResourceId id = ResourceId.parse(account.id());
        if (monitor.cancelRequested()) throw new PoolForgeException("azure.error.cancelled", poolId);
        monitor.progress("InProgress", -1);
        call(poolId, () -> {
            pools.apply(id.subscriptionId()).delete(account.id(), poolId, monitor::cancelRequested);
            return null;
        });
        monitor.progress("Succeeded", 100);
    }

    @Override
    public NodeCounts nodeCounts(BatchAccountInfo account, String poolId) {
        return dataPlane.nodeCounts(endpoint(account), poolId);
    }

    @Override
    public List<NodeInfo> nodes(BatchAccountInfo account, String poolId) {
        return dataPlane.nodes(endpoint(account), poolId);
    }

    @Override
    public List<io.poolforge.domain.nodes.ComputeNode> computeNodes(BatchAccountInfo account, String poolId, String state) {
        return dataPlane.computeNodes(endpoint(account), poolId, state);
    }

    @Override
    public String nodeFileTail(BatchAccountInfo account, String poolId, String nodeId, String filePath, int maxBytes) {
        return dataPlane.nodeFileTail(endpoint(account), poolId, nodeId, filePath, maxBytes);
    }

    @Override
    public void rebootNode(BatchAccountInfo account, String poolId, String nodeId, String option) {
        dataPlane.reboot(endpoint(account), poolId, nodeId, option);
    }

    @Override
    public void reimageNode(BatchAccountInfo account, String poolId, String nodeId, String option) {
        dataPlane.reimage(endpoint(account), poolId, nodeId, option);
    }

    @Override
    public void removeNodes(BatchAccountInfo account, String poolId, List<String> nodeIds, String deallocationOption) {
        dataPlane.removeNodes(endpoint(account), poolId, nodeIds, deallocationOption);
    }

    @Override
    public io.poolforge.azure.LogUpload uploadNodeLogs(BatchAccountInfo account, String poolId, String nodeId, String containerUrl,
                                                       java.time.Instant startTime) {
        return dataPlane.uploadBatchServiceLogs(endpoint(account), poolId, nodeId, containerUrl, startTime);
    }

    private String endpoint(BatchAccountInfo account) {
        String key = account.id().toLowerCase(Locale.ROOT);
        String known = endpoints.get(key);
        if (known != null) return known;
        ResourceId id = ResourceId.parse(account.id());
        String fetched = call(account.name(), () -> managers.apply(id.subscriptionId()).batchAccounts()
                .getByResourceGroup(id.resourceGroup(), id.name()).accountEndpoint());
        endpoints.put(key, fetched);
        return fetched;
    }

    /** A pool as the management plane returns it (Pool: name, properties {...}). */
    static PoolInfo pool(JsonNode p) {
        JsonNode props = p.path("properties");
        ImageReference image = null;
        JsonNode vmc = props.path("deploymentConfiguration").path("virtualMachineConfiguration");
        String nodeAgent = vmc.path("nodeAgentSkuId").asText(null);
        JsonNode ref = vmc.path("imageReference");
        if (ref.hasNonNull("id")) {
            image = ImageReference.ofId(ref.path("id").asText());
        } else if (ref.hasNonNull("publisher") && ref.hasNonNull("offer") && ref.hasNonNull("sku")) {
            image = ImageReference.marketplace(ref.path("publisher").asText(), ref.path("offer").asText(), ref.path("sku").asText(),
                    ref.path("version").asText(null));
        }
        JsonNode fixed = props.path("scaleSettings").path("fixedScale");
        JsonNode resize = props.path("resizeOperationStatus");
        boolean hasFixed = fixed.isObject();
        int targetDedicated = hasFixed ? fixed.path("targetDedicatedNodes").asInt(0) : resize.path("targetDedicatedNodes").asInt(0);
        int targetLow = hasFixed ? fixed.path("targetLowPriorityNodes").asInt(0) : resize.path("targetLowPriorityNodes").asInt(0);
        String timeoutText = hasFixed && fixed.hasNonNull("resizeTimeout") ? fixed.path("resizeTimeout").asText()
                : resize.path("resizeTimeout").asText(null);
        List<ResizeError> errors = new ArrayList<>();
        for (JsonNode e : resize.path("errors")) {
            List<NameValue> details = new ArrayList<>();
            for (JsonNode d : e.path("details")) details.add(new NameValue(d.path("code").asText(null), d.path("message").asText(null)));
            errors.add(new ResizeError(e.path("code").asText(null), e.path("message").asText(null), details, null));
        }
        Instant resizeStart = resize.isObject() ? instant(resize.path("startTime").asText(null)) : null;
        String alloc = props.path("allocationState").asText(null);
        return new PoolInfo(p.path("name").asText(null), props.path("vmSize").asText(null), image, nodeAgent, targetDedicated, targetLow,
                props.path("currentDedicatedNodes").asInt(0), props.path("currentLowPriorityNodes").asInt(0),
                alloc == null ? AllocationState.STEADY : AllocationState.parse(alloc),
                instant(props.path("allocationStateTransitionTime").asText(null)),
                duration(timeoutText), resizeStart, errors, props.path("scaleSettings").path("autoScale").isObject());
    }

    private static Duration duration(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Duration.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Instant instant(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int nz(Integer i) { return i == null ? 0 : i; }

    private static double parse(String s, double fallback) {
        if (s == null) return fallback;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static <T> T call(String what, Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            throw AzureErrors.translate(e, what);
        }
    }
}
