package io.poolforge.cli;

import io.poolforge.i18n.Messages;
import io.poolforge.plan.Plan;

/** PF-15: the pool's image type and image of a plan, as the CLI says it ({@code validate}, {@code run}). */
final class PlanImage {
    private PlanImage() {
    }

    /** "gallery" or "marketplace" (a plan without {@code pool.imageType} is a gallery plan), "managed" for a managed-image plan. */
    static String type(Plan plan) {
        if (plan.marketplace()) return Plan.IMAGE_TYPE_MARKETPLACE;
        return plan.image() != null && !plan.galleryTarget() ? "managed" : Plan.IMAGE_TYPE_GALLERY;
    }

    /** The image the pool uses: the Marketplace URN, or the gallery image (version, latest, or built by the run). */
    static String image(Plan plan) {
        if (plan.marketplace()) return plan.marketplaceImage().display();
        if (plan.image() == null || plan.image().gallery() == null) return plan.image() == null ? "" : plan.image().target();
        Plan.Gallery g = plan.image().gallery();
        return g.name() + "/" + g.imageDefinition() + "/" + (g.version() == null ? "*" : g.version());
    }

    /** One line for people. */
    static String describe(Messages m, Plan plan) {
        if (plan.marketplace()) return m.get("cli.plan.image.marketplace", image(plan), plan.pool().nodeAgentSkuId());
        if (!plan.galleryTarget()) {
            String name = plan.image().managedImage() == null ? "" : plan.image().managedImage().name();
            return m.get("cli.plan.image.managed", name, plan.pool().nodeAgentSkuId());
        }
        if (plan.latestGalleryVersion()) return m.get("cli.plan.image.galleryLatest", image(plan), plan.pool().nodeAgentSkuId());
        if (plan.fromExistingImage()) return m.get("cli.plan.image.galleryExisting", image(plan), plan.pool().nodeAgentSkuId());
        return m.get("cli.plan.image.galleryBuilt", image(plan), plan.pool().nodeAgentSkuId());
    }
}
