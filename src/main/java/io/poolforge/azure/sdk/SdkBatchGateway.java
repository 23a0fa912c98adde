package io.poolforge.azure.sdk;

import com.azure.resourcemanager.batch.BatchManager;
import com.azure.resourcemanager.batch.models.BatchAccount;
import com.azure.resourcemanager.batch.models.DeploymentConfiguration;
import com.azure.resourcemanager.batch.models.FixedScaleSettings;
import com.azure.resourcemanager.batch.models.Pool;
import com.azure.resourcemanager.batch.models.ScaleSettings;
import com.azure.resourcemanager.batch.models.SupportedSku;
import com.azure.resourcemanager.batch.models.VirtualMachineConfiguration;
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
 * {@link BatchGateway} over azure-resourcemanager-batch 1.0.0 (accounts, quotas, VM SKUs, pools)
 * and {@link BatchDataPlane} (supported images, node counts, nodes).
 */
public final class SdkBatchGateway implements BatchGateway {
    private final Function<String, BatchManager> managers;
    private final BatchDataPlane dataPlane;
    private final Map<String, String> endpoints = new ConcurrentHashMap<>();

    public SdkBatchGateway(Function<String, BatchManager> managers, BatchDataPlane dataPlane) {
        this.managers = managers;
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
                        caps.containsKey("MaxResourceVolumeMB") ? (long) parse(caps.get("MaxResourceVolumeMB"), 0) : null));
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
            for (Pool p : managers.apply(id.subscriptionId()).pools().listByBatchAccount(id.resourceGroup(), id.name())) out.add(pool(p));
            return out;
        });
    }

    @Override
    public Optional<PoolInfo> getPool(BatchAccountInfo account, String poolId) {
        ResourceId id = ResourceId.parse(account.id());
        try {
            return Optional.of(call(poolId, () -> pool(managers.apply(id.subscriptionId()).pools().get(id.resourceGroup(), id.name(), poolId))));
        } catch (PoolForgeException e) {
            if ("azure.error.notFound".equals(e.key()) || "azure.error.notFoundOther".equals(e.key())) return Optional.empty();
            throw e;
        }
    }

    /** The pool's image: the custom image's id, or the Marketplace image (PF-15). */
    private static com.azure.resourcemanager.batch.models.ImageReference imageReference(PoolPlan plan) {
        var m = plan.marketplaceImage();
        return m == null ? new com.azure.resourcemanager.batch.models.ImageReference().withId(plan.imageId())
                : new com.azure.resourcemanager.batch.models.ImageReference().withPublisher(m.publisher()).withOffer(m.offer())
                        .withSku(m.sku()).withVersion(m.version());
    }

    @Override
    public PoolInfo createPool(BatchAccountInfo account, PoolPlan plan) {
        ResourceId id = ResourceId.parse(account.id());
        return call(plan.poolId(), () -> pool(managers.apply(id.subscriptionId()).pools().define(plan.poolId())
                .withExistingBatchAccount(id.resourceGroup(), id.name())
                .withDisplayName(plan.displayName() == null ? plan.poolId() : plan.displayName())
                .withVmSize(plan.vmSize())
                .withDeploymentConfiguration(new DeploymentConfiguration().withVirtualMachineConfiguration(
                        new VirtualMachineConfiguration()
                                .withImageReference(imageReference(plan))
                                .withNodeAgentSkuId(plan.nodeAgentSkuId())))
                .withScaleSettings(fixed(plan.targetDedicatedNodes(), plan.targetLowPriorityNodes(), plan.resizeTimeout()))
                .create()));
    }

    @Override
    public Optional<io.poolforge.azure.ResourceState> poolState(BatchAccountInfo account, String poolId) {
        ResourceId id = ResourceId.parse(account.id());
        try {
            return Optional.of(call(poolId, () -> {
                var inner = managers.apply(id.subscriptionId()).serviceClient().getPools().get(id.resourceGroup(), id.name(), poolId);
                Map<String, String> tags = new HashMap<>();
                if (inner.metadata() != null) inner.metadata().forEach(m -> { if (m.name() != null) tags.put(m.name(), String.valueOf(m.value())); });
                var vmc = inner.deploymentConfiguration() == null ? null : inner.deploymentConfiguration().virtualMachineConfiguration();
                String image = vmc == null || vmc.imageReference() == null ? null : vmc.imageReference().id();
                return new io.poolforge.azure.ResourceState(inner.id(),
                        inner.provisioningState() == null ? null : inner.provisioningState().toString(), tags, List.of(), image);
            }));
        } catch (PoolForgeException e) {
            if ("azure.error.notFound".equals(e.key()) || "azure.error.notFoundOther".equals(e.key())) return Optional.empty();
            throw e;
        }
    }

    @Override
    public void createPoolIfAbsent(BatchAccountInfo account, PoolPlan plan, Map<String, String> metadata) {
        ResourceId id = ResourceId.parse(account.id());
        List<com.azure.resourcemanager.batch.models.MetadataItem> items = new ArrayList<>();
        new java.util.TreeMap<>(metadata).forEach((k, v) -> items.add(new com.azure.resourcemanager.batch.models.MetadataItem().withName(k).withValue(v)));
        var body = new com.azure.resourcemanager.batch.fluent.models.PoolInner()
                .withDisplayName(plan.displayName() == null ? plan.poolId() : plan.displayName())
                .withVmSize(plan.vmSize())
                .withDeploymentConfiguration(new DeploymentConfiguration().withVirtualMachineConfiguration(
                        new VirtualMachineConfiguration()
                                .withImageReference(imageReference(plan))
                                .withNodeAgentSkuId(plan.nodeAgentSkuId())))
                .withScaleSettings(fixed(plan.targetDedicatedNodes(), plan.targetLowPriorityNodes(), plan.resizeTimeout()))
                .withMetadata(items);
        try {
            managers.apply(id.subscriptionId()).serviceClient().getPools().createWithResponse(id.resourceGroup(), id.name(), plan.poolId(),
                    body, null, "*", com.azure.core.util.Context.NONE);
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
        return call(poolId, () -> {
            Pool p = managers.apply(id.subscriptionId()).pools().get(id.resourceGroup(), id.name(), poolId);
            return pool(p.update().withScaleSettings(fixed(targetDedicated, targetLowPriority, resizeTimeout)).apply());
        });
    }

    @Override
    public PoolInfo stopResize(BatchAccountInfo account, String poolId) {
        ResourceId id = ResourceId.parse(account.id());
        return call(poolId, () -> pool(managers.apply(id.subscriptionId()).pools().stopResize(id.resourceGroup(), id.name(), poolId)));
    }

    @Override
    public void deletePool(BatchAccountInfo account, String poolId, OperationMonitor monitor) {
        ResourceId id = ResourceId.parse(account.id());
        if (monitor.cancelRequested()) throw new PoolForgeException("azure.error.cancelled", poolId);
        monitor.progress("InProgress", -1);
        call(poolId, () -> {
            managers.apply(id.subscriptionId()).pools().delete(id.resourceGroup(), id.name(), poolId);
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

    private static ScaleSettings fixed(int dedicated, int lowPriority, Duration timeout) {
        return new ScaleSettings().withFixedScale(new FixedScaleSettings().withTargetDedicatedNodes(dedicated)
                .withTargetLowPriorityNodes(lowPriority).withResizeTimeout(timeout));
    }

    static PoolInfo pool(Pool p) {
        ImageReference image = null;
        String nodeAgent = null;
        var vmc = p.deploymentConfiguration() == null ? null : p.deploymentConfiguration().virtualMachineConfiguration();
        if (vmc != null) {
            nodeAgent = vmc.nodeAgentSkuId();
            var ref = vmc.imageReference();
            if (ref != null) {
                image = ref.id() != null ? ImageReference.ofId(ref.id())
                        : ref.publisher() != null ? ImageReference.marketplace(ref.publisher(), ref.offer(), ref.sku(), ref.version()) : null;
            }
        }
        var fixed = p.scaleSettings() == null ? null : p.scaleSettings().fixedScale();
        var resize = p.resizeOperationStatus();
        int targetDedicated = fixed != null ? nz(fixed.targetDedicatedNodes()) : resize != null ? nz(resize.targetDedicatedNodes()) : 0;
        int targetLow = fixed != null ? nz(fixed.targetLowPriorityNodes()) : resize != null ? nz(resize.targetLowPriorityNodes()) : 0;
        Duration timeout = fixed != null && fixed.resizeTimeout() != null ? fixed.resizeTimeout()
                : resize != null ? resize.resizeTimeout() : null;
        List<ResizeError> errors = new ArrayList<>();
        if (resize != null && resize.errors() != null) {
            for (var e : resize.errors()) {
                List<NameValue> details = new ArrayList<>();
                if (e.details() != null) e.details().forEach(d -> details.add(new NameValue(d.code(), d.message())));
                errors.add(new ResizeError(e.code(), e.message(), details, null));
            }
        }
        Instant resizeStart = resize == null || resize.startTime() == null ? null : resize.startTime().toInstant();
        return new PoolInfo(p.name(), p.vmSize(), image, nodeAgent, targetDedicated, targetLow,
                nz(p.currentDedicatedNodes()), nz(p.currentLowPriorityNodes()),
                p.allocationState() == null ? AllocationState.STEADY : AllocationState.parse(p.allocationState().toString()),
                p.allocationStateTransitionTime() == null ? null : p.allocationStateTransitionTime().toInstant(),
                timeout, resizeStart, errors, p.scaleSettings() != null && p.scaleSettings().autoScale() != null);
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
