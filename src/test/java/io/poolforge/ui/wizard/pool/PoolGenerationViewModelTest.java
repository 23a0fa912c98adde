package io.poolforge.ui.wizard.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.domain.Fixtures;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.OsType;
import io.poolforge.domain.SupportedImage;
import io.poolforge.i18n.Messages;
import io.poolforge.task.CurrentThreadTaskExecutor;
import io.poolforge.ui.watch.FakeAzure;
import io.poolforge.ui.wizard.WizardSession;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * PF-16 second pass, the pool step: the generation shown and compared is the one Azure reports, read in a background task
 * (a synchronous executor here) for the images that matter; a failed read is "unknown", in English and Spanish.
 */
class PoolGenerationViewModelTest {
    static final Messages EN = new Messages(Locale.ENGLISH);
    static final Messages ES = new Messages(Locale.forLanguageTag("es"));
    static final ImageReference SERVER = ImageReference.marketplace("canonical", "ubuntu-24_04-lts", "server", "latest");
    static final ImageReference SERVER_GEN1 = ImageReference.marketplace("canonical", "ubuntu-24_04-lts", "server-gen1", "latest");
    static final ImageReference WIN = ImageReference.marketplace("microsoftwindowsserver", "windowsserver", "2022-datacenter", "latest");

    final FakeAzure azure = new FakeAzure();

    WizardSession session() {
        WizardSession s = new WizardSession(FakeAzure.CLOCK);
        s.connectionProperty().set(azure.connection);
        s.accountProperty().set(Fixtures.account());
        s.supportedImages().setAll(
                new SupportedImage("agent.gen1", SERVER_GEN1, OsType.LINUX, "verified", List.of(), null),
                new SupportedImage("agent.gen2", SERVER, OsType.LINUX, "verified", List.of(), null),
                new SupportedImage("agent.win", WIN, OsType.WINDOWS, "verified", List.of(), null));
        s.vmSizes().setAll(Fixtures.vmSizes());
        return s;
    }

    PoolViewModel marketplace(WizardSession s) {
        PoolViewModel m = new PoolViewModel(s, new CurrentThreadTaskExecutor(), k -> k);
        m.imageTypeProperty().set(PoolImageType.MARKETPLACE);
        m.publisherProperty().set("canonical");
        m.offerProperty().set("ubuntu-24_04-lts");
        m.skuProperty().set("server");
        return m;
    }

    @Test
    void aMarketplaceSkuWithoutGen2InItsNameIsShownAsTheV2AzureReports() {
        azure.compute.marketplace.put("canonical:ubuntu-24_04-lts:server", HyperVGeneration.V2);
        PoolViewModel m = marketplace(session());
        assertThat(m.chosenImageProperty().get().generation()).isEqualTo(HyperVGeneration.V2);
        assertThat(EN.text(m.imageFacts())).contains("generation V2");
        assertThat(ES.text(m.imageFacts())).contains("generación V2");
        // Only the chosen image was asked about (no VM: no node agent candidates), once.
        assertThat(azure.compute.marketplaceAsked).containsExactly("canonical:ubuntu-24_04-lts:server:latest");
    }

    @Test
    void aFailedReadIsShownAsUnknownInBothLanguagesAndNothingIsGuessed() {
        azure.compute.marketplaceFails = true;
        PoolViewModel m = marketplace(session());
        assertThat(m.chosenImageProperty().get().generation()).isNull();
        assertThat(EN.text(m.imageFacts())).contains("generation unknown (Azure did not report it, or it could not be read)");
        assertThat(ES.text(m.imageFacts())).contains("generación desconocida (Azure no la indicó o no se pudo leer)");
        // Without a task executor nothing is read: "not read yet", not a guess from the name.
        PoolViewModel offline = new PoolViewModel(session());
        offline.imageTypeProperty().set(PoolImageType.MARKETPLACE);
        offline.publisherProperty().set("canonical");
        offline.offerProperty().set("ubuntu-24_04-lts");
        offline.skuProperty().set("server");
        assertThat(offline.chosenImageProperty().get().generation()).isNull();
        assertThat(EN.text(offline.imageFacts())).contains("generation unknown");
    }

    @Test
    void aCustomImageOnAnotherSkuOfTheOfferGetsTheNodeAgentOfTheImageAzureReportsAsItsGeneration() {
        azure.compute.marketplace.put("canonical:ubuntu-24_04-lts:server", HyperVGeneration.V2);
        azure.compute.marketplace.put("canonical:ubuntu-24_04-lts:server-gen1", HyperVGeneration.V1);
        WizardSession s = session();
        Fixtures.Vm vm = new Fixtures.Vm();
        vm.image = ImageReference.marketplace("canonical", "ubuntu-24_04-lts", "minimal", "latest"); // not listed by Batch
        vm.generation = HyperVGeneration.V2;
        s.vmProperty().set(vm.build());
        s.imageProperty().set(Fixtures.image());
        PoolViewModel m = new PoolViewModel(s, new CurrentThreadTaskExecutor(), k -> k);
        m.enter();
        // The name guess called both "server" SKUs Generation 1 and proposed nothing for this Gen2 image.
        assertThat(m.nodeAgentSkuProperty().get()).isEqualTo("agent.gen2");
        // The base is prefilled with the supported image the matcher found once the generations were read.
        assertThat(m.skuProperty().get()).isEqualTo("server");
        assertThat(m.chosenImageProperty().get().generation()).isEqualTo(HyperVGeneration.V2);
        assertThat(m.proposalProperty().get().args()).contains("agent.gen2");
        // The candidates of the same publisher and OS were asked about; the Windows image was not.
        assertThat(azure.compute.marketplaceAsked).containsExactlyInAnyOrder("canonical:ubuntu-24_04-lts:server:latest",
                "canonical:ubuntu-24_04-lts:server-gen1:latest");
    }
}
