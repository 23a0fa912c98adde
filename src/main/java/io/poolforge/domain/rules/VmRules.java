package io.poolforge.domain.rules;

import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.DiskRef;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.Regions;
import io.poolforge.domain.SecurityType;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmExtensionRef;
import io.poolforge.domain.VmSummary;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Can this VM be the source of a Batch custom image? Encodes "Prepare a VM" of batch-sig-images
 * (2024) and batch-custom-images (2019 seed): managed disks only, no Azure extensions, a supported
 * first-party Marketplace base image (third-party with a purchase plan allowed since the 2024 text if
 * the gallery image definition carries the plan — the 2019 text forbade it; the newer rule wins),
 * the default temporary drive, an OS disk not encrypted in the guest, data disks mounted and
 * formatted inside the image, and the Batch account's subscription and region.
 */
public final class VmRules {
    private VmRules() {
    }

    /**
     * @param vm the candidate VM
     * @param account the Batch account the pool will live in (null: the subscription/region checks are skipped)
     * @param supported Batch's supported images (List Supported Images) for that account
     * @param target what the image step will build (GALLERY by default)
     * @param today the date for end-of-life checks (injected)
     */
    public static List<Violation> check(VmSummary vm, BatchAccountInfo account, List<SupportedImage> supported,
                                        ImageTarget target, LocalDate today) {
        List<Violation> out = new ArrayList<>();
        String name = vm.name();
        ImageTarget kind = target == null ? ImageTarget.GALLERY : target;

        // Managed disks only.
        if (!vm.osDisk().managed()) out.add(Violation.of(RuleCode.VM_UNMANAGED_DISK, name, vm.osDisk().name()));
        for (DiskRef d : vm.dataDisks()) {
            if (!d.managed()) out.add(Violation.of(RuleCode.VM_UNMANAGED_DATA_DISK, name, d.name(), d.lun()));
        }

        // No Azure extensions.
        if (!vm.extensions().isEmpty()) {
            out.add(Violation.of(RuleCode.VM_EXTENSIONS_INSTALLED, name,
                    vm.extensions().stream().map(VmExtensionRef::name).collect(Collectors.joining(", "))));
        }

        // Base image: a Marketplace image Batch supports.
        if (vm.imageReference() == null || !vm.imageReference().isMarketplace()) {
            out.add(Violation.of(RuleCode.VM_BASE_IMAGE_NOT_MARKETPLACE, name,
                    vm.imageReference() == null ? "?" : vm.imageReference().id()));
        } else {
            Optional<SupportedImage> match = (supported == null ? List.<SupportedImage>of() : supported).stream()
                    .filter(s -> s.imageReference().sameSku(vm.imageReference())).findFirst();
            if (match.isEmpty()) {
                out.add(Violation.of(RuleCode.VM_BASE_IMAGE_UNSUPPORTED, name, vm.imageReference().display()));
            } else {
                SupportedImage s = match.get();
                if (s.batchSupportEndOfLife() != null) {
                    out.add(Violation.of(RuleCode.VM_BASE_IMAGE_END_OF_LIFE, name, vm.imageReference().display(),
                            s.batchSupportEndOfLife().atZone(ZoneOffset.UTC).toLocalDate()));
                } else if (!s.verified()) {
                    out.add(Violation.of(RuleCode.VM_BASE_IMAGE_UNVERIFIED, name, vm.imageReference().display()));
                }
            }
        }

        // Purchase plan: allowed for a gallery image that carries the same plan (2024); not for a managed image.
        if (vm.plan() != null) {
            out.add(Violation.of(kind == ImageTarget.MANAGED ? RuleCode.VM_PURCHASE_PLAN_MANAGED : RuleCode.VM_PURCHASE_PLAN,
                    name, vm.plan().display()));
        }

        // Default temporary drive.
        switch (vm.tempDrive()) {
            case CUSTOMIZED -> out.add(Violation.of(RuleCode.VM_TEMP_DRIVE_CHANGED, name));
            case NONE -> out.add(Violation.of(RuleCode.VM_NO_TEMP_DRIVE, name, vm.vmSize()));
            case UNKNOWN -> out.add(Violation.of(RuleCode.VM_TEMP_DRIVE_UNKNOWN, name));
            default -> { }
        }

        // Subscription and region of the Batch account.
        if (account != null) {
            if (vm.subscriptionId() != null && account.subscriptionId() != null
                    && !vm.subscriptionId().equalsIgnoreCase(account.subscriptionId())) {
                out.add(Violation.of(kind == ImageTarget.MANAGED ? RuleCode.VM_OTHER_SUBSCRIPTION
                        : RuleCode.VM_OTHER_SUBSCRIPTION_GALLERY, name, vm.subscriptionId(), account.name(),
                        account.subscriptionId()));
            }
            if (vm.location() != null && !Regions.same(vm.location(), account.location())) {
                out.add(Violation.of(kind == ImageTarget.MANAGED ? RuleCode.VM_OTHER_REGION : RuleCode.VM_OTHER_REGION_GALLERY,
                        name, vm.location(), account.name(), account.location()));
            }
        }

        // OS disk encryption.
        String osDisk = vm.osDisk().name();
        switch (vm.osDiskEncryption()) {
            case AZURE_DISK_ENCRYPTION -> out.add(Violation.of(RuleCode.VM_OS_DISK_ENCRYPTED, name, osDisk));
            case CONFIDENTIAL -> out.add(Violation.of(RuleCode.VM_OS_DISK_CONFIDENTIAL, name, osDisk));
            case CUSTOMER_KEY -> out.add(Violation.of(RuleCode.VM_OS_DISK_CUSTOMER_KEY, name, osDisk));
            case UNKNOWN -> out.add(Violation.of(RuleCode.VM_OS_DISK_ENCRYPTION_UNKNOWN, name, osDisk));
            default -> { }
        }

        // Generation and security type: recorded, matched later by the image and pool rules.
        if (vm.hyperVGeneration() == null) {
            out.add(Violation.of(RuleCode.VM_GENERATION_UNKNOWN, name));
        } else if (vm.hyperVGeneration() != HyperVGeneration.V1
                || vm.securityType() != SecurityType.STANDARD) {
            // Typed arguments: whoever renders the text shows their display names ("Trusted launch"), not the constants.
            out.add(Violation.of(RuleCode.VM_SECURITY_PROFILE, name, vm.hyperVGeneration(), vm.securityType()));
        }

        // Power state: a snapshot of a running VM is crash-consistent.
        switch (vm.powerState()) {
            case RUNNING -> out.add(Violation.of(RuleCode.VM_RUNNING, name));
            case STARTING, STOPPING, DEALLOCATING -> out.add(
                    Violation.of(RuleCode.VM_POWER_STATE_TRANSITIONAL, name, vm.powerState()));
            default -> { }
        }

        // Data disks must be mounted and formatted inside the image.
        if (!vm.dataDisks().isEmpty()) {
            out.add(Violation.of(RuleCode.VM_DATA_DISKS, name, vm.dataDisks().stream()
                    .map(d -> d.name() + " (LUN " + d.lun() + ")").collect(Collectors.joining(", "))));
        }

        // Advice: ReadWrite caching on the OS disk provisions pools faster.
        if (vm.osDisk().managed() && vm.osDisk().caching() != null && !"ReadWrite".equalsIgnoreCase(vm.osDisk().caching())) {
            out.add(Violation.of(RuleCode.VM_OS_DISK_CACHING, name, osDisk, vm.osDisk().caching()));
        }
        return List.copyOf(out);
    }
}
