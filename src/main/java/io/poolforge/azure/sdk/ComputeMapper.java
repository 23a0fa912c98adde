package io.poolforge.azure.sdk;

import com.azure.resourcemanager.compute.fluent.models.DiskInner;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageInner;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageVersionInner;
import com.azure.resourcemanager.compute.fluent.models.ImageInner;
import com.azure.resourcemanager.compute.fluent.models.SnapshotInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInner;
import com.azure.resourcemanager.compute.models.DataDisk;
import com.azure.resourcemanager.compute.models.GalleryImageFeature;
import com.azure.resourcemanager.compute.models.InstanceViewStatus;
import com.azure.resourcemanager.compute.models.OSDisk;
import com.azure.resourcemanager.compute.models.RegionalReplicationStatus;
import io.poolforge.azure.SnapshotInfo;
import io.poolforge.domain.DiskEncryption;
import io.poolforge.domain.DiskRef;
import io.poolforge.domain.GalleryImageInfo;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.ManagedImageInfo;
import io.poolforge.domain.OsState;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PowerState;
import io.poolforge.domain.PurchasePlan;
import io.poolforge.domain.RegionReplica;
import io.poolforge.domain.SecurityType;
import io.poolforge.domain.TempDrive;
import io.poolforge.domain.VmExtensionRef;
import io.poolforge.domain.VmSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** SDK compute models → domain records. Pure mapping; tolerant of absent optional parts. */
final class ComputeMapper {
    private ComputeMapper() {
    }

    static VmSummary vm(VirtualMachineInner vm, DiskInner osDiskResource) {
        ResourceId rid = ResourceId.parse(vm.id());
        var storage = vm.storageProfile();
        OSDisk os = storage == null ? null : storage.osDisk();
        DiskRef osDisk = osDisk(os, osDiskResource);
        List<DiskRef> data = new ArrayList<>();
        if (storage != null && storage.dataDisks() != null) {
            for (DataDisk d : storage.dataDisks()) data.add(dataDisk(d));
        }
        ImageReference image = null;
        var ref = storage == null ? null : storage.imageReference();
        if (ref != null) {
            if (ref.id() != null || ref.sharedGalleryImageId() != null || ref.communityGalleryImageId() != null) {
                image = ImageReference.ofId(firstNonNull(ref.id(), ref.sharedGalleryImageId(), ref.communityGalleryImageId()));
            } else if (ref.publisher() != null) {
                image = ImageReference.marketplace(ref.publisher(), ref.offer(), ref.sku(), ref.version());
            }
        }
        PurchasePlan plan = vm.plan() == null || vm.plan().name() == null ? null
                : new PurchasePlan(vm.plan().name(), vm.plan().publisher(), vm.plan().product());
        List<VmExtensionRef> extensions = new ArrayList<>();
        if (vm.resources() != null) {
            vm.resources().forEach(x -> extensions.add(new VmExtensionRef(lastSegment(x.name()), x.publisher(), x.typePropertiesType())));
        }
        PowerState power = PowerState.UNKNOWN;
        HyperVGeneration generation = null;
        boolean generalized = false;
        if (vm.instanceView() != null) {
            if (vm.instanceView().statuses() != null) {
                for (InstanceViewStatus s : vm.instanceView().statuses()) {
                    if (s.code() != null && s.code().startsWith("PowerState/")) power = PowerState.parse(s.code());
                    // PF-18: a VM marked generalized ("Virtual Machines - Generalize") reports OSState/generalized.
                    if (s.code() != null && s.code().equalsIgnoreCase(VmSummary.GENERALIZED_STATUS)) generalized = true;
                }
            }
            if (vm.instanceView().hyperVGeneration() != null) {
                generation = HyperVGeneration.parse(vm.instanceView().hyperVGeneration().toString());
            }
        }
        if (generation == null && osDiskResource != null && osDiskResource.hyperVGeneration() != null) {
            generation = HyperVGeneration.parse(osDiskResource.hyperVGeneration().toString());
        }
        SecurityType security = vm.securityProfile() == null || vm.securityProfile().securityType() == null
                ? SecurityType.STANDARD : SecurityType.parse(vm.securityProfile().securityType().toString());
        // PF-16: secure boot and vTPM as the VM has them (securityProfile.uefiSettings), for the pool's security profile.
        var u = vm.securityProfile() == null ? null : vm.securityProfile().uefiSettings();
        io.poolforge.domain.UefiSettings uefi = u == null ? io.poolforge.domain.UefiSettings.UNKNOWN
                : new io.poolforge.domain.UefiSettings(u.secureBootEnabled(), u.vTpmEnabled());
        return new VmSummary(vm.id(), vm.name(), rid.subscriptionId(), rid.resourceGroup(), vm.location(),
                os == null || os.osType() == null ? null : OsType.parse(os.osType().toString()),
                vm.hardwareProfile() == null || vm.hardwareProfile().vmSize() == null ? null : vm.hardwareProfile().vmSize().toString(),
                power, osDisk, data, image, plan, extensions, security, generation, encryption(os, osDiskResource),
                TempDrive.UNKNOWN, uefi, generalized);
    }

    private static DiskRef osDisk(OSDisk os, DiskInner resource) {
        if (os == null) return new DiskRef(null, "?", null, 0, false, null, null, null);
        boolean managed = os.managedDisk() != null && os.managedDisk().id() != null;
        int size = os.diskSizeGB() != null ? os.diskSizeGB()
                : resource != null && resource.diskSizeGB() != null ? resource.diskSizeGB() : 0;
        return new DiskRef(managed ? os.managedDisk().id() : null, Objects.requireNonNullElse(os.name(), "osdisk"), null, size,
                managed, managed && os.managedDisk().storageAccountType() != null ? os.managedDisk().storageAccountType().toString() : null,
                os.vhd() == null ? null : os.vhd().uri(), os.caching() == null ? null : os.caching().toString());
    }

    private static DiskRef dataDisk(DataDisk d) {
        boolean managed = d.managedDisk() != null && d.managedDisk().id() != null;
        return new DiskRef(managed ? d.managedDisk().id() : null, Objects.requireNonNullElse(d.name(), "disk" + d.lun()), d.lun(),
                d.diskSizeGB() == null ? 0 : d.diskSizeGB(), managed,
                managed && d.managedDisk().storageAccountType() != null ? d.managedDisk().storageAccountType().toString() : null,
                d.vhd() == null ? null : d.vhd().uri(), d.caching() == null ? null : d.caching().toString());
    }

    private static DiskEncryption encryption(OSDisk os, DiskInner resource) {
        if (os == null) return DiskEncryption.UNKNOWN;
        if (os.encryptionSettings() != null && Boolean.TRUE.equals(os.encryptionSettings().enabled())) {
            return DiskEncryption.AZURE_DISK_ENCRYPTION;
        }
        if (os.managedDisk() != null && os.managedDisk().securityProfile() != null
                && os.managedDisk().securityProfile().securityEncryptionType() != null) {
            return DiskEncryption.CONFIDENTIAL;
        }
        if (os.managedDisk() != null && os.managedDisk().diskEncryptionSet() != null
                && os.managedDisk().diskEncryptionSet().id() != null) {
            return DiskEncryption.CUSTOMER_KEY;
        }
        if (resource != null) {
            if (resource.encryptionSettingsCollection() != null && Boolean.TRUE.equals(resource.encryptionSettingsCollection().enabled())) {
                return DiskEncryption.AZURE_DISK_ENCRYPTION;
            }
            if (resource.encryption() != null && resource.encryption().type() != null) {
                return resource.encryption().type().toString().contains("Customer") ? DiskEncryption.CUSTOMER_KEY : DiskEncryption.PLATFORM_KEY;
            }
            return DiskEncryption.PLATFORM_KEY;
        }
        return os.managedDisk() != null ? DiskEncryption.PLATFORM_KEY : DiskEncryption.UNKNOWN;
    }

    static DiskRef disk(DiskInner d) {
        return new DiskRef(d.id(), d.name(), null, d.diskSizeGB() == null ? 0 : d.diskSizeGB(), true,
                d.sku() == null || d.sku().name() == null ? null : d.sku().name().toString(), null, null);
    }

    static SnapshotInfo snapshot(SnapshotInner s) {
        return new SnapshotInfo(s.id(), s.name(), s.location(),
                s.creationData() == null ? null : s.creationData().sourceResourceId(),
                s.diskSizeGB() == null ? 0 : s.diskSizeGB(), Boolean.TRUE.equals(s.incremental()),
                s.provisioningState(), s.timeCreated() == null ? null : s.timeCreated().toInstant());
    }

    static ManagedImageInfo image(ImageInner i) {
        ResourceId rid = ResourceId.parse(i.id());
        List<String> sources = new ArrayList<>();
        var sp = i.storageProfile();
        OsType os = null;
        OsState state = null;
        if (sp != null && sp.osDisk() != null) {
            var d = sp.osDisk();
            os = d.osType() == null ? null : OsType.parse(d.osType().toString());
            state = d.osState() == null ? null : OsState.parse(d.osState().toString());
            if (d.snapshot() != null) sources.add(d.snapshot().id());
            if (d.managedDisk() != null) sources.add(d.managedDisk().id());
        }
        if (sp != null && sp.dataDisks() != null) {
            sp.dataDisks().forEach(d -> {
                if (d.snapshot() != null) sources.add(d.snapshot().id());
                if (d.managedDisk() != null) sources.add(d.managedDisk().id());
            });
        }
        if (i.sourceVirtualMachine() != null) sources.add(i.sourceVirtualMachine().id());
        return new ManagedImageInfo(i.id(), i.name(), rid.subscriptionId(), rid.resourceGroup(), i.location(), os, state,
                i.hyperVGeneration() == null ? null : HyperVGeneration.parse(i.hyperVGeneration().toString()), sources);
    }

    static GalleryImageInfo imageDefinition(GalleryImageInner g) {
        ResourceId rid = ResourceId.parse(g.id());
        SecurityType security = SecurityType.STANDARD;
        if (g.features() != null) {
            for (GalleryImageFeature f : g.features()) {
                if ("SecurityType".equalsIgnoreCase(f.name())) security = SecurityType.parse(f.value());
            }
        }
        var ident = g.identifier();
        var pp = g.purchasePlan();
        return new GalleryImageInfo(g.id(), g.name(), rid.name(0), rid.subscriptionId(), rid.resourceGroup(), g.location(),
                g.osType() == null ? null : OsType.parse(g.osType().toString()),
                g.osState() == null ? null : OsState.parse(g.osState().toString()),
                g.hyperVGeneration() == null ? null : HyperVGeneration.parse(g.hyperVGeneration().toString()), security,
                ident == null ? null : ident.publisher(), ident == null ? null : ident.offer(), ident == null ? null : ident.sku(),
                pp == null || pp.name() == null ? null : new PurchasePlan(pp.name(), pp.publisher(), pp.product()));
    }

    static GalleryImageVersionInfo imageVersion(GalleryImageVersionInner v, GalleryImageInfo definition) {
        List<RegionReplica> replicas = new ArrayList<>();
        if (v.publishingProfile() != null && v.publishingProfile().targetRegions() != null) {
            v.publishingProfile().targetRegions().forEach(t -> replicas.add(new RegionReplica(t.name(),
                    t.regionalReplicaCount() == null ? 1 : t.regionalReplicaCount(), state(v, t.name()))));
        }
        List<String> sources = new ArrayList<>();
        var sp = v.storageProfile();
        if (sp != null) {
            if (sp.source() != null && sp.source().id() != null) sources.add(sp.source().id());
            if (sp.osDiskImage() != null && sp.osDiskImage().source() != null && sp.osDiskImage().source().id() != null) {
                sources.add(sp.osDiskImage().source().id());
            }
            if (sp.dataDiskImages() != null) {
                sp.dataDiskImages().forEach(d -> {
                    if (d.source() != null && d.source().id() != null) sources.add(d.source().id());
                });
            }
        }
        List<String> hidden = new ArrayList<>();
        if (v.publishingProfile() != null && v.publishingProfile().targetRegions() != null) {
            v.publishingProfile().targetRegions().forEach(t -> {
                if (Boolean.TRUE.equals(t.excludeFromLatest())) hidden.add(t.name());
            });
        }
        return new GalleryImageVersionInfo(v.id(), v.name(), definition, replicas, sources,
                v.provisioningState() == null ? null : v.provisioningState().toString(),
                v.publishingProfile() != null && Boolean.TRUE.equals(v.publishingProfile().excludeFromLatest()), hidden);
    }

    private static String state(GalleryImageVersionInner v, String region) {
        if (v.replicationStatus() == null || v.replicationStatus().summary() == null) return null;
        for (RegionalReplicationStatus s : v.replicationStatus().summary()) {
            if (io.poolforge.domain.Regions.same(s.region(), region)) return s.state() == null ? null : s.state().toString();
        }
        return null;
    }

    private static String lastSegment(String name) {
        if (name == null) return "?";
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
