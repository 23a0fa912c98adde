package io.poolforge.sandbox.arm.compute;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.state.Ids;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** VM, disk, snapshot and managed-image payloads in the shapes of the Compute REST examples. */
public final class ComputePayloads {
    /** A marketplace image: publisher, offer, sku, version. */
    public record Marketplace(String publisher, String offer, String sku, String version) {
    }

    /** Purchase plan of a third-party image. */
    public record Plan(String name, String publisher, String product) {
    }

    /** Everything that makes a demo VM differ from another. */
    public record VmSpec(String sub, String rg, String name, String location, String size, String osType, Marketplace image,
                  String imageId, boolean gen2, List<Integer> dataDiskLuns, boolean managed, List<String> extensions, Plan plan,
                  String powerState, String securityType, boolean encryptedOs, String osCaching, Instant created) {
        public VmSpec with(java.util.function.UnaryOperator<VmSpec> f) {
            return f.apply(this);
        }
    }

    private ComputePayloads() {
    }

    static String vmId(VmSpec s) {
        return Ids.res(s.sub, s.rg, "Microsoft.Compute/virtualMachines", s.name);
    }

    public static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    public static ObjectNode vm(VmSpec s) {
        String id = vmId(s);
        boolean windows = "Windows".equals(s.osType);
        ObjectNode storage = Json.o();
        if (s.image != null) {
            storage.set("imageReference", Json.o("publisher", s.image.publisher, "offer", s.image.offer, "sku", s.image.sku,
                    "version", s.image.version, "exactVersion", s.image.version.equals("latest") ? "2024.1105.1" : s.image.version));
        } else if (s.imageId != null) {
            storage.set("imageReference", Json.o("id", s.imageId));
        }
        String osDisk = s.name + "_OsDisk_1_" + uuid(id).replace("-", "").substring(0, 32);
        ObjectNode os = Json.o("osType", s.osType, "name", osDisk, "createOption", "FromImage", "caching", s.osCaching,
                "diskSizeGB", windows ? 127 : 30, "deleteOption", "Delete");
        if (s.managed) {
            os.set("managedDisk", Json.o("storageAccountType", "Premium_LRS", "id", Ids.res(s.sub, s.rg, "Microsoft.Compute/disks", osDisk)));
        } else {
            os.set("vhd", Json.o("uri", "https://st" + s.name.replace("-", "") + ".blob.core.windows.net/vhds/" + s.name + "-os.vhd"));
        }
        if (s.encryptedOs) {
            os.set("encryptionSettings", Json.o("enabled", true, "diskEncryptionKey", Json.o(
                    "secretUrl", "https://kv-" + s.rg + ".vault.azure.net/secrets/bek/0123456789abcdef",
                    "sourceVault", Json.o("id", Ids.res(s.sub, s.rg, "Microsoft.KeyVault/vaults", "kv-" + s.rg)))));
        }
        storage.set("osDisk", os);
        ArrayNode data = storage.putArray("dataDisks");
        for (int lun : s.dataDiskLuns) {
            String dn = s.name + "-data" + lun;
            data.add(Json.o("lun", lun, "name", dn, "createOption", lun == 0 ? "Empty" : "Attach", "caching", "ReadOnly",
                    "managedDisk", Json.o("storageAccountType", "Premium_LRS", "id", Ids.res(s.sub, s.rg, "Microsoft.Compute/disks", dn)),
                    "diskSizeGB", lun == 0 ? 256 : 512, "toBeDetached", false, "deleteOption", "Detach"));
        }
        storage.put("diskControllerType", "SCSI");
        ObjectNode osProfile = Json.o("computerName", s.name, "adminUsername", "azureuser",
                windows ? "windowsConfiguration" : "linuxConfiguration", windows
                        ? Json.o("provisionVMAgent", true, "enableAutomaticUpdates", true)
                        : Json.o("disablePasswordAuthentication", true, "provisionVMAgent", true),
                "secrets", Json.a(), "allowExtensionOperations", true, "requireGuestProvisionSignal", true);
        ObjectNode security = Json.o("securityType", s.securityType == null ? "Standard" : s.securityType);
        if ("TrustedLaunch".equals(s.securityType)) security.set("uefiSettings", Json.o("secureBootEnabled", true, "vTpmEnabled", true));
        ObjectNode props = Json.o("vmId", uuid("vm:" + id), "hardwareProfile", Json.o("vmSize", s.size), "storageProfile", storage,
                "osProfile", osProfile, "securityProfile", security,
                "networkProfile", Json.o("networkInterfaces", Json.a(Json.o("id", Ids.res(s.sub, s.rg, "Microsoft.Network/networkInterfaces", s.name + "-nic")))),
                "diagnosticsProfile", Json.o("bootDiagnostics", Json.o("enabled", true,
                        "storageUri", "https://stdiag" + s.rg.replace("-", "") + ".blob.core.windows.net/")),
                "extensionsTimeBudget", "PT1H30M",
                "provisioningState", "Succeeded", "timeCreated", s.created.toString());
        ObjectNode vm = Json.o("name", s.name, "id", id, "type", "Microsoft.Compute/virtualMachines", "location", s.location,
                "tags", Json.o("workload", "render"), "etag", "\"1\"");
        if (s.plan != null) vm.set("plan", Json.o("name", s.plan.name, "publisher", s.plan.publisher, "product", s.plan.product));
        vm.set("properties", props);
        if (!s.extensions.isEmpty()) {
            ArrayNode res = vm.putArray("resources");
            for (String ext : s.extensions) res.add(extension(id, s.location, ext, windows));
        }
        return vm;
    }

    static ObjectNode extension(String vmId, String location, String name, boolean windows) {
        return Json.o("name", name, "id", vmId + "/extensions/" + name, "type", "Microsoft.Compute/virtualMachines/extensions",
                "location", location, "tags", Json.o("displayName", name),
                "properties", Json.o("autoUpgradeMinorVersion", true, "provisioningState", "Succeeded",
                        "publisher", windows ? "Microsoft.Compute" : "Microsoft.Azure.Extensions",
                        "type", windows ? "CustomScriptExtension" : "CustomScript", "typeHandlerVersion", windows ? "1.10" : "2.1",
                        "settings", Json.o()));
    }

    /** The VM's instance view (power state, Hyper-V generation, OS). */
    static ObjectNode instanceView(ObjectNode vm, String powerState, boolean gen2, boolean generalized) {
        String name = vm.path("name").asText();
        String osType = Json.str(vm, "properties/storageProfile/osDisk/osType");
        String display = switch (powerState) {
            case "deallocated" -> "VM deallocated";
            case "stopped" -> "VM stopped";
            default -> "VM running";
        };
        ArrayNode disks = Json.a(Json.o("name", Json.str(vm, "properties/storageProfile/osDisk/name"),
                "statuses", Json.a(status("ProvisioningState/succeeded", "Provisioning succeeded"))));
        return Json.o("computerName", name, "osName", "Windows".equals(osType) ? "Windows Server 2022 Datacenter" : "ubuntu",
                "osVersion", "Windows".equals(osType) ? "10.0.20348" : "22.04", "hyperVGeneration", gen2 ? "V2" : "V1",
                "vmAgent", Json.o("vmAgentVersion", "2.7.41491.1102", "statuses", Json.a(status("ProvisioningState/succeeded", "Ready"))),
                "disks", disks,
                "statuses", statuses(powerState, display, generalized));
    }

    /**
     * Provisioning and power state, and OSState/generalized for a VM marked generalized (REST "Virtual Machines -
     * Generalize": "Sets the OS state of the virtual machine to generalized"; read 2026-12-07).
     */
    private static ArrayNode statuses(String powerState, String display, boolean generalized) {
        ArrayNode out = Json.a(status("ProvisioningState/succeeded", "Provisioning succeeded"));
        if (generalized) out.add(status("OSState/generalized", "VM generalized"));
        out.add(status("PowerState/" + powerState, display));
        return out;
    }

    private static ObjectNode status(String code, String display) {
        return Json.o("code", code, "level", "Info", "displayStatus", display);
    }

    /** A managed disk of a VM (OS disk when {@code osType} is set). */
    public static ObjectNode disk(String id, String location, String osType, boolean gen2, Marketplace image, Plan plan, int sizeGb,
                           String managedBy, String securityType, boolean encrypted, Instant created) {
        ObjectNode creation;
        if (osType != null && image != null) {
            creation = Json.o("createOption", "FromImage", "imageReference", Json.o("id", "/Subscriptions/" + Ids.subOf(id)
                    + "/Providers/Microsoft.Compute/Locations/" + location + "/Publishers/" + image.publisher + "/ArtifactTypes/VMImage/Offers/"
                    + image.offer + "/Skus/" + image.sku + "/Versions/" + (image.version.equals("latest") ? "2024.1105.1" : image.version)));
        } else {
            creation = Json.o("createOption", osType != null ? "FromImage" : "Empty");
        }
        ObjectNode p = Json.o("osType", osType, "hyperVGeneration", osType == null ? null : gen2 ? "V2" : "V1");
        if (plan != null) p.set("purchasePlan", Json.o("name", plan.name, "publisher", plan.publisher, "product", plan.product));
        if (osType != null) p.set("supportedCapabilities", Json.o("acceleratedNetwork", true, "architecture", "x64"));
        if (securityType != null) p.set("securityProfile", Json.o("securityType", securityType));
        p.set("creationData", creation);
        p.put("diskSizeGB", sizeGb);
        if (encrypted) {
            p.set("encryptionSettingsCollection", Json.o("enabled", true, "encryptionSettings", Json.a(Json.o("diskEncryptionKey", Json.o(
                    "sourceVault", Json.o("id", Ids.res(Ids.subOf(id), Ids.rgOf(id), "Microsoft.KeyVault/vaults", "kv-" + Ids.rgOf(id))),
                    "secretUrl", "https://kv-" + Ids.rgOf(id) + ".vault.azure.net/secrets/bek/0123456789abcdef")))));
        }
        p.set("encryption", Json.o("type", "EncryptionAtRestWithPlatformKey"));
        p.put("LastOwnershipUpdateTime", created.toString());
        p.put("timeCreated", created.toString());
        p.put("provisioningState", "Succeeded");
        p.put("diskState", managedBy == null ? "Unattached" : "Attached");
        p.put("diskSizeBytes", (long) sizeGb * 1024 * 1024 * 1024);
        p.put("uniqueId", uuid("disk:" + id));
        return Json.o("managedBy", managedBy, "sku", Json.o("name", "Premium_LRS", "tier", "Premium"), "properties", p,
                "type", "Microsoft.Compute/disks", "location", location, "tags", Json.o("workload", "render"),
                "id", id, "name", Ids.nameOf(id));
    }

    /** A snapshot copied from a disk or snapshot; inherits the source's OS, generation and plan. */
    public static ObjectNode snapshot(String id, String location, ObjectNode source, String sourceId, Instant created, ObjectNode tags) {
        ObjectNode sp = source == null ? Json.o() : (ObjectNode) source.path("properties");
        ObjectNode p = Json.o("osType", sp.path("osType").isMissingNode() ? null : sp.get("osType"),
                "hyperVGeneration", sp.get("hyperVGeneration"), "purchasePlan", sp.get("purchasePlan"),
                "supportedCapabilities", sp.get("supportedCapabilities"), "securityProfile", sp.get("securityProfile"),
                "creationData", Json.o("createOption", "Copy", "sourceResourceId", sourceId,
                        "sourceUniqueId", sp.path("uniqueId").asText(uuid("src:" + sourceId))),
                "diskSizeGB", sp.path("diskSizeGB").asInt(30), "encryptionSettingsCollection", sp.get("encryptionSettingsCollection"),
                "encryption", Json.o("type", "EncryptionAtRestWithPlatformKey"), "incremental", false,
                "timeCreated", created.toString(), "provisioningState", "Creating", "diskState", "Unattached",
                "diskSizeBytes", (long) sp.path("diskSizeGB").asInt(30) * 1024 * 1024 * 1024, "uniqueId", uuid("snap:" + id));
        return Json.o("properties", p, "sku", Json.o("name", "Standard_LRS", "tier", "Standard"), "type", "Microsoft.Compute/snapshots",
                "location", location, "tags", tags == null ? Json.o() : tags, "id", id, "name", Ids.nameOf(id));
    }
}
