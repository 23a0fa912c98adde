package io.poolforge.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The faults switched on in one sandbox; each hit uses one of its count. Thread-safe. */
public final class Faults {
    private static final class Armed {
        final FaultSpec spec;
        int remaining;

        Armed(FaultSpec spec) {
            this.spec = spec;
            this.remaining = spec.count();
        }
    }

    private final List<Armed> armed = new CopyOnWriteArrayList<>();

    /** Switches a fault on. */
    public Faults add(FaultSpec spec) {
        armed.add(new Armed(spec));
        return this;
    }

    /** Parses and switches on {@code WHAT:METHOD:PATH[:COUNT]}. */
    public Faults add(String spec) {
        return add(FaultSpec.parse(spec));
    }

    /** Switches every fault off. */
    public void clear() {
        armed.clear();
    }

    /** The faults still armed, with what is left of their counts. */
    public synchronized List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Armed a : armed) out.add(a.spec + " (left: " + (a.remaining < 0 ? "*" : a.remaining) + ")");
        return out;
    }

    /** The first armed fault matching the request, its count used; null if none. */
    synchronized FaultSpec take(String method, String path, String route) {
        for (Armed a : armed) {
            if (a.remaining != 0 && a.spec.matches(method, path, route)) {
                if (a.remaining > 0) a.remaining--;
                return a.spec;
            }
        }
        return null;
    }
}
