package io.poolforge.sandbox.batch.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.arm.Arm;
import io.poolforge.sandbox.arm.gallery.GalleryApi;
import io.poolforge.sandbox.http.ApiError;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.state.Ids;
import io.poolforge.sandbox.state.Platform;
import java.util.Collection;
import java.util.Locale;

/**
 * The platform's rules for Batch pools, as Microsoft documents them (see docs/SANDBOX.md):
 * custom-image sources ("Use the Azure Compute Gallery to create a custom image pool", 2024; "Migrate Batch
 * custom image pools to Azure Compute Gallery", 2024), quotas ("Batch service quotas and limits") and the
 * resize error codes of the Batch API (PoolResizeErrorCodes).
 */
public final class PoolRules {
    /** Managed-image pools (PF-18): at most 2,000 dedicated and 1,000 Spot nodes across the pools sharing one image (quota page). */
    static final int CUSTOM_IMAGE_DEDICATED_LIMIT = 2000;
    static final int CUSTOM_IMAGE_LOW_PRIORITY_LIMIT = 1000;
    public static final String ALLOCATION_FAILED = "There was an error encountered while performing the last resize on the pool. "
            + "Please try resizing the pool again. Code: AllocationFailed";

    /** What the pool's image is; {@code securityType} is the gallery image definition's SecurityType feature (null: none). */
    public record ImageFacts(String kind, String id, String osType, boolean gen2, String securityType) {
        public ImageFacts(String kind, String id, String osType, boolean gen2) {
            this(kind, id, osType, gen2, null);
        }
    }

    /**
     * Compute's refusal of a non-Trusted-Launch VM from a TrustedLaunch gallery image: 400 "BadRequest", "The provided gallery
     * image only supports creation of VMs and VM Scale Sets with 'TrustedLaunch' security type." (reported verbatim in
     * hashicorp/terraform-provider-azurerm#23148, 2023-09-01, and microsoft/STL#3159; read 2026-12-07). A TrustedLaunch
     * definition "can create Trusted Launch VMs only" (trusted-launch-portal.md), and Batch users report unusable nodes for it
     * (MicrosoftDocs/azure-docs#116656). How Batch wraps this provider error in a resize error is not documented: the sandbox
     * uses Batch's AllocationFailed resize error (the text above in {@link #ALLOCATION_FAILED}) and relays Compute's code and
     * message unchanged as its detail.
     */
    public static final String TRUSTED_LAUNCH_ONLY_CODE = "BadRequest";
    public static final String TRUSTED_LAUNCH_ONLY = "The provided gallery image only supports creation of VMs and VM Scale Sets "
            + "with 'TrustedLaunch' security type.";

    /** What a resize may allocate and the errors it ends with. */
    public record Plan(int dedicated, int lowPriority, ArrayNode errors, String nodeFinalState) {
    }

    private final Platform p;

    public PoolRules(Platform p) {
        this.p = p;
    }

    /** Checks a new pool's image against the rules; returns its facts or throws the service's 400. */
    public ImageFacts checkImage(ObjectNode account, JsonNode vmConfig) {
        JsonNode ref = vmConfig.path("imageReference");
        String accountLoc = Ids.location(account.path("location").asText());
        String accountSub = Ids.subOf(account.path("id").asText());
        String id = Json.str(ref, "id");
        if (id == null) {
            for (Catalog.SupportedImage i : Catalog.IMAGES) {
                if (i.publisher().equalsIgnoreCase(Json.str(ref, "publisher")) && i.offer().equalsIgnoreCase(Json.str(ref, "offer"))
                        && i.sku().equalsIgnoreCase(Json.str(ref, "sku"))) {
                    // PF-18: past batchSupportEndOfLife, Batch "will stop accepting create Pool requests for the Image".
                    // The answer is the one a retired image got (hashicorp/terraform#36698, see below).
                    if (i.endOfLife() != null && !p.now().isBefore(java.time.Instant.parse(i.endOfLife()))) {
                        throw marketplaceUnsupported(Enforcement.MARKETPLACE_IMAGE_END_OF_LIFE)
                                .detail("PropertyName", "imageReference")
                                .detail("Reason", "Batch support for the image " + i.publisher() + "/" + i.offer() + "/" + i.sku()
                                        + " ended on " + i.endOfLife() + " (batchSupportEndOfLife).");
                    }
                    return new ImageFacts("marketplace", null, i.osType(), i.gen2());
                }
            }
            // What Batch answers for a Marketplace image it does not support (400 InvalidPropertyValue, the generic message,
            // the property and reason in the details; e.g. hashicorp/terraform#36698, a retired
            // microsoft-azure-batch/ubuntu-server-container/20.04-lts image refused on pool create).
            throw marketplaceUnsupported(Enforcement.MARKETPLACE_IMAGE_SUPPORTED)
                    .detail("PropertyName", "imageReference")
                    .detail("Reason", "The specified imageReference (" + Json.str(ref, "publisher") + "/" + Json.str(ref, "offer")
                            + "/" + Json.str(ref, "sku") + ") is not supported by Batch in " + accountLoc
                            + " (see List Supported Images).");
        }
        id = Arm.norm(id);
        String type = String.valueOf(Ids.typeOf(id)).toLowerCase(Locale.ROOT);
        if (type.equals("microsoft.compute/images")) {
            if (!p.managedImagePoolsAllowed()) {
                throw invalid(Enforcement.MANAGED_IMAGE_RETIRED, "Managed images (Microsoft.Compute/images) can no longer be used to create Batch pools: Batch retired "
                        + "managed images as a custom-image source on 31 March 2026. Publish the image to an Azure Compute Gallery "
                        + "and use the image version's id.");
            }
            ObjectNode img = p.store.get(id);
            if (img == null) throw invalid(Enforcement.IMAGE_SOURCE_DELETED, "The specified image '" + id + "' does not exist.");
            if (!Ids.location(img.path("location").asText()).equals(accountLoc) || !accountSub.equalsIgnoreCase(Ids.subOf(id))) {
                throw invalid(Enforcement.MANAGED_IMAGE_SAME_SUBSCRIPTION_REGION, "The managed image must be in the Batch account's subscription and region (" + accountLoc + ").");
            }
            return new ImageFacts("managed-image", id, Json.str(img, "properties/storageProfile/osDisk/osType"),
                    "V2".equalsIgnoreCase(Json.str(img, "properties/hyperVGeneration")));
        }
        if (type.equals("microsoft.compute/galleries/images/versions") || type.equals("microsoft.compute/galleries/images")) {
            String defId = type.endsWith("versions") ? id.substring(0, id.toLowerCase(Locale.ROOT).lastIndexOf("/versions/")) : id;
            ObjectNode def = p.store.get(defId);
            ObjectNode version = type.endsWith("versions") ? p.store.get(id) : latest(defId, accountLoc);
            if (def == null || version == null) throw invalid(Enforcement.IMAGE_SOURCE_DELETED, "The specified gallery image '" + id + "' does not exist.");
            String gallerySub = Ids.subOf(id);
            if (!gallerySub.equalsIgnoreCase(accountSub) && !p.batchRegistered(gallerySub)) {
                throw invalid(Enforcement.GALLERY_OTHER_SUBSCRIPTION, "The gallery image is in subscription '" + gallerySub + "', which is not the Batch account's and does "
                        + "not have the Microsoft.Batch resource provider registered. Register Microsoft.Batch in that subscription "
                        + "(same Microsoft Entra tenant) or copy the image to the account's subscription.");
            }
            if (!"Generalized".equalsIgnoreCase(Json.str(def, "properties/osState"))) {
                throw invalid(Enforcement.GALLERY_GENERALIZED_ONLY, "The gallery image definition '" + Ids.nameOf(defId) + "' is specialized; Batch supports only "
                        + "generalized Azure Compute Gallery images.");
            }
            boolean replica = false;
            for (JsonNode t : Json.at(version, "properties/publishingProfile/targetRegions")) {
                replica |= Ids.location(t.path("name").asText()).equals(accountLoc) && t.path("regionalReplicaCount").asInt(1) > 0;
            }
            if (!replica) {
                throw invalid(Enforcement.GALLERY_REPLICA_IN_REGION, "The gallery image version '" + Ids.nameOf(version.path("id").asText()) + "' has no replica in the Batch "
                        + "account's region '" + accountLoc + "'. Add that region to the version's target regions.");
            }
            String security = null;
            for (JsonNode f : def.path("properties").path("features")) {
                if ("SecurityType".equalsIgnoreCase(f.path("name").asText())) security = f.path("value").asText(null);
            }
            return new ImageFacts("gallery", id, Json.str(def, "properties/osType"), "V2".equalsIgnoreCase(Json.str(def, "properties/hyperVGeneration")),
                    security);
        }
        throw invalid(Enforcement.IMAGE_REFERENCE_KIND, "imageReference.id must be an Azure Compute Gallery image or image version id, not '" + id + "'.");
    }

    /**
     * "latest" of a definition (Enforcement.GALLERY_LATEST_VERSION): the highest Major.Minor.Patch whose
     * publishingProfile.excludeFromLatest is not true, nor the excludeFromLatest of its target region {@code region}
     * (Enforcement.GALLERY_LATEST_REGION; null: any region).
     */
    private ObjectNode latest(String defId, String region) {
        ObjectNode best = null;
        for (ObjectNode v : p.store.list(defId, GalleryApi.VERSION)) {
            if (Json.at(v, "properties/publishingProfile/excludeFromLatest") != null
                    && Json.at(v, "properties/publishingProfile/excludeFromLatest").asBoolean(false)) continue;
            boolean hiddenHere = false;
            for (JsonNode t : Json.at(v, "properties/publishingProfile/targetRegions") == null ? Json.a()
                    : Json.at(v, "properties/publishingProfile/targetRegions")) {
                hiddenHere |= region != null && Ids.location(t.path("name").asText()).equals(region) && t.path("excludeFromLatest").asBoolean(false);
            }
            if (hiddenHere) continue;
            if (best == null || compareVersions(v.path("name").asText(), best.path("name").asText()) > 0) best = v;
        }
        return best;
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long xi = i < x.length ? parse(x[i]) : 0;
            long yi = i < y.length ? parse(y[i]) : 0;
            if (xi != yi) return Long.compare(xi, yi);
        }
        return 0;
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Why the pool's image (or what it was built from) is gone, or null when it is all there. */
    String imageProblem(ObjectNode pool) {
        return imageProblem(pool, Json.str(pool, "location"));
    }

    /** As above; {@code region}: the Batch account's (a pool on a definition takes that region's latest version). */
    String imageProblem(ObjectNode pool, String region) {
        String id = Json.str(pool, "properties/deploymentConfiguration/virtualMachineConfiguration/imageReference/id");
        if (id == null) return null;
        ObjectNode img = p.store.get(Arm.norm(id));
        String type = String.valueOf(Ids.typeOf(id)).toLowerCase(Locale.ROOT);
        if (type.equals("microsoft.compute/galleries/images")) {
            // A pool on the definition uses its latest version at each allocation (Enforcement.GALLERY_LATEST_VERSION).
            img = img == null ? null : latest(Arm.norm(id), region == null ? null : Ids.location(region));
        }
        if (img == null) return "The image '" + id + "' no longer exists.";
        for (String path : new String[] {"properties/storageProfile/source/id", "properties/storageProfile/osDiskImage/source/id",
                "properties/storageProfile/osDisk/snapshot/id", "properties/storageProfile/osDisk/managedDisk/id"}) {
            String src = Json.str(img, path);
            if (src != null && !p.store.exists(Arm.norm(src))) return "The source '" + src + "' of the image no longer exists.";
        }
        for (String arr : new String[] {"properties/storageProfile/dataDiskImages", "properties/storageProfile/dataDisks"}) {
            JsonNode a = Json.at(img, arr);
            if (a == null) continue;
            for (JsonNode d : a) {
                for (String k : new String[] {"source/id", "snapshot/id", "managedDisk/id"}) {
                    String src = Json.str(d, k);
                    if (src != null && !p.store.exists(Arm.norm(src))) return "The source '" + src + "' of the image no longer exists.";
                }
            }
        }
        return null;
    }

    /** The name of a ReadOnly lock on the pool's image or a scope above it, or null. */
    String lockOnImage(ObjectNode pool) {
        String id = Json.str(pool, "properties/deploymentConfiguration/virtualMachineConfiguration/imageReference/id");
        if (id == null) return null;
        String target = Arm.norm(id).toLowerCase(Locale.ROOT);
        for (ObjectNode l : p.locks) {
            if (!"ReadOnly".equals(l.path("properties").path("level").asText())) continue;
            String scope = io.poolforge.sandbox.arm.authorization.AuthorizationApi.scopeOf(l).toLowerCase(Locale.ROOT);
            if (target.equals(scope) || target.startsWith(scope + "/")) return l.path("name").asText();
        }
        return null;
    }

    /** What a resize to the targets can allocate, and the errors it ends with. */
    public Plan plan(PoolRun run, ObjectNode account, ImageFacts image, String nodeAgent, int targetD, int targetL, Collection<PoolRun> all) {
        ArrayNode errors = Json.a();
        int curD = run.held(true);
        int curL = run.held(false);
        ObjectNode props = Json.props(run.pool);
        Catalog.VmSize size = Catalog.size(props.path("vmSize").asText());
        String problem = imageProblem(run.pool, account.path("location").asText(null));
        if (problem != null && (targetD > curD || targetL > curL)) {
            errors.add(error(Enforcement.IMAGE_SOURCE_DELETED, "AllocationFailed", ALLOCATION_FAILED, problem));
            return new Plan(curD, curL, errors, "idle");
        }
        String locked = lockOnImage(run.pool);
        if (locked != null && (targetD > curD || targetL > curL)) {
            // A ReadOnly lock on the image (or a scope above it): see Enforcement.IMAGE_READ_ONLY_LOCK. What Batch reports
            // then is documented nowhere, so the sandbox gives only the generic resize text batch-custom-images documents,
            // with no provider detail: the cause must come from the lock look-up (PF-17), never from the error's words.
            errors.add(error(Enforcement.IMAGE_READ_ONLY_LOCK, "AllocationFailed", ALLOCATION_FAILED, null));
            return new Plan(curD, curL, errors, "idle");
        }
        String poolSecurity = Json.str(props, "deploymentConfiguration/virtualMachineConfiguration/securityProfile/securityType");
        if (image != null && "TrustedLaunch".equalsIgnoreCase(image.securityType()) && !"trustedLaunch".equalsIgnoreCase(poolSecurity)
                && (targetD > curD || targetL > curL)) {
            // No VM is created: the resize ends with the error and no node (see TRUSTED_LAUNCH_ONLY).
            errors.add(relayed(Enforcement.TRUSTED_LAUNCH_IMAGE_NEEDS_PROFILE, TRUSTED_LAUNCH_ONLY_CODE, TRUSTED_LAUNCH_ONLY));
            return new Plan(curD, curL, errors, "idle");
        }
        if (image != null && image.gen2() && size != null && !size.gen2() && (targetD > curD || targetL > curL)) {
            errors.add(error(Enforcement.VM_SIZE_GENERATION, "AllocationFailed", "Desired number of dedicated nodes could not be allocated due to a provider error.",
                    "Provider error BadRequest: The selected VM size '" + size.name() + "' cannot boot Hypervisor Generation '2'. "
                            + "If this was a Create operation please check that the Hypervisor Generation of the Image matches the "
                            + "Hypervisor Generation of the selected VM Size."));
            return new Plan(curD, curL, errors, "idle");
        }
        int vcpu = size == null ? 1 : size.vCpus();
        int allowedD = targetD;
        int allowedL = targetL;
        int usedD = 0;
        int usedL = 0;
        int usedFamily = 0;
        JsonNode ap = account.path("properties");
        boolean userSub = "UserSubscription".equals(ap.path("poolAllocationMode").asText());
        String accountSub = Ids.subOf(account.path("id").asText());
        String accountLoc = account.path("location").asText();
        RegionalUsage regional = new RegionalUsage(p);
        if (userSub) {
            // The subscription's regional quotas: what every user-subscription pool in the region holds (RegionalUsage).
            RegionalUsage.Used u = regional.used(all, accountSub, accountLoc, run);
            usedD = u.dedicated();
            usedL = u.lowPriority();
            usedFamily = size == null ? 0 : u.family(size.family());
        }
        for (PoolRun other : all) {
            if (userSub) break;
            if (other == run || !other.accountId.equalsIgnoreCase(run.accountId)) continue;
            Catalog.VmSize os = Catalog.size(Json.props(other.pool).path("vmSize").asText());
            int oc = os == null ? 1 : os.vCpus();
            usedD += other.held(true) * oc;
            usedL += other.held(false) * oc;
            if (os != null && size != null && os.family().equals(size.family())) usedFamily += other.held(true) * oc;
        }
        int dedicatedQuota = userSub ? regional.totalLimit(accountSub, accountLoc) : ap.path("dedicatedCoreQuota").asInt(0);
        int lowQuota = userSub ? regional.lowPriorityLimit(accountSub, accountLoc) : ap.path("lowPriorityCoreQuota").asInt(0);
        Integer familyQuota = null;
        if (userSub) {
            familyQuota = size == null ? null : regional.familyLimit(accountSub, accountLoc, size.family());
        } else if (ap.path("dedicatedCoreQuotaPerVMFamilyEnforced").asBoolean(false) && size != null) {
            familyQuota = 0;
            for (JsonNode f : ap.path("dedicatedCoreQuotaPerVMFamily")) if (f.path("name").asText().equals(size.family())) familyQuota = f.path("coreQuota").asInt();
        }
        int byAccount = Math.max(0, (dedicatedQuota - usedD) / vcpu);
        int byFamily = familyQuota == null ? Integer.MAX_VALUE : Math.max(0, (familyQuota - usedFamily) / vcpu);
        if (targetD > Math.min(byAccount, byFamily)) {
            allowedD = Math.max(curD > targetD ? targetD : 0, Math.min(byAccount, byFamily));
            if (byFamily < byAccount) {
                errors.add(error(userSub ? Enforcement.USER_SUBSCRIPTION_QUOTAS : Enforcement.DEDICATED_CORE_QUOTA, "AccountVMSeriesCoreQuotaReached", "The specified account has reached VM series core quota for "
                        + size.family() + " (" + familyQuota + " cores).", null));
            } else {
                errors.add(error(userSub ? Enforcement.USER_SUBSCRIPTION_QUOTAS : Enforcement.DEDICATED_CORE_QUOTA, "AccountCoreQuotaReached", "The specified account has reached core quota (" + dedicatedQuota
                        + " dedicated cores).", null));
            }
        }
        int byLow = Math.max(0, (lowQuota - usedL) / vcpu);
        if (targetL > byLow) {
            allowedL = byLow;
            errors.add(error(userSub ? Enforcement.USER_SUBSCRIPTION_QUOTAS : Enforcement.SPOT_CORE_QUOTA, "AccountLowPriorityCoreQuotaReached", "The specified account has reached low priority core quota ("
                    + lowQuota + " cores).", null));
        }
        // PF-18: the node limit is for "Compute nodes in pool created with a managed image resource" (batch-quota-limit);
        // gallery pools are bounded by quotas and replicas (batch-sig-images plans 3,000-VM pools with 10 replicas).
        if (image != null && image.id() != null && "managed-image".equals(image.kind())) {
            int sharedD = 0;
            int sharedL = 0;
            for (PoolRun other : all) {
                String oid = Json.str(other.pool, "properties/deploymentConfiguration/virtualMachineConfiguration/imageReference/id");
                if (other != run && oid != null && Arm.norm(oid).equalsIgnoreCase(image.id())) {
                    sharedD += other.held(true);
                    sharedL += other.held(false);
                }
            }
            if (allowedD + sharedD > CUSTOM_IMAGE_DEDICATED_LIMIT || allowedL + sharedL > CUSTOM_IMAGE_LOW_PRIORITY_LIMIT) {
                allowedD = Math.min(allowedD, Math.max(0, CUSTOM_IMAGE_DEDICATED_LIMIT - sharedD));
                allowedL = Math.min(allowedL, Math.max(0, CUSTOM_IMAGE_LOW_PRIORITY_LIMIT - sharedL));
                errors.add(error(Enforcement.MANAGED_IMAGE_NODE_LIMIT, "AllocationFailed", "Desired number of nodes could not be "
                        + "allocated: pools sharing one managed image are limited to " + CUSTOM_IMAGE_DEDICATED_LIMIT + " dedicated and "
                        + CUSTOM_IMAGE_LOW_PRIORITY_LIMIT + " Spot nodes in total.", null));
            }
        }
        String agentOs = Catalog.osOfAgent(nodeAgent);
        // Enforcement.NODE_AGENT_MATCHES_IMAGE: a node agent for another OS leaves the nodes unusable.
        String finalState = image != null && agentOs != null && image.osType() != null
                && !agentOs.equalsIgnoreCase(image.osType()) ? "unusable" : "idle";
        return new Plan(allowedD, allowedL, errors, finalState);
    }

    /** Batch's AllocationFailed resize error relaying a provider's {@code code} and {@code message} unchanged (PF-16, {@code rule}). */
    static ObjectNode relayed(Enforcement rule, String code, String message) {
        ObjectNode e = Json.o("code", "AllocationFailed", "message", ALLOCATION_FAILED);
        e.set("details", Json.a(Json.o("code", code, "message", message)));
        return e;
    }

    /** A resize error the service ends with when a resize breaks {@code rule}. */
    static ObjectNode error(Enforcement rule, String code, String message, String detail) {
        ObjectNode e = Json.o("code", code, "message", message);
        if (detail != null) e.set("details", Json.a(Json.o("code", "Message", "message", detail)));
        return e;
    }

    private static ApiError marketplaceUnsupported(Enforcement rule) {
        return new ApiError(400, "InvalidPropertyValue", "The value provided for one of the properties in the request body is invalid.");
    }

    /** The service's 400 for a request that breaks {@code rule}. */
    public static ApiError invalid(Enforcement rule, String message) {
        return new ApiError(400, "InvalidPropertyValue", message);
    }
}
