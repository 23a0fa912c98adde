package io.poolforge.sandbox.batch.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.http.Json;
import java.util.List;
import java.util.Locale;

/**
 * What the platform offers: VM sizes Batch supports (with family, vCPUs and Hyper-V generations) and
 * the images Batch supports with their node agent SKUs. Values follow Azure's public catalogue.
 */
public final class Catalog {
    public record VmSize(String name, String family, int vCpus, double memoryGb, boolean gen2, boolean lowPriorityCapable, String endOfLife) {
        /**
         * The SKU capability TrustedLaunchDisabled (PF-16). Standard_M64 reports "TrustedLaunchDisabled True" with
         * "HyperVGenerations V1,V2" in the output trusted-launch-faq.md prints ("How can I find VM sizes that support Trusted
         * Launch?", azure-compute-docs, read 2026-12-07); the other sizes here are in trusted-launch.md's supported families
         * (Dsv3, Dsv5, Fsv2, Esv5, NCasT4_v3) or are Generation 1 only (Av2), so they do not report it.
         */
        public boolean trustedLaunchDisabled() {
            return name.equals("Standard_M64");
        }
    }

    /**
     * A supported image of Batch's list, and what Compute's "Virtual Machine Images" answers for it (PF-16 second pass):
     * its Hyper-V generation where a source says it (null: no source found, so the sandbox's Compute leaves
     * {@code hyperVGeneration} out, which the spec allows, and PoolForge shows it as unknown) and its versions, oldest first.
     * The version names are the sandbox's own demo values in each publisher's format.
     */
    public record SupportedImage(String nodeAgentSkuId, String publisher, String offer, String sku, String osType,
                                 String hyperVGeneration, String verification, String endOfLife, List<String> capabilities,
                                 List<String> versions) {
        /** True when the generation Azure reports for the image is V2 (the only case the sandbox's allocation refuses on a Gen1 size). */
        public boolean gen2() {
            return "V2".equals(hyperVGeneration);
        }
    }

    public static final List<VmSize> SIZES = List.of(
            new VmSize("Standard_A1_v2", "standardAv2Family", 1, 2, false, true, null),
            new VmSize("Standard_A2_v2", "standardAv2Family", 2, 4, false, true, null),
            new VmSize("Standard_D2s_v3", "standardDSv3Family", 2, 8, true, true, null),
            new VmSize("Standard_D4s_v3", "standardDSv3Family", 4, 16, true, true, null),
            new VmSize("Standard_D8s_v3", "standardDSv3Family", 8, 32, true, true, null),
            new VmSize("Standard_D2s_v5", "standardDSv5Family", 2, 8, true, true, null),
            new VmSize("Standard_D4s_v5", "standardDSv5Family", 4, 16, true, true, null),
            new VmSize("Standard_D16s_v5", "standardDSv5Family", 16, 64, true, true, null),
            new VmSize("Standard_F4s_v2", "standardFSv2Family", 4, 8, true, true, null),
            new VmSize("Standard_F16s_v2", "standardFSv2Family", 16, 32, true, true, null),
            new VmSize("Standard_E8s_v5", "standardESv5Family", 8, 64, true, true, null),
            new VmSize("Standard_NC6s_v3", "standardNCSv3Family", 6, 112, true, false, "2025-09-30T00:00:00Z"),
            new VmSize("Standard_NC4as_T4_v3", "Standard NCASv3_T4 Family", 4, 28, true, true, null),
            // vCPUs 64, MemoryGB 1000, HyperVGenerations V1,V2, LowPriorityCapable True, TrustedLaunchDisabled True, as in
            // trusted-launch-faq.md's sample output for Standard_M64 (read 2026-12-07).
            new VmSize("Standard_M64", "standardMSFamily", 64, 1000, true, true, null));

    // Sources of the Hyper-V generations below (read 2026-12-07):
    // - Canonical (the publisher), "Find Ubuntu images on Azure" (canonical/ubuntu-cloud-docs,
    //   azure/azure-how-to/instances/find-ubuntu-images.rst and azure/azure-how-to/find-ubuntu-images.rst), whose tables
    //   list per URN the architecture and "Hyper-V Generation": "AMD64 | Gen2 | Canonical:ubuntu-24_04-lts:server:latest",
    //   "AMD64 | Gen1 | Canonical:ubuntu-24_04-lts:server-gen1:latest", "AMD64 Gen1 Canonical:0001-com-ubuntu-server-jammy:
    //   22_04-lts:latest", "AMD64 Gen2 Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest", "AMD64 Gen1
    //   Canonical:0001-com-ubuntu-server-focal:20_04-lts:latest".
    // - Microsoft's runner images (actions/runner-images#13939, 2026-04-16): "For Ubuntu 24.04, the SKU changes from
    //   server-gen1 to server, which is the canonical default Generation 2 SKU for Ubuntu 24.04 LTS."
    // No source naming the generation Azure reports was found for almalinux-x86_64/9-gen2, microsoft-dsvm/centos-8/8_5 or
    // the four WindowsServer SKUs: their generation is left unreported (unknown), never taken from the name.

    public static final List<SupportedImage> IMAGES = List.of(
            new SupportedImage("batch.node.ubuntu 22.04", "canonical", "0001-com-ubuntu-server-jammy", "22_04-lts", "linux", "V1",
                    "verified", null, List.of("DockerCompatible"), List.of("22.04.202410020", "22.04.202411120")),
            new SupportedImage("batch.node.ubuntu 22.04", "canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", "linux", "V2",
                    "verified", null, List.of("DockerCompatible"), List.of("22.04.202410020", "22.04.202411120")),
            new SupportedImage("batch.node.ubuntu 24.04", "canonical", "ubuntu-24_04-lts", "server", "linux", "V2",
                    "verified", null, List.of(), List.of("24.04.202410160", "24.04.202411140")),
            new SupportedImage("batch.node.ubuntu 20.04", "canonical", "0001-com-ubuntu-server-focal", "20_04-lts", "linux", "V1",
                    "verified", "2025-04-30T00:00:00Z", List.of(), List.of("20.04.202409120", "20.04.202410020")),
            new SupportedImage("batch.node.el 9", "almalinux", "almalinux-x86_64", "9-gen2", "linux", null, "verified", null, List.of(),
                    List.of("9.4.2024050902", "9.5.2024111801")),
            new SupportedImage("batch.node.el 8", "microsoft-dsvm", "centos-8", "8_5", "linux", null, "unverified", null, List.of(),
                    List.of("22.01.27")),
            new SupportedImage("batch.node.windows amd64", "microsoftwindowsserver", "windowsserver", "2022-datacenter", "windows", null,
                    "verified", null, List.of(), List.of("20348.2762.241006", "20348.2849.241109")),
            new SupportedImage("batch.node.windows amd64", "microsoftwindowsserver", "windowsserver", "2022-datacenter-g2", "windows", null,
                    "verified", null, List.of(), List.of("20348.2762.241006", "20348.2849.241109")),
            new SupportedImage("batch.node.windows amd64", "microsoftwindowsserver", "windowsserver", "2019-datacenter-smalldisk", "windows", null,
                    "verified", null, List.of(), List.of("17763.6414.241004", "17763.6532.241101")),
            new SupportedImage("batch.node.windows amd64", "microsoftwindowsserver", "windowsserver", "2022-datacenter-azure-edition", "windows", null,
                    "verified", null, List.of(), List.of("20348.2762.241006", "20348.2849.241109")));

    /**
     * Marketplace images Compute knows that Batch does not list here: {@code server-gen1}, the Generation 1 SKU of
     * ubuntu-24_04-lts (Canonical's table above: "AMD64 | Gen1 | Canonical:ubuntu-24_04-lts:server-gen1:latest").
     */
    public static final List<SupportedImage> COMPUTE_ONLY = List.of(
            new SupportedImage("", "canonical", "ubuntu-24_04-lts", "server-gen1", "linux", "V1", "", null, List.of(),
                    List.of("24.04.202410160", "24.04.202411140")));

    private Catalog() {
    }

    public static VmSize size(String name) {
        for (VmSize s : SIZES) if (s.name.equalsIgnoreCase(name)) return s;
        return null;
    }

    /** The node agent SKU's OS ("linux"/"windows"), or null for an unknown SKU. */
    public static String osOfAgent(String nodeAgentSkuId) {
        for (SupportedImage i : IMAGES) if (i.nodeAgentSkuId.equalsIgnoreCase(nodeAgentSkuId)) return i.osType;
        return null;
    }

    /** Batch's management-plane SKU entry (LocationListVirtualMachineSkus). */
    public static ObjectNode skuJson(VmSize s) {
        ArrayNode caps = Json.a(
                cap("MaxResourceVolumeMB", String.valueOf(resourceDiskMb(s))),
                cap("OSVhdSizeMB", "1047552"),
                cap("vCPUs", String.valueOf(s.vCpus)),
                cap("MemoryPreservingMaintenanceSupported", "True"),
                cap("HyperVGenerations", s.gen2 ? "V1,V2" : "V1"),
                cap("MemoryGB", (s.memoryGb == Math.rint(s.memoryGb) ? String.valueOf((int) s.memoryGb) : String.valueOf(s.memoryGb))),
                cap("MaxDataDiskCount", String.valueOf(Math.max(2, s.vCpus * 4))),
                cap("CpuArchitectureType", "x64"),
                cap("LowPriorityCapable", s.lowPriorityCapable ? "True" : "False"),
                cap("PremiumIO", s.name.toLowerCase(Locale.ROOT).contains("s_") ? "True" : "False"),
                cap("VMDeploymentTypes", "IaaS"),
                cap("vCPUsAvailable", String.valueOf(s.vCpus)),
                cap("ACUs", "195"),
                cap("vCPUsPerCore", s.vCpus > 1 ? "2" : "1"),
                cap("EphemeralOSDiskSupported", "True"),
                cap("EncryptionAtHostSupported", "True"),
                cap("CapacityReservationSupported", "True"),
                cap("AcceleratedNetworkingEnabled", "True"),
                cap("RdmaEnabled", "False"),
                cap("MaxNetworkInterfaces", String.valueOf(Math.max(2, s.vCpus / 2))));
        // Reported only when true, as Azure does ("If it's a Generation 2 VM size and TrustedLaunchDisabled isn't part of the
        // output, Trusted Launch is supported for that VM size.", trusted-launch-faq.md).
        if (s.trustedLaunchDisabled()) caps.add(cap("TrustedLaunchDisabled", "True"));
        return Json.o("name", s.name, "batchSupportEndOfLife", s.endOfLife, "capabilities", caps, "familyName", s.family);
    }

    /**
     * The size's local temporary disk in MiB, as Azure's SKU capability MaxResourceVolumeMB reports it:
     * 0 for the sizes without one (Dv5/Dsv5 and Ev5/Esv5, "for workloads that don't require local temp
     * disk", learn.microsoft.com/azure/virtual-machines/dv5-dsv5-series), else the documented temp storage.
     */
    static long resourceDiskMb(VmSize s) {
        return switch (s.name) {
            case "Standard_A1_v2" -> 10_240;
            case "Standard_A2_v2" -> 20_480;
            case "Standard_D2s_v3" -> 16_384;
            case "Standard_D4s_v3", "Standard_F4s_v2" -> 32_768;
            case "Standard_D8s_v3" -> 65_536;
            case "Standard_F16s_v2" -> 131_072;
            case "Standard_NC6s_v3" -> 753_664;
            case "Standard_NC4as_T4_v3" -> 184_320;
            case "Standard_M64" -> 8_192_000; // MaxResourceVolumeMB in trusted-launch-faq.md's sample output
            case "Standard_D2s_v5", "Standard_D4s_v5", "Standard_D16s_v5", "Standard_E8s_v5" -> 0;
            default -> s.vCpus * 8_192L;
        };
    }

    private static ObjectNode cap(String name, String value) {
        return Json.o("name", name, "value", value);
    }

    /** The data plane's supported-image entry (spells nodeAgentSKUId). */
    public static ObjectNode imageJson(SupportedImage i) {
        return Json.o("nodeAgentSKUId", i.nodeAgentSkuId,
                "imageReference", Json.o("publisher", i.publisher, "offer", i.offer, "sku", i.sku, "version", "latest"),
                "verificationType", i.verification,
                "capabilities", i.capabilities.isEmpty() ? null : Json.node(i.capabilities),
                "osType", i.osType, "batchSupportEndOfLife", i.endOfLife);
    }
}
