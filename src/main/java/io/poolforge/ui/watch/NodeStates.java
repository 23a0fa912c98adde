package io.poolforge.ui.watch;

import io.poolforge.azure.NodeCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Batch compute node states: their label keys, the colour group each belongs to, the counts per
 * state and the compact grid (one square per node, capped). Pure, no JavaFX.
 */
public final class NodeStates {
    /** The grid shows at most this many squares and says "+N more" for the rest. */
    public static final int GRID_CAP = 1_000;

    /** The colour groups of the grid. */
    public enum Group { READY, STARTING, PREEMPTED, PROBLEM, OTHER }

    /** One state with its dedicated and low-priority counts. */
    public record StateCount(String state, Group group, int dedicated, int lowPriority) {
        public int total() { return dedicated + lowPriority; }
    }

    /** The grid: the group of each square shown (dedicated nodes first) and how many nodes did not fit. */
    public record Grid(List<Group> squares, int more) {
        public Grid {
            squares = List.copyOf(squares);
        }
    }

    private NodeStates() {
    }

    public static Group group(String state) {
        return switch (norm(state)) {
            case "idle", "running" -> Group.READY;
            case "creating", "starting", "waitingforstarttask", "rebooting", "reimaging", "upgradingos" -> Group.STARTING;
            case "preempted", "leavingpool", "deallocating", "deallocated" -> Group.PREEMPTED;
            case "unusable", "starttaskfailed", "offline", "unknown" -> Group.PROBLEM;
            default -> Group.OTHER;
        };
    }

    /** The label key of a state; unknown states use {@code watch.state.other} with the raw name. */
    public static String labelKey(String state) {
        return io.poolforge.i18n.DisplayNames.nodeStateKey(norm(state));
    }

    /** The states with at least one node, grouped (ready, starting, preempted, problem, other), "total" left out. */
    public static List<StateCount> counts(NodeCounts counts) {
        if (counts == null) return List.of();
        TreeSet<String> states = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        states.addAll(counts.dedicated().keySet());
        states.addAll(counts.lowPriority().keySet());
        states.removeIf(s -> "total".equalsIgnoreCase(s));
        List<StateCount> out = new ArrayList<>();
        for (String s : states) {
            int d = counts.dedicated(s);
            int l = counts.lowPriority(s);
            if (d + l > 0) out.add(new StateCount(s, group(s), d, l));
        }
        out.sort(Comparator.comparing(StateCount::group).thenComparing(StateCount::state, String.CASE_INSENSITIVE_ORDER));
        return List.copyOf(out);
    }

    /** One square per node, dedicated first then low-priority, each by group; at most {@code cap} squares. */
    public static Grid grid(List<StateCount> counts, int cap) {
        Map<Group, Integer> dedicated = new LinkedHashMap<>();
        Map<Group, Integer> low = new LinkedHashMap<>();
        for (StateCount c : counts) {
            dedicated.merge(c.group(), c.dedicated(), Integer::sum);
            low.merge(c.group(), c.lowPriority(), Integer::sum);
        }
        List<Group> squares = new ArrayList<>();
        int total = 0;
        for (Map<Group, Integer> m : List.of(dedicated, low)) {
            for (Group g : Group.values()) {
                int n = m.getOrDefault(g, 0);
                total += n;
                for (int i = 0; i < n && squares.size() < cap; i++) squares.add(g);
            }
        }
        return new Grid(squares, Math.max(0, total - squares.size()));
    }

    private static String norm(String state) {
        return state == null ? "" : state.trim().toLowerCase(Locale.ROOT);
    }
}
