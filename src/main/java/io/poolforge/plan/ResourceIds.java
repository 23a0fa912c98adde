package io.poolforge.plan;

/** ARM resource ids of what a plan creates (the ids the runner, the journal and the exports share). */
public final class ResourceIds {
    private ResourceIds() {
    }

    static String group(String subscriptionId, String resourceGroup) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup;
    }

    public static String snapshot(Plan plan, String snapshotName) {
        Plan.Snapshots s = plan.snapshots();
        return group(s.subscriptionId(), s.resourceGroup()) + "/providers/Microsoft.Compute/snapshots/" + snapshotName;
    }

    public static String gallery(Plan plan) {
        Plan.Image i = plan.image();
        return group(i.subscriptionId(), i.resourceGroup()) + "/providers/Microsoft.Compute/galleries/"
                + i.gallery().name();
    }

    public static String imageDefinition(Plan plan) {
        return gallery(plan) + "/images/" + plan.image().gallery().imageDefinition();
    }

    /** The gallery image version (or definition, for "latest") or managed image the pool uses; null for Marketplace. */
    public static String image(Plan plan) {
        return plan.marketplace() ? null : plan.imagePlan().imageId();
    }

    public static String batchAccount(Plan plan) {
        Plan.BatchAccount a = plan.pool().batchAccount();
        return group(a.subscriptionId(), a.resourceGroup()) + "/providers/Microsoft.Batch/batchAccounts/" + a.name();
    }

    public static String pool(Plan plan) {
        return batchAccount(plan) + "/pools/" + plan.pool().poolId();
    }
}
