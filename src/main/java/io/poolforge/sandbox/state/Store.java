package io.poolforge.sandbox.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The ARM resources of one sandbox, keyed by lower-cased id (ARM ids are case-insensitive), ordered
 * so that paging is stable; plus lazily generated collections (the {@code large} scenario).
 */
public final class Store {
    /** Resources made on demand from an index: cheap to hold, generated when read. */
    public interface LazySource {
        /** Lower-cased id prefix all its resources live under (a resource group). */
        String scope();

        String type();

        int size();

        ObjectNode at(int index);

        /** The resource with that lower-cased id, or null. */
        ObjectNode find(String lcId);
    }

    private final ConcurrentSkipListMap<String, ObjectNode> items = new ConcurrentSkipListMap<>();
    private final List<LazySource> lazy = new ArrayList<>();
    private final Set<String> tombstones = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectNode> lazyMaterialized = new ConcurrentHashMap<>();

    public void put(ObjectNode resource) {
        items.put(Ids.lc(resource.path("id").asText()), resource);
    }

    public void addLazy(LazySource source) {
        lazy.add(source);
    }

    /** The live resource (mutations stick), or null. */
    public ObjectNode get(String id) {
        if (id == null) return null;
        String k = Ids.lc(id);
        ObjectNode n = items.get(k);
        if (n != null || tombstones.contains(k)) return n;
        for (LazySource s : lazy) {
            if (k.startsWith(s.scope())) {
                ObjectNode g = s.find(k);
                if (g != null) {
                    items.put(k, g); // materialized: from now on it lives in the map, so changes stick
                    lazyMaterialized.put(k, g);
                    return g;
                }
            }
        }
        return null;
    }

    public boolean exists(String id) {
        return get(id) != null;
    }

    public void remove(String id) {
        String k = Ids.lc(id);
        items.remove(k);
        tombstones.add(k);
    }

    /** Resources of a type under a scope id (subscription, group, or parent resource), in id order. */
    public List<ObjectNode> list(String scopeId, String type) {
        String prefix = Ids.lc(scopeId) + "/";
        String t = type.toLowerCase(Locale.ROOT);
        List<ObjectNode> explicit = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : items.subMap(prefix, prefix + Character.MAX_VALUE).entrySet()) {
            if (lazyMaterialized.containsKey(e.getKey())) continue;
            String et = Ids.typeOf(e.getKey());
            if (et != null && et.equals(t) && isDirectChild(e.getKey(), scopeId, t)) explicit.add(e.getValue());
        }
        List<LazySource> sources = new ArrayList<>();
        for (LazySource s : lazy) if (s.type().equalsIgnoreCase(type) && s.scope().startsWith(prefix.substring(0, prefix.length() - 1))) sources.add(s);
        if (sources.isEmpty()) return explicit;
        return new AbstractList<>() {
            @Override
            public ObjectNode get(int index) {
                if (index < explicit.size()) return explicit.get(index);
                int i = index - explicit.size();
                for (LazySource s : sources) {
                    if (i < s.size()) {
                        ObjectNode g = s.at(i);
                        String k = Ids.lc(g.path("id").asText());
                        ObjectNode live = items.get(k);
                        return live != null ? live : g;
                    }
                    i -= s.size();
                }
                throw new IndexOutOfBoundsException(index);
            }

            @Override
            public int size() {
                int n = explicit.size();
                for (LazySource s : sources) n += s.size();
                return n;
            }
        };
    }

    /** Every stored provider resource under a scope id (all types, nested ones too), in id order; lazy ones left out. */
    public List<ObjectNode> under(String scopeId) {
        String prefix = Ids.lc(scopeId) + "/";
        List<ObjectNode> out = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : items.subMap(prefix, prefix + Character.MAX_VALUE).entrySet()) {
            if (Ids.typeOf(e.getKey()) != null) out.add(e.getValue());
        }
        return out;
    }

    /** Every subscription, in id order. */
    public List<ObjectNode> subscriptions() {
        List<ObjectNode> out = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : items.entrySet()) {
            if (e.getKey().matches("/subscriptions/[^/]+")) out.add(e.getValue());
        }
        return out;
    }

    /** The resource groups of a subscription, in id order. */
    public List<ObjectNode> groups(String sub) {
        String prefix = Ids.lc(Ids.sub(sub)) + "/resourcegroups/";
        List<ObjectNode> out = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : items.subMap(prefix, prefix + Character.MAX_VALUE).entrySet()) {
            if (e.getKey().indexOf('/', prefix.length()) < 0) out.add(e.getValue());
        }
        return out;
    }

    boolean isTombstoned(String id) {
        return tombstones.contains(Ids.lc(id));
    }

    /** Child resources only: a version listing must not return versions of other definitions' children. */
    private static boolean isDirectChild(String lcId, String scopeId, String type) {
        String scopeType = Ids.typeOf(scopeId);
        if (scopeType == null) return true;
        return type.startsWith(scopeType.toLowerCase(Locale.ROOT) + "/") && type.split("/").length == scopeType.split("/").length + 1;
    }

    /** How many resources of each type there are (lazy ones included). */
    public Map<String, Integer> counts() {
        Map<String, Integer> c = new TreeMap<>();
        for (Map.Entry<String, ObjectNode> e : items.entrySet()) {
            if (lazyMaterialized.containsKey(e.getKey())) continue;
            String t = Ids.typeOf(e.getKey());
            String type = t == null ? (Ids.rgOf(e.getKey()) != null ? "resourceGroups" : "subscriptions") : canonical(e.getValue(), t);
            c.merge(type, 1, Integer::sum);
        }
        for (LazySource s : lazy) {
            int dead = 0;
            for (String t : tombstones) if (t.startsWith(s.scope()) && s.type().equalsIgnoreCase(Ids.typeOf(t))) dead++;
            c.merge(s.type(), s.size() - dead, Integer::sum);
        }
        return c;
    }

    private static String canonical(ObjectNode n, String lcType) {
        String declared = n.path("type").asText(null);
        return declared != null && declared.equalsIgnoreCase(lcType) ? declared : lcType;
    }
}
