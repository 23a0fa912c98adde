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
    /** Custom-image pools: at most 2,000 dedicated and 1,000 low-priority nodes across the pools sharing one image (quota doc). */
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
                    return new ImageFacts("marketplace", null, i.osType(), i.gen2());
                }
            }
            // What Batch answers for a Marketplace image it does not support (400 InvalidPropertyValue, the generic message,
            // the property and reason in the details; e.g. hashicorp/terraform#36698, a retired
            // microsoft-azure-batch/ubuntu-server-container/20.04-lts image refused on pool create).
            throw new ApiError(400, "InvalidPropertyValue", "The value provided for one of the properties in the request body is invalid.")
                    .detail("PropertyName", "imageReference")
                    .detail("Reason", "The specified imageReference (" + Json.str(ref, "publisher") + "/" + Json.str(ref, "offer")
                            + "/" + Json.str(ref, "sku") + ") is not supported by Batch in " + accountLoc
                            + " (see List Supported Images).");
        }
        id = Arm.norm(id);
        String type = String.valueOf(Ids.typeOf(id)).toLowerCase(Locale.ROOT);
        if (type.equals("microsoft.compute/images")) {
            if (!p.managedImagePoolsAllowed()) {
                throw invalid("Managed images (Microsoft.Compute/images) can no longer be used to create Batch pools: Batch retired "
                        + "managed images as a custom-image source on 31 March 2026. Publish the image to an Azure Compute Gallery "
                        + "and use the image version's id.");
            }
            ObjectNode img = p.store.get(id);
            if (img == null) throw invalid("The specified image '" + id + "' does not exist.");
            if (!Ids.location(img.path("location").asText()).equals(accountLoc) || !accountSub.equalsIgnoreCase(Ids.subOf(id))) {
                throw invalid("The managed image must be in the Batch account's subscription and region (" + accountLoc + ").");
            }
            return new ImageFacts("managed-image", id, Json.str(img, "properties/storageProfile/osDisk/osType"),
                    "V2".equalsIgnoreCase(Json.str(img, "properties/hyperVGeneration")));
        }
        if (type.equals("microsoft.compute/galleries/images/versions") || type.equals("microsoft.compute/galleries/images")) {
            String defId = type.endsWith("versions") ? id.substring(0, id.toLowerCase(Locale.ROOT).lastIndexOf("/versions/")) : id;
            ObjectNode def = p.store.get(defId);
            ObjectNode version = type.endsWith("versions") ? p.store.get(id) : latest(defId);
            if (def == null || version == null) throw invalid("The specified gallery image '" + id + "' does not exist.");
            String gallerySub = Ids.subOf(id);
            if (!gallerySub.equalsIgnoreCase(accountSub) && !p.batchRegistered(gallerySub)) {
                throw invalid("The gallery image is in subscription '" + gallerySub + "', which is not the Batch account's and does "
                        + "not have the Microsoft.Batch resource provider registered. Register Microsoft.Batch in that subscription "
                        + "(same Microsoft Entra tenant) or copy the image to the account's subscription.");
            }
            if (!"Generalized".equalsIgnoreCase(Json.str(def, "properties/osState"))) {
                throw invalid("The gallery image definition '" + Ids.nameOf(defId) + "' is specialized; Batch supports only "
                        + "generalized Azure Compute Gallery images.");
            }
            boolean replica = false;
            for (JsonNode t : Json.at(version, "properties/publishingProfile/targetRegions")) {
                replica |= Ids.location(t.path("name").asText()).equals(accountLoc) && t.path("regionalReplicaCount").asInt(1) > 0;
            }
            if (!replica) {
                throw invalid("The gallery image version '" + Ids.nameOf(version.path("id").asText()) + "' has no replica in the Batch "
                        + "account's region '" + accountLoc + "'. Add that region to the version's target regions.");
            }
            String security = null;
            for (JsonNode f : def.path("properties").path("features")) {
                if ("SecurityType".equalsIgnoreCase(f.path("name").asText())) security = f.path("value").asText(null);
            }
            return new ImageFacts("gallery", id, Json.str(def, "properties/osType"), "V2".equalsIgnoreCase(Json.str(def, "properties/hyperVGeneration")),
                    security);
        }
        throw invalid("imageReference.id must be an Azure Compute Gallery image or image version id, not '" + id + "'.");
    }

    private ObjectNode latest(String defId) {
        ObjectNode best = null;
        for (ObjectNode v : p.store.list(defId, GalleryApi.VERSION)) best = v;
        return best;
    }

    /** Why the pool's image (or what it was built from) is gone, or null when it is all there. */
    String imageProblem(ObjectNode pool) {
        String id = Json.str(pool, "properties/deploymentConfiguration/virtualMachineConfiguration/imageReference/id");
        if (id == null) return null;
        ObjectNode img = p.store.get(Arm.norm(id));
        String type = String.valueOf(Ids.typeOf(id)).toLowerCase(Locale.ROOT);
        if (img == null && type.equals("microsoft.compute/galleries/images")) {
            img = latest(Arm.norm(id));
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

    /** What a resize to the targets can allocate, and the errors it ends with. */
    public Plan plan(PoolRun run, ObjectNode account, ImageFacts image, String nodeAgent, int targetD, int targetL, Collection<PoolRun> all) {
        ArrayNode errors = Json.a();
        int curD = run.held(true);
        int curL = run.held(false);
        ObjectNode props = Json.props(run.pool);
        Catalog.VmSize size = Catalog.size(props.path("vmSize").asText());
        String problem = imageProblem(run.pool);
        if (problem != null && (targetD > curD || targetL > curL)) {
            errors.add(error("AllocationFailed", ALLOCATION_FAILED, problem));
            return new Plan(curD, curL, errors, "idle");
        }
        String poolSecurity = Json.str(props, "deploymentConfiguration/virtualMachineConfiguration/securityProfile/securityType");
        if (image != null && "TrustedLaunch".equalsIgnoreCase(image.securityType()) && !"trustedLaunch".equalsIgnoreCase(poolSecurity)
                && (targetD > curD || targetL > curL)) {
            // No VM is created: the resize ends with the error and no node (see TRUSTED_LAUNCH_ONLY).
            ObjectNode e = Json.o("code", "AllocationFailed", "message", ALLOCATION_FAILED);
            e.set("details", Json.a(Json.o("code", TRUSTED_LAUNCH_ONLY_CODE, "message", TRUSTED_LAUNCH_ONLY)));
            errors.add(e);
            return new Plan(curD, curL, errors, "idle");
        }
        if (image != null && image.gen2() && size != null && !size.gen2() && (targetD > curD || targetL > curL)) {
            errors.add(error("AllocationFailed", "Desired number of dedicated nodes could not be allocated due to a provider error.",
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
                errors.add(error("AccountVMSeriesCoreQuotaReached", "The specified account has reached VM series core quota for "
                        + size.family() + " (" + familyQuota + " cores).", null));
            } else {
                errors.add(error("AccountCoreQuotaReached", "The specified account has reached core quota (" + dedicatedQuota
                        + " dedicated cores).", null));
            }
        }
        int byLow = Math.max(0, (lowQuota - usedL) / vcpu);
        if (targetL > byLow) {
            allowedL = byLow;
            errors.add(error("AccountLowPriorityCoreQuotaReached", "The specified account has reached low priority core quota ("
                    + lowQuota + " cores).", null));
        }
        if (image != null && image.id() != null) {
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
                errors.add(error("AllocationFailed", "Desired number of nodes could not be allocated: pools sharing one custom image are "
                        + "limited to " + CUSTOM_IMAGE_DEDICATED_LIMIT + " dedicated and " + CUSTOM_IMAGE_LOW_PRIORITY_LIMIT
                        + " low-priority nodes in total.", null));
            }
        }
        String agentOs = Catalog.osOfAgent(nodeAgent);
        String finalState = image != null && agentOs != null && image.osType() != null
                && !agentOs.equalsIgnoreCase(image.osType()) ? "unusable" : "idle";
        return new Plan(allowedD, allowedL, errors, finalState);
    }

    static ObjectNode error(String code, String message, String detail) {
        ObjectNode e = Json.o("code", code, "message", message);
        if (detail != null) e.set("details", Json.a(Json.o("code", "Message", "message", detail)));
        return e;
    }

    public static ApiError invalid(String message) {
        return new ApiError(400, "InvalidPropertyValue", message);
    }
}
