package io.poolforge.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.OsType;
import io.poolforge.domain.SupportedImage;
import io.poolforge.i18n.Messages;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * PF-16 second pass: a supported image's Hyper-V generation is what Azure reports for it, never its SKU's name. Before,
 * {@code SupportedImage.generationOfSku} called canonical ubuntu-24_04-lts {@code server} Generation 1 (no "gen2" in the
 * name), though Canonical lists it as Gen2 ("AMD64 | Gen2 | Canonical:ubuntu-24_04-lts:server:latest", Find Ubuntu images
 * on Azure, read 2026-12-07), so a Gen2 image whose base was another SKU of that offer was never proposed its node agent.
 */
class MarketplaceGenerationTest {
    static final ImageReference SERVER = ImageReference.marketplace("canonical", "ubuntu-24_04-lts", "server", "latest");
    static final ImageReference SERVER_GEN1 = ImageReference.marketplace("canonical", "ubuntu-24_04-lts", "server-gen1", "latest");
    /** A base of the same offer that Batch does not list: the proposal compares generations. */
    static final ImageReference MINIMAL = ImageReference.marketplace("canonical", "ubuntu-24_04-lts", "minimal", "latest");

    static SupportedImage entry(String agent, ImageReference ref, HyperVGeneration reported) {
        return new SupportedImage(agent, ref, OsType.LINUX, "verified", List.of(), null, reported);
    }

    @Test
    void aSkuWithoutGen2InItsNameThatAzureReportsAsV2IsMatchedAsGen2() {
        List<SupportedImage> supported = List.of(entry("agent.gen2", SERVER, HyperVGeneration.V2),
                entry("agent.gen1", SERVER_GEN1, HyperVGeneration.V1));
        NodeAgentProposal gen2 = NodeAgentMatcher.propose(MINIMAL, OsType.LINUX, HyperVGeneration.V2, supported);
        assertThat(gen2.nodeAgentSkuId()).isEqualTo("agent.gen2");
        assertThat(gen2.basis()).isEqualTo(NodeAgentProposal.Basis.SAME_OFFER);
        assertThat(gen2.explanation().key()).isEqualTo("rule.nodeAgent.sameOffer");
        NodeAgentProposal gen1 = NodeAgentMatcher.propose(MINIMAL, OsType.LINUX, HyperVGeneration.V1, supported);
        assertThat(gen1.nodeAgentSkuId()).isEqualTo("agent.gen1");
        assertThat(SupportedImage.class.getDeclaredMethods()).extracting(m -> m.getName()).doesNotContain("generationOfSku");
    }

    @Test
    void aSkuNamedGen2ThatAzureReportsAsV1FollowsAzure() {
        ImageReference namedGen2 = ImageReference.marketplace("contoso", "linux", "9-gen2", "latest");
        ImageReference plain = ImageReference.marketplace("contoso", "linux", "9", "latest");
        ImageReference base = ImageReference.marketplace("contoso", "linux", "9-minimal", "latest");
        List<SupportedImage> supported = List.of(entry("agent.named-gen2", namedGen2, HyperVGeneration.V1),
                entry("agent.plain", plain, HyperVGeneration.V2));
        assertThat(NodeAgentMatcher.propose(base, OsType.LINUX, HyperVGeneration.V2, supported).nodeAgentSkuId()).isEqualTo("agent.plain");
        assertThat(NodeAgentMatcher.propose(base, OsType.LINUX, HyperVGeneration.V1, supported).nodeAgentSkuId()).isEqualTo("agent.named-gen2");
    }

    @Test
    void anUnknownGenerationIsKeptNotFilteredAwayAndTheExplanationSaysItWasNotCompared() {
        List<SupportedImage> supported = List.of(entry("agent.unknown", SERVER, null));
        NodeAgentProposal p = NodeAgentMatcher.propose(MINIMAL, OsType.LINUX, HyperVGeneration.V2, supported);
        assertThat(p.nodeAgentSkuId()).isEqualTo("agent.unknown");
        assertThat(p.basis()).isEqualTo(NodeAgentProposal.Basis.SAME_OFFER);
        assertThat(p.explanation().key()).isEqualTo("rule.nodeAgent.generationUnknown");
        assertThat(new Messages(Locale.ENGLISH).text(p.explanation()))
                .contains("agent.unknown").contains("canonical:ubuntu-24_04-lts:server").contains("is not known").contains("V2");
        assertThat(new Messages(Locale.forLanguageTag("es")).text(p.explanation()))
                .contains("agent.unknown").contains("No se conoce la generación de Hyper-V").contains("V2");
        // An existing custom image of unknown base: the same-OS proposal keeps it too.
        NodeAgentProposal sameOs = NodeAgentMatcher.propose(null, OsType.LINUX, HyperVGeneration.V2, supported);
        assertThat(sameOs.nodeAgentSkuId()).isEqualTo("agent.unknown");
        assertThat(sameOs.explanation().key()).isEqualTo("rule.nodeAgent.generationUnknown");
    }

    @Test
    void aReportedMatchRanksBeforeAnUnknownOneAndAReportedMismatchIsDropped() {
        ImageReference closer = ImageReference.marketplace("canonical", "ubuntu-24_04-lts", "minimal-gen1", "latest");
        List<SupportedImage> supported = List.of(entry("agent.unknown-closer", closer, null),
                entry("agent.reported", SERVER, HyperVGeneration.V2));
        NodeAgentProposal p = NodeAgentMatcher.propose(MINIMAL, OsType.LINUX, HyperVGeneration.V2, supported);
        assertThat(p.nodeAgentSkuId()).isEqualTo("agent.reported");
        assertThat(p.explanation().key()).isEqualTo("rule.nodeAgent.sameOffer");
        List<SupportedImage> onlyMismatch = List.of(entry("agent.gen1", SERVER_GEN1, HyperVGeneration.V1));
        assertThat(NodeAgentMatcher.propose(MINIMAL, OsType.LINUX, HyperVGeneration.V2, onlyMismatch).found()).isFalse();
    }

    @Test
    void onlyTheImagesTheProposalComparesAreCandidatesForALookUp() {
        List<SupportedImage> supported = List.of(entry("agent.gen2", SERVER, null), entry("agent.gen1", SERVER_GEN1, null),
                new SupportedImage("agent.win", ImageReference.marketplace("microsoftwindowsserver", "windowsserver", "2022-datacenter", "latest"),
                        OsType.WINDOWS, "verified", List.of(), null));
        // The VM's base is listed itself: its entry wins, no generation is needed.
        assertThat(NodeAgentMatcher.generationCandidates(SERVER, OsType.LINUX, supported)).isEmpty();
        // Another SKU of the publisher: the publisher's images of that OS.
        assertThat(NodeAgentMatcher.generationCandidates(MINIMAL, OsType.LINUX, supported)).extracting(SupportedImage::nodeAgentSkuId)
                .containsExactly("agent.gen2", "agent.gen1");
        // No Marketplace base: the images of the image's OS.
        assertThat(NodeAgentMatcher.generationCandidates(null, OsType.WINDOWS, supported)).extracting(SupportedImage::nodeAgentSkuId)
                .containsExactly("agent.win");
    }
}
