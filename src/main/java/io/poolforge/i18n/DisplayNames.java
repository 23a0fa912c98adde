package io.poolforge.i18n;

import io.poolforge.domain.AllocationState;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageTarget;
import io.poolforge.domain.OsState;
import io.poolforge.domain.OsType;
import io.poolforge.domain.PoolAllocationMode;
import io.poolforge.domain.PowerState;
import io.poolforge.domain.SecurityType;
import io.poolforge.domain.TempDrive;
import java.util.Locale;

/**
 * The display name (a message key) of every state and enum PoolForge shows to a user, so that no
 * screen or CLI line shows {@code STEADY} or {@code TRUSTED_LAUNCH}. {@link Messages#get} uses it
 * for enum arguments; views use {@link #key(Enum)} for cells. Enums without a display name here
 * render as their name in words ("IMAGE_VERSION" → "image version"), never as the constant.
 * Node states are Batch's strings (idle, startTaskFailed...), mapped by {@link #nodeStateKey}.
 */
public final class DisplayNames {
    private DisplayNames() {
    }

    /** The key of an enum's display name, or null when this class does not know the enum. */
    public static String key(Enum<?> e) {
        if (e instanceof AllocationState a) {
            return switch (a) {
                case STEADY -> "watch.allocation.steady";
                case RESIZING -> "watch.allocation.resizing";
                case STOPPING -> "watch.allocation.stopping";
            };
        }
        if (e instanceof PowerState p) {
            return switch (p) {
                case RUNNING -> "wizard.vm.power.running";
                case DEALLOCATED -> "wizard.vm.power.deallocated";
                case STOPPED -> "wizard.vm.power.stopped";
                case STARTING -> "wizard.vm.power.starting";
                case STOPPING -> "wizard.vm.power.stopping";
                case DEALLOCATING -> "wizard.vm.power.deallocating";
                default -> "wizard.vm.power.unknown";
            };
        }
        if (e instanceof OsType o) return o == OsType.WINDOWS ? "ui.enum.os.windows" : "ui.enum.os.linux";
        if (e instanceof SecurityType s) {
            return switch (s) {
                case STANDARD -> "ui.enum.security.standard";
                case TRUSTED_LAUNCH -> "ui.enum.security.trustedLaunch";
                case CONFIDENTIAL_VM -> "ui.enum.security.confidential";
                case TRUSTED_LAUNCH_SUPPORTED -> "ui.enum.security.trustedLaunchSupported";
                case TRUSTED_LAUNCH_AND_CONFIDENTIAL_VM_SUPPORTED -> "ui.enum.security.trustedLaunchAndConfidentialSupported";
                case CONFIDENTIAL_VM_SUPPORTED -> "ui.enum.security.confidentialSupported";
            };
        }
        if (e instanceof HyperVGeneration g) return g == HyperVGeneration.V2 ? "ui.enum.generation.v2" : "ui.enum.generation.v1";
        if (e instanceof OsState s) return s == OsState.SPECIALIZED ? "ui.enum.osState.specialized" : "ui.enum.osState.generalized";
        if (e instanceof ImageTarget t) return t == ImageTarget.MANAGED ? "inspect.value.managedImage" : "inspect.value.galleryImage";
        if (e instanceof PoolAllocationMode m) {
            return m == PoolAllocationMode.USER_SUBSCRIPTION ? "wizard.signin.account.mode.user" : "wizard.signin.account.mode.batch";
        }
        if (e instanceof TempDrive t) {
            return switch (t) {
                case DEFAULT -> "ui.enum.tempDrive.default";
                case CUSTOMIZED -> "ui.enum.tempDrive.customized";
                case NONE -> "ui.enum.tempDrive.none";
                case UNKNOWN -> "ui.enum.tempDrive.unknown";
            };
        }
        if (e instanceof io.poolforge.domain.diagnose.Cause c) return causeKey(c);
        return null;
    }

    /** PF-20: a diagnosis' badge when Azure gave no error code (the cause in the user's words, not NODES_UNUSABLE). */
    private static String causeKey(io.poolforge.domain.diagnose.Cause c) {
        return switch (c) {
            case IMAGE_DELETED -> "diagnose.badge.imageDeleted";
            case SOURCE_SNAPSHOT_DELETED -> "diagnose.badge.sourceSnapshotDeleted";
            case GENERATION_MISMATCH -> "diagnose.badge.generationMismatch";
            case RESOURCE_LOCKED -> "diagnose.badge.resourceLocked";
            case IMAGE_ACCESS_DENIED -> "diagnose.badge.imageAccessDenied";
            case ALLOCATION_FAILED -> "diagnose.badge.allocationFailed";
            case ALLOCATION_TIMED_OUT -> "diagnose.badge.allocationTimedOut";
            case ACCOUNT_CORE_QUOTA -> "diagnose.badge.accountCoreQuota";
            case ACCOUNT_LOW_PRIORITY_QUOTA -> "diagnose.badge.accountLowPriorityQuota";
            case ACCOUNT_VM_SERIES_QUOTA -> "diagnose.badge.accountVmSeriesQuota";
            case INSUFFICIENT_SUBNET -> "diagnose.badge.insufficientSubnet";
            case NODE_AGENT_MISMATCH -> "diagnose.badge.nodeAgentMismatch";
            case NODES_UNUSABLE -> "diagnose.badge.nodesUnusable";
            case STALE_ERROR -> "diagnose.badge.stale";
            default -> "diagnose.badge.unknown";
        };
    }

    /** An enum's constant in words, for enums without a display name: "IMAGE_VERSION" → "image version". */
    public static String words(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The label key of a Batch node state; unknown states use {@code watch.state.other} with the raw name. */
    public static String nodeStateKey(String state) {
        String s = state == null ? "" : state.toLowerCase(Locale.ROOT).replace("_", "");
        return switch (s) {
            case "idle" -> "watch.state.idle";
            case "running" -> "watch.state.running";
            case "creating" -> "watch.state.creating";
            case "starting" -> "watch.state.starting";
            case "waitingforstarttask" -> "watch.state.waitingForStartTask";
            case "starttaskfailed" -> "watch.state.startTaskFailed";
            case "rebooting" -> "watch.state.rebooting";
            case "reimaging" -> "watch.state.reimaging";
            case "upgradingos" -> "watch.state.upgradingOs";
            case "leavingpool" -> "watch.state.leavingPool";
            case "offline" -> "watch.state.offline";
            case "preempted" -> "watch.state.preempted";
            case "deallocating" -> "watch.state.deallocating";
            case "deallocated" -> "watch.state.deallocated";
            case "unusable" -> "watch.state.unusable";
            case "unknown" -> "watch.state.unknown";
            default -> "watch.state.other";
        };
    }
}
