package io.poolforge.domain.rules;

import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.SupportedImage;

import java.util.Objects;

/**
 * The node agent SKU proposed for a custom image, the supported image it was taken from (null when
 * none fits), how it was chosen, and an explanation to show beside it.
 */
public record NodeAgentProposal(String nodeAgentSkuId, SupportedImage match, Basis basis, LocalizedText explanation) {
    public NodeAgentProposal {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(explanation, "explanation");
    }

    public boolean found() { return nodeAgentSkuId != null; }

    /** How the proposal was found, best first. */
    public enum Basis {
        /** The VM's base image is in the supported list: its node agent SKU. */
        EXACT("rule.nodeAgent.exact"),
        /** Same publisher and offer, closest SKU of the same OS and generation. */
        SAME_OFFER("rule.nodeAgent.sameOffer"),
        /** Same publisher and OS only: check it. */
        SAME_PUBLISHER("rule.nodeAgent.samePublisher"),
        /** No Marketplace base image to go by (an existing custom image): a supported image of the same OS and generation. */
        SAME_OS("rule.nodeAgent.sameOs"),
        /** Nothing fits: choose by hand. */
        NONE("rule.nodeAgent.none");

        private final String key;

        Basis(String key) { this.key = key; }

        public String key() { return key; }
    }
}
