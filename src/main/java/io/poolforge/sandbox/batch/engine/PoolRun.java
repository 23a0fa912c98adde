package io.poolforge.sandbox.batch.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.sandbox.arm.compute.ComputePayloads;
import io.poolforge.sandbox.http.Json;
import io.poolforge.sandbox.state.LroEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One pool's allocation over (scaled) time: nodes appear, go creating → starting → idle (or unusable),
 * the pool goes resizing → steady, and a resize's errors show once it ends. Computed from the clock
 * when read, so nothing runs in the background.
 */
public final class PoolRun {
    public static final class Node {
        public String id;
        public boolean dedicated;
        public Instant appear;
        public Instant starting;
        public Instant ready;
        Instant removeAt;
        public String finalState;
        public int index;
        /** Scripted nodes (the "nodes" scenario): their own errors, start task outcome and files. */
        public boolean scripted;
        /** Data-plane ComputeNodeError objects (code, message, errorDetails); null or empty: none. */
        public ArrayNode errors;
        /** Start task exit code; null: no start task result. */
        public Integer startTaskExitCode;
        public String startTaskFailureCode;
        public String startTaskFailureMessage;
        /** Node files by path under the node root (for example {@code startup/stderr.txt}). */
        public final java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        /** Whether a reboot or reimage clears this node's trouble (Batch lost contact with it). */
        public boolean recoversOnRestart;
        /** A reboot or reimage in progress: its state until {@code busyUntil}. */
        String busyState;
        public Instant busyUntil;
        public Instant lastBoot;
        public Instant transition;
        int reboots;
        int reimages;
    }

    final String poolId;
    final String accountId;
    final ObjectNode pool;
    public final List<Node> nodes = new ArrayList<>();
    Instant resizeStart;
    Instant steadyAt;
    boolean stopping;
    ArrayNode pendingErrors = Json.a();
    private int seq;

    public PoolRun(String poolId, String accountId, ObjectNode pool) {
        this.poolId = poolId;
        this.accountId = accountId;
        this.pool = pool;
    }

    /** Nodes that hold cores (present or on their way), by kind. */
    int held(boolean dedicated) {
        int n = 0;
        for (Node x : nodes) if (x.dedicated == dedicated && x.removeAt == null) n++;
        return n;
    }

    /** Starts a resize to the allowed counts; {@code errors} show when it ends. */
    public void resize(Instant now, LroEngine time, int allowedD, int allowedL, ArrayNode errors, String finalState) {
        resizeStart = now;
        stopping = false;
        pendingErrors = errors;
        int added = 0;
        int toAddD = Math.max(0, allowedD - held(true));
        int toAddL = Math.max(0, allowedL - held(false));
        int k = toAddD + toAddL;
        boolean removing = shrink(true, allowedD, now, time) | shrink(false, allowedL, now, time);
        for (int i = 0; i < k; i++) {
            Node n = new Node();
            n.dedicated = i < toAddD;
            n.index = seq++;
            n.id = "tvmps_" + ComputePayloads.uuid(poolId + "#" + n.index).replace("-", "").substring(0, 24) + (n.dedicated ? "_d" : "_p");
            n.appear = now.plus(time.scaled(Duration.ofMillis(3000 + 12000L * i / Math.max(1, k))));
            n.starting = n.appear.plus(time.scaled(Duration.ofSeconds(5)));
            n.ready = n.appear.plus(time.scaled(Duration.ofSeconds(10)));
            n.finalState = finalState;
            nodes.add(n);
            added++;
        }
        Duration d = added > 0 ? Duration.ofSeconds(30) : removing ? Duration.ofSeconds(8) : errors.size() > 0 ? Duration.ofSeconds(20) : Duration.ofSeconds(2);
        steadyAt = now.plus(time.scaled(d));
        ObjectNode p = Json.props(pool);
        p.put("allocationState", "Resizing");
        p.put("allocationStateTransitionTime", now.toString());
        ObjectNode ros = Json.with(p, "resizeOperationStatus");
        ros.remove("errors");
        ros.put("startTime", now.toString());
    }

    private boolean shrink(boolean dedicated, int allowed, Instant now, LroEngine time) {
        int excess = held(dedicated) - allowed;
        boolean any = false;
        for (int i = nodes.size() - 1; i >= 0 && excess > 0; i--) {
            Node n = nodes.get(i);
            if (n.dedicated == dedicated && n.removeAt == null) {
                n.removeAt = now.plus(time.scaled(Duration.ofSeconds(5)));
                excess--;
                any = true;
            }
        }
        return any;
    }

    /** Stops the resize: nodes not yet allocated are dropped; steady shortly after. */
    public void stop(Instant now, LroEngine time) {
        nodes.removeIf(n -> n.appear.isAfter(now));
        stopping = true;
        pendingErrors = Json.a(Json.o("code", "ResizeStopped", "message", "Desired number of dedicated nodes could not be allocated as the resize was stopped by the user"));
        steadyAt = now.plus(time.scaled(Duration.ofSeconds(2)));
        Json.props(pool).put("allocationState", "Stopping");
        Json.props(pool).put("allocationStateTransitionTime", now.toString());
    }

    /** Brings the pool's JSON up to {@code now}. */
    public void refresh(Instant now) {
        for (Iterator<Node> it = nodes.iterator(); it.hasNext(); ) {
            Node n = it.next();
            if (n.removeAt != null && !now.isBefore(n.removeAt)) it.remove();
        }
        int d = 0;
        int l = 0;
        for (Node n : nodes) {
            if (!n.appear.isAfter(now)) {
                if (n.dedicated) d++;
                else l++;
            }
        }
        ObjectNode p = Json.props(pool);
        p.put("currentDedicatedNodes", d);
        p.put("currentLowPriorityNodes", l);
        if (steadyAt != null && !now.isBefore(steadyAt) && !"Steady".equals(p.path("allocationState").asText())) {
            p.put("allocationState", "Steady");
            p.put("allocationStateTransitionTime", steadyAt.toString());
            if (pendingErrors.size() > 0) Json.with(p, "resizeOperationStatus").set("errors", pendingErrors.deepCopy());
            stopping = false;
        }
    }

    /**
     * Reboots or reimages a node (Batch REST "Compute Node - Reboot" / "Reimage"): the node is {@code rebooting}
     * or {@code reimaging} for a while, then boots again; its start task runs again, so a node whose trouble
     * is the image or the start task comes back in the same state; a node Batch had lost contact with recovers.
     */
    public void restart(Node n, String busy, Instant now, LroEngine time) {
        n.busyState = busy;
        n.busyUntil = now.plus(time.scaled(Duration.ofSeconds("reimaging".equals(busy) ? 20 : 8)));
        n.lastBoot = n.busyUntil;
        n.transition = n.busyUntil;
        if ("rebooting".equals(busy)) n.reboots++;
        else n.reimages++;
        if (n.recoversOnRestart) {
            n.finalState = "idle";
            n.errors = null;
            n.recoversOnRestart = false;
        }
    }

    /** Removes nodes (Batch REST "Pool - Remove Nodes"): they leave the pool and the target drops by as many. */
    public void remove(List<Node> which, Instant now, LroEngine time) {
        int d = 0;
        int l = 0;
        for (Node n : which) {
            if (n.removeAt != null) continue;
            n.removeAt = now.plus(time.scaled(Duration.ofSeconds(5)));
            if (n.dedicated) d++;
            else l++;
        }
        ObjectNode fixed = Json.with(Json.props(pool), "scaleSettings/fixedScale");
        fixed.put("targetDedicatedNodes", Math.max(0, fixed.path("targetDedicatedNodes").asInt() - d));
        fixed.put("targetLowPriorityNodes", Math.max(0, fixed.path("targetLowPriorityNodes").asInt() - l));
    }

    /** A node's state at {@code now}, or null when it does not exist yet. */
    public static String state(Node n, Instant now) {
        if (n.appear.isAfter(now)) return null;
        if (n.removeAt != null) return "leavingPool";
        if (n.busyUntil != null && now.isBefore(n.busyUntil)) return n.busyState;
        if (now.isBefore(n.starting)) return "creating";
        if (now.isBefore(n.ready)) return "starting";
        return n.finalState;
    }
}
