package io.poolforge.azure.sdk;

import io.poolforge.domain.PoolForgeException;
import java.util.Locale;

/**
 * The parts of an ARM resource id:
 * {@code /subscriptions/{s}/resourceGroups/{g}/providers/{ns}/{type}/{name}[/{type}/{name}...]}.
 */
record ResourceId(String id, String subscriptionId, String resourceGroup, String[] names) {

    static ResourceId parse(String id) {
        if (id == null) throw new PoolForgeException("azure.error.badResourceId", "null");
        String[] parts = id.startsWith("/") ? id.substring(1).split("/") : id.split("/");
        if (parts.length < 8 || !"subscriptions".equalsIgnoreCase(parts[0])
                || !"resourcegroups".equals(parts[2].toLowerCase(Locale.ROOT)) || !"providers".equalsIgnoreCase(parts[4])) {
            throw new PoolForgeException("azure.error.badResourceId", id);
        }
        int count = (parts.length - 6) / 2;
        String[] names = new String[count];
        for (int i = 0; i < count; i++) names[i] = parts[7 + 2 * i];
        return new ResourceId(id, parts[1], parts[3], names);
    }

    /** The last name: the resource itself. */
    String name() { return names[names.length - 1]; }

    /** The n-th name from the top (0: the top resource, e.g. the gallery). */
    String name(int n) { return names[n]; }
}
