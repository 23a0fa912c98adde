package io.poolforge.sandbox.state;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The state and settings one sandbox's resource providers share. One per sandbox; no statics. */
public final class Platform {
    /** Batch stopped accepting managed images (and VHDs) as pool sources on 31 March 2026 (Batch "Migrate ... to Azure Compute Gallery", 2024). */
    static final Instant MANAGED_IMAGE_RETIREMENT = Instant.parse("2026-04-01T00:00:00Z");

    public final Clock clock;
    public final double timeScale;
    public final Store store = new Store();
    public final LroEngine lro;
    public final String tenant;
    /** Subscriptions (lower-case) with Microsoft.Batch registered. */
    public final Set<String> batchRegistered = ConcurrentHashMap.newKeySet();
    /** Regional vCPU quota per "subscription|location|family" (or "|total"), for UserSubscription accounts. */
    public final Map<String, Integer> regionalCores = new ConcurrentHashMap<>();
    /**
     * Management locks (Microsoft.Authorization/locks), in the shape ARM returns them: {@code id} = {scope}/providers/
     * Microsoft.Authorization/locks/{name}, {@code properties.level} CanNotDelete or ReadOnly (PF-17).
     */
    public final java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> locks = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * The signed-in caller's permissions (Microsoft.Authorization/permissions) by scope, lower-case; the longest scope
     * that a resource id starts with applies. No entry: the caller may do everything ("*"), like a subscription Owner.
     */
    public final Map<String, com.fasterxml.jackson.databind.node.ArrayNode> permissions = new ConcurrentHashMap<>();
    public boolean legacyRules;
    public int vmPageSize = 5;
    public int pageSize = 50;
    public String base;

    public Platform(Clock clock, double timeScale, LroStyle style, String tenant) {
        this.clock = clock;
        this.timeScale = timeScale;
        this.lro = new LroEngine(clock, timeScale, style);
        this.tenant = tenant;
    }

    public Instant now() {
        return clock.instant();
    }

    public boolean managedImagePoolsAllowed() {
        return legacyRules || now().isBefore(MANAGED_IMAGE_RETIREMENT);
    }

    public boolean batchRegistered(String sub) {
        return sub != null && batchRegistered.contains(sub.toLowerCase(Locale.ROOT));
    }
}
