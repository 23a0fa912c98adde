package io.poolforge.ui.wizard.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.domain.Fixtures;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.OsType;
import io.poolforge.domain.SupportedImage;
import io.poolforge.task.BackgroundTask;
import io.poolforge.task.CurrentThreadTaskExecutor;
import io.poolforge.task.TaskExecutor;
import io.poolforge.task.TaskHandle;
import io.poolforge.ui.watch.FakeAzure;
import io.poolforge.ui.wizard.WizardSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pool step's image choice, as the user meets it: publisher → offer → SKU lists that follow each other, the node
 * agent that follows the SKU, one choice kept per image type, and a user's own node agent never overwritten by a
 * look-up that ends later. These pin what {@link PoolViewModel} does today, so that its image choice can be moved out
 * of it without the behaviour moving too.
 */
class PoolImageChoiceTest {
    static final ImageReference SERVER = ImageReference.marketplace("canonical", "ubuntu-24_04-lts", "server", "latest");
    static final ImageReference MINIMAL = ImageReference.marketplace("canonical", "ubuntu-24_04-lts-minimal", "minimal", "latest");
    static final ImageReference WIN = ImageReference.marketplace("microsoftwindowsserver", "windowsserver", "2022-datacenter", "latest");

    final FakeAzure azure = new FakeAzure();

    WizardSession session() {
        azure.compute.marketplace.put("canonical:ubuntu-24_04-lts:server", HyperVGeneration.V2);
        azure.compute.marketplace.put("canonical:ubuntu-24_04-lts-minimal:minimal", HyperVGeneration.V2);
        azure.compute.marketplace.put("microsoftwindowsserver:windowsserver:2022-datacenter", HyperVGeneration.V2);
        WizardSession s = new WizardSession(FakeAzure.CLOCK);
        s.connectionProperty().set(azure.connection);
        s.accountProperty().set(Fixtures.account());
        s.supportedImages().setAll(
                new SupportedImage("agent.ubuntu", SERVER, OsType.LINUX, "verified", List.of(), null),
                new SupportedImage("agent.minimal", MINIMAL, OsType.LINUX, "verified", List.of(), null),
                new SupportedImage("agent.win", WIN, OsType.WINDOWS, "verified", List.of(), null));
        s.vmSizes().setAll(Fixtures.vmSizes());
        return s;
    }

    /** A session whose VM was made from {@code base}, with its image planned. */
    WizardSession sessionWithVm(ImageReference base) {
        WizardSession s = session();
        Fixtures.Vm vm = new Fixtures.Vm();
        vm.image = base;
        s.vmProperty().set(vm.build());
        s.imageProperty().set(Fixtures.image());
        return s;
    }

    @Test
    void eachListFollowsTheChoiceAboveItAndTheNodeAgentFollowsTheSku() {
        PoolViewModel m = new PoolViewModel(session(), new CurrentThreadTaskExecutor(), k -> k);
        m.imageTypeProperty().set(PoolImageType.MARKETPLACE);
        m.publisherProperty().set("canonical");
        assertThat(m.publishers()).containsExactly("canonical", "microsoftwindowsserver");
        assertThat(m.offers()).containsExactly("ubuntu-24_04-lts", "ubuntu-24_04-lts-minimal");
        // No offer chosen yet: the first; its one SKU with it.
        assertThat(m.offerProperty().get()).isEqualTo("ubuntu-24_04-lts");
        assertThat(m.skus()).containsExactly("server");
        assertThat(m.chosenImageProperty().get().imageReference().sameSku(SERVER)).isTrue();
        assertThat(m.nodeAgentSkuProperty().get()).isEqualTo("agent.ubuntu");

        m.publisherProperty().set("microsoftwindowsserver");
        assertThat(m.offers()).containsExactly("windowsserver");
        assertThat(m.offerProperty().get()).isEqualTo("windowsserver");
        assertThat(m.skuProperty().get()).isEqualTo("2022-datacenter");
        assertThat(m.nodeAgentSkuProperty().get()).isEqualTo("agent.win");
        assertThat(m.proposalProperty().get().key()).isEqualTo("wizard.pool.market.agent");
        assertThat(m.proposalProperty().get().args()).contains("agent.win");
        assertThat(m.imageShown()).isEqualTo(m.chosenImageProperty().get().imageReference().display());
    }

    @Test
    void aCustomImagesBaseIsPrefilledFromTheVmAndSaysSo() {
        PoolViewModel m = new PoolViewModel(sessionWithVm(SERVER), new CurrentThreadTaskExecutor(), k -> k);
        m.enter();
        assertThat(m.imageTypeProperty().get()).isEqualTo(PoolImageType.GALLERY);
        assertThat(List.of(m.publisherProperty().get(), m.offerProperty().get(), m.skuProperty().get()))
                .containsExactly("canonical", "ubuntu-24_04-lts", "server");
        assertThat(m.baseUnknown()).isFalse();
        assertThat(m.baseNoteProperty().get().key()).isEqualTo("wizard.pool.base.prefilled");
        assertThat(m.nodeAgentSkuProperty().get()).isEqualTo("agent.ubuntu");
    }

    @Test
    void aVmNotFromTheMarketplaceLeavesTheBaseUnknown() {
        WizardSession s = session();
        Fixtures.Vm vm = new Fixtures.Vm();
        vm.image = null;
        s.vmProperty().set(vm.build());
        s.imageProperty().set(Fixtures.image());
        PoolViewModel m = new PoolViewModel(s, new CurrentThreadTaskExecutor(), k -> k);
        m.enter();
        assertThat(m.baseUnknown()).isTrue();
        assertThat(m.baseNoteProperty().get().key()).isEqualTo("wizard.pool.base.unknown");
    }

    @Test
    void eachImageTypeKeepsItsOwnPublisherOfferAndSku() {
        PoolViewModel m = new PoolViewModel(sessionWithVm(SERVER), new CurrentThreadTaskExecutor(), k -> k);
        m.enter();
        m.imageTypeProperty().set(PoolImageType.MARKETPLACE);
        m.publisherProperty().set("microsoftwindowsserver");
        assertThat(m.skuProperty().get()).isEqualTo("2022-datacenter");

        // Back to the custom image: its base is the VM's again, not the Marketplace trial's.
        m.imageTypeProperty().set(PoolImageType.GALLERY);
        assertThat(List.of(m.publisherProperty().get(), m.offerProperty().get(), m.skuProperty().get()))
                .containsExactly("canonical", "ubuntu-24_04-lts", "server");
        assertThat(m.nodeAgentSkuProperty().get()).isEqualTo("agent.ubuntu");

        // And the Marketplace choice comes back with its type.
        m.imageTypeProperty().set(PoolImageType.MARKETPLACE);
        assertThat(List.of(m.publisherProperty().get(), m.offerProperty().get(), m.skuProperty().get()))
                .containsExactly("microsoftwindowsserver", "windowsserver", "2022-datacenter");
        assertThat(m.nodeAgentSkuProperty().get()).isEqualTo("agent.win");
    }

    @Test
    void aManagedImageIsListedButCannotBeChosen() {
        PoolViewModel m = new PoolViewModel(sessionWithVm(SERVER), new CurrentThreadTaskExecutor(), k -> k);
        m.enter();
        m.imageTypeProperty().set(PoolImageType.MARKETPLACE);
        m.imageTypeProperty().set(PoolImageType.MANAGED);
        assertThat(m.imageTypeProperty().get()).isEqualTo(PoolImageType.MARKETPLACE);
    }

    @Test
    void aNodeAgentTheUserChoseSurvivesALookUpThatEndsLater() {
        Deferred tasks = new Deferred();
        PoolViewModel m = minimalOnTheMarketplace(tasks);
        assertThat(m.nodeAgentSkuProperty().get()).isEqualTo("agent.minimal");
        assertThat(tasks.pending).as("the generation look-ups wait").isNotEmpty();

        m.nodeAgentSkuProperty().set("agent.mine");
        tasks.runAll();
        assertThat(m.nodeAgentSkuProperty().get()).isEqualTo("agent.mine");
        assertThat(m.chosenImageProperty().get().generation()).as("the look-up did end").isEqualTo(HyperVGeneration.V2);
    }

    @Test
    void aProposalTheUserLeftAloneFollowsTheLookUp() {
        Deferred tasks = new Deferred();
        PoolViewModel m = minimalOnTheMarketplace(tasks);
        tasks.runAll();
        assertThat(m.nodeAgentSkuProperty().get()).isEqualTo("agent.minimal");
        assertThat(m.chosenImageProperty().get().generation()).isEqualTo(HyperVGeneration.V2);
    }

    /** The Marketplace's minimal Ubuntu chosen, its generation look-ups held by {@code tasks}. */
    PoolViewModel minimalOnTheMarketplace(Deferred tasks) {
        PoolViewModel m = new PoolViewModel(session(), tasks, k -> k);
        m.imageTypeProperty().set(PoolImageType.MARKETPLACE);
        m.publisherProperty().set("canonical");
        m.offerProperty().set("ubuntu-24_04-lts-minimal");
        return m;
    }

    /** Holds each task until {@link #runAll}: a look-up that ends after the user acted. */
    static final class Deferred implements TaskExecutor {
        final List<BackgroundTask<?>> pending = new ArrayList<>();

        @Override
        public <T> TaskHandle execute(BackgroundTask<T> task) {
            pending.add(task);
            return new TaskHandle() {
                @Override public void cancel() { task.cancel(); }
                @Override public boolean isDone() { return !pending.contains(task); }
            };
        }

        void runAll() {
            while (!pending.isEmpty()) run(pending.remove(0));
        }

        private static <T> void run(BackgroundTask<T> task) {
            task.fireRunning();
            task.deliver(task.execute());
        }

        @Override
        public void shutdown() {
            pending.clear();
        }
    }
}
