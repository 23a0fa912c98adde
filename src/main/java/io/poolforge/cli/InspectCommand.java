package io.poolforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.azure.BatchGateway;
import io.poolforge.azure.Connection;
import io.poolforge.azure.NodeCounts;
import io.poolforge.azure.SubscriptionRef;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.LocalizedText;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.SecretMasker;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;
import io.poolforge.domain.diagnose.Action;
import io.poolforge.domain.diagnose.Diagnoser;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.diagnose.DiagnosisEvidence;
import io.poolforge.domain.rules.ImageRules;
import io.poolforge.domain.rules.RuleCode;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.PlanJson;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code poolforge inspect --account NAME [--pool ID]}: the pool inspector from a terminal. Without
 * {@code --pool}: the account's pools (VM size, custom or Marketplace image, whether the image still
 * exists, allocation state, nodes, last resize error; pools on a managed image are flagged as retired
 * sources). With it: that pool's properties and a diagnosis of each resize error ({@link Diagnoser}),
 * with the image looked up through the compute port.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, modelTransformer = InspectCommand.Help.class)
public final class InspectCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(InspectCommand.class);

    @Option(names = "--account", required = true, paramLabel = "NAME", descriptionKey = "inspect.cli.option.account")
    String accountName;

    @Option(names = "--pool", paramLabel = "ID", descriptionKey = "inspect.cli.option.pool")
    String poolId;

    @Option(names = "--subscription", paramLabel = "ID", descriptionKey = "inspect.cli.option.subscription")
    String subscription;

    @Mixin
    CliOptions options;

    @Mixin
    ConnectionOptions connection;

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    private final ObjectMapper mapper = PlanJson.newMapper();

    /** Localizes this command's help. */
    static final class Help extends LocalizedHelp.Transformer {
        Help() {
            super("inspect.cli.description");
        }
    }

    private Messages m;
    private PrintWriter out;
    private PrintWriter err;

    @Override
    public Integer call() {
        m = options.messages(spec);
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        connection.check(spec, m);
        Interrupts interrupts = Interrupts.install();
        int code = ExitCodes.INTERRUPTED;
        try {
            code = inspect(interrupts);
        } catch (PoolForgeException e) {
            err.println(m.get(e.key(), e.args()));
            code = RunCommand.exitCode(e, interrupts);
        } finally {
            out.flush();
            err.flush();
            interrupts.finished(code);
        }
        return code;
    }

    private int inspect(Interrupts interrupts) {
        err.println(m.get("cli.connection.opening", connection.target(m)));
        err.flush();
        Connection c;
        try {
            c = connection.open(spec, m, PoolForgeHome.of(root));
        } catch (PoolForgeException | CommandLine.ParameterException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Could not connect: {}", SecretMasker.mask(String.valueOf(e.getMessage())));
            err.println(m.get("cli.error.connect", connection.target(m), e.getClass().getSimpleName()));
            return ExitCodes.AZURE_ERROR;
        }
        try (c) {
            Optional<BatchAccountInfo> found = findAccount(c);
            if (found.isEmpty()) return ExitCodes.USAGE;
            BatchAccountInfo account = found.get();
            if (interrupts.isCancelled()) throw new PoolForgeException("run.cancelled", account.name());
            return poolId == null ? list(c, account, interrupts) : one(c, account);
        } catch (PoolForgeException | CommandLine.ParameterException e) {
            throw e;
        } catch (Exception e) {
            LOG.error("Unexpected failure: {}", SecretMasker.mask(String.valueOf(e.getMessage())), e);
            throw new PoolForgeException("azure.error.unexpected", e, accountName, e.getClass().getSimpleName());
        }
    }

    /** The account by name in --subscription, or in the first subscription (of those the sign-in sees) that has it. */
    private Optional<BatchAccountInfo> findAccount(Connection c) {
        List<String> subscriptions = subscription != null ? List.of(subscription)
                : c.identity().subscriptions().stream().map(SubscriptionRef::subscriptionId).toList();
        List<String> seen = new ArrayList<>();
        for (String sub : subscriptions) {
            for (BatchAccountInfo a : c.batch().listAccounts(sub)) {
                if (a.name().equalsIgnoreCase(accountName)) return Optional.of(a);
                seen.add(a.name());
            }
        }
        err.println(m.get("inspect.cli.error.noAccount", accountName, String.join(", ", subscriptions),
                seen.isEmpty() ? "-" : String.join(", ", seen)));
        return Optional.empty();
    }

    // --- the account's pools ----------------------------------------------------------------------

    private int list(Connection c, BatchAccountInfo account, Interrupts interrupts) {
        List<PoolInfo> pools = new ArrayList<>(c.batch().listPools(account));
        pools.sort(Comparator.comparing(PoolInfo::id, String.CASE_INSENSITIVE_ORDER));
        Map<String, ImageCheck> images = new HashMap<>();
        for (PoolInfo p : pools) {
            if (interrupts.isCancelled()) throw new PoolForgeException("run.cancelled", p.id());
            String id = p.customImageId();
            if (id != null) images.computeIfAbsent(id.toLowerCase(Locale.ROOT), k -> ImageCheck.of(c.compute(), id));
        }
        List<Row> rows = pools.stream().map(p -> new Row(p, p.customImageId() == null ? ImageCheck.marketplace()
                : images.get(p.customImageId().toLowerCase(Locale.ROOT)))).toList();
        if (options.json) {
            ObjectNode n = accountJson(account);
            ArrayNode arr = n.putArray("pools");
            rows.forEach(r -> arr.add(rowJson(r)));
            out.print(PlanJson.pretty(mapper, n));
        } else {
            printRows(account, rows);
        }
        return ExitCodes.OK;
    }

    /** A pool and what was found about its image. */
    record Row(PoolInfo pool, ImageCheck image) {
        ResizeError lastError() {
            List<ResizeError> e = pool.resizeErrors();
            return e.isEmpty() ? null : e.get(e.size() - 1);
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
            table.add(new String[] {p.id(), nz(p.vmSize()), imageType(r.image()), exists(r.image()), RunCommand.allocation(m, p),
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

    // --- one pool ---------------------------------------------------------------------------------

    private int one(Connection c, BatchAccountInfo account) {
        BatchGateway batch = c.batch();
        Optional<PoolInfo> found = batch.getPool(account, poolId);
        if (found.isEmpty()) {
            err.println(m.get("inspect.cli.error.noPool", poolId, account.name()));
            return ExitCodes.USAGE;
        }
        PoolInfo p = found.get();
        ImageCheck image = ImageCheck.of(c.compute(), p.customImageId());
        NodeCounts counts = quietly(() -> batch.nodeCounts(account, p.id()));
        List<Diagnosis> diagnoses = Diagnoser.diagnose(evidence(batch, account, p, image, counts));
        Row row = new Row(p, image);
        if (options.json) {
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
        return ExitCodes.OK;
    }

    /** What the diagnoser needs: the image facts, the pool's VM size (generation check), node agent facts when nodes are unusable. */
    static DiagnosisEvidence evidence(BatchGateway batch, BatchAccountInfo account, PoolInfo p, ImageCheck image, NodeCounts counts) {
        int unusable = counts == null ? 0 : counts.dedicated("unusable") + counts.lowPriority("unusable");
        VmSkuInfo size = null;
        if ((!p.resizeErrors().isEmpty() || unusable > 0) && p.vmSize() != null) {
            List<VmSkuInfo> sizes = quietly(() -> batch.supportedVmSkus(account.subscriptionId(), account.location()));
            if (sizes != null) size = sizes.stream().filter(s -> s.name().equalsIgnoreCase(p.vmSize())).findFirst().orElse(null);
        }
        List<SupportedImage> supported = List.of();
        if (unusable > 0) {
            List<SupportedImage> s = quietly(() -> batch.supportedImages(account));
            if (s != null) supported = s;
        }
        return new DiagnosisEvidence(p, image.kind(), image.custom() ? image.exists() : null, image.missingSourceIds(),
                image.osType(), image.generation(), p.customImageId() == null ? p.imageReference() : null, size, account,
                supported, List.of(), List.of(), null, unusable);
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
        prop("inspect.cli.prop.allocation", p.allocationStateTransitionTime() == null ? RunCommand.allocation(m, p)
                : m.get("inspect.cli.value.since", RunCommand.allocation(m, p), p.allocationStateTransitionTime().toString()));
        prop("inspect.cli.prop.dedicated", m.get("inspect.cli.value.currentOfTarget", p.currentDedicatedNodes(), p.targetDedicatedNodes()));
        prop("inspect.cli.prop.lowPriority", m.get("inspect.cli.value.currentOfTarget", p.currentLowPriorityNodes(),
                p.targetLowPriorityNodes()));
        prop("inspect.cli.prop.resizeTimeout", p.resizeTimeout() == null ? "-"
                : m.get("inspect.cli.value.minutes", p.resizeTimeout().toMinutes()));
        prop("inspect.cli.prop.lastResize", p.lastResizeStartTime() == null ? "-" : p.lastResizeStartTime().toString());
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
            for (LocalizedText e : d.evidence()) out.println("     " + m.get("inspect.cli.diagnosis.evidence", text(e)));
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

    // --- shared pieces ----------------------------------------------------------------------------

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
        ObjectNode n = RunCommand.poolJson(mapper, p);
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

    private static <T> T quietly(java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (RuntimeException e) {
            LOG.warn("Look-up failed: {}", SecretMasker.mask(String.valueOf(e.getMessage())));
            return null;
        }
    }
}
