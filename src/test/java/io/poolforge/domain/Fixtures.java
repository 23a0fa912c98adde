package io.poolforge.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A good estate (VM, account, sizes, supported images, plans) that tests bend one fact at a time. */
public final class Fixtures {
    public static final String SUB = "11111111-1111-1111-1111-111111111111";
    public static final String OTHER_SUB = "22222222-2222-2222-2222-222222222222";
    public static final String TENANT = "tenant-a";
    public static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    public static final LocalDate AFTER_RETIREMENT = LocalDate.of(2026, 4, 1);

    public static final ImageReference UBUNTU_GEN2 =
            ImageReference.marketplace("Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", "latest");
    public static final ImageReference UBUNTU_GEN1 =
            ImageReference.marketplace("Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts", "latest");
    public static final ImageReference WINDOWS_GEN2 =
            ImageReference.marketplace("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-g2", "latest");

    private Fixtures() {
    }

    /**
     * Supported images with the generation Compute reported for each (PF-16 second pass: the test data says it, the name
     * does not decide it).
     */
    public static List<SupportedImage> supportedImages() {
        return List.of(
                new SupportedImage("batch.node.ubuntu 22.04", UBUNTU_GEN1, OsType.LINUX, "verified", List.of(), null, HyperVGeneration.V1),
                new SupportedImage("batch.node.ubuntu 22.04", UBUNTU_GEN2, OsType.LINUX, "verified", List.of(), null, HyperVGeneration.V2),
                new SupportedImage("batch.node.windows amd64", WINDOWS_GEN2, OsType.WINDOWS, "verified", List.of(), null, HyperVGeneration.V2),
                new SupportedImage("batch.node.centos 7",
                        ImageReference.marketplace("OpenLogic", "CentOS", "7_9-gen2", "latest"), OsType.LINUX,
                        "verified", List.of(), Instant.parse("2024-06-30T00:00:00Z"), HyperVGeneration.V2),
                new SupportedImage("batch.node.debian 11",
                        ImageReference.marketplace("Debian", "debian-11", "11-gen2", "latest"), OsType.LINUX,
                        "unverified", List.of(), null, HyperVGeneration.V2));
    }

    public static List<VmSkuInfo> vmSizes() {
        return List.of(
                new VmSkuInfo("Standard_D2s_v3", "standardDSv3Family", 2, 8, Set.of(HyperVGeneration.V1, HyperVGeneration.V2), true, null),
                new VmSkuInfo("Standard_D16s_v3", "standardDSv3Family", 16, 64, Set.of(HyperVGeneration.V1, HyperVGeneration.V2), true, null),
                new VmSkuInfo("Standard_A1_v2", "standardAv2Family", 1, 2, Set.of(HyperVGeneration.V1), true, null),
                new VmSkuInfo("Standard_NC6", "standardNCFamily", 6, 56, Set.of(HyperVGeneration.V1, HyperVGeneration.V2), true,
                        Instant.parse("2023-09-06T00:00:00Z")),
                new VmSkuInfo("Standard_HB120rs_v3", "standardHBrsv3Family", 120, 448, Set.of(HyperVGeneration.V1, HyperVGeneration.V2), false, null),
                // Capabilities as trusted-launch-faq.md prints them for Standard_M64 (HyperVGenerations V1,V2; TrustedLaunchDisabled True).
                new VmSkuInfo("Standard_M64", "standardMSFamily", 64, 1000, Set.of(HyperVGeneration.V1, HyperVGeneration.V2), true, null,
                        8_192_000L, true, null));
    }

    public static DiskRef osDisk() {
        return DiskRef.managedOs("/subscriptions/" + SUB + "/resourceGroups/rg-build/providers/Microsoft.Compute/disks/vm-build-01_OsDisk_1",
                "vm-build-01_OsDisk_1", 30, "Premium_LRS");
    }

    /** A mutable builder for VmSummary, good by default. */
    public static final class Vm {
        public String name = "vm-build-01";
        public String subscriptionId = SUB;
        public String location = "westeurope";
        public OsType osType = OsType.LINUX;
        public String vmSize = "Standard_D2s_v3";
        public PowerState powerState = PowerState.DEALLOCATED;
        public DiskRef osDisk = osDisk();
        public List<DiskRef> dataDisks = new ArrayList<>();
        public ImageReference image = UBUNTU_GEN2;
        public PurchasePlan plan;
        public List<VmExtensionRef> extensions = new ArrayList<>();
        public SecurityType securityType = SecurityType.STANDARD;
        public HyperVGeneration generation = HyperVGeneration.V2;
        public DiskEncryption encryption = DiskEncryption.PLATFORM_KEY;
        public TempDrive tempDrive = TempDrive.DEFAULT;
        /** PF-18: generalized in the guest (instance view or the user's confirmation); good by default. */
        public boolean generalized = true;

        public VmSummary build() {
            return new VmSummary("/subscriptions/" + subscriptionId + "/resourceGroups/rg-build/providers/Microsoft.Compute/virtualMachines/" + name,
                    name, subscriptionId, "rg-build", location, osType, vmSize, powerState, osDisk, dataDisks, image, plan,
                    extensions, securityType, generation, encryption, tempDrive, generalized);
        }
    }

    public static VmSummary vm() { return new Vm().build(); }

    /** A mutable builder for BatchAccountInfo. */
    public static final class Account {
        public String name = "batchacct";
        public String subscriptionId = SUB;
        public String tenantId = TENANT;
        public String location = "westeurope";
        public PoolAllocationMode mode = PoolAllocationMode.BATCH_SERVICE;
        public int dedicated = 100;
        public int lowPriority = 100;
        public Map<String, Integer> family = Map.of("standardDSv3Family", 100);
        public boolean enforced = false;
        public int poolQuota = 20;
        public AccountUsage usage = new AccountUsage(10, 0, Map.of("standardDSv3Family", 10), 2);

        public BatchAccountInfo build() {
            return new BatchAccountInfo("/subscriptions/" + subscriptionId + "/resourceGroups/rg-batch/providers/Microsoft.Batch/batchAccounts/" + name,
                    name, subscriptionId, tenantId, location, mode, dedicated, lowPriority, family, enforced, poolQuota, usage);
        }
    }

    public static BatchAccountInfo account() { return new Account().build(); }

    /** A mutable builder for ImagePlan (gallery by default). */
    public static final class Image {
        public ImageTarget target = ImageTarget.GALLERY;
        public String subscriptionId = SUB;
        public String location = "westeurope";
        public String gallery = "pfGallery";
        public String definition = "ubuntu-batch";
        public String version = "1.0.0";
        public String managedName = "img-vm-build-01";
        public OsType osType = OsType.LINUX;
        public OsState osState = OsState.GENERALIZED;
        public HyperVGeneration generation = HyperVGeneration.V2;
        public SecurityType securityType = SecurityType.STANDARD;
        public PurchasePlan plan;
        public List<RegionReplica> regions = List.of(new RegionReplica("westeurope", 1, "Completed"));
        public String publisher = "PoolForge";
        public String offer = "ubuntu";
        public String sku = "22.04";

        public ImagePlan build() {
            return new ImagePlan(target, subscriptionId, "rg-images", location, gallery, definition, version, managedName,
                    publisher, offer, sku, osType, osState, generation, securityType, plan, regions);
        }
    }

    public static ImagePlan image() { return new Image().build(); }

    public static final String IMAGE_ID = image().imageId();

    public static PoolInfo pool(String id, String imageId, int dedicated, int lowPriority) {
        return new PoolInfo(id, "Standard_D2s_v3", imageId == null ? UBUNTU_GEN2 : ImageReference.ofId(imageId),
                "batch.node.ubuntu 22.04", dedicated, lowPriority, dedicated, lowPriority, AllocationState.STEADY,
                Instant.parse("2025-05-01T10:00:00Z"), Duration.ofMinutes(20), Instant.parse("2025-05-01T09:40:00Z"),
                List.of(), false);
    }

    public static PoolPlan poolPlan(String id, String size, int dedicated, int lowPriority, int timeoutMinutes) {
        return new PoolPlan(id, id, size, IMAGE_ID, "batch.node.ubuntu 22.04", dedicated, lowPriority,
                Duration.ofMinutes(timeoutMinutes));
    }

    public static PoolPlan poolPlan() { return poolPlan("pool-01", "Standard_D2s_v3", 2, 0, 20); }
}
