package io.poolforge.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.serializer.SerializerAdapter;
import com.azure.core.util.serializer.SerializerEncoding;
import com.azure.resourcemanager.batch.fluent.models.PoolInner;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageInner;
import com.azure.resourcemanager.compute.fluent.models.GalleryImageVersionInner;
import com.azure.resourcemanager.compute.fluent.models.ImageInner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.PlanNames;
import io.poolforge.plan.ResourceIds;
import io.poolforge.plan.TestPlans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The ARM template and the pool JSON parse into the Azure SDK's models with the plan's values. */
class ArmAndPoolJsonExporterTest {
    private static final Path FIXTURE = Path.of("../shared/fixtures/azure-rest-api-specs/specification/batch/resource-manager"
            + "/Microsoft.Batch/Batch/stable/2026-08-01/examples/PoolCreate_SharedImageGallery.json");
    private static final Pattern PARAM = Pattern.compile("^\\[parameters\\('(\\w+)'\\)]$");

    private final ObjectMapper mapper = new ObjectMapper();
    private final SerializerAdapter sdk = SerializerFactory.createDefaultManagementSerializerAdapter();

    @Test
    void poolJsonIsTheManagementPlaneBodyAndParsesIntoPoolInner() throws IOException {
        Plan plan = HostilePlans.resolvedExample(TestPlans.GALLERY);
        String json = new PoolJsonExporter().export(plan);
        PoolInner pool = sdk.deserialize(json, PoolInner.class, SerializerEncoding.JSON);
        assertThat(pool.vmSize()).isEqualTo("Standard_D2s_v3");
        assertThat(pool.displayName()).isEqualTo("Render nodes (Ubuntu 22.04, gen 2)");
        var vmc = pool.deploymentConfiguration().virtualMachineConfiguration();
        assertThat(vmc.imageReference().id()).isEqualTo(ResourceIds.image(plan));
        assertThat(vmc.nodeAgentSkuId()).isEqualTo("batch.node.ubuntu 22.04");
        var fixed = pool.scaleSettings().fixedScale();
        assertThat(fixed.targetDedicatedNodes()).isEqualTo(2);
        assertThat(fixed.targetLowPriorityNodes()).isZero();
        assertThat(fixed.resizeTimeout()).isEqualTo(Duration.ofMinutes(20));
        // Same shape as the REST example: every path the example's request has, ours has too.
        if (Files.exists(FIXTURE)) {
            JsonNode example = mapper.readTree(Files.readString(FIXTURE)).at("/parameters/parameters");
            assertThat(paths(mapper.readTree(json), "")).containsAll(paths(example, ""));
        }
    }

    @Test
    void armTemplateForAGalleryImageParsesIntoTheSdkModels() throws IOException {
        Plan plan = HostilePlans.resolvedExample(TestPlans.GALLERY);
        JsonNode t = resolveParameters(mapper.readTree(new ArmTemplateExporter("test").export(plan)));
        assertThat(t.get("$schema").asText()).contains("deploymentTemplate.json");
        Map<String, JsonNode> byType = byType(t.get("resources"));
        assertThat(byType).containsOnlyKeys("Microsoft.Compute/snapshots", "Microsoft.Compute/galleries", "Microsoft.Compute/galleries/images",
                "Microsoft.Compute/galleries/images/versions", "Microsoft.Resources/deployments");
        // The template makes the whole chain: the snapshot (a copy of the VM's OS disk) first.
        assertThat(byType.get("Microsoft.Compute/snapshots").at("/properties/creationData/createOption").asText()).isEqualTo("Copy");
        assertThat(byType.get("Microsoft.Compute/galleries/images/versions").get("dependsOn").toString()).contains("Microsoft.Compute/snapshots");

        GalleryImageInner def = sdk.deserialize(byType.get("Microsoft.Compute/galleries/images").toString(),
                GalleryImageInner.class, SerializerEncoding.JSON);
        assertThat(def.identifier().publisher()).isEqualTo("PoolForgeDemo");
        assertThat(def.hyperVGeneration().toString()).isEqualTo("V2");
        assertThat(def.osState().toString()).isEqualTo("Generalized");

        GalleryImageVersionInner version = sdk.deserialize(byType.get("Microsoft.Compute/galleries/images/versions").toString(),
                GalleryImageVersionInner.class, SerializerEncoding.JSON);
        assertThat(version.storageProfile().osDiskImage().source().id())
                .isEqualTo(ResourceIds.snapshot(plan, "snap-render-ubuntu2204-os"));
        assertThat(version.publishingProfile().targetRegions()).singleElement()
                .satisfies(r -> assertThat(r.regionalReplicaCount()).isEqualTo(1));

        // The account is in rg-batch, the image in rg-images: the pool is a nested deployment there.
        JsonNode deployment = byType.get("Microsoft.Resources/deployments");
        assertThat(deployment.get("resourceGroup").asText()).isEqualTo("rg-batch");
        JsonNode poolResource = deployment.at("/properties/template/resources/0");
        assertThat(poolResource.get("type").asText()).isEqualTo("Microsoft.Batch/batchAccounts/pools");
        PoolInner pool = sdk.deserialize(poolResource.toString(), PoolInner.class, SerializerEncoding.JSON);
        assertThat(pool.vmSize()).isEqualTo("Standard_D2s_v3");
        assertThat(pool.scaleSettings().fixedScale().targetDedicatedNodes()).isEqualTo(2);
        assertThat(pool.scaleSettings().fixedScale().resizeTimeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(pool.deploymentConfiguration().virtualMachineConfiguration().imageReference().id())
                .isEqualTo("[variables('imageId')]");
        assertThat(t.at("/variables/imageId").asText()).startsWith("[resourceId('Microsoft.Compute/galleries/images/versions'");
    }

    @Test
    void armTemplateForAManagedImageInTheAccountsGroupHasThePoolAtTopLevel() throws IOException {
        ObjectNode tree = TestPlans.edit(TestPlans.tree(TestPlans.MANAGED), "/pool/batchAccount/resourceGroup", "rg-render");
        Plan plan = PlanNames.resolveForExport(TestPlans.plan(tree), new PlanCodec());
        JsonNode t = resolveParameters(mapper.readTree(new ArmTemplateExporter("test").export(plan)));
        Map<String, JsonNode> byType = byType(t.get("resources"));
        assertThat(byType).containsOnlyKeys("Microsoft.Compute/snapshots", "Microsoft.Compute/images", "Microsoft.Batch/batchAccounts/pools");
        ImageInner image = sdk.deserialize(byType.get("Microsoft.Compute/images").toString(), ImageInner.class,
                SerializerEncoding.JSON);
        assertThat(image.storageProfile().dataDisks()).extracting(d -> d.lun()).containsExactly(0, 1);
        assertThat(image.storageProfile().osDisk().snapshot().id()).endsWith("/snapshots/" + plan.snapshots().osDisk().snapshotName());
        PoolInner pool = sdk.deserialize(byType.get("Microsoft.Batch/batchAccounts/pools").toString(), PoolInner.class,
                SerializerEncoding.JSON);
        assertThat(pool.scaleSettings().fixedScale().targetLowPriorityNodes()).isEqualTo(2);
        assertThat(pool.scaleSettings().fixedScale().resizeTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(byType.get("Microsoft.Batch/batchAccounts/pools").get("dependsOn").get(0).asText())
                .contains("Microsoft.Compute/images");
    }

    @Test
    void exportsHoldNoSecrets() {
        for (Path example : new Path[] {TestPlans.GALLERY, TestPlans.MANAGED}) {
            Plan plan = HostilePlans.resolvedExample(example);
            String all = new ArmTemplateExporter("t").export(plan) + new PoolJsonExporter().export(plan);
            assertThat(all).doesNotContainIgnoringCase("key").doesNotContainIgnoringCase("password")
                    .doesNotContainIgnoringCase("secret");
        }
    }

    /** Replaces "[parameters('x')]" by the parameter's default value (what a deployment without overrides does). */
    private static JsonNode resolveParameters(JsonNode template) {
        JsonNode params = template.get("parameters");
        return substitute(template.deepCopy(), params);
    }

    private static JsonNode substitute(JsonNode node, JsonNode params) {
        if (node instanceof TextNode text) {
            Matcher m = PARAM.matcher(text.asText());
            return m.matches() ? params.get(m.group(1)).get("defaultValue") : node;
        }
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("parameters")) o.set(f, substitute(o.get(f), params));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, substitute(node.get(i), params));
        }
        return node;
    }

    private static Map<String, JsonNode> byType(JsonNode resources) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        resources.forEach(r -> out.put(r.get("type").asText(), r));
        return out;
    }

    private static java.util.Set<String> paths(JsonNode n, String at) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                out.add(at + "/" + e.getKey());
                out.addAll(paths(e.getValue(), at + "/" + e.getKey()));
            });
        }
        return out;
    }
}
