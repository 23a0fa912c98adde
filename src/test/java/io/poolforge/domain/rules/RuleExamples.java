package io.poolforge.domain.rules;

import io.poolforge.domain.AccountUsage;
import io.poolforge.domain.AuthMethod;
import io.poolforge.domain.DiskEncryption;
import io.poolforge.domain.DiskRef;
import io.poolforge.domain.Fixtures;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.OsState;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolAllocationMode;
import io.poolforge.domain.PowerState;
import io.poolforge.domain.PurchasePlan;
import io.poolforge.domain.RegionReplica;
import io.poolforge.domain.SecurityType;
import io.poolforge.domain.SnapshotPlan;
import io.poolforge.domain.DataDiskSnapshot;
import io.poolforge.domain.SubscriptionInfo;
import io.poolforge.domain.TempDrive;
import io.poolforge.domain.VmExtensionRef;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The bad-input table: each case bends one fact of the good fixtures and names the rule code,
 * severity and the values both messages must name. Also the examples of docs/RULES.md.
 */
final class RuleExamples {
    record Case(String name, Supplier<List<Violation>> run, RuleCode code, Severity severity, List<String> mustName) {
        @Override
        public String toString() { return code + ": " + name; }
    }

    static final PurchasePlan PLAN = new PurchasePlan("ngc-base-version-24", "nvidia", "ngc_azure_17_11");

    private RuleExamples() {
    }

    static Case c(String name, Supplier<List<Violation>> run, RuleCode code, Severity severity, String... mustName) {
        return new Case(name, run, code, severity, List.of(mustName));
    }

    static Supplier<List<Violation>> vm(Consumer<Fixtures.Vm> bend) {
        return vm(bend, ImageTarget.GALLERY, a -> { });
    }

    static Supplier<List<Violation>> vm(Consumer<Fixtures.Vm> bend, ImageTarget target, Consumer<Fixtures.Account> acct) {
        return () -> {
            Fixtures.Vm v = new Fixtures.Vm();
            bend.accept(v);
            Fixtures.Account a = new Fixtures.Account();
            acct.accept(a);
            return VmRules.check(v.build(), a.build(), Fixtures.supportedImages(), target, Fixtures.TODAY);
        };
    }

    static Supplier<List<Violation>> image(Consumer<Fixtures.Image> bend, Consumer<Fixtures.Vm> vmBend,
                                           SubscriptionInfo sub, int nodes, java.time.LocalDate today) {
        return () -> {
            Fixtures.Image i = new Fixtures.Image();
            bend.accept(i);
            Fixtures.Vm v = new Fixtures.Vm();
            vmBend.accept(v);
            return ImageRules.checkPlan(i.build(), v.build(), Fixtures.account(), sub, nodes, today);
        };
    }

    static Supplier<List<Violation>> image(Consumer<Fixtures.Image> bend) {
        return image(bend, v -> { }, null, 2, Fixtures.TODAY);
    }

    static Supplier<List<Violation>> pool(io.poolforge.domain.PoolPlan plan, Consumer<Ctx> bend) {
        return () -> {
            Ctx c = new Ctx();
            bend.accept(c);
            return PoolRules.check(plan, c.build());
        };
    }

    static Supplier<List<Violation>> pool(io.poolforge.domain.PoolPlan plan) {
        return pool(plan, c -> { });
    }

    static io.poolforge.domain.PoolPlan planWithAgent(String agent) {
        var p = Fixtures.poolPlan();
        return new io.poolforge.domain.PoolPlan(p.poolId(), p.displayName(), p.vmSize(), p.imageId(), agent,
                p.targetDedicatedNodes(), p.targetLowPriorityNodes(), p.resizeTimeout());
    }

    /** An existing Linux, generalized gallery image definition of pfGallery (PF-15). */
    static io.poolforge.domain.GalleryImageInfo definition(String name, String publisher, String offer, String sku) {
        return new io.poolforge.domain.GalleryImageInfo("/subscriptions/" + Fixtures.SUB + "/resourceGroups/rg-images/providers/"
                + "Microsoft.Compute/galleries/pfGallery/images/" + name, name, "pfGallery", Fixtures.SUB, "rg-images", "westeurope",
                OsType.LINUX, OsState.GENERALIZED, HyperVGeneration.V2, null, publisher, offer, sku, null);
    }

    static List<Case> cases() {
        String managedId = "/subscriptions/" + Fixtures.SUB + "/resourceGroups/rg-images/providers/Microsoft.Compute/images/img-vm-build-01";
        return List.of(
                // --- VM ---
                c("unmanaged OS disk", vm(v -> v.osDisk = new DiskRef(null, "vm-build-01-os.vhd", null, 30, false, null,
                        "https://st.blob.core.windows.net/vhds/vm-build-01-os.vhd", "ReadWrite")),
                        RuleCode.VM_UNMANAGED_DISK, Severity.ERROR, "vm-build-01", "vm-build-01-os.vhd"),
                c("unmanaged data disk", vm(v -> v.dataDisks = List.of(new DiskRef(null, "data-legacy", 0, 128, false, null,
                        "https://st.blob.core.windows.net/vhds/data.vhd", "None"))),
                        RuleCode.VM_UNMANAGED_DATA_DISK, Severity.ERROR, "vm-build-01", "data-legacy"),
                c("custom script extension", vm(v -> v.extensions = List.of(
                        new VmExtensionRef("CustomScriptExtension", "Microsoft.Compute", "CustomScriptExtension"))),
                        RuleCode.VM_EXTENSIONS_INSTALLED, Severity.ERROR, "vm-build-01", "CustomScriptExtension"),
                c("two extensions", vm(v -> v.extensions = List.of(new VmExtensionRef("AzureMonitorLinuxAgent", null, null),
                        new VmExtensionRef("MDE.Linux", null, null))),
                        RuleCode.VM_EXTENSIONS_INSTALLED, Severity.ERROR, "AzureMonitorLinuxAgent", "MDE.Linux"),
                c("unsupported base image", vm(v -> v.image = ImageReference.marketplace("SomeVendor", "hardened-linux", "v3", "latest")),
                        RuleCode.VM_BASE_IMAGE_UNSUPPORTED, Severity.ERROR, "vm-build-01", "SomeVendor:hardened-linux:v3"),
                c("base image is a gallery image", vm(v -> v.image = ImageReference.ofId("/subscriptions/x/resourceGroups/r/providers/Microsoft.Compute/galleries/g/images/old")),
                        RuleCode.VM_BASE_IMAGE_NOT_MARKETPLACE, Severity.WARNING, "vm-build-01", "galleries/g/images/old"),
                c("base image at end of life", vm(v -> v.image = ImageReference.marketplace("OpenLogic", "CentOS", "7_9-gen2", "latest")),
                        RuleCode.VM_BASE_IMAGE_END_OF_LIFE, Severity.WARNING, "vm-build-01", "OpenLogic:CentOS:7_9-gen2",
                        "2024-06-30"),
                c("unverified base image", vm(v -> v.image = ImageReference.marketplace("Debian", "debian-11", "11-gen2", "latest")),
                        RuleCode.VM_BASE_IMAGE_UNVERIFIED, Severity.INFO, "vm-build-01", "Debian:debian-11:11-gen2"),
                c("third-party plan, gallery", vm(v -> v.plan = PLAN),
                        RuleCode.VM_PURCHASE_PLAN, Severity.WARNING, "vm-build-01", "ngc-base-version-24"),
                c("third-party plan, managed image", vm(v -> v.plan = PLAN, ImageTarget.MANAGED, a -> { }),
                        RuleCode.VM_PURCHASE_PLAN_MANAGED, Severity.ERROR, "vm-build-01", "ngc_azure_17_11"),
                c("temp drive moved", vm(v -> v.tempDrive = TempDrive.CUSTOMIZED),
                        RuleCode.VM_TEMP_DRIVE_CHANGED, Severity.ERROR, "vm-build-01"),
                c("size without temp disk", vm(v -> { v.tempDrive = TempDrive.NONE; v.vmSize = "Standard_D2s_v5"; }),
                        RuleCode.VM_NO_TEMP_DRIVE, Severity.WARNING, "vm-build-01", "Standard_D2s_v5"),
                c("temp drive unknown", vm(v -> v.tempDrive = TempDrive.UNKNOWN),
                        RuleCode.VM_TEMP_DRIVE_UNKNOWN, Severity.INFO, "vm-build-01"),
                c("other subscription, managed", vm(v -> v.subscriptionId = Fixtures.OTHER_SUB, ImageTarget.MANAGED, a -> { }),
                        RuleCode.VM_OTHER_SUBSCRIPTION, Severity.ERROR, "vm-build-01", Fixtures.OTHER_SUB, "batchacct"),
                c("other subscription, gallery", vm(v -> v.subscriptionId = Fixtures.OTHER_SUB),
                        RuleCode.VM_OTHER_SUBSCRIPTION_GALLERY, Severity.WARNING, "vm-build-01", Fixtures.OTHER_SUB),
                c("other region, managed", vm(v -> v.location = "eastus", ImageTarget.MANAGED, a -> { }),
                        RuleCode.VM_OTHER_REGION, Severity.ERROR, "vm-build-01", "eastus", "westeurope"),
                c("other region, gallery", vm(v -> v.location = "eastus"),
                        RuleCode.VM_OTHER_REGION_GALLERY, Severity.INFO, "vm-build-01", "eastus", "westeurope"),
                c("Azure Disk Encryption", vm(v -> v.encryption = DiskEncryption.AZURE_DISK_ENCRYPTION),
                        RuleCode.VM_OS_DISK_ENCRYPTED, Severity.ERROR, "vm-build-01", "vm-build-01_OsDisk_1"),
                c("confidential disk encryption", vm(v -> v.encryption = DiskEncryption.CONFIDENTIAL),
                        RuleCode.VM_OS_DISK_CONFIDENTIAL, Severity.ERROR, "vm-build-01", "vm-build-01_OsDisk_1"),
                c("customer-managed key", vm(v -> v.encryption = DiskEncryption.CUSTOMER_KEY),
                        RuleCode.VM_OS_DISK_CUSTOMER_KEY, Severity.WARNING, "vm-build-01", "vm-build-01_OsDisk_1"),
                c("encryption unknown", vm(v -> v.encryption = DiskEncryption.UNKNOWN),
                        RuleCode.VM_OS_DISK_ENCRYPTION_UNKNOWN, Severity.INFO, "vm-build-01", "vm-build-01_OsDisk_1"),
                c("trusted launch recorded", vm(v -> v.securityType = SecurityType.TRUSTED_LAUNCH),
                        RuleCode.VM_SECURITY_PROFILE, Severity.INFO, "vm-build-01", "V2"), // the security type by its display name, never TRUSTED_LAUNCH
                c("generation unknown", vm(v -> v.generation = null),
                        RuleCode.VM_GENERATION_UNKNOWN, Severity.WARNING, "vm-build-01"),
                c("running VM", vm(v -> v.powerState = PowerState.RUNNING),
                        RuleCode.VM_RUNNING, Severity.WARNING, "vm-build-01"),
                c("VM stopping", vm(v -> v.powerState = PowerState.DEALLOCATING),
                        RuleCode.VM_POWER_STATE_TRANSITIONAL, Severity.WARNING, "vm-build-01"), // PF-22: the state by its display name, never DEALLOCATING
                c("data disks", vm(v -> v.dataDisks = List.of(DiskRef.managedData("/d/1", "vm-build-01-data0", 0, 256, "Premium_LRS"))),
                        RuleCode.VM_DATA_DISKS, Severity.WARNING, "vm-build-01", "vm-build-01-data0", "LUN 0"),
                c("OS disk caching None", vm(v -> v.osDisk = new DiskRef("/d/os", "vm-build-01_OsDisk_1", null, 30, true,
                        "Premium_LRS", null, "None")),
                        RuleCode.VM_OS_DISK_CACHING, Severity.INFO, "vm-build-01", "vm-build-01_OsDisk_1", "None"),

                // --- image ---
                c("image for Windows, VM Linux", image(i -> i.osType = OsType.WINDOWS),
                        RuleCode.IMAGE_OS_TYPE_MISMATCH, Severity.ERROR, "pfGallery/ubuntu-batch", "vm-build-01", "Windows", "Linux"), // PF-22: display names, never the constants
                c("specialized definition", image(i -> i.osState = OsState.SPECIALIZED),
                        RuleCode.IMAGE_SPECIALIZED, Severity.ERROR, "pfGallery/ubuntu-batch"),
                c("generation mismatch", image(i -> i.generation = HyperVGeneration.V1),
                        RuleCode.IMAGE_GENERATION_MISMATCH, Severity.ERROR, "pfGallery/ubuntu-batch", "vm-build-01", "V1", "V2"),
                c("trusted launch VM, standard definition", image(i -> { }, v -> v.securityType = SecurityType.TRUSTED_LAUNCH, null, 2, Fixtures.TODAY),
                        RuleCode.IMAGE_SECURITY_TYPE_MISMATCH, Severity.ERROR, "pfGallery/ubuntu-batch", "vm-build-01", "TrustedLaunch"),
                // PF-16: Azure's values are not folded: a TrustedLaunchSupported definition is not a TrustedLaunch one, and it takes
                // no snapshot source at all (hashicorp/packer-plugin-azure#304).
                c("trusted launch VM, TrustedLaunchSupported definition", image(i -> i.securityType = SecurityType.TRUSTED_LAUNCH_SUPPORTED,
                                v -> v.securityType = SecurityType.TRUSTED_LAUNCH, null, 2, Fixtures.TODAY),
                        RuleCode.IMAGE_SECURITY_TYPE_MISMATCH, Severity.ERROR, "TrustedLaunchSupported", "vm-build-01", "TrustedLaunch"),
                c("standard VM, TrustedLaunchSupported definition", image(i -> i.securityType = SecurityType.TRUSTED_LAUNCH_SUPPORTED),
                        RuleCode.IMAGE_SECURITY_TYPE_MISMATCH, Severity.ERROR, "TrustedLaunchSupported", "Standard"),
                c("no replica in the account region", image(i -> i.regions = List.of(new RegionReplica("eastus", 2, "Completed"))),
                        RuleCode.IMAGE_NO_REPLICA_IN_REGION, Severity.ERROR, "pfGallery/ubuntu-batch/1.0.0", "westeurope", "batchacct"),
                c("too few replicas for 900 nodes", image(i -> i.regions = List.of(new RegionReplica("West Europe", 2, "Completed")),
                        v -> { }, null, 900, Fixtures.TODAY),
                        RuleCode.IMAGE_TOO_FEW_REPLICAS, Severity.WARNING, "pfGallery/ubuntu-batch/1.0.0", "westeurope", "900"),
                c("other subscription, same tenant, registered", image(i -> i.subscriptionId = Fixtures.OTHER_SUB, v -> { },
                        new SubscriptionInfo(Fixtures.OTHER_SUB, Fixtures.TENANT, true), 2, Fixtures.TODAY),
                        RuleCode.IMAGE_OTHER_SUBSCRIPTION_OK, Severity.INFO, "pfGallery/ubuntu-batch/1.0.0", Fixtures.OTHER_SUB),
                c("other tenant", image(i -> i.subscriptionId = Fixtures.OTHER_SUB, v -> { },
                        new SubscriptionInfo(Fixtures.OTHER_SUB, "tenant-b", true), 2, Fixtures.TODAY),
                        RuleCode.IMAGE_OTHER_TENANT, Severity.ERROR, "pfGallery/ubuntu-batch/1.0.0", Fixtures.OTHER_SUB, "batchacct"),
                c("Microsoft.Batch not registered", image(i -> i.subscriptionId = Fixtures.OTHER_SUB, v -> { },
                        new SubscriptionInfo(Fixtures.OTHER_SUB, Fixtures.TENANT, false), 2, Fixtures.TODAY),
                        RuleCode.IMAGE_BATCH_PROVIDER_NOT_REGISTERED, Severity.ERROR, "pfGallery/ubuntu-batch/1.0.0", Fixtures.OTHER_SUB),
                c("plan missing on definition", image(i -> { }, v -> v.plan = PLAN, null, 2, Fixtures.TODAY),
                        RuleCode.IMAGE_PLAN_MISSING, Severity.ERROR, "pfGallery/ubuntu-batch", "ngc-base-version-24", "vm-build-01"),
                c("plan differs", image(i -> i.plan = new PurchasePlan("other-plan", "nvidia", "ngc_azure_17_11"), v -> v.plan = PLAN, null, 2, Fixtures.TODAY),
                        RuleCode.IMAGE_PLAN_MISMATCH, Severity.ERROR, "pfGallery/ubuntu-batch", "other-plan", "ngc-base-version-24"),
                c("managed image before retirement", image(i -> i.target = ImageTarget.MANAGED),
                        RuleCode.IMAGE_MANAGED_RETIRING, Severity.WARNING, "img-vm-build-01", "2026-03-31"),
                c("managed image after retirement", image(i -> i.target = ImageTarget.MANAGED, v -> { }, null, 2, Fixtures.AFTER_RETIREMENT),
                        RuleCode.IMAGE_MANAGED_RETIRED_BUILD, Severity.WARNING, "img-vm-build-01", "2026-03-31"),
                c("managed image in another region", image(i -> { i.target = ImageTarget.MANAGED; i.location = "northeurope"; }),
                        RuleCode.IMAGE_MANAGED_OTHER_REGION, Severity.ERROR, "img-vm-build-01", "northeurope", "westeurope"),
                c("managed image in another subscription", image(i -> { i.target = ImageTarget.MANAGED; i.subscriptionId = Fixtures.OTHER_SUB; }),
                        RuleCode.IMAGE_MANAGED_OTHER_SUBSCRIPTION, Severity.ERROR, "img-vm-build-01", Fixtures.OTHER_SUB, "batchacct"),

                // --- names ---
                c("snapshot name ends with a hyphen", () -> NamingRules.checkSnapshots(new SnapshotPlan("vm", Fixtures.SUB, "rg",
                        "westeurope", "/d/os", "snap-os-", List.of())),
                        RuleCode.NAME_SNAPSHOT_INVALID, Severity.ERROR, "snap-os-"),
                c("data snapshot name with a space", () -> NamingRules.checkSnapshots(new SnapshotPlan("vm", Fixtures.SUB, "rg",
                        "westeurope", "/d/os", "snap-os", List.of(new DataDiskSnapshot("/d/1", 0, "snap data0")))),
                        RuleCode.NAME_SNAPSHOT_INVALID, Severity.ERROR, "snap data0"),
                c("snapshot name of 81 characters", () -> NamingRules.checkSnapshots(new SnapshotPlan("vm", Fixtures.SUB, "rg",
                        "westeurope", "/d/os", "s".repeat(81), List.of())),
                        RuleCode.NAME_SNAPSHOT_INVALID, Severity.ERROR, "s".repeat(81), "81"),
                c("managed image name with a slash", image(i -> { i.target = ImageTarget.MANAGED; i.managedName = "img/vm"; }),
                        RuleCode.NAME_MANAGED_IMAGE_INVALID, Severity.ERROR, "img/vm"),
                c("gallery name with a hyphen", image(i -> i.gallery = "pf-gallery"),
                        RuleCode.NAME_GALLERY_INVALID, Severity.ERROR, "pf-gallery"),
                c("gallery name starting with a period", image(i -> i.gallery = ".pfGallery"),
                        RuleCode.NAME_GALLERY_INVALID, Severity.ERROR, ".pfGallery"),
                c("image definition ending with a hyphen", image(i -> i.definition = "ubuntu-batch-"),
                        RuleCode.NAME_IMAGE_DEFINITION_INVALID, Severity.ERROR, "ubuntu-batch-"),
                c("image definition with a space", image(i -> i.definition = "ubuntu batch"),
                        RuleCode.NAME_IMAGE_DEFINITION_INVALID, Severity.ERROR, "ubuntu batch"),
                c("definition SKU ending with a period", image(i -> i.sku = "22.04."),
                        RuleCode.NAME_IMAGE_IDENTIFIER_INVALID, Severity.ERROR, "sku", "22.04.", "64"),
                c("definition publisher of 129 characters", image(i -> i.publisher = "p".repeat(129)),
                        RuleCode.NAME_IMAGE_IDENTIFIER_INVALID, Severity.ERROR, "publisher", "129", "128"),
                c("identifier already names another definition of the gallery",
                        () -> ImageRules.checkAgainstGallery(Fixtures.image(), List.of(definition("render-old", "PoolForge", "Ubuntu", "22.04"))),
                        RuleCode.IMAGE_IDENTIFIER_TAKEN, Severity.ERROR, "PoolForge/ubuntu/22.04", "render-old", "pfGallery"),
                c("definition of that name has another identifier",
                        () -> ImageRules.checkAgainstGallery(Fixtures.image(), List.of(definition("ubuntu-batch", "PoolForge", "ubuntu", "20.04"))),
                        RuleCode.IMAGE_DEFINITION_DIFFERS, Severity.ERROR, "ubuntu-batch", "pfGallery", "PoolForge/ubuntu/20.04"),
                c("version with two parts", image(i -> i.version = "1.0"),
                        RuleCode.NAME_VERSION_INVALID, Severity.ERROR, "1.0"),
                c("version part above 32 bits", image(i -> i.version = "1.0.4294967296"),
                        RuleCode.NAME_VERSION_INVALID, Severity.ERROR, "1.0.4294967296"),
                c("version with letters", image(i -> i.version = "v1.0.0"),
                        RuleCode.NAME_VERSION_INVALID, Severity.ERROR, "v1.0.0"),

                // --- pool ---
                c("pool id with a dot", pool(Fixtures.poolPlan("pool.01", "Standard_D2s_v3", 2, 0, 20)),
                        RuleCode.POOL_ID_INVALID, Severity.ERROR, "pool.01"),
                c("pool id of 65 characters", pool(Fixtures.poolPlan("p".repeat(65), "Standard_D2s_v3", 2, 0, 20)),
                        RuleCode.POOL_ID_INVALID, Severity.ERROR, "p".repeat(65), "65"),
                c("empty pool id", pool(Fixtures.poolPlan("", "Standard_D2s_v3", 2, 0, 20)),
                        RuleCode.POOL_ID_INVALID, Severity.ERROR, "\"\""),
                c("pool id taken, other case", pool(Fixtures.poolPlan("Render-Pool", "Standard_D2s_v3", 2, 0, 20)),
                        RuleCode.POOL_ID_TAKEN, Severity.ERROR, "Render-Pool", "render-pool", "batchacct"),
                c("Marketplace image Batch does not list", pool(new io.poolforge.domain.PoolPlan("pool-01", "pool-01",
                                "Standard_D2s_v3", null, "batch.node.ubuntu 22.04", 2, 0, java.time.Duration.ofMinutes(20),
                                io.poolforge.domain.ImageReference.marketplace("canonical", "ubuntuserver", "16.04-lts", "latest"))),
                        RuleCode.POOL_MARKETPLACE_IMAGE_UNSUPPORTED, Severity.ERROR, "canonical:ubuntuserver:16.04-lts:latest"),
                c("Marketplace image past Batch's end of support", pool(new io.poolforge.domain.PoolPlan("pool-01", "pool-01",
                                "Standard_D2s_v3", null, "batch.node.ubuntu 20.04", 2, 0, java.time.Duration.ofMinutes(20),
                                io.poolforge.domain.ImageReference.marketplace("canonical", "0001-com-ubuntu-server-focal", "20_04-lts", "latest")),
                                c -> c.supported = List.of(new io.poolforge.domain.SupportedImage("batch.node.ubuntu 20.04",
                                        io.poolforge.domain.ImageReference.marketplace("canonical", "0001-com-ubuntu-server-focal", "20_04-lts", "latest"),
                                        OsType.LINUX, "verified", List.of(), java.time.Instant.parse("2025-04-30T00:00:00Z")))),
                        RuleCode.POOL_MARKETPLACE_IMAGE_END_OF_LIFE, Severity.ERROR, "canonical:0001-com-ubuntu-server-focal:20_04-lts:latest",
                        "2025-04-30"),
                c("node agent missing", pool(planWithAgent("")),
                        RuleCode.NODE_AGENT_MISSING, Severity.ERROR, "pool-01", "batch.node.ubuntu 22.04"),
                c("node agent not supported", pool(planWithAgent("batch.node.ubuntu 14.04")),
                        RuleCode.NODE_AGENT_UNSUPPORTED, Severity.ERROR, "batch.node.ubuntu 14.04", "pool-01"),
                c("Windows node agent for a Linux image", pool(planWithAgent("batch.node.windows amd64")),
                        RuleCode.NODE_AGENT_OS_MISMATCH, Severity.ERROR, "batch.node.windows amd64", "Windows", "Linux"), // PF-22: display names, never the constants
                c("node agent differs from the proposal", pool(planWithAgent("batch.node.debian 11")),
                        RuleCode.NODE_AGENT_DIFFERS, Severity.WARNING, "batch.node.debian 11", "batch.node.ubuntu 22.04"),
                c("VM size not offered", pool(Fixtures.poolPlan("pool-01", "Standard_Z99", 2, 0, 20)),
                        RuleCode.VM_SIZE_UNSUPPORTED, Severity.ERROR, "Standard_Z99", "westeurope"),
                c("Gen1-only size for a Gen2 image", pool(Fixtures.poolPlan("pool-01", "Standard_A1_v2", 2, 0, 20)),
                        RuleCode.VM_SIZE_GENERATION, Severity.ERROR, "Standard_A1_v2", "V2"),
                c("Trusted Launch pool on a size with TrustedLaunchDisabled",
                        pool(Fixtures.poolPlan("pool-01", "Standard_M64", 2, 0, 20).withSecurityProfile(
                                new io.poolforge.domain.PoolSecurityProfile("trustedLaunch", true, true))),
                        RuleCode.VM_SIZE_NO_TRUSTED_LAUNCH, Severity.ERROR, "Standard_M64", "TrustedLaunchDisabled=True"),
                c("Trusted Launch pool on a Generation 1 size", pool(Fixtures.poolPlan("pool-01", "Standard_A1_v2", 2, 0, 20)
                                .withSecurityProfile(new io.poolforge.domain.PoolSecurityProfile("trustedLaunch", null, null))),
                        RuleCode.VM_SIZE_NO_TRUSTED_LAUNCH, Severity.ERROR, "Standard_A1_v2", "HyperVGenerations=V1"),
                c("VM size at end of life", pool(Fixtures.poolPlan("pool-01", "Standard_NC6", 2, 0, 20)),
                        RuleCode.VM_SIZE_END_OF_LIFE, Severity.WARNING, "Standard_NC6", "2023-09-06", "1"),
                c("size without low priority", pool(Fixtures.poolPlan("pool-01", "Standard_HB120rs_v3", 0, 1, 20),
                        x -> x.account = withQuota(1000, 1000)),
                        RuleCode.VM_SIZE_NO_LOW_PRIORITY, Severity.ERROR, "Standard_HB120rs_v3"),
                c("negative dedicated nodes", pool(Fixtures.poolPlan("pool-01", "Standard_D2s_v3", -1, 0, 20)),
                        RuleCode.POOL_NEGATIVE_NODES, Severity.ERROR, "pool-01", "-1"),
                // PF-20 (second pass): Azure accepts an empty pool (create empty, resize later): advice, not an error.
                c("no nodes", pool(Fixtures.poolPlan("pool-01", "Standard_D2s_v3", 0, 0, 20)),
                        RuleCode.POOL_NO_NODES, Severity.INFO, "pool-01"),
                c("100,000 dedicated nodes typed for 10,000", pool(Fixtures.poolPlan("pool-01", "Standard_D2s_v3", 100_000, 0, 20),
                                x -> x.account = withQuota(10_000_000, 10_000_000)),
                        RuleCode.POOL_TOO_MANY_NODES, Severity.ERROR, "pool-01"),
                c("20,000 Spot nodes, offline", shape(null, Fixtures.poolPlan("pool-01", "Standard_D2s_v3", 0, 20_000, 30), Fixtures.image()),
                        RuleCode.POOL_TOO_MANY_NODES, Severity.ERROR, "pool-01"),
                // PF-18: the node cap is for pools created with a managed image (batch-quota-limit), not gallery pools.
                c("2,100 dedicated nodes on a managed image", pool(managedPool("pool-big", 2100, 0), x -> {
                            x.kind = ImageTarget.MANAGED;
                            x.account = withQuota(100_000, 100_000);
                        }),
                        RuleCode.POOL_DEDICATED_LIMIT, Severity.ERROR, "pool-big", "img-vm-build-01"),
                c("dedicated limit counting a pool on the same snapshot", pool(managedPool("pool-02", 1500, 0),
                        x -> {
                            x.kind = ImageTarget.MANAGED;
                            x.account = withQuota(100_000, 100_000);
                            String other = "/subscriptions/" + Fixtures.SUB + "/resourceGroups/rg-images/providers/Microsoft.Compute/images/img-old";
                            x.pools.add(Fixtures.pool("pool-old", other, 600, 0));
                            x.sources.put(MANAGED_ID, List.of("/snapshots/snap-os"));
                            x.sources.put(other, List.of("/SNAPSHOTS/snap-os"));
                        }),
                        RuleCode.POOL_DEDICATED_LIMIT, Severity.ERROR, "pool-02"),
                c("1,200 Spot nodes on a managed image", pool(managedPool("pool-spot", 0, 1200), x -> {
                            x.kind = ImageTarget.MANAGED;
                            x.account = withQuota(100_000, 100_000);
                        }),
                        RuleCode.POOL_LOW_PRIORITY_LIMIT, Severity.ERROR, "pool-spot", "img-vm-build-01"),
                c("dedicated cores above quota", pool(Fixtures.poolPlan("pool-01", "Standard_D16s_v3", 10, 0, 20)),
                        RuleCode.QUOTA_DEDICATED_CORES, Severity.ERROR, "batchacct", "Standard_D16s_v3"),
                c("family cores above quota", pool(Fixtures.poolPlan("pool-01", "Standard_D16s_v3", 6, 0, 20),
                        x -> { Fixtures.Account a = new Fixtures.Account(); a.dedicated = 1000; a.enforced = true; x.account = a.build(); }),
                        RuleCode.QUOTA_FAMILY_CORES, Severity.ERROR, "batchacct", "standardDSv3Family"),
                c("low-priority cores above quota", pool(Fixtures.poolPlan("pool-01", "Standard_D16s_v3", 0, 7, 20)),
                        RuleCode.QUOTA_LOW_PRIORITY_CORES, Severity.ERROR, "batchacct", "Standard_D16s_v3"),
                c("pool quota reached", pool(Fixtures.poolPlan(), x -> { Fixtures.Account a = new Fixtures.Account();
                            a.poolQuota = 2; x.account = a.build(); }),
                        RuleCode.QUOTA_POOLS, Severity.ERROR, "batchacct"),
                c("headroom shown", pool(Fixtures.poolPlan()),
                        RuleCode.QUOTA_HEADROOM, Severity.INFO, "batchacct"),
                c("user subscription mode", pool(Fixtures.poolPlan(), x -> { Fixtures.Account a = new Fixtures.Account();
                            a.mode = PoolAllocationMode.USER_SUBSCRIPTION; x.account = a.build(); }),
                        RuleCode.QUOTA_USER_SUBSCRIPTION, Severity.INFO, "batchacct"),
                c("resize timeout of 4 minutes", pool(Fixtures.poolPlan("pool-01", "Standard_D2s_v3", 2, 0, 4)),
                        RuleCode.RESIZE_TIMEOUT_TOO_SHORT, Severity.ERROR, "pool-01", "4"),
                c("resize timeout of 15 minutes", pool(Fixtures.poolPlan("pool-01", "Standard_D2s_v3", 2, 0, 15)),
                        RuleCode.RESIZE_TIMEOUT_ADVICE, Severity.WARNING, "pool-01", "15", "20"),
                c("resize timeout of 20 minutes for 1,500 nodes", pool(Fixtures.poolPlan("pool-big", "Standard_D2s_v3", 1500, 0, 20),
                        x -> x.account = withQuota(100_000, 100_000)),
                        RuleCode.RESIZE_TIMEOUT_ADVICE, Severity.WARNING, "pool-big", "30"),
                c("400 nodes need steps", pool(Fixtures.poolPlan("pool-big", "Standard_D2s_v3", 400, 0, 20),
                        x -> x.account = withQuota(100_000, 100_000)),
                        RuleCode.RESIZE_IN_STEPS, Severity.INFO, "pool-big", "400"),
                c("image backs another pool", pool(Fixtures.poolPlan(), x -> x.pools.add(Fixtures.pool("pool-a", Fixtures.IMAGE_ID.toUpperCase(), 2, 0))),
                        RuleCode.IMAGE_SHARED_WITH_POOL, Severity.WARNING, "pfGallery/ubuntu-batch/1.0.0", "pool-a"),
                c("too few replicas for the pool", pool(Fixtures.poolPlan("pool-big", "Standard_D2s_v3", 700, 0, 30),
                        x -> x.account = withQuota(100_000, 100_000)),
                        RuleCode.IMAGE_TOO_FEW_REPLICAS, Severity.WARNING, "pfGallery/ubuntu-batch/1.0.0", "700"),
                c("no replica for the pool", pool(Fixtures.poolPlan(), x -> x.replicas = 0),
                        RuleCode.IMAGE_NO_REPLICA_IN_REGION, Severity.ERROR, "pfGallery/ubuntu-batch/1.0.0", "westeurope"),
                c("shared key", pool(Fixtures.poolPlan(), x -> x.auth = AuthMethod.SHARED_KEY),
                        RuleCode.AUTH_SHARED_KEY, Severity.ERROR, "batchacct"),
                c("managed image after 31 March 2026", pool(managedPlan(managedId), x -> { x.kind = ImageTarget.MANAGED;
                            x.today = Fixtures.AFTER_RETIREMENT; }),
                        RuleCode.POOL_MANAGED_IMAGE_RETIRED, Severity.ERROR, "img-vm-build-01", "2026-03-31"),
                c("managed image before 31 March 2026", pool(managedPlan(managedId), x -> x.kind = ImageTarget.MANAGED),
                        RuleCode.POOL_MANAGED_IMAGE_RETIRING, Severity.WARNING, "img-vm-build-01", "2026-03-31"),
                // PF-8: the rules that need only the plan (poolforge validate without Azure).
                c("resize timeout of 99,999 days", pool(withTimeout(java.time.Duration.ofDays(99_999))),
                        RuleCode.RESIZE_TIMEOUT_TOO_LONG, Severity.ERROR, "pool-01", "PT2399976H", "7"),
                c("vmId that is not a resource id", shape("vm-build-01", Fixtures.poolPlan(), Fixtures.image()),
                        RuleCode.RESOURCE_ID_INVALID, Severity.ERROR, "source.vmId", "vm-build-01", "Microsoft.Compute/virtualMachines"),
                c("subscription id that is not a GUID", () -> PlanShapeRules.check(null, null, Fixtures.image(), Fixtures.poolPlan(),
                                List.<String[]>of(new String[] {"pool.batchAccount", "my-subscription"}), Fixtures.TODAY),
                        RuleCode.RESOURCE_ID_INVALID, Severity.ERROR, "pool.batchAccount.subscriptionId", "my-subscription"),
                c("2,147,483,647 dedicated nodes on a managed image, offline", shape(null, Fixtures.poolPlan("pool-01", "Standard_D2s_v3", Integer.MAX_VALUE, 0, 20),
                                managedImage()),
                        RuleCode.POOL_DEDICATED_LIMIT, Severity.ERROR, "pool-01"),
                c("Windows node agent for a Linux image, offline", shape(null, planWithAgent("batch.node.windows amd64"), Fixtures.image()),
                        RuleCode.NODE_AGENT_OS_MISMATCH, Severity.ERROR, "batch.node.windows amd64", "Windows", "Linux"), // PF-22: display names, never the constants
                c("3,000 Spot nodes on a managed image, offline", shape(null, Fixtures.poolPlan("pool-01", "Standard_D2s_v3", 0, 3_000, 30), managedImage()),
                        RuleCode.POOL_LOW_PRIORITY_LIMIT, Severity.ERROR, "pool-01"),
                // --- PF-18 ---
                c("Windows VM not confirmed as sysprepped", image(i -> i.osType = OsType.WINDOWS, v -> {
                            v.osType = OsType.WINDOWS;
                            v.image = Fixtures.WINDOWS_GEN2;
                            v.generalized = false;
                        }, null, 2, Fixtures.TODAY),
                        RuleCode.IMAGE_SOURCE_NOT_SYSPREPPED, Severity.ERROR, "vm-build-01", "pfGallery/ubuntu-batch", "Sysprep"),
                c("Linux VM not confirmed as deprovisioned", image(i -> { }, v -> v.generalized = false, null, 2, Fixtures.TODAY),
                        RuleCode.IMAGE_SOURCE_NOT_DEPROVISIONED, Severity.WARNING, "vm-build-01", "waagent -deprovision+user"),
                c("Spot nodes on a Batch-service account", pool(Fixtures.poolPlan("pool-spot", "Standard_D2s_v3", 0, 4, 20)),
                        RuleCode.POOL_SPOT_NODES_BATCH_SERVICE, Severity.INFO, "batchacct", "pool-spot", "4"),
                c("Spot nodes on a user-subscription account", pool(Fixtures.poolPlan("pool-spot", "Standard_D2s_v3", 0, 4, 20),
                                x -> { Fixtures.Account a = new Fixtures.Account(); a.mode = PoolAllocationMode.USER_SUBSCRIPTION; x.account = a.build(); }),
                        RuleCode.POOL_SPOT_NODES_USER_SUBSCRIPTION, Severity.INFO, "batchacct", "pool-spot", "4"),
                c("Marketplace image 30 days before Batch's end of support", pool(new io.poolforge.domain.PoolPlan("pool-01", "pool-01",
                                "Standard_D2s_v3", null, "batch.node.ubuntu 20.04", 2, 0, java.time.Duration.ofMinutes(20),
                                io.poolforge.domain.ImageReference.marketplace("canonical", "0001-com-ubuntu-server-focal", "20_04-lts", "latest")),
                                c -> c.supported = List.of(new io.poolforge.domain.SupportedImage("batch.node.ubuntu 20.04",
                                        io.poolforge.domain.ImageReference.marketplace("canonical", "0001-com-ubuntu-server-focal", "20_04-lts", "latest"),
                                        OsType.LINUX, "verified", List.of(), Fixtures.TODAY.plusDays(30).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))),
                        RuleCode.POOL_MARKETPLACE_IMAGE_END_OF_LIFE_SOON, Severity.WARNING,
                        "canonical:0001-com-ubuntu-server-focal:20_04-lts:latest", Fixtures.TODAY.plusDays(30).toString(), "30"),
                c("node agent 30 days from the end of support", pool(Fixtures.poolPlan(), x -> x.supported = agentEndingIn(30)),
                        RuleCode.NODE_AGENT_END_OF_LIFE, Severity.WARNING, "batch.node.ubuntu 22.04", Fixtures.TODAY.plusDays(30).toString(), "30"),
                c("\"latest\" skips a version excluded from latest", () -> List.of(ImageRules.latestFinding("pfGallery/ubuntu-batch",
                                version("1.1.0", false), List.of(version("1.1.0", false), version("1.2.0", true), version("1.0.0", false)))),
                        RuleCode.IMAGE_LATEST_VERSION, Severity.INFO, "pfGallery/ubuntu-batch", "1.1.0", "1.2.0"),
                // PF-22: these five come from run.Preflight reading the account (RealFactsPreflightTest drives them
                // against the sandbox); here only their messages in both languages and the examples of docs/RULES.md.
                c("subscription outside the tenant", () -> List.of(Violation.of(RuleCode.SUBSCRIPTION_UNREACHABLE,
                                "99999999-9999-4999-8999-999999999999")),
                        RuleCode.SUBSCRIPTION_UNREACHABLE, Severity.ERROR, "99999999-9999-4999-8999-999999999999"),
                c("Microsoft.Compute not registered", () -> List.of(Violation.of(RuleCode.PROVIDER_NOT_REGISTERED,
                                "Microsoft.Compute", "22222222-2222-2222-2222-222222222222", "NotRegistered")),
                        RuleCode.PROVIDER_NOT_REGISTERED, Severity.ERROR, "Microsoft.Compute", "22222222-2222-2222-2222-222222222222"),
                c("Batch account missing", () -> List.of(Violation.of(RuleCode.BATCH_ACCOUNT_NOT_FOUND, "batchacct", "rg-batch",
                                "11111111-1111-1111-1111-111111111111")),
                        RuleCode.BATCH_ACCOUNT_NOT_FOUND, Severity.ERROR, "batchacct", "rg-batch"),
                c("account elsewhere than the plan says", () -> List.of(Violation.of(RuleCode.BATCH_ACCOUNT_LOCATION_MISMATCH,
                                "batchacct", "eastus", "westeurope")),
                        RuleCode.BATCH_ACCOUNT_LOCATION_MISMATCH, Severity.ERROR, "batchacct", "eastus", "westeurope"),
                c("VM missing", () -> List.of(Violation.of(RuleCode.VM_NOT_FOUND, "vm-build-01",
                                "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-build-01")),
                        RuleCode.VM_NOT_FOUND, Severity.ERROR, "vm-build-01"));
    }

    static Supplier<List<Violation>> shape(String vmId, io.poolforge.domain.PoolPlan plan, io.poolforge.domain.ImagePlan image) {
        return () -> PlanShapeRules.check(vmId, null, image, plan, List.of(), Fixtures.TODAY);
    }

    static io.poolforge.domain.PoolPlan withTimeout(java.time.Duration timeout) {
        var p = Fixtures.poolPlan();
        return new io.poolforge.domain.PoolPlan(p.poolId(), p.displayName(), p.vmSize(), p.imageId(), p.nodeAgentSkuId(),
                p.targetDedicatedNodes(), p.targetLowPriorityNodes(), timeout);
    }

    static io.poolforge.domain.PoolPlan managedPlan(String imageId) {
        return new io.poolforge.domain.PoolPlan("pool-01", "pool-01", "Standard_D2s_v3", imageId, "batch.node.ubuntu 22.04",
                2, 0, java.time.Duration.ofMinutes(20));
    }

    static final String MANAGED_ID = "/subscriptions/" + Fixtures.SUB + "/resourceGroups/rg-images/providers/Microsoft.Compute/images/img-vm-build-01";

    /** A pool on the managed image img-vm-build-01 (PF-18: the node cap's scope). */
    static io.poolforge.domain.PoolPlan managedPool(String poolId, int dedicated, int low) {
        return new io.poolforge.domain.PoolPlan(poolId, poolId, "Standard_D2s_v3", MANAGED_ID, "batch.node.ubuntu 22.04",
                dedicated, low, java.time.Duration.ofMinutes(60));
    }

    static io.poolforge.domain.ImagePlan managedImage() {
        Fixtures.Image i = new Fixtures.Image();
        i.target = ImageTarget.MANAGED;
        return i.build();
    }

    /** The supported images with Ubuntu 22.04 gen2 (the fixtures' base) ending Batch support in {@code days}. */
    static List<io.poolforge.domain.SupportedImage> agentEndingIn(int days) {
        java.time.Instant end = Fixtures.TODAY.plusDays(days).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        return Fixtures.supportedImages().stream().map(s -> s.imageReference().sameSku(Fixtures.UBUNTU_GEN2)
                ? new io.poolforge.domain.SupportedImage(s.nodeAgentSkuId(), s.imageReference(), s.osType(), "verified", List.of(), end) : s).toList();
    }

    static io.poolforge.domain.GalleryImageVersionInfo version(String v, boolean excluded) {
        return new io.poolforge.domain.GalleryImageVersionInfo(Fixtures.IMAGE_ID.replace("1.0.0", v), v,
                definition("ubuntu-batch", "PoolForge", "ubuntu", "22.04"), List.of(new RegionReplica("westeurope", 1, "Completed")),
                List.of(), "Succeeded", excluded);
    }

    static io.poolforge.domain.BatchAccountInfo withQuota(int dedicated, int lowPriority) {
        Fixtures.Account a = new Fixtures.Account();
        a.dedicated = dedicated;
        a.lowPriority = lowPriority;
        a.family = Map.of("standardDSv3Family", dedicated);
        a.usage = new AccountUsage(0, 0, Map.of(), 2);
        return a.build();
    }
}
