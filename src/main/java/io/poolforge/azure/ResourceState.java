package io.poolforge.azure;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Azure says about a resource a run makes, read back before a step counts as done: its
 * provisioning state, its tags (for a Batch pool: its metadata), and what it was made from.
 *
 * @param sources the resources it was built from (a snapshot's disk, an image's snapshots), in Azure's order
 * @param identity what else must match the plan (a definition's "OS publisher/offer/sku", a pool's image id), or null
 */
public record ResourceState(String id, String provisioningState, Map<String, String> tags, List<String> sources,
                            String identity) {
    /** The tag naming the run that created a resource. */
    public static final String RUN_TAG = "poolforge-run";
    /** The tag holding the digest of the plan of that run. */
    public static final String PLAN_TAG = "poolforge-plan";

    public ResourceState {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    private String state() {
        return provisioningState == null ? "Succeeded" : provisioningState.toLowerCase(Locale.ROOT);
    }

    public boolean succeeded() { return state().equals("succeeded"); }

    public boolean failed() { return state().equals("failed") || state().equals("canceled"); }

    /** Still being made or changed (Creating, Updating, Accepted, InProgress, Migrating, Deleting...): wait for it. */
    public boolean settling() { return !succeeded() && !failed(); }

    /** The run id in the tags, or null. */
    public String runTag() {
        return tags.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(RUN_TAG)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
