package io.poolforge.domain.rules;

import io.poolforge.domain.HyperVGeneration;
import io.poolforge.domain.ImageReference;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.OsType;
import io.poolforge.domain.SupportedImage;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Proposes the node agent SKU for a custom image: the node agent must align with the image's
 * publisher/offer/SKU (OS and Hyper-V generation) or nodes do not start (batch-sig-images;
 * List Supported Images). Pure: the supported images list is passed in.
 */
public final class NodeAgentMatcher {
    private NodeAgentMatcher() {
    }

    /**
     * @param source the VM's source Marketplace image (may be null or a custom id)
     * @param osType the image's OS (may be null: not filtered)
     * @param generation the image's Hyper-V generation (may be null: not filtered)
     */
    public static NodeAgentProposal propose(ImageReference source, OsType osType, HyperVGeneration generation,
                                            List<SupportedImage> supported) {
        List<SupportedImage> all = supported == null ? List.of() : supported;
        String shownSource = source == null ? "" : source.display();
        if (source != null && source.isMarketplace()) {
            Optional<SupportedImage> exact = all.stream().filter(s -> s.imageReference().sameSku(source)).findFirst();
            if (exact.isPresent()) {
                SupportedImage s = exact.get();
                return new NodeAgentProposal(s.nodeAgentSkuId(), s, NodeAgentProposal.Basis.EXACT,
                        LocalizedText.of(NodeAgentProposal.Basis.EXACT.key(), s.nodeAgentSkuId(), shownSource));
            }
            List<SupportedImage> fitting = all.stream()
                    .filter(s -> osType == null || s.osType() == null || s.osType() == osType)
                    .filter(s -> generation == null || s.generation() == generation)
                    .filter(s -> s.imageReference().isMarketplace()
                            && s.imageReference().publisher().equalsIgnoreCase(source.publisher()))
                    .toList();
            Comparator<SupportedImage> best = Comparator
                    .comparingInt((SupportedImage s) -> commonPrefix(s.imageReference().sku(), source.sku())).reversed()
                    .thenComparing(s -> !s.verified())
                    .thenComparing(s -> s.batchSupportEndOfLife() != null);
            Optional<SupportedImage> sameOffer = fitting.stream()
                    .filter(s -> s.imageReference().offer().equalsIgnoreCase(source.offer())).min(best);
            if (sameOffer.isPresent()) {
                SupportedImage s = sameOffer.get();
                return new NodeAgentProposal(s.nodeAgentSkuId(), s, NodeAgentProposal.Basis.SAME_OFFER,
                        LocalizedText.of(NodeAgentProposal.Basis.SAME_OFFER.key(), s.nodeAgentSkuId(),
                                s.imageReference().display(), shownSource));
            }
            Optional<SupportedImage> samePublisher = fitting.stream().min(best);
            if (samePublisher.isPresent()) {
                SupportedImage s = samePublisher.get();
                return new NodeAgentProposal(s.nodeAgentSkuId(), s, NodeAgentProposal.Basis.SAME_PUBLISHER,
                        LocalizedText.of(NodeAgentProposal.Basis.SAME_PUBLISHER.key(), s.nodeAgentSkuId(),
                                s.imageReference().display(), shownSource));
            }
        }
        if ((source == null || !source.isMarketplace()) && osType != null) {
            // An existing custom image: its Marketplace base is not known; go by OS and generation.
            Optional<SupportedImage> sameOs = all.stream()
                    .filter(s -> s.osType() == osType)
                    .filter(s -> generation == null || s.generation() == generation)
                    .min(Comparator.comparing((SupportedImage s) -> !s.verified()).thenComparing(s -> s.batchSupportEndOfLife() != null));
            if (sameOs.isPresent()) {
                SupportedImage s = sameOs.get();
                return new NodeAgentProposal(s.nodeAgentSkuId(), s, NodeAgentProposal.Basis.SAME_OS,
                        LocalizedText.of(NodeAgentProposal.Basis.SAME_OS.key(), s.nodeAgentSkuId(), s.imageReference().display()));
            }
        }
        return new NodeAgentProposal(null, null, NodeAgentProposal.Basis.NONE,
                LocalizedText.of(NodeAgentProposal.Basis.NONE.key(), shownSource,
                        osType == null ? "" : osType, generation == null ? "" : generation));
    }

    private static int commonPrefix(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int n = Math.min(x.length(), y.length());
        int i = 0;
        while (i < n && x.charAt(i) == y.charAt(i)) i++;
        return i;
    }
}
