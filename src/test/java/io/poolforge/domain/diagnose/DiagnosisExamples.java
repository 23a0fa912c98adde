package io.poolforge.domain.diagnose;

import io.poolforge.domain.AllocationState;
import io.poolforge.domain.Fixtures;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.NameValue;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.ResourceLock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The diagnosis table: evidence → expected cause, action and the values the texts must name. */
public final class DiagnosisExamples {
    public record Case(String name, DiagnosisEvidence evidence, Cause cause, Action action, boolean stale, List<String> mustName) {
        @Override
        public String toString() { return cause + ": " + name; }
    }

    static final String MANAGED_ID = "/subscriptions/" + Fixtures.SUB
            + "/resourceGroups/rg-images/providers/Microsoft.Compute/images/img-vm-build-01";
    static final String RESIZE_FAILED = "There was an error encountered while performing the last resize on the pool. "
            + "Please try resizing the pool again.";
    static final String GEN_JSON = "{\"error\":{\"code\":\"BadRequest\",\"message\":\"The selected VM size 'STANDARD_A1_V2' "
            + "cannot boot Hypervisor Generation '2'. If this was a Create operation, please ensure that the Hypervisor "
            + "Generation of the Image matches the Hypervisor Generation of the selected VM Size.\"}}";
    static final String LOCK_JSON = "{\"error\":{\"code\":\"ScopeLocked\",\"message\":\"The scope '/subscriptions/"
            + Fixtures.SUB + "/resourceGroups/rg-batch-nodes/providers/Microsoft.Compute/VirtualMachineScaleSets/x-azurebatch-VMSS-D' "
            + "cannot perform write operation because the following scope(s) are locked: '/subscriptions/" + Fixtures.SUB
            + "/resourceGroups/rg-batch-nodes'. Please remove the lock and try again.\"}}";

    private DiagnosisExamples() {
    }

    public static PoolInfo pool(String vmSize, String agent, String imageId, int dedicated, int low, int timeoutMinutes,
                                ResizeError... errors) {
        return new PoolInfo("pool-01", vmSize, ImageReference.ofId(imageId), agent, dedicated, low, 0, 0,
                AllocationState.STEADY, Instant.parse("2025-06-01T10:20:00Z"), Duration.ofMinutes(timeoutMinutes),
                Instant.parse("2025-06-01T10:00:00Z"), List.of(errors), false);
    }

    static PoolInfo pool(ResizeError... errors) {
        return pool("Standard_D2s_v3", "batch.node.ubuntu 22.04", Fixtures.IMAGE_ID, 10, 0, 20, errors);
    }

    static DiagnosisEvidence ev(PoolInfo pool, ImageTarget kind, Boolean imageExists, List<String> missing,
                                List<String> perms, List<ResourceLock> locks, Instant requested, int unusable) {
        return new DiagnosisEvidence(pool, kind, imageExists, missing, OsType.LINUX, HyperVGeneration.V2, Fixtures.UBUNTU_GEN2,
                Fixtures.vmSizes().stream().filter(s -> s.name().equalsIgnoreCase(pool.vmSize())).findFirst().orElse(null),
                Fixtures.account(), Fixtures.supportedImages(), perms, locks, requested, unusable);
    }

    static DiagnosisEvidence ev(PoolInfo pool) {
        return ev(pool, null, true, List.of(), List.of(), List.of(), null, 0);
    }

    static Case c(String name, DiagnosisEvidence e, Cause cause, Action action, String... mustName) {
        return new Case(name, e, cause, action, false, List.of(mustName));
    }

    static ResizeError allocationFailed() { return ResizeError.of("AllocationFailed", RESIZE_FAILED); }

    static ResizeError withProvider(String json) {
        return new ResizeError("AllocationFailed", "Desired number of dedicated nodes could not be allocated",
                List.of(new NameValue("ProviderErrorJson", json), new NameValue("ProviderErrorJsonTruncated", "False")), null);
    }

    public static List<Case> cases() {
        ResourceLock lock = new ResourceLock("no-delete-nodes", "ReadOnly", "/subscriptions/" + Fixtures.SUB + "/resourceGroups/rg-batch-nodes");
        return List.of(
                c("image deleted", ev(pool(allocationFailed()), ImageTarget.GALLERY, false, List.of(), List.of(), List.of(), null, 0),
                        Cause.IMAGE_DELETED, Action.RESTORE_IMAGE, Fixtures.IMAGE_ID, "pool-01", "AllocationFailed"),
                c("source snapshot of a managed image deleted",
                        ev(pool("Standard_D2s_v3", "batch.node.ubuntu 22.04", MANAGED_ID, 10, 0, 20, allocationFailed()), null, true,
                                List.of("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/snapshots/snap-os"), List.of(),
                                List.of(), null, 0),
                        Cause.SOURCE_SNAPSHOT_DELETED, Action.REBUILD_IN_GALLERY, "img-vm-build-01", "snap-os"),
                c("generation mismatch in the provider error",
                        ev(pool("Standard_A1_v2", "batch.node.ubuntu 22.04", Fixtures.IMAGE_ID, 10, 0, 20, withProvider(GEN_JSON))),
                        Cause.GENERATION_MISMATCH, Action.RECREATE_POOL, "Standard_A1_v2", "V2", "pool-01", "BadRequest"),
                c("resource lock in the provider error",
                        ev(pool(withProvider(LOCK_JSON)), null, true, List.of(), List.of(), List.of(lock), null, 0),
                        Cause.RESOURCE_LOCKED, Action.REMOVE_LOCK, "no-delete-nodes", "rg-batch-nodes", "ScopeLocked"),
                c("resource lock found, no provider error",
                        ev(pool(allocationFailed()), null, true, List.of(), List.of(), List.of(lock), null, 0),
                        Cause.RESOURCE_LOCKED, Action.REMOVE_LOCK, "no-delete-nodes"),
                c("caller lacks beginGetAccess",
                        ev(pool(allocationFailed()), null, true, List.of(), List.of("Microsoft.Compute/disks/beginGetAccess/action"),
                                List.of(), null, 0),
                        Cause.IMAGE_ACCESS_DENIED, Action.GRANT_ACCESS, "Microsoft.Compute/disks/beginGetAccess/action", Fixtures.IMAGE_ID),
                c("allocation failed, nothing else wrong", ev(pool(allocationFailed())),
                        Cause.ALLOCATION_FAILED, Action.RESIZE_AGAIN, "pool-01", "AllocationFailed"),
                c("timed out with a short timeout",
                        ev(pool("Standard_D2s_v3", "batch.node.ubuntu 22.04", Fixtures.IMAGE_ID, 10, 0, 15,
                                ResizeError.of("AllocationTimedout", "Desired number of nodes could not be allocated within the resize timeout"))),
                        Cause.ALLOCATION_TIMED_OUT, Action.RAISE_TIMEOUT, "pool-01", "15", "20"),
                c("timed out on a large pool",
                        ev(pool("Standard_D2s_v3", "batch.node.ubuntu 22.04", Fixtures.IMAGE_ID, 900, 0, 30,
                                ResizeError.of("AllocationTimedout", "Desired number of nodes could not be allocated within the resize timeout"))),
                        Cause.ALLOCATION_TIMED_OUT, Action.RESIZE_IN_STEPS, "pool-01", "900"),
                c("dedicated core quota", ev(pool(ResizeError.of("AccountCoreQuotaReached",
                                "The specified account has reached its dedicated core quota"))),
                        Cause.ACCOUNT_CORE_QUOTA, Action.OPEN_QUOTA_REQUEST, "batchacct", "100"),
                c("low-priority core quota", ev(pool(ResizeError.of("AccountLowPriorityCoreQuotaReached",
                                "The specified account has reached its low priority core quota"))),
                        Cause.ACCOUNT_LOW_PRIORITY_QUOTA, Action.OPEN_QUOTA_REQUEST, "batchacct", "100"),
                c("VM series core quota", ev(pool(ResizeError.of("AccountVMSeriesCoreQuotaReached",
                                "The specified account has reached its VM series core quota"))),
                        Cause.ACCOUNT_VM_SERIES_QUOTA, Action.OPEN_QUOTA_REQUEST, "batchacct", "standardDSv3Family"),
                c("subnet too small", ev(pool(new ResizeError("InsufficientSubnetSize",
                                "The subnet has insufficient free IP addresses",
                                List.of(new NameValue("SubnetId", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/batch")),
                                null))),
                        Cause.INSUFFICIENT_SUBNET, Action.RECREATE_POOL, "pool-01", "subnets/batch"),
                c("unusable nodes, Windows agent on a Linux image",
                        ev(pool("Standard_D2s_v3", "batch.node.windows amd64", Fixtures.IMAGE_ID, 10, 0, 20), null, true,
                                List.of(), List.of(), List.of(), null, 10),
                        Cause.NODE_AGENT_MISMATCH, Action.RECREATE_POOL, "batch.node.windows amd64", "batch.node.ubuntu 22.04", "pool-01"),
                c("unusable nodes, agent fine", ev(pool(), null, true, List.of(), List.of(), List.of(), null, 3),
                        Cause.NODES_UNUSABLE, Action.CONTACT_SUPPORT, "pool-01", "3"),
                // PoolResizeErrorCodes.DiskEncryptionFailure (learn.microsoft.com/dotnet/api/microsoft.azure.batch.common.poolresizeerrorcodes):
                // a documented code PoolForge maps to no cause.
                c("unknown code shown raw", ev(pool(ResizeError.of("DiskEncryptionFailure",
                                "Pool creation failed with disk encryption error"))),
                        Cause.UNKNOWN, Action.CONTACT_SUPPORT, "DiskEncryptionFailure", "disk encryption error"),
                c("no replica of the image in the account's region (read)",
                        ev(pool(allocationFailed()), ImageTarget.GALLERY, true, List.of(), List.of(), List.of(), null, 0)
                                .withLookups(new Lookups(List.of(Fixtures.IMAGE_ID), Looked.read(List.of()), Looked.read(true),
                                        Looked.read(io.poolforge.domain.SecurityType.STANDARD), null, "westeurope", Looked.read(0), null)),
                        Cause.IMAGE_NOT_REPLICATED, Action.RESIZE_AGAIN, "westeurope", "pool-01", Fixtures.IMAGE_ID),
                // The texts below are the real ones of KnownErrorsTableTest (sources there).
                c("gallery image only creates Trusted Launch VMs", ev(pool(withProvider("{\"error\":{\"code\":\"BadRequest\",\"message\":"
                                + "\"The provided gallery image only supports creation of VMs and VM Scale Sets with 'TrustedLaunch' security type.\"}}"))),
                        Cause.SECURITY_TYPE_MISMATCH, Action.RECREATE_POOL, "TrustedLaunch", "securityProfile", "pool-01"),
                c("Marketplace purchase eligibility", ev(pool(withProvider("{\"error\":{\"code\":\"MarketplacePurchaseEligibilityFailed\","
                                + "\"message\":\"Marketplace purchase eligibilty check returned errors. See inner errors for details. \"}}"))),
                        Cause.MARKETPLACE_TERMS, Action.RESIZE_AGAIN, "pool-01", "MarketplacePurchaseEligibilityFailed"),
                c("VM size does not support the storage account type", ev(pool(ResizeError.of("AllocationFailed",
                                "Deployment allocation failed because VM size does not support storage account type."))),
                        Cause.STORAGE_TYPE_UNSUPPORTED, Action.RECREATE_POOL, "pool-01", "Standard_D2s_v3"),
                c("regional vCPU quota", ev(pool(withProvider("{\"error\":{\"code\":\"OperationNotAllowed\",\"message\":\"Operation could "
                                + "not be completed as it results in exceeding approved Total Regional Cores quota.\"}}"))),
                        Cause.REGIONAL_QUOTA, Action.OPEN_QUOTA_REQUEST, "pool-01", "Total Regional Cores"),
                c("no capacity", ev(pool(withProvider("{\"error\":{\"code\":\"AllocationFailed\",\"message\":\"Allocation failed. We do "
                                + "not have sufficient capacity for the requested VM size in this region.\"}}"))),
                        Cause.CAPACITY, Action.RESIZE_AGAIN, "pool-01", "Standard_D2s_v3"),
                c("size not available", ev(pool(withProvider("{\"error\":{\"code\":\"SkuNotAvailable\",\"message\":\"The requested VM size "
                                + "for resource 'x' is currently not available in location 'westeurope'.\"}}"))),
                        Cause.SKU_NOT_AVAILABLE, Action.RECREATE_POOL, "pool-01", "Standard_D2s_v3"),
                new Case("errors from an older resize",
                        ev(pool(allocationFailed()), null, false, List.of(), List.of(), List.of(), Instant.parse("2025-06-01T10:30:00Z"), 0),
                        Cause.STALE_ERROR, Action.WAIT, true, List.of("pool-01", "AllocationFailed", "2025-06-01T10:00:00Z",
                        "2025-06-01T10:30:00Z")));
    }
}
