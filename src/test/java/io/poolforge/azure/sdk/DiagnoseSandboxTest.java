package io.poolforge.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.azure.BatchGateway;
import io.poolforge.azure.ComputeGateway;
import io.poolforge.azure.NodeCounts;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResourceLock;
import io.poolforge.domain.diagnose.Action;
import io.poolforge.domain.diagnose.Cause;
import io.poolforge.domain.diagnose.Confidence;
import io.poolforge.domain.diagnose.Diagnoser;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.nodes.ComputeNode;
import io.poolforge.domain.nodes.NodeCause;
import io.poolforge.domain.nodes.NodeDiagnoser;
import io.poolforge.domain.nodes.NodeErrorGroup;
import io.poolforge.i18n.Messages;
import io.poolforge.ui.watch.ImageHealth;
import io.poolforge.ui.watch.PoolLookups;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PF-17 through the app's own adapters against the sandbox's "diagnose" scenario: the management locks and permissions
 * APIs are served from the sandbox's state and read over HTTPS, and the diagnoses rest on what was read.
 */
class DiagnoseSandboxTest {
    static final Messages EN = new Messages(Locale.ENGLISH);
    AdapterSandbox sb;
    BatchAccountInfo weu;
    BatchGateway batch;
    ComputeGateway compute;

    @BeforeEach
    void start() {
        sb = AdapterSandbox.start("diagnose", b -> b);
        weu = sb.account("pfdemobatchweu");
        batch = sb.batch();
        compute = sb.compute();
    }

    @AfterEach
    void stop() throws Exception {
        sb.close();
    }

    private List<Diagnosis> diagnose(String poolId) {
        PoolInfo p = batch.getPool(weu, poolId).orElseThrow();
        NodeCounts counts = batch.nodeCounts(weu, poolId);
        ImageHealth img = PoolLookups.inspectImage(compute, p.customImageId());
        return Diagnoser.diagnose(PoolLookups.evidence(compute, batch, weu, p, counts, img, null));
    }

    private static List<String> rendered(List<LocalizedText> t) {
        return t.stream().map(EN::text).toList();
    }

    @Test
    void theLockOnTheImageIsFoundByTheLockLookUpNotByTheErrorText() {
        PoolInfo p = batch.getPool(weu, "render-locked").orElseThrow();
        assertThat(p.resizeErrors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("AllocationFailed");
            assertThat(e.allText().toLowerCase(Locale.ROOT)).doesNotContain("lock").doesNotContain("scope");
        });
        // The ARM list at resource level, as the SDK adapter reads it, returns the lock on the definition above the version.
        List<ResourceLock> locks = compute.locksOn(p.customImageId());
        assertThat(locks).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("freeze-render-image");
            assertThat(l.level()).isEqualTo("ReadOnly");
            assertThat(l.scope()).endsWith("/images/ubuntu2204-locked");
        });

        Diagnosis d = diagnose("render-locked").get(0);

        assertThat(d.cause()).isEqualTo(Cause.RESOURCE_LOCKED);
        assertThat(d.confidence()).isEqualTo(Confidence.LIKELY);
        assertThat(d.action()).isEqualTo(Action.REMOVE_LOCK);
        assertThat(EN.text(d.causeText())).contains("freeze-render-image");
        assertThat(rendered(d.checked())).anySatisfy(t -> assertThat(t).startsWith("Lock freeze-render-image (ReadOnly) on "));
        // The other pools' image carries no lock: the same look-up says so.
        assertThat(compute.locksOn(batch.getPool(weu, "ubuntu-unusable").orElseThrow().customImageId())).isEmpty();
    }

    @Test
    void theImagesBaseIsReadAlongWhatItWasMadeFromAndUnknownWhenALinkIsGone() {
        String image = batch.getPool(weu, "ubuntu-unusable").orElseThrow().customImageId();
        assertThat(io.poolforge.azure.DiagnosisLookups.of(compute, weu, batch.getPool(weu, "ubuntu-unusable").orElseThrow()).imageBase())
                .isNotNull().satisfies(b -> assertThat(b.publisher() + "/" + b.offer() + "/" + b.sku())
                        .isEqualTo("canonical/0001-com-ubuntu-server-jammy/22_04-lts-gen2"));
        String snapshot = compute.findImageVersion(image).orElseThrow().sourceIds().get(0);
        String disk = compute.findSnapshot(snapshot).orElseThrow().sourceResourceId();
        assertThat(compute.diskSourceImage(disk)).isPresent();
        assertThat(compute.diskSourceImage(disk.replace("OsDisk", "NoSuchDisk"))).isEmpty();
    }

    @Test
    void nodesStuckStartingAreDiagnosedWithSimplifiedCommunication() {
        List<ComputeNode> nodes = batch.computeNodes(weu, "render-stuck", null);
        assertThat(nodes).hasSize(3).allSatisfy(n -> assertThat(n.state()).isEqualTo("starting"));

        List<NodeErrorGroup> groups = NodeDiagnoser.diagnose(nodes, Instant.now());

        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.cause()).isEqualTo(NodeCause.STUCK_STARTING);
            assertThat(g.count()).isEqualTo(3);
            assertThat(EN.text(g.causeText())).isEqualTo("3 nodes have been in the state “Starting” for more than 15 minutes.");
            assertThat(EN.text(g.check())).contains("BatchNodeManagement.<region>", "outbound TCP 443", "service endpoint policy")
                    .doesNotContain("29876");
        });
    }

    @Test
    void ubuntuCustomImageWithTheRightAgentAndUnusableNodesListsWhatWasCheckedAndGivesNoAgentVerdict() {
        List<Diagnosis> out = diagnose("ubuntu-unusable");

        assertThat(out).singleElement().satisfies(d -> {
            assertThat(d.cause()).isEqualTo(Cause.NODES_UNUSABLE);
            assertThat(d.confidence()).isEqualTo(Confidence.UNKNOWN);
            assertThat(d.actions()).doesNotContain(Action.RECREATE_POOL);
            String image = batch.getPool(weu, "ubuntu-unusable").orElseThrow().customImageId();
            assertThat(rendered(d.checked())).contains(
                    "The image " + image + " exists (read from Azure).",
                    "2 replicas of the image version in westeurope.",
                    "Your permissions on " + image + " include Microsoft.Compute/disks/beginGetAccess/action.",
                    "Security type: image definition Standard, pool Standard.");
            assertThat(rendered(d.checked())).contains(
                    "No management lock on the image or the scopes above it (1.0.0, ubuntu2204-render, gal_pf_images, rg-images).");
            // The base is read along what the image was made from (version → OS snapshot → disk → creationData.imageReference),
            // and the node agent is judged against it: it fits, so no node-agent verdict.
            assertThat(rendered(d.checked())).contains("The node agent SKU batch.node.ubuntu 22.04 fits the image's Marketplace base "
                    + "canonical/0001-com-ubuntu-server-jammy/22_04-lts-gen2 (List Supported Images).");
            assertThat(rendered(d.notChecked())).noneMatch(t -> t.contains("node agent"));
        });
        List<NodeErrorGroup> groups = NodeDiagnoser.diagnose(batch.computeNodes(weu, "ubuntu-unusable", null), Instant.now());
        assertThat(groups).singleElement().extracting(NodeErrorGroup::cause).isEqualTo(NodeCause.UNREACHABLE);
    }
}
