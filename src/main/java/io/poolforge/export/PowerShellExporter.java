package io.poolforge.export;

import io.poolforge.domain.PoolBody;
import static io.poolforge.export.Quote.pwsh;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanJson;
import io.poolforge.plan.ResourceIds;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plan as a PowerShell script on the Az module: New-AzSnapshotConfig/New-AzSnapshot,
 * New-AzGallery, New-AzGalleryImageDefinition, New-AzGalleryImageVersion (or New-AzImage), and the
 * pool through the Batch resource provider's REST API ({@code Invoke-AzRestMethod}, the same body as
 * the pool-json export). Each step runs only when its resource does not exist yet.
 */
public final class PowerShellExporter extends ScriptExporter {
    private final ObjectMapper mapper = PlanJson.newMapper();

    public PowerShellExporter(Messages messages, String version) {
        super(messages, version);
    }

    @Override
    protected String firstLines() {
        return "#Requires -Modules Az.Accounts, Az.Compute\n";
    }

    @Override
    protected String strictMode() {
        return "$ErrorActionPreference = 'Stop'\n\n";
    }

    @Override
    protected void snapshots(StringBuilder sb, Plan p) {
        Plan.Snapshots s = p.snapshots();
        comment(sb, messages.get("export.comment.snapshots"));
        sb.append("Set-AzContext -Subscription ").append(pwsh(s.subscriptionId())).append(" | Out-Null\n");
        String rg = pwsh(s.resourceGroup());
        StringBuilder extra = new StringBuilder();
        if (p.source().osType() != null) extra.append(" -OsType ").append(pwsh(p.source().osType()));
        if (p.source().hyperVGeneration() != null) {
            extra.append(" -HyperVGeneration ").append(pwsh(p.source().hyperVGeneration()));
        }
        snapshot(sb, rg, s.location(), s.osDisk().diskId(), s.osDisk().snapshotName(), extra.toString());
        for (Plan.DataDisk d : dataDisks(p)) snapshot(sb, rg, s.location(), d.diskId(), d.snapshotName(), "");
    }

    private static void snapshot(StringBuilder sb, String rg, String location, String diskId, String name, String extra) {
        ifMissing(sb, "Get-AzSnapshot -ResourceGroupName " + rg + " -SnapshotName " + pwsh(name),
                "$config = New-AzSnapshotConfig -Location " + pwsh(location) + " -CreateOption Copy -SourceResourceId "
                        + pwsh(diskId) + extra,
                "New-AzSnapshot -ResourceGroupName " + rg + " -SnapshotName " + pwsh(name) + " -Snapshot $config | Out-Null");
    }

    /** The plan starts from an image version that exists: check it (the script stops if it does not). */
    @Override
    protected void existingImage(StringBuilder sb, Plan p) {
        Plan.Image i = p.image();
        Plan.Gallery g = i.gallery();
        comment(sb, messages.get("export.comment.existingImage"));
        sb.append("Set-AzContext -Subscription ").append(pwsh(i.subscriptionId())).append(" | Out-Null\n");
        if (p.latestGalleryVersion()) {
            // The pool takes the definition's latest version: the definition must exist.
            sb.append("Get-AzGalleryImageDefinition -ResourceGroupName ").append(pwsh(i.resourceGroup()))
                    .append(" -GalleryName ").append(pwsh(g.name()))
                    .append(" -Name ").append(pwsh(g.imageDefinition())).append(" -ErrorAction Stop | Out-Null\n\n");
            return;
        }
        sb.append("Get-AzGalleryImageVersion -ResourceGroupName ").append(pwsh(i.resourceGroup()))
                .append(" -GalleryName ").append(pwsh(g.name()))
                .append(" -GalleryImageDefinitionName ").append(pwsh(g.imageDefinition()))
                .append(" -Name ").append(pwsh(g.version())).append(" -ErrorAction Stop | Out-Null\n\n");
    }

    @Override
    protected void gallery(StringBuilder sb, Plan p) {
        Plan.Image i = p.image();
        Plan.Gallery g = i.gallery();
        comment(sb, messages.get("export.comment.gallery"));
        sb.append("Set-AzContext -Subscription ").append(pwsh(i.subscriptionId())).append(" | Out-Null\n");
        String rg = " -ResourceGroupName " + pwsh(i.resourceGroup());
        String loc = " -Location " + pwsh(i.location());
        ifMissing(sb, "Get-AzGallery" + rg + " -Name " + pwsh(g.name()),
                "New-AzGallery" + rg + " -Name " + pwsh(g.name()) + loc + " | Out-Null");
        String def = rg + " -GalleryName " + pwsh(g.name());
        StringBuilder create = new StringBuilder("New-AzGalleryImageDefinition").append(def)
                .append(" -Name ").append(pwsh(g.imageDefinition())).append(loc)
                .append(" -Publisher ").append(pwsh(g.publisher()))
                .append(" -Offer ").append(pwsh(g.offer()))
                .append(" -Sku ").append(pwsh(g.sku()))
                .append(" -OsType ").append(pwsh(i.osType()))
                .append(" -OsState ").append(pwsh(i.osState() == null ? "Generalized" : i.osState()));
        if (i.hyperVGeneration() != null) create.append(" -HyperVGeneration ").append(pwsh(i.hyperVGeneration()));
        if (i.securityType() != null && !"Standard".equals(i.securityType())) {
            create.append(" -Feature @(@{ Name = 'SecurityType'; Value = ").append(pwsh(i.securityType())).append(" })");
        }
        if (i.purchasePlan() != null) {
            create.append(" -PurchasePlanName ").append(pwsh(i.purchasePlan().name()))
                    .append(" -PurchasePlanProduct ").append(pwsh(i.purchasePlan().product()))
                    .append(" -PurchasePlanPublisher ").append(pwsh(i.purchasePlan().publisher()));
        }
        ifMissing(sb, "Get-AzGalleryImageDefinition" + def + " -Name " + pwsh(g.imageDefinition()),
                create.append(" | Out-Null").toString());
        String ver = def + " -GalleryImageDefinitionName " + pwsh(g.imageDefinition()) + " -Name " + pwsh(g.version());
        StringBuilder version = new StringBuilder("New-AzGalleryImageVersion").append(ver).append(loc)
                .append(" -TargetRegion @(").append(g.targetRegions().stream()
                        .map(r -> "@{ Name = " + pwsh(r.region()) + "; ReplicaCount = " + r.replicaCount() + " }")
                        .collect(Collectors.joining(", "))).append(')')
                .append(" -OSDiskImage @{ Source = @{ Id = ")
                .append(pwsh(ResourceIds.snapshot(p, p.snapshots().osDisk().snapshotName()))).append(" } }");
        List<Plan.DataDisk> data = dataDisks(p);
        if (!data.isEmpty()) {
            version.append(" -DataDiskImage @(").append(data.stream()
                    .map(d -> "@{ Source = @{ Id = " + pwsh(ResourceIds.snapshot(p, d.snapshotName())) + " }; Lun = "
                            + d.lun() + " }")
                    .collect(Collectors.joining(", "))).append(')');
        }
        ifMissing(sb, "Get-AzGalleryImageVersion" + ver, version.append(" | Out-Null").toString());
    }

    @Override
    protected void managedImage(StringBuilder sb, Plan p) {
        Plan.Image i = p.image();
        comment(sb, messages.get("export.comment.managedImage"));
        sb.append("Set-AzContext -Subscription ").append(pwsh(i.subscriptionId())).append(" | Out-Null\n");
        String rg = " -ResourceGroupName " + pwsh(i.resourceGroup());
        String name = pwsh(i.managedImage().name());
        StringBuilder body = new StringBuilder();
        body.append("$image = New-AzImageConfig -Location ").append(pwsh(i.location()));
        if (i.hyperVGeneration() != null) body.append(" -HyperVGeneration ").append(pwsh(i.hyperVGeneration()));
        body.append("\n    $image = Set-AzImageOsDisk -Image $image -OsType ").append(pwsh(i.osType()))
                .append(" -OsState ").append(pwsh(i.osState() == null ? "Generalized" : i.osState()))
                .append(" -SnapshotId ").append(pwsh(ResourceIds.snapshot(p, p.snapshots().osDisk().snapshotName())));
        for (Plan.DataDisk d : dataDisks(p)) {
            body.append("\n    $image = Add-AzImageDataDisk -Image $image -Lun ").append(d.lun())
                    .append(" -SnapshotId ").append(pwsh(ResourceIds.snapshot(p, d.snapshotName())));
        }
        ifMissing(sb, "Get-AzImage" + rg + " -ImageName " + name, body.toString(),
                "New-AzImage" + rg + " -ImageName " + name + " -Image $image | Out-Null");
    }

    @Override
    protected void pool(StringBuilder sb, Plan p) {
        comment(sb, messages.get("export.comment.pool"));
        String path = ResourceIds.pool(p) + "?api-version=" + PoolBody.MANAGEMENT_API_VERSION;
        sb.append("$poolPath = ").append(pwsh(path)).append('\n');
        sb.append("$existing = Invoke-AzRestMethod -Method GET -Path $poolPath\n");
        sb.append("if ($existing.StatusCode -eq 404) {\n");
        sb.append("    $body = @'\n");
        sb.append(PlanJson.pretty(mapper, mapper.valueToTree(PoolBody.management(p.poolPlan(), java.util.Map.of()))));
        sb.append("'@\n");
        sb.append("    $response = Invoke-AzRestMethod -Method PUT -Path $poolPath -Payload $body\n");
        sb.append("    if ($response.StatusCode -ge 300) { throw $response.Content }\n");
        sb.append("} elseif ($existing.StatusCode -ge 300) {\n");
        sb.append("    throw $existing.Content\n");
        sb.append("}\n");
    }


    private static void ifMissing(StringBuilder sb, String get, String... body) {
        sb.append("if (-not (").append(get).append(" -ErrorAction SilentlyContinue)) {\n");
        for (String line : body) sb.append("    ").append(line).append('\n');
        sb.append("}\n");
    }

}
