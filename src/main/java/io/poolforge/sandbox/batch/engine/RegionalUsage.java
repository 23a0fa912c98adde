package io.poolforge.sandbox.batch.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.arm.Arm;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.state.Ids;
import io.poolforge.sandbox.state.Platform;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A subscription's regional vCPU quotas and usage, as user-subscription Batch accounts consume them: the one
 * source of truth for both what {@link PoolRules} enforces on a resize and what
 * {@code GET .../providers/Microsoft.Compute/locations/{loc}/usages} answers (PF-8). Limits come from
 * {@link Platform#regionalCores} (defaults: 350 total, 100 low-priority; a family without its own limit is
 * bounded by the total); usage is the cores held by the nodes of pools of user-subscription accounts in that
 * subscription and region (the sandbox's VMs are not counted, on either side).
 */
public final class RegionalUsage {
    static final int DEFAULT_TOTAL = 350;
    static final int DEFAULT_LOW_PRIORITY = 100;

    /** Cores held: dedicated, low-priority, and dedicated per family. */
    record Used(int dedicated, int lowPriority, Map<String, Integer> families) {
        int family(String f) { return families.getOrDefault(f, 0); }
    }

    private final Platform p;

    public RegionalUsage(Platform p) {
        this.p = p;
    }

    private static String key(String sub, String location) {
        return sub.toLowerCase(Locale.ROOT) + "|" + Ids.location(location);
    }

    int totalLimit(String sub, String location) {
        return p.regionalCores.getOrDefault(key(sub, location) + "|total", DEFAULT_TOTAL);
    }

    int lowPriorityLimit(String sub, String location) {
        return p.regionalCores.getOrDefault(key(sub, location) + "|lowpriority", DEFAULT_LOW_PRIORITY);
    }

    /** A family's limit; without one of its own, the total (so only the total binds). */
    int familyLimit(String sub, String location, String family) {
        Integer own = p.regionalCores.get(key(sub, location) + "|" + family);
        return own != null ? own : totalLimit(sub, location);
    }

    /** Whether the family has a limit of its own. */
    boolean familyLimited(String sub, String location, String family) {
        return p.regionalCores.containsKey(key(sub, location) + "|" + family);
    }

    /** Cores held in the region by user-subscription pools, except {@code except}'s. */
    Used used(Iterable<PoolRun> runs, String sub, String location, PoolRun except) {
        int d = 0;
        int l = 0;
        Map<String, Integer> fam = new LinkedHashMap<>();
        for (PoolRun r : runs) {
            if (r == except) continue;
            ObjectNode account = p.store.get(Arm.norm(r.accountId));
            if (account == null || !"UserSubscription".equals(account.path("properties").path("poolAllocationMode").asText())) continue;
            if (!sub.equalsIgnoreCase(Ids.subOf(r.accountId))
                    || !Ids.location(location).equals(Ids.location(account.path("location").asText()))) continue;
            Catalog.VmSize size = Catalog.size(Json.props(r.pool).path("vmSize").asText());
            int v = size == null ? 1 : size.vCpus();
            d += r.held(true) * v;
            l += r.held(false) * v;
            if (size != null && r.held(true) > 0) fam.merge(size.family(), r.held(true) * v, Integer::sum);
        }
        return new Used(d, l, fam);
    }

    /** The usages list as Compute's REST API answers it (ListUsagesResult). */
    public ObjectNode list(Iterable<PoolRun> runs, String sub, String location) {
        Used u = used(runs, sub, location, null);
        ArrayNode value = Json.a();
        value.add(entry("cores", "Total Regional vCPUs", u.dedicated(), totalLimit(sub, location)));
        value.add(entry("lowPriorityCores", "Total Regional Low-priority vCPUs", u.lowPriority(), lowPriorityLimit(sub, location)));
        Map<String, Boolean> families = new LinkedHashMap<>();
        for (Catalog.VmSize s : Catalog.SIZES) families.putIfAbsent(s.family(), true);
        for (String f : families.keySet()) value.add(entry(f, f, u.family(f), familyLimit(sub, location, f)));
        return Json.o("value", value);
    }

    private static ObjectNode entry(String name, String localized, int current, int limit) {
        return Json.o("unit", "Count", "currentValue", current, "limit", limit,
                "name", Json.o("value", name, "localizedValue", localized));
    }
}
