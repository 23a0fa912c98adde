package io.poolforge.export;

import io.poolforge.domain.PoolBody;
import static io.poolforge.export.Quote.bash;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanJson;
import io.poolforge.plan.ResourceIds;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plan as a bash script of {@code az} commands. Every step first asks whether its resource
 * exists ({@code show}) and creates it only if not, so the script can be run again after a failure.
 * The pool goes through the Batch data plane with Entra ID ({@code az batch account login}, no keys).
 */
public final class AzCliExporter extends ScriptExporter {
    /** The here-document delimiter; JSON text can never hold it as a line of its own. */
    static final String JSON_END = "POOLFORGE_POOL_JSON";

    private final ObjectMapper mapper = PlanJson.newMapper();

    public AzCliExporter(Messages messages, String version) {
        super(messages, version);
    }

    @Override
    protected String firstLines() {
        return "#!/usr/bin/env bash\n"
                // Names are single-quoted on purpose (nothing in them may expand), and may hold typographic quotes.
                + "# shellcheck disable=SC2016,SC1112\n";
    }

    @Override
    protected String strictMode() {
        return "set -euo pipefail\n\n";
    }

    @Override
    protected void snapshots(StringBuilder sb, Plan p) {
        Plan.Snapshots s = p.snapshots();
        comment(sb, messages.get("export.comment.snapshots"));
        String scope = scope(s.subscriptionId(), s.resourceGroup());
        Plan.OsDisk os = s.osDisk();
        // `az snapshot create` has no --os-type (a snapshot copies its disk's OS type); --hyper-v-generation it has.
        StringBuilder extra = new StringBuilder();
        if (p.source().hyperVGeneration() != null) {
            extra.append(" --hyper-v-generation ").append(bash(p.source().hyperVGeneration()));
        }
        ifMissing(sb, "az snapshot show" + scope + " --name " + bash(os.snapshotName()),
                "az snapshot create" + scope + " --name " + bash(os.snapshotName()) + " --location "
                        + bash(s.location()) + " --source " + bash(os.diskId()) + extra + " --output none");
        for (Plan.DataDisk d : dataDisks(p)) {
            ifMissing(sb, "az snapshot show" + scope + " --name " + bash(d.snapshotName()),
                    "az snapshot create" + scope + " --name " + bash(d.snapshotName()) + " --location "
                            + bash(s.location()) + " --source " + bash(d.diskId()) + " --output none");
        }
    }

    /** The plan starts from an image version that exists: check it (the script stops if it does not). */
    @Override
    protected void existingImage(StringBuilder sb, Plan p) {
        Plan.Image i = p.image();
        Plan.Gallery g = i.gallery();
        comment(sb, messages.get("export.comment.existingImage"));
        if (p.latestGalleryVersion()) {
            // The pool takes the definition's latest version: the definition must exist.
            sb.append("az sig image-definition show").append(scope(i.subscriptionId(), i.resourceGroup()))
                    .append(" --gallery-name ").append(bash(g.name()))
                    .append(" --gallery-image-definition ").append(bash(g.imageDefinition())).append(" --output none\n\n");
            return;
        }
        sb.append("az sig image-version show").append(scope(i.subscriptionId(), i.resourceGroup()))
                .append(" --gallery-name ").append(bash(g.name()))
                .append(" --gallery-image-definition ").append(bash(g.imageDefinition()))
                .append(" --gallery-image-version ").append(bash(g.version())).append(" --output none\n\n");
    }

    @Override
    protected void gallery(StringBuilder sb, Plan p) {
        Plan.Image i = p.image();
        Plan.Gallery g = i.gallery();
        comment(sb, messages.get("export.comment.gallery"));
        String gal = scope(i.subscriptionId(), i.resourceGroup()) + " --gallery-name " + bash(g.name());
        String def = gal + " --gallery-image-definition " + bash(g.imageDefinition());
        String loc = " --location " + bash(i.location());
        ifMissing(sb, "az sig show" + gal, "az sig create" + gal + loc + " --output none");
        StringBuilder create = new StringBuilder("az sig image-definition create").append(def).append(loc)
                .append(" --publisher ").append(bash(g.publisher()))
                .append(" --offer ").append(bash(g.offer()))
                .append(" --sku ").append(bash(g.sku()))
                .append(" --os-type ").append(bash(i.osType()))
                .append(" --os-state ").append(bash(i.osState() == null ? "Generalized" : i.osState()));
        if (i.hyperVGeneration() != null) create.append(" --hyper-v-generation ").append(bash(i.hyperVGeneration()));
        if (i.securityType() != null && !"Standard".equals(i.securityType())) {
            create.append(" --features ").append(bash("SecurityType=" + i.securityType()));
        }
        if (i.purchasePlan() != null) {
            create.append(" --plan-name ").append(bash(i.purchasePlan().name()))
                    .append(" --plan-product ").append(bash(i.purchasePlan().product()))
                    .append(" --plan-publisher ").append(bash(i.purchasePlan().publisher()));
        }
        ifMissing(sb, "az sig image-definition show" + def, create.append(" --output none").toString());
        String ver = def + " --gallery-image-version " + bash(g.version());
        StringBuilder version = new StringBuilder("az sig image-version create").append(ver).append(loc)
                .append(" --os-snapshot ").append(bash(ResourceIds.snapshot(p, p.snapshots().osDisk().snapshotName())));
        List<Plan.DataDisk> data = dataDisks(p);
        if (!data.isEmpty()) {
            version.append(" --data-snapshots ").append(data.stream()
                    .map(d -> bash(ResourceIds.snapshot(p, d.snapshotName()))).collect(Collectors.joining(" ")));
            version.append(" --data-snapshot-luns ").append(data.stream()
                    .map(d -> String.valueOf(d.lun())).collect(Collectors.joining(" ")));
        }
        version.append(" --target-regions ").append(g.targetRegions().stream()
                .map(r -> bash(r.region() + "=" + r.replicaCount())).collect(Collectors.joining(" ")));
        ifMissing(sb, "az sig image-version show" + ver, version.append(" --output none").toString());
    }

    @Override
    protected void managedImage(StringBuilder sb, Plan p) {
        Plan.Image i = p.image();
        comment(sb, messages.get("export.comment.managedImage"));
        String img = scope(i.subscriptionId(), i.resourceGroup()) + " --name " + bash(i.managedImage().name());
        StringBuilder create = new StringBuilder("az image create").append(img)
                .append(" --location ").append(bash(i.location()))
                .append(" --source ").append(bash(ResourceIds.snapshot(p, p.snapshots().osDisk().snapshotName())))
                .append(" --os-type ").append(bash(i.osType()));
        if (i.hyperVGeneration() != null) create.append(" --hyper-v-generation ").append(bash(i.hyperVGeneration()));
        List<Plan.DataDisk> data = dataDisks(p);
        if (!data.isEmpty()) {
            create.append(" --data-disk-sources ").append(data.stream()
                    .map(d -> bash(ResourceIds.snapshot(p, d.snapshotName()))).collect(Collectors.joining(" ")));
        }
        ifMissing(sb, "az image show" + img, create.append(" --output none").toString());
    }

    /**
     * The pool through the management plane ({@code az rest}, PUT {@code .../pools/{id}?api-version=}
     * {@link PoolBody#MANAGEMENT_API_VERSION} with {@code If-None-Match: *}), the same body as the runner's. Not
     * {@code az batch pool create --json-file} (PF-16): the az CLI reads that file into its Batch SDK's model and sends only
     * the fields its model knows; {@code securityProfile} arrived with azure-cli 2.58 (Azure/azure-cli#28315, "Add
     * SecurityProfile support to VirtualMachineConfiguration on pool add", Feb 2024), so an older az (Debian's 2.45 in the
     * conformance harness) silently created a Trusted Launch image's pool without it, and its nodes never started.
     * {@code az rest} sends the body as it is, with any az version.
     */
    @Override
    protected void pool(StringBuilder sb, Plan p) {
        comment(sb, messages.get("export.comment.pool"));
        String url = bash(ResourceIds.pool(p) + "?api-version=" + PoolBody.MANAGEMENT_API_VERSION);
        sb.append("if ! az rest --method get --url ").append(url).append(" --output none 2>/dev/null; then\n");
        sb.append("  pool_json=\"$(mktemp)\"\n");
        sb.append("  trap 'rm -f \"$pool_json\"' EXIT\n");
        sb.append("  cat > \"$pool_json\" <<'").append(JSON_END).append("'\n");
        sb.append(PlanJson.pretty(mapper, mapper.valueToTree(PoolBody.management(p.poolPlan(), java.util.Map.of()))));
        sb.append(JSON_END).append('\n');
        sb.append("  az rest --method put --url ").append(url).append(" --headers 'If-None-Match=*' --body \"@$pool_json\" --output none\n");
        sb.append("fi\n");
    }


    private static String scope(String subscriptionId, String resourceGroup) {
        return " --subscription " + bash(subscriptionId) + " --resource-group " + bash(resourceGroup);
    }

    private static void ifMissing(StringBuilder sb, String show, String create) {
        sb.append("if ! ").append(show).append(" --output none 2>/dev/null; then\n");
        sb.append("  ").append(create).append('\n');
        sb.append("fi\n");
    }

}
