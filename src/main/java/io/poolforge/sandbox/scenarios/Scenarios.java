package io.poolforge.sandbox.scenarios;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.arm.compute.ComputePayloads.Marketplace;
import io.poolforge.sandbox.arm.compute.ComputePayloads.Plan;
import io.poolforge.sandbox.arm.compute.ComputePayloads.VmSpec;
import io.poolforge.sandbox.batch.engine.PoolRun;
import io.poolforge.sandbox.batch.management.BatchAccountsApi;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.state.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seeded estates: {@code demo} (default), {@code legacy-2019} (demo under the 2019 rules: managed-image
 * pools accepted, to replay the original portal flow), {@code empty}, {@code large} (10,000 VMs, lazily made) and
 * {@code nodes} (demo plus a custom-image pool whose nodes are mixed: idle, unusable, start task failed) and
 * {@code diagnose} (demo plus the pools PF-17's diagnoses are shown on: an image under a ReadOnly lock, nodes stuck
 * starting, an Ubuntu 22.04 custom image with the right node agent whose nodes are unusable).
 */
public final class Scenarios {
    public static final List<String> NAMES = List.of("demo", "legacy-2019", "empty", "large", "nodes", "diagnose");
    public static final String SUB_PROD = "5a4db0c0-0000-4000-8000-0000000000a1";
    public static final String SUB_DEV = "5a4db0c0-0000-4000-8000-0000000000b2";
    static final Marketplace UBUNTU_2204_GEN2 = new Marketplace("canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", "latest");
    static final Marketplace UBUNTU_2004 = new Marketplace("canonical", "0001-com-ubuntu-server-focal", "20_04-lts", "latest");
    static final Marketplace WINDOWS_2022_G2 = new Marketplace("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-g2", "latest");
    static final Marketplace DEBIAN_11 = new Marketplace("debian", "debian-11", "11-gen2", "latest");
    static final Marketplace CIS_UBUNTU = new Marketplace("center-for-internet-security-inc", "cis-ubuntu-linux-2204-l1",
            "cis-ubuntu2204-l1-gen2", "latest");
    static final Plan CIS_PLAN = new Plan("cis-ubuntu2204-l1-gen2", "center-for-internet-security-inc", "cis-ubuntu-linux-2204-l1");

    private Scenarios() {
    }

    public static void load(String name, Estate e) {
        switch (name) {
            case "empty" -> empty(e);
            case "large" -> {
                base(e);
                e.p.vmPageSize = 200;
                e.p.store.addLazy(LazyFleet.vms(e.p, SUB_PROD, "rg-fleet", "westeurope", 10_000));
                e.p.store.addLazy(LazyFleet.disks(e.p, SUB_PROD, "rg-fleet", "westeurope", 10_000));
                e.group(SUB_PROD, "rg-fleet", "westeurope");
                // A big Batch-service account, for large pools and stepwise resizes: 8,000 dedicated cores (PF-18: room for the
                // 3,000-node gallery pool of batch-sig-images on Standard_D2s_v3) and 2,000 Spot cores.
                e.account(SUB_PROD, "rg-batch", "pflargebatch", "westeurope", "BatchService", 8000, 2000, 50, Map.of());
            }
            case "legacy-2019" -> {
                e.p.legacyRules = true;
                base(e);
                demoVms(e);
            }
            case "nodes" -> {
                base(e);
                demoVms(e);
                mixedNodes(e);
            }
            case "diagnose" -> {
                base(e);
                demoVms(e);
                diagnosePools(e);
            }
            default -> {
                base(e);
                demoVms(e);
            }
        }
    }

    static VmSpec linux(String sub, String rg, String name, String location, Marketplace image, boolean gen2, String size) {
        return new VmSpec(sub, rg, name, location, size, "Linux", image, null, gen2, List.of(), true, List.of(), null, "running", null,
                false, "ReadWrite", null);
    }

    private static VmSpec at(VmSpec s, Estate e, int days) {
        return new VmSpec(s.sub(), s.rg(), s.name(), s.location(), s.size(), s.osType(), s.image(), s.imageId(), s.gen2(), s.dataDiskLuns(),
                s.managed(), s.extensions(), s.plan(), s.powerState(), s.securityType(), s.encryptedOs(), s.osCaching(), e.daysAgo(days));
    }

    private static void empty(Estate e) {
        e.subscription(SUB_PROD, "PoolForge Demo (Production)", true);
        e.group(SUB_PROD, "rg-batch", "westeurope");
        e.account(SUB_PROD, "rg-batch", "pfemptybatch", "westeurope", "BatchService", 20, 10, 10, Map.of());
    }

    /** Subscriptions, groups, galleries, images, Batch accounts and pools (everything but the VMs). */
    private static void base(Estate e) {
        e.subscription(SUB_PROD, "PoolForge Demo (Production)", true);
        e.subscription(SUB_DEV, "PoolForge Demo (Development)", false);
        for (String[] g : new String[][] {{SUB_PROD, "rg-render", "westeurope"}, {SUB_PROD, "rg-images", "westeurope"},
            {SUB_PROD, "rg-batch", "westeurope"}, {SUB_PROD, "rg-eastus", "eastus"}, {SUB_PROD, "rg-batch-eastus", "eastus"},
            {SUB_PROD, "rg-westus2", "westus2"}, {SUB_DEV, "rg-dev", "westeurope"}}) {
            e.group(g[0], g[1], g[2]);
        }
        // The VM the 2019 image and the 2024 gallery version were made from.
        ObjectNode golden = e.vm(at(linux(SUB_PROD, "rg-images", "vm-golden-ubuntu2204", "westeurope", UBUNTU_2204_GEN2, true, "Standard_D2s_v3"), e, 400)
                .with(s -> new VmSpec(s.sub(), s.rg(), s.name(), s.location(), s.size(), s.osType(), s.image(), null, true, List.of(), true,
                        List.of(), null, "deallocated", null, false, "ReadWrite", s.created())));
        ObjectNode snap2019 = e.snapshot(SUB_PROD, "rg-images", "snap-golden-os-2019", e.osDiskOf(golden), e.daysAgo(390));
        ObjectNode snap2024 = e.snapshot(SUB_PROD, "rg-images", "snap-golden-os-2024", e.osDiskOf(golden), e.daysAgo(25));
        ObjectNode managed = e.managedImage(SUB_PROD, "rg-images", "img-render-2019", snap2019.path("id").asText());
        ObjectNode gallery = e.gallery(SUB_PROD, "rg-images", "gal_pf_images", "westeurope", "PoolForge demo images");
        ObjectNode render = e.galleryImage(gallery, "ubuntu2204-render", "Linux", "Generalized", "V2", "PoolForge", "render-ubuntu", "22_04-gen2", null);
        Map<String, Integer> weuEus = new LinkedHashMap<>();
        weuEus.put("West Europe", 2);
        weuEus.put("East US", 1);
        ObjectNode renderV1 = e.galleryVersion(render, "1.0.0", snap2024.path("id").asText(), weuEus);
        ObjectNode win = e.galleryImage(gallery, "win2022-build", "Windows", "Generalized", "V2", "PoolForge", "build-windows", "2022-g2", null);
        e.galleryVersion(win, "1.0.0", snap2024.path("id").asText(), Map.of("West Europe", 1));
        ObjectNode special = e.galleryImage(gallery, "ubuntu-specialized", "Linux", "Specialized", "V2", "PoolForge", "ubuntu-special", "22_04", null);
        e.galleryVersion(special, "1.0.0", snap2024.path("id").asText(), Map.of("West Europe", 1));
        e.galleryImage(gallery, "render-legacy", "Linux", "Generalized", "V2", "PoolForge", "render-legacy", "22_04", null);
        ObjectNode devGallery = e.gallery(SUB_DEV, "rg-dev", "gal_dev", "westeurope", "Development images");
        ObjectNode devVm = e.vm(at(linux(SUB_DEV, "rg-dev", "vm-dev-ubuntu2204", "westeurope", UBUNTU_2204_GEN2, true, "Standard_D2s_v3"), e, 60));
        ObjectNode devSnap = e.snapshot(SUB_DEV, "rg-dev", "snap-dev-os", e.osDiskOf(devVm), e.daysAgo(10));
        ObjectNode devImg = e.galleryImage(devGallery, "ubuntu-dev", "Linux", "Generalized", "V2", "PoolForgeDev", "ubuntu-dev", "22_04", null);
        e.galleryVersion(devImg, "1.0.0", devSnap.path("id").asText(), Map.of("West Europe", 1));

        Map<String, Integer> families = new LinkedHashMap<>();
        families.put("standardDSv3Family", 64);
        families.put("standardDSv5Family", 32);
        families.put("standardFSv2Family", 16);
        families.put("standardESv5Family", 16);
        families.put("standardAv2Family", 8);
        families.put("standardNCSv3Family", 6);
        ObjectNode weu = e.account(SUB_PROD, "rg-batch", "pfdemobatchweu", "westeurope", "BatchService", 48, 24, 20, families);
        e.account(SUB_PROD, "rg-batch-eastus", "pfdemobatcheus", "eastus", "UserSubscription", 0, 0, 20, Map.of());
        String eus = SUB_PROD.toLowerCase() + "|eastus";
        e.p.regionalCores.put(eus + "|total", 100);
        e.p.regionalCores.put(eus + "|lowpriority", 50);
        e.p.regionalCores.put(eus + "|standardDSv5Family", 40);

        ObjectNode fixtureLike = Json.o("metadata", Json.a(Json.o("name", "owner", "value", "render-team")),
                "startTask", Json.o("commandLine", "/bin/bash -c 'echo start task'", "userIdentity", Json.o("autoUser",
                        Json.o("elevationLevel", "Admin", "scope", "Pool")), "maxTaskRetryCount", 1, "waitForSuccess", true,
                        "environmentSettings", Json.a(Json.o("name", "RENDER_QUALITY", "value", "high")),
                        "resourceFiles", Json.a(Json.o("httpUrl", "https://stpfassets.blob.core.windows.net/scripts/setup.sh",
                                "filePath", "setup.sh", "fileMode", "755"))),
                "userAccounts", Json.a(Json.o("name", "render", "elevationLevel", "NonAdmin", "linuxUserConfiguration", Json.o("uid", 1200, "gid", 1200))),
                "networkConfiguration", Json.o("subnetId", Ids.res(SUB_PROD, "rg-batch", "Microsoft.Network/virtualNetworks", "vnet-batch")
                        + "/subnets/snet-pools", "endpointConfiguration", Json.o("inboundNatPools", Json.a(Json.o("name", "ssh",
                        "protocol", "TCP", "backendPort", 22, "frontendPortRangeStart", 50000, "frontendPortRangeEnd", 50099,
                        "networkSecurityGroupRules", Json.a(Json.o("priority", 150, "access", "Allow", "sourceAddressPrefix", "10.0.0.0/8",
                                "sourcePortRanges", Json.a("*"))))))),
                "applicationPackages", Json.a(Json.o("id", weu.path("id").asText() + "/applications/blender", "version", "4.2")));
        e.pool(weu, "render-gallery", "Standard_D4s_v5", Json.o("id", renderV1.path("id").asText()), "batch.node.ubuntu 22.04", 2, 0, fixtureLike, 14);
        e.pool(weu, "legacy-managed-image", "Standard_D2s_v3", Json.o("id", managed.path("id").asText()), "batch.node.ubuntu 22.04", 1, 0, null, 380);
        e.pool(weu, "render-orphaned", "Standard_D4s_v5", Json.o("id", render.path("id").asText().replace("/images/ubuntu2204-render",
                "/images/render-legacy") + "/versions/0.9.0"), "batch.node.ubuntu 22.04", 4, 0, null, 30);
    }

    /** One VM per eligibility outcome (docs/SANDBOX.md lists them). */
    private static void demoVms(Estate e) {
        String s = SUB_PROD;
        String rg = "rg-render";
        String weu = "westeurope";
        e.vm(at(linux(s, rg, "vm-render-ubuntu2204", weu, UBUNTU_2204_GEN2, true, "Standard_D4s_v5"), e, 90));
        e.vm(at(new VmSpec(s, rg, "vm-build-win2022", weu, "Standard_D4s_v3", "Windows", WINDOWS_2022_G2, null, true, List.of(), true,
                List.of(), null, "running", null, false, "ReadWrite", null), e, 80));
        e.vm(at(linux(s, rg, "vm-render-datadisks", weu, UBUNTU_2204_GEN2, true, "Standard_F4s_v2"), e, 70)
                .with(v -> new VmSpec(v.sub(), v.rg(), v.name(), v.location(), v.size(), v.osType(), v.image(), null, true, List.of(0, 1),
                        true, List.of(), null, "running", null, false, "ReadWrite", v.created())));
        e.vm(at(new VmSpec(s, rg, "vm-legacy-vhd", weu, "Standard_A2_v2", "Linux", UBUNTU_2004, null, false, List.of(), false, List.of(),
                null, "running", null, false, "ReadWrite", null), e, 900));
        e.vm(at(new VmSpec(s, rg, "vm-with-extension", weu, "Standard_D4s_v3", "Windows", WINDOWS_2022_G2, null, true, List.of(0, 1), true,
                List.of("CustomScriptExtension-DSC"), null, "running", null, false, "ReadWrite", null), e, 60));
        e.vm(at(new VmSpec(s, rg, "vm-thirdparty-cis", weu, "Standard_D2s_v5", "Linux", CIS_UBUNTU, null, true, List.of(), true, List.of(),
                CIS_PLAN, "running", null, false, "ReadWrite", null), e, 50));
        e.vm(at(linux(s, rg, "vm-deallocated", weu, UBUNTU_2204_GEN2, true, "Standard_D2s_v3"), e, 45)
                .with(v -> new VmSpec(v.sub(), v.rg(), v.name(), v.location(), v.size(), v.osType(), v.image(), null, true, List.of(), true,
                        List.of(), null, "deallocated", null, false, "ReadWrite", v.created())));
        e.vm(at(linux(s, rg, "vm-trusted-launch", weu, UBUNTU_2204_GEN2, true, "Standard_D2s_v5"), e, 40)
                .with(v -> new VmSpec(v.sub(), v.rg(), v.name(), v.location(), v.size(), v.osType(), v.image(), null, true, List.of(), true,
                        List.of(), null, "running", "TrustedLaunch", false, "ReadWrite", v.created())));
        e.vm(at(linux(s, rg, "vm-encrypted-os", weu, UBUNTU_2204_GEN2, true, "Standard_D2s_v3"), e, 35)
                .with(v -> new VmSpec(v.sub(), v.rg(), v.name(), v.location(), v.size(), v.osType(), v.image(), null, true, List.of(), true,
                        List.of(), null, "running", null, true, "ReadWrite", v.created())));
        e.vm(at(linux(s, rg, "vm-ubuntu2004-gen1", weu, UBUNTU_2004, false, "Standard_A2_v2"), e, 700));
        e.vm(at(linux(s, rg, "vm-debian11", weu, DEBIAN_11, true, "Standard_D2s_v5"), e, 30));
        e.vm(at(linux(s, rg, "vm-nocache-os", weu, UBUNTU_2204_GEN2, true, "Standard_D2s_v3"), e, 25)
                .with(v -> new VmSpec(v.sub(), v.rg(), v.name(), v.location(), v.size(), v.osType(), v.image(), null, true, List.of(), true,
                        List.of(), null, "running", null, false, "None", v.created())));
        e.vm(at(linux(s, rg, "vm-gpu-nc6s", weu, UBUNTU_2204_GEN2, true, "Standard_NC6s_v3"), e, 20));
        e.vm(at(linux(s, "rg-eastus", "vm-eastus-ubuntu2204", "eastus", UBUNTU_2204_GEN2, true, "Standard_D4s_v5"), e, 15));
        e.vm(at(linux(s, "rg-westus2", "vm-westus2-ubuntu2204", "westus2", UBUNTU_2204_GEN2, true, "Standard_D4s_v5"), e, 10));
    }

    /** The SAS signature the failing start task prints in its stderr (a leaked secret an export must mask). */
    static final String START_TASK_SAS_SIG = "c2FuZGJveFNhc1NpZ25hdHVyZUZvclBGMTI%3D";

    /** The pool of the {@code nodes} scenario (docs/SANDBOX.md, "Nodes"). */
    static final String MIXED_POOL = "render-custom-nodes";

    /**
     * A custom-image pool (gallery image ubuntu2204-render 1.0.0) of 8 dedicated and 4 Spot nodes, settled as
     * support cases see them: 4 idle; 4 unusable without errors that stay so (Batch cannot reach them); 2 whose start
     * task failed with exit code 127 (stderr in startup/stderr.txt); one Batch lost contact with (unusable without
     * errors, recovers on reboot); one whose start task could not download its resource file (BlobAccessDenied). The
     * situations are the ones the "Azure Batch pool and node errors" page describes
     * (learn.microsoft.com/azure/batch/batch-pool-node-error-checking); no node error code is made up (PF-17).
     */
    private static void mixedNodes(Estate e) {
        ObjectNode account = e.p.store.get(Ids.res(SUB_PROD, "rg-batch", BatchAccountsApi.TYPE, "pfdemobatchweu"));
        if (account == null) throw new IllegalStateException("pfdemobatchweu missing");
        String imageId = Ids.res(SUB_PROD, "rg-images", "Microsoft.Compute/galleries", "gal_pf_images") + "/images/ubuntu2204-render/versions/1.0.0";
        ObjectNode extra = Json.o("startTask", Json.o("commandLine", "/bin/bash -c 'sudo ./setup.sh'", "userIdentity", Json.o("autoUser",
                        Json.o("elevationLevel", "Admin", "scope", "Pool")), "maxTaskRetryCount", 2, "waitForSuccess", true,
                "resourceFiles", Json.a(Json.o("httpUrl", "https://stpfassets.blob.core.windows.net/scripts/setup.sh",
                        "filePath", "setup.sh", "fileMode", "755"))));
        ObjectNode pool = e.pool(account, MIXED_POOL, "Standard_F2s_v2", Json.o("id", imageId), "batch.node.ubuntu 22.04", 8, 4, extra, 2);
        PoolRun run = e.pools.run(pool);
        String okOut = "Reading package lists...\nSetting up render tools (4.2)...\nsetup.sh: done\n";
        int i = 0;
        for (PoolRun.Node n : run.nodes) {
            n.scripted = true;
            n.transition = n.ready;
            n.startTaskExitCode = 0;
            n.files.put("startup/stdout.txt", okOut);
            n.files.put("startup/stderr.txt", "");
            switch (i++) {
                case 2, 3, 4, 5 -> {
                    // Unusable without errors: "Batch is unable to communicate with the VM" (batch-pool-node-error-checking,
                    // node in unusable state). No node error code is invented: the ones documented nowhere were removed (PF-17).
                    n.finalState = "unusable";
                    n.startTaskExitCode = null;
                    n.files.clear();
                }
                case 6, 7 -> {
                    n.finalState = "startTaskFailed";
                    n.startTaskExitCode = 127;
                    n.startTaskFailureCode = "FailureExitCode";
                    n.startTaskFailureMessage = "The task process exited with an unexpected exit code";
                    StringBuilder err = new StringBuilder();
                    for (int k = 1; k <= 30; k++) err.append("setup.sh: step ").append(k).append(" ok\n");
                    err.append("curl: (22) The requested URL returned error: 403 for https://stpfassets.blob.core.windows.net/tools/"
                            + "render-tools.tar.gz?sv=2022-11-02&sr=c&sp=r&sig=" + START_TASK_SAS_SIG + "\n");
                    err.append("setup.sh: line 41: blender: command not found\n");
                    err.append("setup.sh: the render tools are not on the image; install them in the image or in the start task\n");
                    n.files.put("startup/stdout.txt", "Reading package lists...\nInstalling render tools...\n");
                    n.files.put("startup/stderr.txt", err.toString());
                }
                case 10 -> {
                    n.finalState = "unusable";
                    n.recoversOnRestart = true;
                }
                case 11 -> {
                    // A start task whose resource file could not be downloaded: failureInfo code BlobAccessDenied, "Access
                    // was denied when trying to download a resource file required for the task" (TaskFailureInformationCodes,
                    // learn.microsoft.com/dotnet/api/microsoft.azure.batch.common.taskfailureinformationcodes, read 2026-12-07).
                    n.finalState = "startTaskFailed";
                    n.startTaskExitCode = 1;
                    n.startTaskFailureCode = "BlobAccessDenied";
                    n.startTaskFailureMessage = "Access was denied when trying to download a resource file required for the task";
                    n.files.put("startup/stderr.txt", "");
                }
                default -> n.finalState = "idle";
            }
        }
    }

    /** The pools of the {@code diagnose} scenario (docs/SANDBOX.md). */
    static final String LOCKED_POOL = "render-locked";
    static final String STUCK_POOL = "render-stuck";
    static final String UNUSABLE_POOL = "ubuntu-unusable";

    /**
     * Three custom-image pools in pfdemobatchweu: {@code render-locked}, whose image definition carries a ReadOnly
     * management lock (so its resize failed, and only the lock look-up says why); {@code render-stuck}, whose 3 nodes
     * have stayed {@code starting} for two days; {@code ubuntu-unusable}, an Ubuntu 22.04 gallery image with the right
     * node agent (batch.node.ubuntu 22.04) whose 3 nodes are unusable without errors.
     */
    private static void diagnosePools(Estate e) {
        ObjectNode account = e.p.store.get(Ids.res(SUB_PROD, "rg-batch", BatchAccountsApi.TYPE, "pfdemobatchweu"));
        if (account == null) throw new IllegalStateException("pfdemobatchweu missing");
        ObjectNode gallery = e.p.store.get(Ids.res(SUB_PROD, "rg-images", "Microsoft.Compute/galleries", "gal_pf_images"));
        String snap = Ids.res(SUB_PROD, "rg-images", "Microsoft.Compute/snapshots", "snap-golden-os-2024");
        ObjectNode lockedDef = e.galleryImage(gallery, "ubuntu2204-locked", "Linux", "Generalized", "V2", "PoolForge", "render-locked", "22_04-gen2", null);
        ObjectNode lockedV1 = e.galleryVersion(lockedDef, "1.0.0", snap, Map.of("West Europe", 1));
        io.poolforge.sandbox.arm.authorization.AuthorizationApi.lock(e.p, lockedDef.path("id").asText(), "freeze-render-image", "ReadOnly",
                "Frozen for the audit");
        e.pool(account, LOCKED_POOL, "Standard_D2s_v3", Json.o("id", lockedV1.path("id").asText()), "batch.node.ubuntu 22.04", 2, 0, null, 1);

        String imageId = Ids.res(SUB_PROD, "rg-images", "Microsoft.Compute/galleries", "gal_pf_images") + "/images/ubuntu2204-render/versions/1.0.0";
        ObjectNode stuck = e.pool(account, STUCK_POOL, "Standard_D2s_v3", Json.o("id", imageId), "batch.node.ubuntu 22.04", 3, 0, null, 2);
        for (PoolRun.Node n : e.pools.run(stuck).nodes) {
            // Still "starting" two days after it started: the node agent never reported in.
            n.scripted = true;
            n.ready = java.time.Instant.parse("9999-01-01T00:00:00Z");
        }
        ObjectNode unusable = e.pool(account, UNUSABLE_POOL, "Standard_D2s_v3", Json.o("id", imageId), "batch.node.ubuntu 22.04", 3, 0, null, 1);
        for (PoolRun.Node n : e.pools.run(unusable).nodes) {
            n.scripted = true;
            n.finalState = "unusable";
        }
    }
}
