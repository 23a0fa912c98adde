package io.poolforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.azure.NodeCounts;
import io.poolforge.cli.InspectCommand.Row;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.SecretMasker;
import io.poolforge.domain.diagnose.Action;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.rules.ImageRules;
import io.poolforge.domain.rules.RuleCode;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.PlanJson;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code poolforge inspect} writes on stdout: the account's pools as a table, or one pool's
 * properties, flags and diagnoses; with {@code --json} one JSON document. Resize error messages are masked.
 */
final class InspectOutput {
    private final Messages m;
    private final PrintWriter out;
    private final ObjectMapper mapper;
    private final boolean json;

    /** @param json whether to write JSON ({@code --json}) */
    InspectOutput(Messages m, PrintWriter out, ObjectMapper mapper, boolean json) {
        this.m = m;
        this.out = out;
        this.mapper = mapper;
        this.json = json;
    }

    /** The account's pools. */
    void pools(BatchAccountInfo account, List<Row> rows) {
        if (json) {
            ObjectNode n = accountJson(account);
            ArrayNode arr = n.putArray("pools");
            rows.forEach(r -> arr.add(rowJson(r)));
            out.print(PlanJson.pretty(mapper, n));
        } else {
            printRows(account, rows);
        }
    }

    private void printRows(BatchAccountInfo account, List<Row> rows) {
        out.println(m.get("inspect.cli.list.title", account.name(), account.location(), account.subscriptionId(), rows.size()));
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {m.get("inspect.cli.col.pool"), m.get("inspect.cli.col.vmSize"), m.get("inspect.cli.col.imageType"),
            m.get("inspect.cli.col.imageExists"), m.get("inspect.cli.col.allocation"), m.get("inspect.cli.col.dedicated"),
            m.get("inspect.cli.col.lowPriority")});
        for (Row r : rows) {
            PoolInfo p = r.pool();
            table.add(new String[] {p.id(), nz(p.vmSize()), imageType(r.image()), exists(r.image()), RunOutput.allocation(m, p),
                p.currentDedicatedNodes() + "/" + p.targetDedicatedNodes(), p.currentLowPriorityNodes() + "/" + p.targetLowPriorityNodes()});
        }
        int[] widths = new int[table.get(0).length];
        for (String[] row : table) {
            for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
        }
        for (int t = 0; t < table.size(); t++) {
            String[] row = table.get(t);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            out.println(line.toString().stripTrailing());
            if (t == 0) continue;
            Row r = rows.get(t - 1);
            out.println("    " + m.get("inspect.cli.list.image", imageText(r.pool())));
            if (r.image().retiredSource()) out.println("    " + m.get("inspect.cli.list.flag", retiredCode().name(), retiredText(r.pool())));
            ResizeError e = r.lastError();
            if (e != null) out.println("    " + m.get("inspect.cli.list.lastError", e.code(), SecretMasker.mask(e.message())));
        }
    }

    /** One pool, its node counts (null if not read) and the diagnoses of its errors. */
    void pool(BatchAccountInfo account, Row row, NodeCounts counts, List<Diagnosis> diagnoses) {
        PoolInfo p = row.pool();
        ImageCheck image = row.image();
        if (json) {
            ObjectNode n = accountJson(account);
            ObjectNode pool = rowJson(row);
            pool.put("nodeAgentSkuId", p.nodeAgentSkuId());
            pool.put("resizeTimeout", p.resizeTimeout() == null ? null : p.resizeTimeout().toString());
            pool.put("allocationStateTransitionTime", str(p.allocationStateTransitionTime()));
            pool.put("lastResizeStartTime", str(p.lastResizeStartTime()));
            pool.put("autoScale", p.autoScale());
            ArrayNode errors = pool.putArray("resizeErrors");
            p.resizeErrors().forEach(e -> errors.addObject().put("code", e.code()).put("message", SecretMasker.mask(e.message())));
            if (counts != null) {
                ObjectNode nc = pool.putObject("nodeCounts");
                ObjectNode d = nc.putObject("dedicated");
                counts.dedicated().forEach(d::put);
                ObjectNode l = nc.putObject("lowPriority");
                counts.lowPriority().forEach(l::put);
            }
            n.set("pool", pool);
            ArrayNode flags = n.putArray("flags");
            if (image.retiredSource()) {
                RuleCode code = retiredCode();
                flags.addObject().put("code", code.name()).put("message", retiredText(p)).put("source", code.source());
            }
            ArrayNode arr = n.putArray("diagnoses");
            diagnoses.forEach(d -> arr.add(diagnosisJson(d)));
            out.print(PlanJson.pretty(mapper, n));
        } else {
            printPool(account, row, counts, diagnoses);
        }
    }

    private void printPool(BatchAccountInfo account, Row row, NodeCounts counts, List<Diagnosis> diagnoses) {
        PoolInfo p = row.pool();
        ImageCheck image = row.image();
        out.println(m.get("inspect.cli.pool.title", p.id(), account.name(), account.subscriptionId()));
        prop("inspect.cli.prop.vmSize", nz(p.vmSize()));
        prop("inspect.cli.prop.imageType", imageType(image));
        prop("inspect.cli.prop.image", imageText(p));
        if (image.custom()) prop("inspect.cli.prop.imageExists", exists(image));
        prop("inspect.cli.prop.nodeAgentSku", nz(p.nodeAgentSkuId()));
        prop("inspect.cli.prop.allocation", p.allocationStateTransitionTime() == null ? RunOutput.allocation(m, p)
                : m.get("inspect.cli.value.since", RunOutput.allocation(m, p), p.allocationStateTransitionTime()));
        prop("inspect.cli.prop.dedicated", m.get("inspect.cli.value.currentOfTarget", p.currentDedicatedNodes(), p.targetDedicatedNodes()));
        prop("inspect.cli.prop.lowPriority", m.get("inspect.cli.value.currentOfTarget", p.currentLowPriorityNodes(),
                p.targetLowPriorityNodes()));
        prop("inspect.cli.prop.resizeTimeout", p.resizeTimeout() == null ? "-"
                : m.get("inspect.cli.value.minutes", p.resizeTimeout().toMinutes()));
        prop("inspect.cli.prop.lastResize", p.lastResizeStartTime() == null ? "-" : m.formats().dateTime(p.lastResizeStartTime()));
        prop("inspect.cli.prop.autoScale", m.get(p.autoScale() ? "inspect.cli.value.yes" : "inspect.cli.value.no"));
        if (counts != null) prop("inspect.cli.prop.nodes", nodeStates(counts));
        if (image.retiredSource()) {
            out.println(m.get("inspect.cli.flags"));
            out.println("  " + retiredCode().name() + ": " + retiredText(p));
        }
        if (p.resizeErrors().isEmpty() && diagnoses.isEmpty()) {
            out.println(m.get("inspect.cli.noErrors"));
            return;
        }
        out.println(m.get("inspect.cli.diagnoses", diagnoses.size()));
        int i = 0;
        for (Diagnosis d : diagnoses) {
            i++;
            String code = d.error() == null ? d.cause().name() : d.error().code();
            out.println("  " + m.get("inspect.cli.diagnosis.head", i, code, d.cause().name(), text(d.causeText())));
            out.println("     " + m.get("inspect.cli.diagnosis.level", m.get(d.confidence().key())));
            for (LocalizedText e : d.evidence()) out.println("     " + m.get("inspect.cli.diagnosis.evidence", text(e)));
            for (LocalizedText e : d.checked()) out.println("     " + m.get("inspect.cli.diagnosis.checked", text(e)));
            for (LocalizedText e : d.notChecked()) out.println("     " + m.get("inspect.cli.diagnosis.notChecked", text(e)));
            out.println("     " + m.get("inspect.cli.diagnosis.remedy", text(d.remedy())));
            String also = d.alternatives().stream().map(a -> m.get(a.key())).collect(Collectors.joining(", "));
            out.println("     " + (also.isEmpty() ? m.get("inspect.cli.diagnosis.action", m.get(d.action().key()))
                    : m.get("inspect.cli.diagnosis.actionAlso", m.get(d.action().key()), also)));
            if (d.source() != null) out.println("     " + m.get("inspect.cli.diagnosis.source", d.source()));
        }
    }

    private void prop(String key, String value) {
        out.println("  " + m.get(key) + " " + value);
    }

    private String nodeStates(NodeCounts counts) {
        Map<String, Integer> all = new java.util.TreeMap<>();
        counts.dedicated().forEach((k, v) -> all.merge(k, v, Integer::sum));
        counts.lowPriority().forEach((k, v) -> all.merge(k, v, Integer::sum));
        String s = all.entrySet().stream().filter(e -> e.getValue() > 0 && !e.getKey().equals("total")).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return s.isEmpty() ? m.get("inspect.cli.value.noNodes") : s;
    }

    private String imageType(ImageCheck image) {
        if (!image.custom()) return m.get("inspect.cli.value.marketplace");
        return m.get(image.retiredSource() ? "inspect.cli.value.customManaged" : "inspect.cli.value.customGallery");
    }

    private String exists(ImageCheck image) {
        if (!image.custom()) return "-";
        if (image.exists() == null) return m.get("inspect.cli.value.unknown");
        return m.get(image.exists() ? "inspect.cli.value.yes" : "inspect.cli.value.no");
    }

    private static String imageText(PoolInfo p) {
        if (p.customImageId() != null) return p.customImageId();
        return p.imageReference() == null ? "-" : p.imageReference().display();
    }

    private static RuleCode retiredCode() {
        return ImageRules.managedImagesRetired(LocalDate.now(ZoneOffset.UTC)) ? RuleCode.POOL_MANAGED_IMAGE_RETIRED
                : RuleCode.POOL_MANAGED_IMAGE_RETIRING;
    }

    private String retiredText(PoolInfo p) {
        return m.get(retiredCode().key(), p.customImageId(), ImageRules.MANAGED_IMAGE_RETIREMENT.toString());
    }

    private String text(LocalizedText t) {
        return m.get(t.key(), t.argsArray());
    }

    private ObjectNode accountJson(BatchAccountInfo account) {
        ObjectNode n = mapper.createObjectNode();
        ObjectNode a = n.putObject("account");
        a.put("name", account.name());
        a.put("id", account.id());
        a.put("subscriptionId", account.subscriptionId());
        a.put("location", account.location());
        return n;
    }

    private ObjectNode rowJson(Row r) {
        PoolInfo p = r.pool();
        ImageCheck image = r.image();
        ObjectNode n = RunOutput.poolJson(mapper, p);
        n.remove("resizeErrors");
        n.put("imageType", image.custom() ? "custom" : "marketplace");
        n.put("imageKind", image.kind() == null ? null : image.kind().name().toLowerCase(Locale.ROOT));
        n.put("imageId", imageText(p));
        if (image.exists() == null) n.putNull("imageExists");
        else n.put("imageExists", image.exists());
        n.put("retiredSource", image.retiredSource());
        ResizeError e = r.lastError();
        if (e == null) n.putNull("lastResizeError");
        else n.putObject("lastResizeError").put("code", e.code()).put("message", SecretMasker.mask(e.message()));
        return n;
    }

    private ObjectNode diagnosisJson(Diagnosis d) {
        ObjectNode n = mapper.createObjectNode();
        n.put("cause", d.cause().name());
        n.put("causeText", text(d.causeText()));
        ArrayNode ev = n.putArray("evidence");
        d.evidence().forEach(e -> ev.add(text(e)));
        n.put("level", d.confidence().name());
        n.put("levelText", m.get(d.confidence().key()));
        ArrayNode checked = n.putArray("checked");
        d.checked().forEach(e -> checked.add(text(e)));
        ArrayNode notChecked = n.putArray("notChecked");
        d.notChecked().forEach(e -> notChecked.add(text(e)));
        n.put("remedy", text(d.remedy()));
        n.put("action", d.action().name());
        n.put("actionText", m.get(d.action().key()));
        ArrayNode alt = n.putArray("alternatives");
        for (Action a : d.alternatives()) alt.add(a.name());
        n.put("stale", d.stale());
        if (d.source() != null) n.put("source", d.source());
        if (d.error() != null) n.putObject("error").put("code", d.error().code()).put("message", SecretMasker.mask(d.error().message()));
        return n;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
