package io.poolforge.azure;

import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Azure Batch: accounts and quotas, supported VM sizes and images, pools and their nodes.
 * Blocking calls; failures are PoolForgeExceptions with a localized key and Azure's code.
 */
public interface BatchGateway {
    List<BatchAccountInfo> listAccounts(String subscriptionId);

    /** VM sizes Batch supports in a region, with family, vCPUs, memory and generations. */
    List<VmSkuInfo> supportedVmSkus(String subscriptionId, String location);

    /** How many Batch accounts the subscription may have in the region. */
    int accountQuota(String subscriptionId, String location);

    /** Images and node agent SKUs the account supports (data plane). */
    List<SupportedImage> supportedImages(BatchAccountInfo account);

    List<PoolInfo> listPools(BatchAccountInfo account);

    Optional<PoolInfo> getPool(BatchAccountInfo account, String poolId);

    PoolInfo createPool(BatchAccountInfo account, PoolPlan plan);

    PoolInfo resizePool(BatchAccountInfo account, String poolId, int targetDedicated, int targetLowPriority,
                        Duration resizeTimeout);

    PoolInfo stopResize(BatchAccountInfo account, String poolId);

    void deletePool(BatchAccountInfo account, String poolId, OperationMonitor monitor);

    /** Node counts by state (data plane). */
    NodeCounts nodeCounts(BatchAccountInfo account, String poolId);

    /** The pool's nodes (data plane). */
    List<NodeInfo> nodes(BatchAccountInfo account, String poolId);

    /** The pool's nodes with state, start task, node agent and errors (data plane, paged); {@code state} null for all. */
    default List<io.poolforge.domain.nodes.ComputeNode> computeNodes(BatchAccountInfo account, String poolId, String state) {
        throw new UnsupportedOperationException("computeNodes");
    }

    /** The last {@code maxBytes} of a node's file (for example {@code startup/stderr.txt}); empty when it has none. */
    default String nodeFileTail(BatchAccountInfo account, String poolId, String nodeId, String filePath, int maxBytes) {
        throw new UnsupportedOperationException("nodeFileTail");
    }

    /** Reboots a node ({@code option}: requeue, terminate, taskcompletion, retaineddata). */
    default void rebootNode(BatchAccountInfo account, String poolId, String nodeId, String option) {
        throw new UnsupportedOperationException("rebootNode");
    }

    /** Reimages a node (reinstalls its OS from the pool's image). */
    default void reimageNode(BatchAccountInfo account, String poolId, String nodeId, String option) {
        throw new UnsupportedOperationException("reimageNode");
    }

    /** Removes nodes from the pool (its target drops by as many) with the deallocation option for their running tasks. */
    default void removeNodes(BatchAccountInfo account, String poolId, List<String> nodeIds, String deallocationOption) {
        throw new UnsupportedOperationException("removeNodes");
    }

    /** Uploads a node's Batch service logs to a container ({@code containerUrl} carries a SAS: never log it). */
    default LogUpload uploadNodeLogs(BatchAccountInfo account, String poolId, String nodeId, String containerUrl, java.time.Instant startTime) {
        throw new UnsupportedOperationException("uploadNodeLogs");
    }

    /**
     * The pool's provisioning state, its metadata as tags and its image id; empty when the account has no
     * pool of that id (ids compare ignoring case, as Batch does).
     */
    default Optional<ResourceState> poolState(BatchAccountInfo account, String poolId) {
        throw new UnsupportedOperationException("poolState");
    }

    /**
     * Creates the pool only if none of that id exists ({@code If-None-Match: *}), with {@code metadata}
     * (the run's tags): a race never overwrites a pool. A pool that exists is {@code azure.error.poolExists}.
     */
    default void createPoolIfAbsent(BatchAccountInfo account, PoolPlan plan, java.util.Map<String, String> metadata) {
        createPool(account, plan);
    }

    /**
     * The pool's {@code virtualMachineConfiguration.securityProfile.securityType} (STANDARD when the pool has none), for
     * PF-17's diagnoses; empty when the pool does not exist.
     */
    default Optional<io.poolforge.domain.SecurityType> poolSecurityType(BatchAccountInfo account, String poolId) {
        throw new UnsupportedOperationException("poolSecurityType");
    }
}
