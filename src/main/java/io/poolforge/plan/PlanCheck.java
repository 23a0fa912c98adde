package io.poolforge.plan;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The plan document's own structure, beyond what binding checks: required fields, Azure spellings
 * of the enumerations, non-negative counts, distinct LUNs, ISO-8601 resize timeout, the section the
 * image target needs. Mirrors docs/plan.schema.json (PlanSchemaTest keeps the two in step).
 */
public final class PlanCheck {
    static final List<String> OS_TYPES = List.of("Linux", "Windows");
    static final List<String> GENERATIONS = List.of("V1", "V2");
    static final List<String> OS_STATES = List.of("Generalized", "Specialized");
    static final List<String> SECURITY_TYPES = List.of("Standard", "TrustedLaunch", "TrustedLaunchSupported",
            "TrustedLaunchAndConfidentialVmSupported", "ConfidentialVM", "ConfidentialVMSupported");
    /** Batch's SecurityTypes PoolForge writes on a pool (PF-16). */
    static final List<String> POOL_SECURITY_TYPES = List.of("trustedLaunch");
    static final List<String> TARGETS = List.of("gallery", "managed");
    static final List<String> IMAGE_TYPES = List.of(Plan.IMAGE_TYPE_GALLERY, Plan.IMAGE_TYPE_MARKETPLACE);

    private final List<Finding> out = new ArrayList<>();

    private PlanCheck() {
    }

    /** Structural problems of {@code plan} (all ERROR); empty when the plan can be resolved, checked and run. */
    public static List<Finding> check(Plan plan) {
        PlanCheck c = new PlanCheck();
        c.plan(plan);
        c.securityProfile(plan);
        return List.copyOf(c.out);
    }

    /**
     * PF-16: a TrustedLaunch image definition "can create Trusted Launch VMs only" (trusted-launch-portal.md) and Compute refuses
     * any other VM from it ("The provided gallery image only supports creation of VMs and VM Scale Sets with 'TrustedLaunch'
     * security type.", hashicorp/terraform-provider-azurerm#23148): the pool must carry securityProfile trustedLaunch.
     */
    private void securityProfile(Plan p) {
        if (p.pool() == null) return;
        Plan.SecurityProfile sp = p.pool().securityProfile();
        if (sp != null) oneOf("/pool/securityProfile/securityType", sp.securityType(), POOL_SECURITY_TYPES, false);
        boolean needsTrustedLaunch = !p.marketplace() && p.image() != null && "TrustedLaunch".equals(p.image().securityType());
        if (needsTrustedLaunch && (sp == null || !"trustedLaunch".equals(sp.securityType()))) {
            out.add(Finding.structure("PLAN_SECURITY_PROFILE_MISSING", "plan.check.securityProfileMissing", "/pool/securityProfile",
                    p.image().securityType()));
        }
    }

    private void plan(Plan p) {
        Plan.Source s = p.source();
        // A Marketplace pool (PF-15): the pool alone, on a Marketplace image; no VM, snapshots or image to build.
        if (p.marketplace()) {
            for (var extra : List.of(new Object[] {"/source", s}, new Object[] {"/snapshots", p.snapshots()},
                    new Object[] {"/image", p.image()})) {
                if (extra[1] != null) {
                    out.add(Finding.structure("PLAN_BAD_VALUE", "plan.check.marketplaceOnly", (String) extra[0]));
                }
            }
            pool(p.pool());
            return;
        }
        // A plan may start from an existing gallery image version: then it has no source VM and no
        // snapshots, and names the version; everything else needs both.
        boolean fromExistingImage = p.snapshots() == null && p.image() != null && "gallery".equals(p.image().target())
                && p.image().gallery() != null && p.image().gallery().version() != null;
        if (fromExistingImage && s == null) {
            image(p.image());
            pool(p.pool());
            return;
        }
        if (present("/source", s)) {
            text("/source/vmId", s.vmId());
            text("/source/vmName", s.vmName());
            oneOf("/source/osType", s.osType(), OS_TYPES, false);
            oneOf("/source/hyperVGeneration", s.hyperVGeneration(), GENERATIONS, true);
            Plan.BaseImage b = s.baseImage();
            if (b != null) {
                text("/source/baseImage/publisher", b.publisher());
                text("/source/baseImage/offer", b.offer());
                text("/source/baseImage/sku", b.sku());
            }
        }
        if (!fromExistingImage) snapshots(p.snapshots());
        if (!fromExistingImage && p.latestGalleryVersion()) {
            // "latest" names an existing definition's newest version; a version this run builds needs a real name.
            out.add(Finding.structure("PLAN_BAD_VALUE", "plan.check.latestNeedsExisting", "/image/gallery/version"));
        }
        image(p.image());
        pool(p.pool());
    }

    private void snapshots(Plan.Snapshots s) {
        if (!present("/snapshots", s)) return;
        text("/snapshots/subscriptionId", s.subscriptionId());
        text("/snapshots/resourceGroup", s.resourceGroup());
        text("/snapshots/location", s.location());
        if (present("/snapshots/osDisk", s.osDisk())) text("/snapshots/osDisk/diskId", s.osDisk().diskId());
        Set<Integer> luns = new HashSet<>();
        for (int i = 0; i < s.dataDisks().size(); i++) {
            Plan.DataDisk d = s.dataDisks().get(i);
            String at = "/snapshots/dataDisks/" + i;
            if (!present(at, d)) continue;
            text(at + "/diskId", d.diskId());
            if (count(at + "/lun", d.lun(), false) && !luns.add(d.lun())) {
                out.add(Finding.structure("PLAN_DUPLICATE_LUN", "plan.check.duplicateLun", at + "/lun", d.lun()));
            }
        }
    }

    private void image(Plan.Image i) {
        if (!present("/image", i)) return;
        boolean target = oneOf("/image/target", i.target(), TARGETS, false);
        text("/image/subscriptionId", i.subscriptionId());
        text("/image/resourceGroup", i.resourceGroup());
        text("/image/location", i.location());
        oneOf("/image/osType", i.osType(), OS_TYPES, false);
        oneOf("/image/osState", i.osState(), OS_STATES, true);
        oneOf("/image/hyperVGeneration", i.hyperVGeneration(), GENERATIONS, true);
        oneOf("/image/securityType", i.securityType(), SECURITY_TYPES, true);
        Plan.Purchase pp = i.purchasePlan();
        if (pp != null) {
            text("/image/purchasePlan/name", pp.name());
            text("/image/purchasePlan/publisher", pp.publisher());
            text("/image/purchasePlan/product", pp.product());
        }
        if (!target) return;
        if ("gallery".equals(i.target())) {
            Plan.Gallery g = i.gallery();
            if (!present("/image/gallery", g)) return;
            text("/image/gallery/name", g.name());
            text("/image/gallery/imageDefinition", g.imageDefinition());
            text("/image/gallery/publisher", g.publisher());
            text("/image/gallery/offer", g.offer());
            text("/image/gallery/sku", g.sku());
            if (g.targetRegions().isEmpty()) missing("/image/gallery/targetRegions");
            for (int k = 0; k < g.targetRegions().size(); k++) {
                Plan.TargetRegion r = g.targetRegions().get(k);
                String at = "/image/gallery/targetRegions/" + k;
                if (!present(at, r)) continue;
                text(at + "/region", r.region());
                if (count(at + "/replicaCount", r.replicaCount(), false) && r.replicaCount() < 1) {
                    out.add(Finding.structure("PLAN_BAD_NUMBER", "plan.check.atLeast", at + "/replicaCount",
                            r.replicaCount(), 1));
                }
            }
        } else if (present("/image/managedImage", i.managedImage())) {
            text("/image/managedImage/name", i.managedImage().name());
        }
    }

    private void pool(Plan.Pool p) {
        if (!present("/pool", p)) return;
        Plan.BatchAccount a = p.batchAccount();
        if (present("/pool/batchAccount", a)) {
            text("/pool/batchAccount/subscriptionId", a.subscriptionId());
            text("/pool/batchAccount/resourceGroup", a.resourceGroup());
            text("/pool/batchAccount/name", a.name());
            text("/pool/batchAccount/location", a.location());
        }
        text("/pool/poolId", p.poolId());
        text("/pool/vmSize", p.vmSize());
        if (oneOf("/pool/imageType", p.imageType(), IMAGE_TYPES, true) && Plan.IMAGE_TYPE_MARKETPLACE.equals(p.imageType())) {
            Plan.BaseImage m = p.marketplaceImage();
            if (present("/pool/marketplaceImage", m)) {
                text("/pool/marketplaceImage/publisher", m.publisher());
                text("/pool/marketplaceImage/offer", m.offer());
                text("/pool/marketplaceImage/sku", m.sku());
            }
        }
        text("/pool/nodeAgentSkuId", p.nodeAgentSkuId());
        count("/pool/targetDedicatedNodes", p.targetDedicatedNodes(), false);
        count("/pool/targetLowPriorityNodes", p.targetLowPriorityNodes(), true);
        String t = p.resizeTimeout();
        if (t != null) {
            try {
                Duration.parse(t.trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                out.add(Finding.structure("PLAN_BAD_DURATION", "plan.check.duration", "/pool/resizeTimeout", t));
            }
        }
    }

    private boolean present(String path, Object value) {
        if (value == null) missing(path);
        return value != null;
    }

    private void missing(String path) {
        out.add(Finding.structure("PLAN_MISSING_FIELD", "plan.check.missing", path));
    }

    private void text(String path, String value) {
        if (value == null || value.isBlank()) missing(path);
    }

    /** A count: present (unless optional) and not negative; true when present and valid. */
    private boolean count(String path, Integer value, boolean optional) {
        if (value == null) {
            if (!optional) missing(path);
            return false;
        }
        if (value < 0) {
            out.add(Finding.structure("PLAN_BAD_NUMBER", "plan.check.atLeast", path, value, 0));
            return false;
        }
        return true;
    }

    /** One of {@code allowed}, spelled exactly; true when present and valid. */
    private boolean oneOf(String path, String value, List<String> allowed, boolean optional) {
        if (value == null) {
            if (!optional) missing(path);
            return false;
        }
        if (!allowed.contains(value)) {
            out.add(Finding.structure("PLAN_BAD_VALUE", "plan.check.oneOf", path, value, String.join(", ", allowed)));
            return false;
        }
        return true;
    }
}
