package io.poolforge.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.OsType;
import io.poolforge.domain.SupportedImage;
import io.poolforge.ui.watch.FakeAzure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PF-16 second pass: generations read from Compute once per (location, image) a session; failures stay unknown. */
class MarketplaceImagesTest {
    static final ImageReference SERVER = ImageReference.marketplace("canonical", "ubuntu-24_04-lts", "server", "latest");
    static final ImageReference GEN1 = ImageReference.marketplace("canonical", "ubuntu-24_04-lts", "server-gen1", "latest");
    static final ImageReference WIN = ImageReference.marketplace("microsoftwindowsserver", "windowsserver", "2022-datacenter-g2", "latest");

    static List<SupportedImage> supported() {
        return List.of(new SupportedImage("batch.node.ubuntu 24.04", SERVER, OsType.LINUX, "verified", List.of(), null),
                new SupportedImage("batch.node.ubuntu 24.04", GEN1, OsType.LINUX, "verified", List.of(), null),
                new SupportedImage("batch.node.windows amd64", WIN, OsType.WINDOWS, "verified", List.of(), null));
    }

    @Test
    void readsWhatAzureReportsOnceASessionAndOnlyForTheImagesThatMatter() {
        FakeAzure.FakeCompute compute = new FakeAzure.FakeCompute();
        compute.marketplace.put("canonical:ubuntu-24_04-lts:server", HyperVGeneration.V2);
        compute.marketplace.put("canonical:ubuntu-24_04-lts:server-gen1", HyperVGeneration.V1);
        MarketplaceImages images = new MarketplaceImages(compute);
        ImageReference minimal = ImageReference.marketplace("canonical", "ubuntu-24_04-lts", "minimal", "latest");

        List<SupportedImage> read = images.forProposal("sub", "westeurope", minimal, OsType.LINUX, supported());
        assertThat(read).extracting(SupportedImage::generation).containsExactly(HyperVGeneration.V2, HyperVGeneration.V1, null);
        assertThat(compute.marketplaceAsked).containsExactlyInAnyOrder("canonical:ubuntu-24_04-lts:server:latest",
                "canonical:ubuntu-24_04-lts:server-gen1:latest"); // the Windows image does not matter here

        // Asked again (another change on the pool step, the preflight): answered from the session, no call.
        images.forProposal("sub", "westeurope", minimal, OsType.LINUX, supported());
        assertThat(images.generation("sub", "WestEurope", SERVER)).isEqualTo(HyperVGeneration.V2);
        assertThat(compute.marketplaceAsked).hasSize(2);
        // Another location is another catalogue.
        images.generation("sub", "eastus", SERVER);
        assertThat(compute.marketplaceAsked).hasSize(3);
        // The VM's base is listed itself: nothing to ask.
        images.forProposal("sub", "northeurope", SERVER, OsType.LINUX, supported());
        assertThat(compute.marketplaceAsked).hasSize(3);
    }

    @Test
    void aFailedOrUnreportedReadIsUnknownNeverAGuess() {
        FakeAzure.FakeCompute compute = new FakeAzure.FakeCompute();
        compute.marketplaceFails = true;
        MarketplaceImages images = new MarketplaceImages(compute);
        MarketplaceImages.Read r = images.read("sub", "westeurope", SERVER);
        assertThat(r.failed()).isTrue();
        assertThat(r.generation()).isNull();
        // Kept for the session: the pool step does not ask again on every change.
        images.read("sub", "westeurope", SERVER);
        assertThat(compute.marketplaceAsked).hasSize(1);

        FakeAzure.FakeCompute silent = new FakeAzure.FakeCompute();
        silent.marketplace.put("microsoftwindowsserver:windowsserver:2022-datacenter-g2", null); // found, no hyperVGeneration
        MarketplaceImages unreported = new MarketplaceImages(silent);
        assertThat(unreported.read("sub", "westeurope", WIN).failed()).isFalse();
        assertThat(unreported.generation("sub", "westeurope", WIN)).isNull(); // "-g2" in the name decides nothing
    }
}
