package io.poolforge.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.azure.Connection;
import io.poolforge.azure.NodeCounts;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.GalleryImageVersionInfo;
import io.poolforge.domain.NameValue;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.RegionReplica;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.SecretMasker;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.nodes.ComputeNode;
import io.poolforge.domain.nodes.NodeDiagnoser;
import io.poolforge.domain.nodes.NodeError;
import io.poolforge.domain.nodes.NodeErrorGroup;
import io.poolforge.i18n.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A diagnostic bundle for a support request: one zip with a localized {@code summary.txt} first, then the pool's
 * JSON, its resize errors and their diagnoses, node counts, each distinct node error with the nodes affected and
 * its diagnosis, every node's state, the start task's stderr tail of each node whose start task failed, the image's
 * existence and replication, PoolForge's version and the cloud. Every entry goes through {@link SecretMasker} as it
 * is written, so no token, key, password or SAS signature reaches the file (the data read carries none anyway).
 */
public final class DiagnosticBundle {
    private static final Logger LOG = LoggerFactory.getLogger(DiagnosticBundle.class);
    /** Lines of stderr kept per node. */
    public static final int STDERR_LINES = 50;
    /** Start task stderr is read from at most this many nodes. */
    public static final int MAX_STDERR_NODES = 20;
    static final int STDERR_BYTES = 16 * 1024;

    /** What goes in the bundle. {@code imageExists} null: unknown; {@code imageVersion} null when not a gallery version or not found. */
    public record Contents(BatchAccountInfo account, PoolInfo pool, NodeCounts counts, List<ComputeNode> nodes, List<NodeErrorGroup> groups,
                           Map<String, String> stderrTails, List<Diagnosis> resizeDiagnoses, Boolean imageExists,
                           GalleryImageVersionInfo imageVersion, String version, String cloud, Instant written, boolean sandbox) {
        public Contents {
            nodes = nodes == null ? List.of() : List.copyOf(nodes);
            groups = groups == null ? List.of() : List.copyOf(groups);
            stderrTails = stderrTails == null ? Map.of() : Map.copyOf(stderrTails);
            resizeDiagnoses = resizeDiagnoses == null ? List.of() : List.copyOf(resizeDiagnoses);
        }
    }

    private final Messages messages;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public DiagnosticBundle(Messages messages) {
        this.messages = messages;
    }

    /**
     * Reads what the bundle needs (blocking: call it off the FX thread): nodes, node counts, stderr tails of the nodes whose
     * start task failed, and the image. {@code resizeDiagnoses} are the caller's (the inspector's or the watch's).
     */
    public static Contents collect(Connection c, BatchAccountInfo account, PoolInfo pool, List<Diagnosis> resizeDiagnoses, String version,
                                   Clock clock) {
        NodeCounts counts = quietly(() -> c.batch().nodeCounts(account, pool.id()));
        List<ComputeNode> nodes = c.batch().computeNodes(account, pool.id(), null);
        List<NodeErrorGroup> groups = NodeDiagnoser.diagnose(nodes, clock.instant());
        Map<String, String> tails = new TreeMap<>();
        for (ComputeNode n : nodes) {
            if (!n.startTaskFailed() || tails.size() >= MAX_STDERR_NODES) continue;
            String text = quietly(() -> c.batch().nodeFileTail(account, pool.id(), n.id(), "startup/stderr.txt", STDERR_BYTES));
            if (text != null) tails.put(n.id(), NodeDiagnoser.tail(text, STDERR_LINES));
        }
        Boolean exists = null;
        GalleryImageVersionInfo version0 = null;
        String imageId = pool.customImageId();
        if (imageId == null) {
            exists = true;
        } else if (imageId.toLowerCase(Locale.ROOT).contains("/versions/")) {
            Optional<GalleryImageVersionInfo> v = quietly(() -> c.compute().findImageVersion(imageId));
            if (v != null) {
                exists = v.isPresent();
                version0 = v.orElse(null);
            }
        } else if (imageId.toLowerCase(Locale.ROOT).contains("/galleries/")) {
            var d = quietly(() -> c.compute().findImageDefinition(imageId));
            if (d != null) exists = d.isPresent();
        } else {
            var mi = quietly(() -> c.compute().findManagedImage(imageId));
            if (mi != null) exists = mi.isPresent();
        }
        return new Contents(account, pool, counts, nodes, groups, tails, resizeDiagnoses, exists, version0, version,
                c.endpoints().profile().name(), clock.instant(), c.endpoints().isSandbox());
    }

    /** Writes the zip (through a temporary file, so a failure leaves no half bundle); returns the number of entries. */
    public int write(Path file, Contents b) {
        Map<String, String> entries = entries(b);
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (dir != null) Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".poolforge-bundle", ".zip");
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, String> e : entries.entrySet()) {
                    ZipEntry ze = new ZipEntry(e.getKey());
                    ze.setTime(b.written().toEpochMilli());
                    zip.putNextEntry(ze);
                    zip.write(SecretMasker.mask(e.getValue()).getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PoolForgeException("inspect.cli.bundle.failed", e, file.toString(), SecretMasker.mask(String.valueOf(e.getMessage())));
        }
        return entries.size();
    }

    /** The entries by name, summary first. */
    Map<String, String> entries(Contents b) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("summary.txt", summary(b));
        out.put("pool.json", pretty(poolJson(b.pool())));
        out.put("resize-errors.json", pretty(resizeErrors(b)));
        out.put("node-counts.json", pretty(counts(b.counts())));
        out.put("node-errors.json", pretty(groups(b.groups())));
        out.put("nodes.json", pretty(nodes(b.nodes())));
        out.put("image.json", pretty(image(b)));
        ObjectNode about = json.createObjectNode().put("poolforge", b.version()).put("cloud", b.cloud()).put("written", b.written().toString())
                .put("language", messages.locale().toLanguageTag()).put("sandbox", b.sandbox());
        out.put("about.json", pretty(about));
        b.stderrTails().forEach((node, tail) -> out.put("stderr/" + node + ".txt", tail + (tail.isEmpty() || tail.endsWith("\n") ? "" : "\n")));
        return out;
    }

    private String summary(Contents b) {
        Messages m = messages;
        PoolInfo p = b.pool();
        StringBuilder s = new StringBuilder();
        // A bundle from a sandbox session says so first (PF-14), so nobody attaches it to a real support ticket.
        if (b.sandbox()) line(s, m.get("inspect.bundle.sandbox"));
        line(s, m.get("inspect.bundle.title", p.id()));
        line(s, m.get("inspect.bundle.account", b.account().name(), b.account().subscriptionId(), b.account().location()));
        line(s, m.get("inspect.bundle.cloud", b.cloud()));
        line(s, m.get("inspect.bundle.version", b.version()));
        line(s, m.get("inspect.bundle.written", b.written()));
        s.append('\n');
        String allocation = switch (p.allocationState()) {
            case STEADY -> m.get("watch.allocation.steady");
            case RESIZING -> m.get("watch.allocation.resizing");
            case STOPPING -> m.get("watch.allocation.stopping");
        };
        line(s, m.get("inspect.bundle.pool", allocation, p.vmSize(), p.currentDedicatedNodes(),
                p.currentLowPriorityNodes(), p.targetDedicatedNodes(), p.targetLowPriorityNodes()));
        String imageText;
        if (p.customImageId() == null) {
            var r = p.imageReference();
            imageText = m.get("inspect.bundle.image.marketplace", r == null ? "-" : r.publisher() + " " + r.offer() + " " + r.sku() + " " + r.version());
        } else {
            imageText = p.customImageId() + " — " + m.get(b.imageExists() == null ? "inspect.bundle.image.unknown"
                    : b.imageExists() ? "inspect.bundle.image.exists" : "inspect.bundle.image.missing");
        }
        line(s, m.get("inspect.bundle.image", imageText));
        if (b.imageVersion() != null) {
            List<String> regions = new ArrayList<>();
            for (RegionReplica r : b.imageVersion().replicas()) regions.add(r.region() + " × " + r.replicaCount());
            line(s, m.get("inspect.bundle.image.replication", regions.isEmpty() ? m.get("inspect.bundle.none") : String.join(", ", regions)));
        }
        line(s, m.get("inspect.bundle.resizeErrors", p.resizeErrors().isEmpty() ? m.get("inspect.bundle.none")
                : String.join(", ", p.resizeErrors().stream().map(ResizeError::code).toList())));
        for (Diagnosis d : b.resizeDiagnoses()) {
            line(s, "  " + m.text(d.causeText()) + " " + m.text(d.remedy()));
            line(s, "  " + m.get("ui.diagnose.level", m.get(d.confidence().key())));
            for (var e : d.checked()) line(s, "    " + m.get("inspect.cli.diagnosis.checked", m.text(e)).trim());
            for (var e : d.notChecked()) line(s, "    " + m.get("inspect.cli.diagnosis.notChecked", m.text(e)).trim());
        }
        line(s, m.get("inspect.bundle.nodeCounts", countsText(b.counts())));
        s.append('\n');
        line(s, m.get("inspect.bundle.nodeGroups", b.groups().size()));
        for (NodeErrorGroup g : b.groups()) {
            line(s, m.get("inspect.bundle.group", g.count(), g.code() == null ? m.get("ui.nodes.group.noError") : g.code()));
            if (!g.known()) line(s, "  " + m.get("inspect.bundle.groupUnknown"));
            line(s, "  " + m.get("ui.diagnose.level", m.get(g.confidence().key())));
            line(s, "  " + m.text(g.causeText()));
            line(s, "  " + m.text(g.remedy()));
            for (String c : m.text(g.check()).split("\n")) line(s, "  - " + c);
            if (g.message() != null && !g.message().isBlank()) line(s, "  \"" + g.message() + "\"");
            line(s, "  " + m.get("inspect.bundle.source", g.source()));
            line(s, "  " + String.join(", ", g.nodeIds()));
        }
        if (!b.stderrTails().isEmpty()) {
            s.append('\n');
            line(s, m.get("inspect.bundle.stderr", STDERR_LINES));
        }
        s.append('\n');
        line(s, m.get("inspect.bundle.files"));
        line(s, m.get("inspect.bundle.masked"));
        return s.toString();
    }

    private static void line(StringBuilder s, String text) {
        s.append(text).append('\n');
    }

    private String countsText(NodeCounts c) {
        if (c == null) return messages.get("inspect.bundle.none");
        Map<String, Integer> total = new TreeMap<>();
        c.dedicated().forEach((k, v) -> { if (!"total".equals(k) && v > 0) total.merge(k, v, Integer::sum); });
        c.lowPriority().forEach((k, v) -> { if (!"total".equals(k) && v > 0) total.merge(k, v, Integer::sum); });
        if (total.isEmpty()) return messages.get("inspect.bundle.none");
        List<String> parts = new ArrayList<>();
        total.forEach((k, v) -> parts.add(stateName(k) + " " + v));
        return String.join(", ", parts);
    }

    /** A node state's display name (the watch's labels), or Batch's name when there is none. */
    private String stateName(String state) {
        String key = "watch.state." + ("upgradingOS".equals(state) ? "upgradingOs" : state);
        return messages.has(key) ? messages.get(key) : state;
    }

    private ObjectNode poolJson(PoolInfo p) {
        ObjectNode o = json.createObjectNode();
        o.put("id", p.id()).put("vmSize", p.vmSize()).put("nodeAgentSKUId", p.nodeAgentSkuId());
        ObjectNode img = o.putObject("imageReference");
        var r = p.imageReference();
        if (r != null) {
            if (r.id() != null) img.put("virtualMachineImageId", r.id());
            else img.put("publisher", r.publisher()).put("offer", r.offer()).put("sku", r.sku()).put("version", r.version());
        }
        o.put("allocationState", p.allocationState().name().toLowerCase(Locale.ROOT));
        o.put("allocationStateTransitionTime", String.valueOf(p.allocationStateTransitionTime()));
        o.put("targetDedicatedNodes", p.targetDedicatedNodes()).put("targetLowPriorityNodes", p.targetLowPriorityNodes());
        o.put("currentDedicatedNodes", p.currentDedicatedNodes()).put("currentLowPriorityNodes", p.currentLowPriorityNodes());
        o.put("resizeTimeout", String.valueOf(p.resizeTimeout())).put("enableAutoScale", p.autoScale());
        if (p.lastResizeStartTime() != null) o.put("lastResizeStartTime", p.lastResizeStartTime().toString());
        return o;
    }

    private ObjectNode resizeErrors(Contents b) {
        ObjectNode o = json.createObjectNode();
        ArrayNode errors = o.putArray("resizeErrors");
        for (ResizeError e : b.pool().resizeErrors()) {
            ObjectNode x = errors.addObject().put("code", e.code()).put("message", e.message());
            ArrayNode values = x.putArray("values");
            for (NameValue v : e.values()) values.addObject().put("name", v.name()).put("value", v.value());
        }
        ArrayNode diagnoses = o.putArray("diagnoses");
        for (Diagnosis d : b.resizeDiagnoses()) {
            ObjectNode x = diagnoses.addObject().put("cause", d.cause().name()).put("causeText", messages.text(d.causeText()))
                    .put("remedy", messages.text(d.remedy())).put("source", d.source()).put("stale", d.stale());
            x.put("level", d.confidence().name());
            ArrayNode checked = x.putArray("checked");
            d.checked().forEach(e -> checked.add(messages.text(e)));
            ArrayNode notChecked = x.putArray("notChecked");
            d.notChecked().forEach(e -> notChecked.add(messages.text(e)));
            if (d.error() != null) x.put("code", d.error().code());
        }
        return o;
    }

    private ObjectNode counts(NodeCounts c) {
        ObjectNode o = json.createObjectNode();
        if (c == null) return o;
        o.put("poolId", c.poolId());
        ObjectNode d = o.putObject("dedicated");
        new TreeMap<>(c.dedicated()).forEach(d::put);
        ObjectNode l = o.putObject("lowPriority");
        new TreeMap<>(c.lowPriority()).forEach(l::put);
        return o;
    }

    private ArrayNode groups(List<NodeErrorGroup> groups) {
        ArrayNode a = json.createArrayNode();
        for (NodeErrorGroup g : groups) {
            ObjectNode o = a.addObject();
            o.put("code", g.code()).put("known", g.known()).put("cause", g.cause().name()).put("nodes", g.count());
            o.put("level", g.confidence().name());
            if (g.exitCode() != null) o.put("exitCode", g.exitCode());
            o.put("message", g.message());
            o.put("causeText", messages.text(g.causeText())).put("remedy", messages.text(g.remedy()))
                    .put("check", messages.text(g.check())).put("source", g.source());
            ArrayNode ids = o.putArray("nodeIds");
            g.nodeIds().forEach(ids::add);
        }
        return a;
    }

    private ArrayNode nodes(List<ComputeNode> nodes) {
        ArrayNode a = json.createArrayNode();
        for (ComputeNode n : nodes) {
            ObjectNode o = a.addObject().put("id", n.id()).put("state", n.state()).put("isDedicated", n.dedicated()).put("vmSize", n.vmSize());
            if (n.stateTransitionTime() != null) o.put("stateTransitionTime", n.stateTransitionTime().toString());
            if (n.lastBootTime() != null) o.put("lastBootTime", n.lastBootTime().toString());
            if (n.nodeAgentVersion() != null) o.putObject("nodeAgentInfo").put("version", n.nodeAgentVersion());
            if (n.startTaskResult() != null || n.startTaskExitCode() != null) {
                ObjectNode st = o.putObject("startTaskInfo").put("result", n.startTaskResult());
                if (n.startTaskExitCode() != null) st.put("exitCode", n.startTaskExitCode());
                if (n.startTaskFailureCode() != null) st.putObject("failureInfo").put("code", n.startTaskFailureCode())
                        .put("message", n.startTaskFailureMessage());
            }
            if (!n.errors().isEmpty()) {
                ArrayNode errs = o.putArray("errors");
                for (NodeError e : n.errors()) {
                    ObjectNode x = errs.addObject().put("code", e.code()).put("message", e.message());
                    ArrayNode det = x.putArray("errorDetails");
                    for (NodeError.Detail d : e.details()) det.addObject().put("name", d.name()).put("value", d.value());
                }
            }
        }
        return a;
    }

    private ObjectNode image(Contents b) {
        ObjectNode o = json.createObjectNode();
        String id = b.pool().customImageId();
        o.put("custom", id != null);
        if (id != null) o.put("id", id);
        if (b.imageExists() == null) o.putNull("exists");
        else o.put("exists", b.imageExists());
        if (b.imageVersion() != null) {
            o.put("version", b.imageVersion().version()).put("provisioningState", b.imageVersion().provisioningState());
            ArrayNode reps = o.putArray("replicas");
            for (RegionReplica r : b.imageVersion().replicas()) reps.addObject().put("region", r.region()).put("replicaCount", r.replicaCount())
                    .put("state", r.state());
        }
        return o;
    }

    private String pretty(Object node) {
        try {
            return json.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T quietly(java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (RuntimeException e) {
            LOG.warn("Bundle look-up failed: {}", SecretMasker.mask(String.valueOf(e.getMessage())));
            return null;
        }
    }
}
