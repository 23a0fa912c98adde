package io.poolforge.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The state and settings one sandbox's resource providers share. One per sandbox; no statics. */
final class Platform {
    /** Batch stopped accepting managed images (and VHDs) as pool sources on 31 March 2026 (Batch "Migrate ... to Azure Compute Gallery", 2024). */
    static final Instant MANAGED_IMAGE_RETIREMENT = Instant.parse("2026-04-01T00:00:00Z");

    final Clock clock;
    final double timeScale;
    final Store store = new Store();
    final LroEngine lro;
    final String tenant;
    /** Subscriptions (lower-case) with Microsoft.Batch registered. */
    final Set<String> batchRegistered = ConcurrentHashMap.newKeySet();
    /** Regional vCPU quota per "subscription|location|family" (or "|total"), for UserSubscription accounts. */
    final Map<String, Integer> regionalCores = new ConcurrentHashMap<>();
    boolean legacyRules;
    int vmPageSize = 5;
    int pageSize = 50;
    String base;

    Platform(Clock clock, double timeScale, LroStyle style, String tenant) {
        this.clock = clock;
        this.timeScale = timeScale;
        this.lro = new LroEngine(clock, timeScale, style);
        this.tenant = tenant;
    }

    Instant now() {
        return clock.instant();
    }

    boolean managedImagePoolsAllowed() {
        return legacyRules || now().isBefore(MANAGED_IMAGE_RETIREMENT);
    }

    boolean batchRegistered(String sub) {
        return sub != null && batchRegistered.contains(sub.toLowerCase(Locale.ROOT));
    }
}
