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
 *
 * <p>PF-16 second pass: a supported image's generation is what Compute reported for it ({@link SupportedImage#generation()},
 * read by {@code azure.MarketplaceImages}), never a guess from its SKU's name. A supported image whose generation is not
 * known (not read, the read failed, or not reported) is <b>kept</b>, not filtered away: it ranks after the images whose
 * reported generation is the image's, and when it is the one proposed, the explanation says the generation was not
 * compared ({@code rule.nodeAgent.generationUnknown}). Filtering it out would hide a fitting node agent behind a failed
 * read; keeping it silently would claim a check that was not made.
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
                    .filter(s -> fits(generation, s))
                    .filter(s -> s.imageReference().isMarketplace()
                            && s.imageReference().publisher().equalsIgnoreCase(source.publisher()))
                    .toList();
            Comparator<SupportedImage> best = Comparator
                    .comparing((SupportedImage s) -> unchecked(generation, s))
                    .thenComparing(Comparator.comparingInt((SupportedImage s) -> commonPrefix(s.imageReference().sku(), source.sku())).reversed())
                    .thenComparing(s -> !s.verified())
                    .thenComparing(s -> s.batchSupportEndOfLife() != null);
            Optional<SupportedImage> sameOffer = fitting.stream()
                    .filter(s -> s.imageReference().offer().equalsIgnoreCase(source.offer())).min(best);
            if (sameOffer.isPresent()) {
                SupportedImage s = sameOffer.get();
                return new NodeAgentProposal(s.nodeAgentSkuId(), s, NodeAgentProposal.Basis.SAME_OFFER,
                        explained(generation, s, LocalizedText.of(NodeAgentProposal.Basis.SAME_OFFER.key(), s.nodeAgentSkuId(),
                                s.imageReference().display(), shownSource)));
            }
            Optional<SupportedImage> samePublisher = fitting.stream().min(best);
            if (samePublisher.isPresent()) {
                SupportedImage s = samePublisher.get();
                return new NodeAgentProposal(s.nodeAgentSkuId(), s, NodeAgentProposal.Basis.SAME_PUBLISHER,
                        explained(generation, s, LocalizedText.of(NodeAgentProposal.Basis.SAME_PUBLISHER.key(), s.nodeAgentSkuId(),
                                s.imageReference().display(), shownSource)));
            }
        }
        if ((source == null || !source.isMarketplace()) && osType != null) {
            // An existing custom image: its Marketplace base is not known; go by OS and generation.
            Optional<SupportedImage> sameOs = all.stream()
                    .filter(s -> s.osType() == osType)
                    .filter(s -> fits(generation, s))
                    .min(Comparator.comparing((SupportedImage s) -> unchecked(generation, s))
                            .thenComparing(s -> !s.verified()).thenComparing(s -> s.batchSupportEndOfLife() != null));
            if (sameOs.isPresent()) {
                SupportedImage s = sameOs.get();
                return new NodeAgentProposal(s.nodeAgentSkuId(), s, NodeAgentProposal.Basis.SAME_OS,
                        explained(generation, s, LocalizedText.of(NodeAgentProposal.Basis.SAME_OS.key(), s.nodeAgentSkuId(),
                                s.imageReference().display())));
            }
        }
        return new NodeAgentProposal(null, null, NodeAgentProposal.Basis.NONE,
                LocalizedText.of(NodeAgentProposal.Basis.NONE.key(), shownSource,
                        osType == null ? "" : osType, generation == null ? "" : generation));
    }

    /**
     * The supported images whose generation {@link #propose} would compare for this image: none when the VM's base is
     * listed itself (the exact entry wins, no generation needed), the same publisher's images of a fitting OS for a
     * Marketplace base, the images of the image's OS when the base is not known. These are the ones worth asking Compute
     * about (PF-16 second pass: only the images that matter, not the whole list).
     */
    public static List<SupportedImage> generationCandidates(ImageReference source, OsType osType, List<SupportedImage> supported) {
        List<SupportedImage> all = supported == null ? List.of() : supported;
        if (source != null && source.isMarketplace()) {
            if (all.stream().anyMatch(s -> s.imageReference().sameSku(source))) return List.of();
            return all.stream()
                    .filter(s -> osType == null || s.osType() == null || s.osType() == osType)
                    .filter(s -> s.imageReference().isMarketplace() && s.imageReference().publisher().equalsIgnoreCase(source.publisher()))
                    .toList();
        }
        if (osType == null) return List.of();
        return all.stream().filter(s -> s.osType() == osType).toList();
    }

    /** Kept unless Azure reported another generation than the image's (unknown on either side: kept). */
    private static boolean fits(HyperVGeneration generation, SupportedImage s) {
        return generation == null || s.generation() == null || s.generation() == generation;
    }

    /** True when the image's generation is known but the supported image's is not: the comparison was not made. */
    private static boolean unchecked(HyperVGeneration generation, SupportedImage s) {
        return generation != null && s.generation() == null;
    }

    private static LocalizedText explained(HyperVGeneration generation, SupportedImage s, LocalizedText why) {
        return unchecked(generation, s)
                ? LocalizedText.of("rule.nodeAgent.generationUnknown", why, s.imageReference().display(), generation) : why;
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
