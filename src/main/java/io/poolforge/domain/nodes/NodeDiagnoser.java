package io.poolforge.domain.nodes;

import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.SecretMasker;
import io.poolforge.domain.diagnose.Confidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Groups a pool's nodes by identical trouble and diagnoses each group. Pure. Sources: "Azure Batch pool and node
 * errors" (start task failures, unusable nodes with or without errors, invalid custom images, disk full), Batch REST
 * "list supported images" (node agent SKUs), "Batch pools with Trusted Launch". A node error code not in
 * {@link #KNOWN} is {@link NodeCause#UNKNOWN}: shown raw and said to be unknown.
 */
public final class NodeDiagnoser {
    /**
     * Node error codes PoolForge knows, lower-case, and their cause. Empty on purpose: no Microsoft document, REST
     * spec or public report we could find (read 2026-12-07) lists the codes of ComputeNodeError (the REST spec gives
     * only code/message/errorDetails), so every node error code is shown raw as unknown; the codes this map held
     * before (InvalidCustomImage, NodeAgentSkuMismatch, UnsupportedSecurityType, DiskFull) had no source.
     */
    static final Map<String, NodeCause> KNOWN = Map.of();
    /**
     * "If the temporary disk runs out of space (or is very close to running out of space), the node will move to Unusable
     * state and a node error ... will be reported saying that the disk is full" (batch-pool-node-error-checking, node disk
     * full, read 2026-12-07): the page gives no code, so a message saying the disk is full is LIKELY this, not confirmed.
     */
    static final List<String> DISK_FULL_WORDS = List.of("disk is full", "disk full", "out of disk space", "not enough space on the disk");
    /**
     * How long a node may stay creating / starting / waitingForStartTask before it is diagnosed as stuck: "Under most
     * circumstances, the default timeout of 15 minutes is long enough for pool nodes to be allocated or removed"
     * (batch-pool-node-error-checking, resize timeout or failure, read 2026-12-07).
     */
    public static final java.time.Duration STUCK_AFTER = java.time.Duration.ofMinutes(15);
    static final List<String> STARTING_STATES = List.of("creating", "starting", "waitingForStartTask");
    static final int MAX_MESSAGE = 400;

    private NodeDiagnoser() {
    }

    /** The groups, most nodes first (ties by code). Healthy nodes (no errors, start task fine, not unusable) are in none. */
    public static List<NodeErrorGroup> diagnose(List<ComputeNode> nodes) {
        return diagnose(nodes, null);
    }

    /**
     * As {@link #diagnose(List)}, and with {@code now} known, nodes that stayed creating, starting or waitingForStartTask
     * longer than {@link #STUCK_AFTER} (by their stateTransitionTime) are a group of their own.
     */
    public static List<NodeErrorGroup> diagnose(List<ComputeNode> nodes, java.time.Instant now) {
        Map<String, List<ComputeNode>> byKey = new LinkedHashMap<>();
        for (ComputeNode n : nodes) {
            if (!n.errors().isEmpty()) {
                // A node can report several errors; each distinct code counts the node once.
                List<String> seen = new ArrayList<>();
                for (NodeError e : n.errors()) {
                    String k = "error|" + e.code().toLowerCase(Locale.ROOT);
                    if (seen.contains(k)) continue;
                    seen.add(k);
                    byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(n);
                }
            } else if (n.startTaskFailed()) {
                String code = n.startTaskFailureCode() == null ? "" : n.startTaskFailureCode();
                byKey.computeIfAbsent("start|" + code.toLowerCase(Locale.ROOT) + "|" + n.startTaskExitCode(), x -> new ArrayList<>()).add(n);
            } else if (n.inState("unusable")) {
                byKey.computeIfAbsent("unusable", x -> new ArrayList<>()).add(n);
            } else if (now != null && stuck(n, now)) {
                byKey.computeIfAbsent(n.inState("waitingForStartTask") ? "stuck|starttask" : "stuck|starting", x -> new ArrayList<>()).add(n);
            }
        }
        List<NodeErrorGroup> out = new ArrayList<>();
        for (Map.Entry<String, List<ComputeNode>> e : byKey.entrySet()) out.add(group(e.getKey(), e.getValue()));
        out.sort(Comparator.comparingInt(NodeErrorGroup::count).reversed()
                .thenComparing(g -> g.displayCode().toLowerCase(Locale.ROOT)));
        return List.copyOf(out);
    }

    private static NodeErrorGroup group(String key, List<ComputeNode> nodes) {
        List<String> ids = nodes.stream().map(ComputeNode::id).toList();
        ComputeNode first = nodes.get(0);
        if (key.equals("unusable")) {
            // "Nodes in an unusable state, but without errors means that Batch is unable to communicate with the VM."
            return build(null, null, null, ids, NodeCause.UNREACHABLE, true, Confidence.CONFIRMED, List.of());
        }
        if (key.startsWith("stuck|")) {
            NodeCause cause = key.equals("stuck|starttask") ? NodeCause.STUCK_START_TASK : NodeCause.STUCK_STARTING;
            LocalizedText state = LocalizedText.of(first.inState("creating") ? "watch.state.creating"
                    : first.inState("starting") ? "watch.state.starting" : "watch.state.waitingForStartTask");
            return build(null, null, null, ids, cause, true, Confidence.UNKNOWN, List.of(state, STUCK_AFTER.toMinutes()));
        }
        if (key.startsWith("start|")) {
            String code = first.startTaskFailureCode();
            return build(code, first.startTaskFailureMessage(), first.startTaskExitCode(), ids, NodeCause.START_TASK_FAILED, true,
                    Confidence.CONFIRMED, List.of());
        }
        String lc = key.substring("error|".length());
        NodeError err = first.errors().stream().filter(x -> x.code().equalsIgnoreCase(lc)).findFirst().orElseThrow();
        NodeCause cause = KNOWN.get(lc);
        if (cause != null) return build(err.code(), err.message(), null, ids, cause, true, Confidence.CONFIRMED, List.of());
        String msg = err.message().toLowerCase(Locale.ROOT);
        if (DISK_FULL_WORDS.stream().anyMatch(msg::contains)) {
            return build(err.code(), err.message(), null, ids, NodeCause.DISK_FULL, false, Confidence.LIKELY, List.of());
        }
        return build(err.code(), err.message(), null, ids, NodeCause.UNKNOWN, false, Confidence.UNKNOWN, List.of());
    }

    /** In a starting state for longer than {@link #STUCK_AFTER}. */
    static boolean stuck(ComputeNode n, java.time.Instant now) {
        if (n.stateTransitionTime() == null) return false;
        boolean starting = STARTING_STATES.stream().anyMatch(n::inState);
        return starting && java.time.Duration.between(n.stateTransitionTime(), now).compareTo(STUCK_AFTER) > 0;
    }

    private static NodeErrorGroup build(String code, String message, Integer exit, List<String> ids, NodeCause cause, boolean known,
                                        Confidence level, List<Object> extra) {
        String msg = message == null ? null : shorten(SecretMasker.mask(message));
        Object count = ids.size();
        LocalizedText causeText = switch (cause) {
            case START_TASK_FAILED -> LocalizedText.of(cause.causeKey(), count, exit == null ? "-" : exit);
            case UNKNOWN -> LocalizedText.of(cause.causeKey(), count, code);
            case STUCK_STARTING, STUCK_START_TASK -> LocalizedText.of(cause.causeKey(), count, extra.get(0), extra.get(1));
            default -> LocalizedText.of(cause.causeKey(), count);
        };
        return new NodeErrorGroup(code, msg, exit, ids, cause, known, causeText, LocalizedText.of(cause.remedyKey()),
                LocalizedText.of(cause.checkKey()), cause.defaultAction(), cause.source(), level);
    }

    private static String shorten(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE - 1) + "…";
    }

    /** The nodes in {@code state} (null: any) with an error or start-task failure code {@code code} (null: any). */
    public static List<ComputeNode> filter(List<ComputeNode> nodes, String state, String code) {
        return nodes.stream().filter(n -> state == null || n.inState(state)).filter(n -> code == null || hasCode(n, code)).toList();
    }

    /** Whether the node reports {@code code}, as a node error or as its start task's failure code. */
    public static boolean hasCode(ComputeNode n, String code) {
        for (NodeError e : n.errors()) if (e.code().equalsIgnoreCase(code)) return true;
        return n.startTaskFailed() && code.equalsIgnoreCase(n.startTaskFailureCode());
    }

    /** The distinct codes across nodes, sorted (for the error-code filter). */
    public static List<String> codes(List<ComputeNode> nodes) {
        java.util.TreeSet<String> s = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (ComputeNode n : nodes) {
            n.errors().forEach(e -> s.add(e.code()));
            if (n.startTaskFailed() && n.startTaskFailureCode() != null) s.add(n.startTaskFailureCode());
        }
        return List.copyOf(s);
    }

    /** The last {@code maxLines} lines of a text (a start task's stderr), masked. */
    public static String tail(String text, int maxLines) {
        if (text == null || text.isEmpty()) return "";
        String[] lines = text.split("\r?\n", -1);
        int end = lines.length;
        if (end > 0 && lines[end - 1].isEmpty()) end--;
        int from = Math.max(0, end - maxLines);
        return SecretMasker.mask(String.join("\n", java.util.Arrays.asList(lines).subList(from, end)));
    }
}
