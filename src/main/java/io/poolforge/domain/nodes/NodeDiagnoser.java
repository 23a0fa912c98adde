package io.poolforge.domain.nodes;

import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.SecretMasker;
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
    /** Node error codes PoolForge knows, lower-case, and their cause. */
    static final Map<String, NodeCause> KNOWN = Map.of(
            "invalidcustomimage", NodeCause.IMAGE_NOT_PREPARED,
            "nodeagentskumismatch", NodeCause.NODE_AGENT_MISMATCH,
            "unsupportedsecuritytype", NodeCause.SECURITY_TYPE,
            "diskfull", NodeCause.DISK_FULL);
    static final int MAX_MESSAGE = 400;

    private NodeDiagnoser() {
    }

    /** The groups, most nodes first (ties by code). Healthy nodes (no errors, start task fine, not unusable) are in none. */
    public static List<NodeErrorGroup> diagnose(List<ComputeNode> nodes) {
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
            return build(null, null, null, ids, NodeCause.UNREACHABLE, true);
        }
        if (key.startsWith("start|")) {
            String code = first.startTaskFailureCode();
            return build(code, first.startTaskFailureMessage(), first.startTaskExitCode(), ids, NodeCause.START_TASK_FAILED, true);
        }
        String lc = key.substring("error|".length());
        NodeError err = first.errors().stream().filter(x -> x.code().equalsIgnoreCase(lc)).findFirst().orElseThrow();
        NodeCause cause = KNOWN.get(lc);
        return build(err.code(), err.message(), null, ids, cause == null ? NodeCause.UNKNOWN : cause, cause != null);
    }

    private static NodeErrorGroup build(String code, String message, Integer exit, List<String> ids, NodeCause cause, boolean known) {
        String msg = message == null ? null : shorten(SecretMasker.mask(message));
        Object count = ids.size();
        LocalizedText causeText = switch (cause) {
            case START_TASK_FAILED -> LocalizedText.of(cause.causeKey(), count, exit == null ? "-" : exit);
            case UNKNOWN -> LocalizedText.of(cause.causeKey(), count, code);
            default -> LocalizedText.of(cause.causeKey(), count);
        };
        return new NodeErrorGroup(code, msg, exit, ids, cause, known, causeText, LocalizedText.of(cause.remedyKey()),
                LocalizedText.of(cause.checkKey()), cause.defaultAction(), cause.source());
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
