package io.poolforge.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PF-22: the names and ids a plan gives for resources it does not create (subscriptions, resource groups, the Batch
 * account, the VM and its disks) are names, checked offline before anything else: a resource group "rg/../x" or an
 * account "acct/../other" would otherwise reach Azure as another path (and a run would fail on the first resource
 * made there, naming that resource instead of the bad name).
 *
 * <p>Sources (read 2026-12-07): "Naming rules and restrictions for Azure resources",
 * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules — resourcegroups: "1-90",
 * "Underscores, hyphens, periods, parentheses, and letters or digits. Can't end with period."; Microsoft.Batch
 * batchAccounts: "3-24", "Lowercase letters and numbers.".
 */
final class PlanResourceNames {
    private PlanResourceNames() {
    }

    /** Letters and digits here are Unicode letters and digits, as the naming page's "letters or digits" allows. */
    private static final Pattern RESOURCE_GROUP = Pattern.compile("[\\p{L}\\p{Nd}_\\-.()]{1,90}");
    private static final Pattern BATCH_ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
    /** A VM or disk name: no path separators, no "." or ".." segment (Azure's names for them allow neither). */
    private static final Pattern SEGMENT = Pattern.compile("[^/\\\\?#]+");

    static List<Finding> check(Plan plan) {
        List<Finding> out = new ArrayList<>();
        if (plan.snapshots() != null) {
            group(out, "/snapshots/resourceGroup", plan.snapshots().resourceGroup());
            if (plan.snapshots().osDisk() != null) armId(out, "/snapshots/osDisk/diskId", plan.snapshots().osDisk().diskId(), "disks");
            if (plan.snapshots().dataDisks() != null) {
                for (int i = 0; i < plan.snapshots().dataDisks().size(); i++) {
                    armId(out, "/snapshots/dataDisks/" + i + "/diskId", plan.snapshots().dataDisks().get(i).diskId(), "disks");
                }
            }
        }
        if (plan.source() != null) armId(out, "/source/vmId", plan.source().vmId(), "virtualMachines");
        if (plan.image() != null) {
            group(out, "/image/resourceGroup", plan.image().resourceGroup());
        }
        if (plan.pool() != null && plan.pool().batchAccount() != null) {
            Plan.BatchAccount a = plan.pool().batchAccount();
            group(out, "/pool/batchAccount/resourceGroup", a.resourceGroup());
            if (a.name() != null && !BATCH_ACCOUNT.matcher(a.name()).matches()) {
                out.add(Finding.structure("NAME_BATCH_ACCOUNT_INVALID", "plan.check.batchAccountName", "/pool/batchAccount/name", a.name()));
            }
        }
        return out;
    }

    private static void group(List<Finding> out, String path, String value) {
        if (value == null) return;
        if (!RESOURCE_GROUP.matcher(value).matches() || value.endsWith(".") || value.contains("..")) {
            out.add(Finding.structure("NAME_RESOURCE_GROUP_INVALID", "plan.check.resourceGroupName", path, value));
        }
    }

    /**
     * An id of the shape /subscriptions/{guid}/resourceGroups/{group}/providers/Microsoft.Compute/{type}/{name} (the
     * shape itself is PlanShapeRules' RESOURCE_ID_INVALID): its group must be a group name and its name no "." or "..".
     */
    private static void armId(List<Finding> out, String path, String value, String type) {
        if (value == null) return;
        String[] p = value.split("/", -1);
        boolean shape = p.length == 9 && p[0].isEmpty() && p[1].equalsIgnoreCase("subscriptions") && p[3].equalsIgnoreCase("resourceGroups")
                && p[5].equalsIgnoreCase("providers") && p[6].equalsIgnoreCase("Microsoft.Compute") && p[7].equalsIgnoreCase(type);
        if (!shape) return;
        group(out, path, p[4]);
        if (!SEGMENT.matcher(p[8]).matches() || p[8].equals(".") || p[8].equals("..")) {
            out.add(Finding.structure("PLAN_RESOURCE_ID_INVALID", "plan.check.resourceId", path, value, type));
        }
    }
}
