package io.poolforge.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.azure.BatchGateway;
import io.poolforge.azure.ComputeGateway;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.PoolPlan;
import io.poolforge.domain.diagnose.Cause;
import io.poolforge.domain.diagnose.Diagnoser;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.i18n.Messages;
import io.poolforge.ui.watch.PoolLookups;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PF-16 second pass, the inspector's side: a Marketplace pool's image generation is read from Compute when a diagnosis is
 * gathered, so the VM size's generation check is made on what Azure reports. Canonical ubuntu-24_04-lts {@code server}
 * (Gen2 by Canonical's table, no "gen2" in its name) on Standard_A2_v2 (Generation 1 only): before, the image's generation
 * was unknown for a Marketplace pool and the check was listed as not made.
 */
class MarketplacePoolDiagnosisTest {
    static final Messages EN = new Messages(Locale.ENGLISH);
    AdapterSandbox sb;
    BatchAccountInfo weu;
    BatchGateway batch;
    ComputeGateway compute;

    @BeforeEach
    void start() {
        sb = AdapterSandbox.start(b -> b);
        weu = sb.account("pfdemobatchweu");
        batch = sb.batch();
        compute = sb.compute();
    }

    @AfterEach
    void stop() throws Exception {
        sb.close();
    }

    @Test
    void aGen2MarketplaceImageOnAGen1SizeIsCheckedWithTheGenerationComputeReports() {
        PoolPlan plan = new PoolPlan("noble-on-a2", "noble-on-a2", "Standard_A2_v2", null, "batch.node.ubuntu 24.04", 1, 0,
                Duration.ofMinutes(15), ImageReference.marketplace("canonical", "ubuntu-24_04-lts", "server", "latest"));
        batch.createPool(weu, plan);
        PoolInfo p = batch.getPool(weu, "noble-on-a2").orElseThrow();
        assertThat(p.resizeErrors()).isNotEmpty();
        sb.clearLog();
        List<Diagnosis> found = Diagnoser.diagnose(PoolLookups.evidence(compute, batch, weu, p, batch.nodeCounts(weu, p.id()),
                null, null));
        assertThat(found).anySatisfy(d -> {
            assertThat(d.cause()).isEqualTo(Cause.GENERATION_MISMATCH);
            assertThat(d.checked().stream().map(EN::text).toList())
                    .anyMatch(t -> t.contains("Standard_A2_v2") && t.contains("the image is generation V2"));
            assertThat(d.notChecked().stream().map(EN::text).toList()).noneMatch(t -> t.contains("Hyper-V generation"));
        });
        assertThat(sb.log()).anyMatch(l -> l.contains("/offers/ubuntu-24_04-lts/skus/server/versions"));
    }
}
