package io.poolforge.run;

import io.poolforge.plan.Plan;
import java.util.Locale;
import java.util.Optional;

/**
 * PF-19: what the last first node of the same image told (boot time, node agent version, or how it failed), for the
 * review of the next run. Reads the run folders (blocking: call it off the FX thread).
 */
public final class FirstNodeHistory {
    private FirstNodeHistory() {
    }

    /** The newest run's first-node record whose pool used the same image (definition) as {@code plan}; empty if none. */
    public static Optional<FirstNode> last(JournalStore store, Plan plan) {
        String key = imageKey(plan);
        if (key == null) return Optional.empty();
        for (Journal j : store.all()) {
            FirstNode fn = j.firstNode();
            if (fn == null || (!fn.provedImage() && fn.stage() != FirstNode.Stage.FAILED)) continue;
            try {
                if (key.equals(imageKey(store.plan(j)))) return Optional.of(fn);
            } catch (RuntimeException e) {
                // A run folder whose plan cannot be read tells nothing.
            }
        }
        return Optional.empty();
    }

    /** The pool's image definition (the id without its version), lower case; null for a Marketplace pool or no image. */
    static String imageKey(Plan plan) {
        if (plan == null || plan.marketplace() || plan.image() == null || plan.image().gallery() == null) return null;
        Plan.Gallery g = plan.image().gallery();
        return (plan.image().subscriptionId() + "/" + plan.image().resourceGroup() + "/" + g.name() + "/" + g.imageDefinition())
                .toLowerCase(Locale.ROOT);
    }
}
