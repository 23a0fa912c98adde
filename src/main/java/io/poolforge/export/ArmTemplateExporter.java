package io.poolforge.export;

import io.poolforge.domain.PoolBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanJson;
import io.poolforge.plan.ResourceIds;
import java.util.List;

/**
 * The plan as an ARM template deployed to the image's resource group: the gallery, the image
 * definition and the image version (from the snapshots, by id) or the managed image, and the pool
 * (in a nested deployment when the Batch account lives in another resource group or subscription).
 * The values a deployer may change are parameters with the plan's values as defaults.
 */
public final class ArmTemplateExporter extends ChainExporter<ArmTemplateExporter.Draft> {
    static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    static final String GALLERY_API = "2023-07-03";
    static final String IMAGE_API = "2024-07-01";
    static final String DEPLOYMENT_API = "2022-09-01";
    static final String SNAPSHOT_API = "2023-10-02";

    private final String version;
    private final ObjectMapper mapper = PlanJson.newMapper();

    public ArmTemplateExporter(String version) {
        this.version = version;
    }

    /** One export's template under construction. */
    static final class Draft {
        final ObjectNode template;
        final ObjectNode params;
        final ArrayNode resources;
        List<String> snapshotIds = List.of();
        String imageResource;

        Draft(ObjectNode template, ObjectNode params, ArrayNode resources) {
            this.template = template;
            this.params = params;
            this.resources = resources;
        }
    }

    @Override
    protected Draft begin(Plan p) {
        ObjectNode t = mapper.createObjectNode();
        t.put("$schema", SCHEMA);
        t.put("contentVersion", "1.0.0.0");
        ObjectNode meta = t.putObject("metadata");
        meta.put("generator", "PoolForge " + version);
        if (p.name() != null) meta.put("plan", p.name());
        Draft d = new Draft(t, t.putObject("parameters"), mapper.createArrayNode());
        param(d.params, "location", "string", p.marketplace() ? p.pool().batchAccount().location() : p.image().location());
        return d;
    }

    @Override
    protected void existingImage(Draft d, Plan p) {
        if (p.galleryTarget()) galleryParameters(d, p); else managedImageParameters(d, p);
    }

    @Override
    protected void snapshots(Draft d, Plan p) {
        param(d.params, "osSnapshotId", "string", ResourceIds.snapshot(p, p.snapshots().osDisk().snapshotName()));
        d.snapshotIds = snapshots(d.resources, p);
    }

    @Override
    protected void gallery(Draft d, Plan p) {
        galleryParameters(d, p);
        gallery(d.resources, p, d.snapshotIds);
    }

    @Override
    protected void managedImage(Draft d, Plan p) {
        managedImageParameters(d, p);
        managedImage(d.resources, p, d.snapshotIds);
    }

    private void galleryParameters(Draft d, Plan p) {
        Plan.Gallery g = p.image().gallery();
        param(d.params, "galleryName", "string", g.name());
        param(d.params, "imageDefinitionName", "string", g.imageDefinition());
        if (p.latestGalleryVersion()) {
            // An existing definition's latest version: the pool references the definition (PF-15).
            d.imageResource = "[resourceId('" + p.image().subscriptionId() + "', '" + p.image().resourceGroup()
                    + "', 'Microsoft.Compute/galleries/images', parameters('galleryName'), parameters('imageDefinitionName'))]";
            return;
        }
        param(d.params, "imageVersionName", "string", g.version());
        d.imageResource = "[resourceId('Microsoft.Compute/galleries/images/versions', parameters('galleryName'), "
                + "parameters('imageDefinitionName'), parameters('imageVersionName'))]";
    }

    private void managedImageParameters(Draft d, Plan p) {
        param(d.params, "managedImageName", "string", p.image().managedImage().name());
        d.imageResource = "[resourceId('Microsoft.Compute/images', parameters('managedImageName'))]";
    }

    @Override
    protected void pool(Draft d, Plan p) {
        Plan.Pool pool = p.pool();
        ObjectNode params = d.params;
        param(params, "batchAccountName", "string", pool.batchAccount().name());
        param(params, "poolId", "string", pool.poolId());
        param(params, "vmSize", "string", pool.vmSize());
        param(params, "nodeAgentSkuId", "string", pool.nodeAgentSkuId());
        params.putObject("targetDedicatedNodes").put("type", "int").put("defaultValue", n(pool.targetDedicatedNodes()));
        params.putObject("targetLowPriorityNodes").put("type", "int").put("defaultValue", n(pool.targetLowPriorityNodes()));
        param(params, "resizeTimeout", "string", p.resizeTimeout().toString());
        if (!p.marketplace()) d.template.putObject("variables").put("imageId", d.imageResource);
        d.resources.add(pool(p, d.imageResource));
    }

    @Override
    protected String end(Draft d, Plan p) {
        d.template.set("resources", d.resources);
        ObjectNode outputs = d.template.putObject("outputs");
        if (!p.marketplace()) outputs.putObject("imageId").put("type", "string").put("value", "[variables('imageId')]");
        return PlanJson.pretty(mapper, d.template);
    }

    /**
     * The snapshots (createOption Copy of the VM's disks), so that the template makes the whole chain; only when they go to
     * the group the template is deployed to (the image's), else they must exist (the template refers to them by id).
     * Returns the ids the image resources wait for.
     */
    private List<String> snapshots(ArrayNode resources, Plan p) {
        Plan.Snapshots s = p.snapshots();
        if (!s.subscriptionId().equalsIgnoreCase(p.image().subscriptionId()) || !s.resourceGroup().equalsIgnoreCase(p.image().resourceGroup())) {
            return List.of();
        }
        List<String> ids = new java.util.ArrayList<>();
        ObjectNode os = snapshot(resources, s.osDisk().snapshotName(), s.location(), s.osDisk().diskId());
        if (p.source().osType() != null) ((ObjectNode) os.get("properties")).put("osType", p.source().osType());
        if (p.source().hyperVGeneration() != null) ((ObjectNode) os.get("properties")).put("hyperVGeneration", p.source().hyperVGeneration());
        ids.add("[resourceId('Microsoft.Compute/snapshots', '" + s.osDisk().snapshotName().replace("'", "''") + "')]");
        for (Plan.DataDisk d : dataDisks(p)) {
            snapshot(resources, d.snapshotName(), s.location(), d.diskId());
            ids.add("[resourceId('Microsoft.Compute/snapshots', '" + d.snapshotName().replace("'", "''") + "')]");
        }
        return ids;
    }

    private ObjectNode snapshot(ArrayNode resources, String name, String location, String diskId) {
        ObjectNode r = resources.addObject();
        r.put("type", "Microsoft.Compute/snapshots");
        r.put("apiVersion", SNAPSHOT_API);
        r.put("name", literal(name));
        r.put("location", literal(location));
        ObjectNode props = r.putObject("properties");
        props.putObject("creationData").put("createOption", "Copy").put("sourceResourceId", literal(diskId));
        return r;
    }

    /** A template string that is never read as an expression ("[..." is written "[[..."). */
    private static String literal(String s) {
        return s != null && s.startsWith("[") ? "[" + s : s;
    }

    private void gallery(ArrayNode resources, Plan p, List<String> snapshotIds) {
        Plan.Image i = p.image();
        Plan.Gallery g = i.gallery();
        ObjectNode gal = resource(resources, "Microsoft.Compute/galleries", GALLERY_API, "[parameters('galleryName')]");
        gal.putObject("properties");
        ObjectNode def = resource(resources, "Microsoft.Compute/galleries/images", GALLERY_API,
                "[format('{0}/{1}', parameters('galleryName'), parameters('imageDefinitionName'))]");
        def.putArray("dependsOn").add("[resourceId('Microsoft.Compute/galleries', parameters('galleryName'))]");
        ObjectNode dp = def.putObject("properties");
        dp.put("osType", i.osType());
        dp.put("osState", i.osState() == null ? "Generalized" : i.osState());
        if (i.hyperVGeneration() != null) dp.put("hyperVGeneration", i.hyperVGeneration());
        ObjectNode id = dp.putObject("identifier");
        id.put("publisher", g.publisher()).put("offer", g.offer()).put("sku", g.sku());
        if (i.securityType() != null && !"Standard".equals(i.securityType())) {
            dp.putArray("features").addObject().put("name", "SecurityType").put("value", i.securityType());
        }
        if (i.purchasePlan() != null) {
            dp.putObject("purchasePlan").put("name", i.purchasePlan().name())
                    .put("publisher", i.purchasePlan().publisher()).put("product", i.purchasePlan().product());
        }
        ObjectNode ver = resource(resources, "Microsoft.Compute/galleries/images/versions", GALLERY_API,
                "[format('{0}/{1}/{2}', parameters('galleryName'), parameters('imageDefinitionName'), "
                        + "parameters('imageVersionName'))]");
        ArrayNode verDeps = ver.putArray("dependsOn");
        verDeps.add("[resourceId('Microsoft.Compute/galleries/images', parameters('galleryName'), "
                + "parameters('imageDefinitionName'))]");
        snapshotIds.forEach(verDeps::add);
        ObjectNode vp = ver.putObject("properties");
        ArrayNode regions = vp.putObject("publishingProfile").putArray("targetRegions");
        g.targetRegions().forEach(r -> regions.addObject().put("name", r.region()).put("regionalReplicaCount", r.replicaCount()));
        ObjectNode storage = vp.putObject("storageProfile");
        storage.putObject("osDiskImage").putObject("source").put("id", "[parameters('osSnapshotId')]");
        List<Plan.DataDisk> data = dataDisks(p);
        if (!data.isEmpty()) {
            ArrayNode disks = storage.putArray("dataDiskImages");
            data.forEach(d -> {
                ObjectNode di = disks.addObject();
                di.put("lun", d.lun());
                di.putObject("source").put("id", ResourceIds.snapshot(p, d.snapshotName()));
            });
        }
    }

    private void managedImage(ArrayNode resources, Plan p, List<String> snapshotIds) {
        Plan.Image i = p.image();
        ObjectNode img = resource(resources, "Microsoft.Compute/images", IMAGE_API, "[parameters('managedImageName')]");
        if (!snapshotIds.isEmpty()) snapshotIds.forEach(img.putArray("dependsOn")::add);
        ObjectNode props = img.putObject("properties");
        if (i.hyperVGeneration() != null) props.put("hyperVGeneration", i.hyperVGeneration());
        ObjectNode storage = props.putObject("storageProfile");
        ObjectNode os = storage.putObject("osDisk");
        os.put("osType", i.osType()).put("osState", i.osState() == null ? "Generalized" : i.osState());
        os.putObject("snapshot").put("id", "[parameters('osSnapshotId')]");
        ArrayNode disks = storage.putArray("dataDisks");
        dataDisks(p).forEach(d -> {
            ObjectNode di = disks.addObject();
            di.put("lun", d.lun());
            di.putObject("snapshot").put("id", ResourceIds.snapshot(p, d.snapshotName()));
        });
    }

    /** The pool resource, nested in a deployment to the account's group when that is not the image's. */
    private ObjectNode pool(Plan p, String imageResource) {
        ObjectNode pool = mapper.createObjectNode();
        pool.put("type", "Microsoft.Batch/batchAccounts/pools");
        pool.put("apiVersion", PoolBody.MANAGEMENT_API_VERSION);
        pool.put("name", "[format('{0}/{1}', parameters('batchAccountName'), parameters('poolId'))]");
        ObjectNode props = mapper.valueToTree(PoolBody.managementProperties(p.poolPlan(), java.util.Map.of()));
        props.put("vmSize", "[parameters('vmSize')]");
        ObjectNode vmc = (ObjectNode) props.path("deploymentConfiguration").path("virtualMachineConfiguration");
        // The one pool body (PoolBody), its values turned into the template's parameters; a Marketplace pool keeps its
        // publisher/offer/sku/version, a custom image goes by id.
        if (!p.marketplace()) vmc.putObject("imageReference").put("id", "[variables('imageId')]");
        vmc.put("nodeAgentSkuId", "[parameters('nodeAgentSkuId')]");
        ObjectNode fixed = (ObjectNode) props.path("scaleSettings").path("fixedScale");
        fixed.put("targetDedicatedNodes", "[parameters('targetDedicatedNodes')]");
        fixed.put("targetLowPriorityNodes", "[parameters('targetLowPriorityNodes')]");
        fixed.put("resizeTimeout", "[parameters('resizeTimeout')]");
        pool.set("properties", props);
        Plan.BatchAccount a = p.pool().batchAccount();
        if (p.marketplace()) return pool; // nothing to wait for; deploy the template to the Batch account's group
        String dependency = imageResource.substring(1, imageResource.length() - 1);
        boolean sameGroup = a.subscriptionId().equalsIgnoreCase(p.image().subscriptionId())
                && a.resourceGroup().equalsIgnoreCase(p.image().resourceGroup());
        // An existing image is not a resource of this template: nothing to wait for.
        boolean waitForImage = !p.fromExistingImage();
        if (sameGroup) {
            if (waitForImage) pool.putArray("dependsOn").add("[" + dependency + "]");
            return pool;
        }
        ObjectNode deployment = mapper.createObjectNode();
        deployment.put("type", "Microsoft.Resources/deployments");
        deployment.put("apiVersion", DEPLOYMENT_API);
        deployment.put("name", "[format('poolforge-pool-{0}', uniqueString(parameters('poolId')))]");
        deployment.put("subscriptionId", a.subscriptionId());
        deployment.put("resourceGroup", a.resourceGroup());
        if (waitForImage) deployment.putArray("dependsOn").add("[" + dependency + "]");
        ObjectNode dprops = deployment.putObject("properties");
        dprops.put("mode", "Incremental");
        ObjectNode inner = dprops.putObject("template");
        inner.put("$schema", SCHEMA);
        inner.put("contentVersion", "1.0.0.0");
        inner.putArray("resources").add(pool);
        return deployment;
    }

    private ObjectNode resource(ArrayNode resources, String type, String apiVersion, String name) {
        ObjectNode r = resources.addObject();
        r.put("type", type);
        r.put("apiVersion", apiVersion);
        r.put("name", name);
        r.put("location", "[parameters('location')]");
        return r;
    }

    private static void param(ObjectNode params, String name, String type, String defaultValue) {
        params.putObject(name).put("type", type).put("defaultValue", defaultValue);
    }


    private static int n(Integer i) {
        return i == null ? 0 : i;
    }
}
