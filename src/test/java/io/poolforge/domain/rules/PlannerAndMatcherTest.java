package io.poolforge.domain.rules;

import io.poolforge.domain.Fixtures;
import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.OsType;
import io.poolforge.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PlannerAndMatcherTest {
    @ParameterizedTest(name = "{0} nodes -> {1} min")
    @CsvSource({"0,20", "2,20", "300,20", "1000,20", "1001,30", "1500,30", "2000,30", "3000,45"})
    void recommendedTimeout(int nodes, long minutes) {
        assertThat(ResizePlanner.recommendedTimeout(nodes)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void smallPoolIsOneStep() {
        assertThat(ResizePlanner.plan(200, 100)).containsExactly(new ResizeStep(1, 200, 100, Duration.ofMinutes(20)));
    }

    @Test
    void largePoolGrowsInStepsOfAtMost300EndingAtTheTarget() {
        List<ResizeStep> steps = ResizePlanner.plan(1000, 500);
        assertThat(steps).hasSize(5);
        assertThat(steps.get(steps.size() - 1)).extracting(ResizeStep::targetDedicatedNodes, ResizeStep::targetLowPriorityNodes)
                .containsExactly(1000, 500);
        int prev = 0;
        for (ResizeStep s : steps) {
            assertThat(s.targetNodes() - prev).isBetween(1, 300);
            assertThat(s.resizeTimeout()).isGreaterThanOrEqualTo(Duration.ofMinutes(20));
            prev = s.targetNodes();
        }
    }

    @Test
    void stepsStartFromTheCurrentSize() {
        List<ResizeStep> steps = ResizePlanner.plan(400, 0, 1000, 0);
        assertThat(steps).extracting(ResizeStep::targetDedicatedNodes).containsExactly(700, 1000);
        String es = new Messages(new Locale("es")).get(steps.get(0).text().key(), steps.get(0).text().argsArray());
        assertThat(es).contains("700").contains("tiempo de espera del cambio de tamaño");
    }

    @Test
    void exactBaseImageGivesItsNodeAgent() {
        NodeAgentProposal p = NodeAgentMatcher.propose(Fixtures.UBUNTU_GEN2, OsType.LINUX, HyperVGeneration.V2,
                Fixtures.supportedImages());
        assertThat(p.basis()).isEqualTo(NodeAgentProposal.Basis.EXACT);
        assertThat(p.nodeAgentSkuId()).isEqualTo("batch.node.ubuntu 22.04");
        assertThat(new Messages(Locale.ENGLISH).get(p.explanation().key(), p.explanation().argsArray()))
                .contains("batch.node.ubuntu 22.04").contains("22_04-lts-gen2");
    }

    @Test
    void unlistedSkuOfTheSameOfferGivesTheClosestOfItsGeneration() {
        ImageReference minimal = ImageReference.marketplace("canonical", "0001-com-ubuntu-server-jammy", "minimal-22_04-lts-gen2", "latest");
        NodeAgentProposal p = NodeAgentMatcher.propose(minimal, OsType.LINUX, HyperVGeneration.V2, Fixtures.supportedImages());
        assertThat(p.basis()).isEqualTo(NodeAgentProposal.Basis.SAME_OFFER);
        assertThat(p.match().imageReference().sku()).isEqualTo("22_04-lts-gen2");
    }

    @Test
    void windowsGetsTheWindowsAgent() {
        ImageReference w = ImageReference.marketplace("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-azure-edition-g2", "latest");
        assertThat(NodeAgentMatcher.propose(w, OsType.WINDOWS, HyperVGeneration.V2, Fixtures.supportedImages()).nodeAgentSkuId())
                .isEqualTo("batch.node.windows amd64");
    }

    @Test
    void unknownPublisherOrCustomSourceGivesNone() {
        ImageReference x = ImageReference.marketplace("SomeVendor", "x", "y", "latest");
        assertThat(NodeAgentMatcher.propose(x, OsType.LINUX, HyperVGeneration.V2, Fixtures.supportedImages()).found()).isFalse();
        NodeAgentProposal none = NodeAgentMatcher.propose(ImageReference.ofId("/g/img"), null, null, Fixtures.supportedImages());
        assertThat(none.basis()).isEqualTo(NodeAgentProposal.Basis.NONE);
        assertThat(new Messages(new Locale("es")).get(none.explanation().key(), none.explanation().argsArray())).contains("/g/img");
    }

    @Test
    void aCustomImageWithAKnownOsGetsASupportedImageOfThatOsAndGeneration() {
        NodeAgentProposal p = NodeAgentMatcher.propose(ImageReference.ofId("/g/img"), OsType.LINUX, HyperVGeneration.V2,
                Fixtures.supportedImages());
        assertThat(p.basis()).isEqualTo(NodeAgentProposal.Basis.SAME_OS);
        assertThat(p.match().osType()).isEqualTo(OsType.LINUX);
        assertThat(p.match().generation()).isEqualTo(HyperVGeneration.V2);
        assertThat(new Messages(Locale.ENGLISH).get(p.explanation().key(), p.explanation().argsArray())).contains(p.nodeAgentSkuId());
        assertThat(NodeAgentMatcher.propose(null, OsType.LINUX, HyperVGeneration.V2, Fixtures.supportedImages()).found()).isTrue();
    }
}
