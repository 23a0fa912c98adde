package io.poolforge.ui.wizard.vm;

import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.VmSummary;
import io.poolforge.domain.rules.RuleCode;
import io.poolforge.domain.rules.Severity;
import io.poolforge.domain.rules.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A VM in the table, with what the rules say of it. Findings that would be the same for every VM
 * (things PoolForge cannot read from Azure, see {@link #CHECKLIST}) are left out: the image step
 * asks for them once, as a checklist.
 */
public record VmRow(VmSummary vm, List<Violation> violations) {
    /** Rules about what lies inside the VM's OS, which no Azure API answers: confirmed once, not noted per VM. */
    public static final Set<RuleCode> CHECKLIST = EnumSet.of(RuleCode.VM_TEMP_DRIVE_UNKNOWN);

    public VmRow {
        violations = violations.stream().filter(v -> !CHECKLIST.contains(v.code())).toList();
    }

    /** Whether it can be the source of a Batch image. */
    public enum Eligibility { ELIGIBLE, WARNINGS, BLOCKED }

    public Eligibility eligibility() {
        if (Violation.anyBlocking(violations)) return Eligibility.BLOCKED;
        return violations.stream().anyMatch(v -> v.severity() == Severity.WARNING) ? Eligibility.WARNINGS : Eligibility.ELIGIBLE;
    }

    /**
     * The badge: "Eligible", or what needs attention, by kind: "Not eligible: extensions",
     * "Eligible, check data disks +1". Of the kinds, the rarest-to-share comes first (a running VM last).
     */
    public LocalizedText badge() {
        Eligibility e = eligibility();
        if (e == Eligibility.ELIGIBLE) return LocalizedText.of("wizard.vm.badge.eligible");
        Severity wanted = e == Eligibility.BLOCKED ? Severity.ERROR : Severity.WARNING;
        List<String> topics = new ArrayList<>();
        violations.stream().filter(v -> v.severity() == wanted).map(v -> topicKey(v.code()))
                .sorted(Comparator.comparing(k -> k.equals("wizard.vm.topic.running") ? 1 : 0))
                .forEach(k -> {
                    if (!topics.contains(k)) topics.add(k);
                });
        LocalizedText first = LocalizedText.of(topics.get(0));
        LocalizedText topic = topics.size() == 1 ? first : LocalizedText.of("wizard.vm.badge.more", first, topics.size() - 1);
        return LocalizedText.of(e == Eligibility.BLOCKED ? "wizard.vm.badge.blocked" : "wizard.vm.badge.warnings", topic);
    }

    /** The kind of thing a rule is about, as a message key. */
    static String topicKey(RuleCode code) {
        return switch (code) {
            case VM_UNMANAGED_DISK, VM_UNMANAGED_DATA_DISK -> "wizard.vm.topic.disks";
            case VM_EXTENSIONS_INSTALLED -> "wizard.vm.topic.extensions";
            case VM_BASE_IMAGE_UNSUPPORTED, VM_BASE_IMAGE_NOT_MARKETPLACE, VM_BASE_IMAGE_END_OF_LIFE, VM_BASE_IMAGE_UNVERIFIED ->
                    "wizard.vm.topic.baseImage";
            case VM_PURCHASE_PLAN, VM_PURCHASE_PLAN_MANAGED -> "wizard.vm.topic.plan";
            case VM_TEMP_DRIVE_CHANGED, VM_NO_TEMP_DRIVE, VM_TEMP_DRIVE_UNKNOWN -> "wizard.vm.topic.tempDrive";
            case VM_OTHER_SUBSCRIPTION, VM_OTHER_SUBSCRIPTION_GALLERY -> "wizard.vm.topic.subscription";
            case VM_OTHER_REGION, VM_OTHER_REGION_GALLERY -> "wizard.vm.topic.region";
            case VM_OS_DISK_ENCRYPTED, VM_OS_DISK_CONFIDENTIAL, VM_OS_DISK_CUSTOMER_KEY, VM_OS_DISK_ENCRYPTION_UNKNOWN ->
                    "wizard.vm.topic.encryption";
            case VM_SECURITY_PROFILE -> "wizard.vm.topic.security";
            case VM_GENERATION_UNKNOWN -> "wizard.vm.topic.generation";
            case VM_RUNNING, VM_POWER_STATE_TRANSITIONAL -> "wizard.vm.topic.running";
            case VM_DATA_DISKS -> "wizard.vm.topic.dataDisks";
            case VM_OS_DISK_CACHING -> "wizard.vm.topic.caching";
            default -> "wizard.vm.topic.other";
        };
    }

    /** The source image's SKU ("22_04-lts-gen2"), or the custom image's short name; the full reference goes in a tooltip. */
    public String sourceImageShort() {
        if (vm.imageReference() == null) return "";
        String full = vm.imageReference().display();
        if (full.startsWith("/")) return io.poolforge.ui.Tables.shortName(full);
        String[] urn = full.split(":");
        return urn.length >= 3 ? urn[2] : full;
    }

    public String sourceImage() {
        return vm.imageReference() == null ? "" : vm.imageReference().display();
    }

    public int diskCount() { return 1 + vm.dataDisks().size(); }
}
