package io.poolforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.poolforge.azure.BatchGateway;
import io.poolforge.azure.Connection;
import io.poolforge.azure.NodeCounts;
import io.poolforge.azure.SubscriptionRef;
import io.poolforge.domain.BatchAccountInfo;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.PoolInfo;
import io.poolforge.domain.ResizeError;
import io.poolforge.domain.SecretMasker;
import io.poolforge.domain.SupportedImage;
import io.poolforge.domain.VmSkuInfo;
import io.poolforge.domain.diagnose.Diagnoser;
import io.poolforge.domain.diagnose.Diagnosis;
import io.poolforge.domain.diagnose.DiagnosisEvidence;
import io.poolforge.export.DiagnosticBundle;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.PlanJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
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
 * with the image looked up through the compute port. This class does the look-ups; {@link InspectOutput} writes them.
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

    @Option(names = "--bundle", paramLabel = "FILE", descriptionKey = "inspect.cli.option.bundle")
    java.nio.file.Path bundle;

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
        if (bundle != null && poolId == null) throw new CommandLine.ParameterException(spec.commandLine(), m.get("inspect.cli.bundle.needsPool"));
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
            err.println(m.get("cli.error.connect", connection.target(m), io.poolforge.domain.FailureWords.of(e)));
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
            throw new PoolForgeException("azure.error.unexpected", e, accountName, io.poolforge.domain.FailureWords.of(e));
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
        output().pools(account, rows);
        return ExitCodes.OK;
    }

    /** A pool and what was found about its image. */
    record Row(PoolInfo pool, ImageCheck image) {
        ResizeError lastError() {
            List<ResizeError> e = pool.resizeErrors();
            return e.isEmpty() ? null : e.get(e.size() - 1);
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
        List<Diagnosis> diagnoses = Diagnoser.diagnose(evidence(c.compute(), batch, account, p, image, counts));
        output().pool(account, new Row(p, image), counts, diagnoses);
        if (bundle != null) {
            out.flush();
            DiagnosticBundle writer = new DiagnosticBundle(m);
            DiagnosticBundle.Contents contents = DiagnosticBundle.collect(c, account, p, diagnoses, RootCommand.version(), java.time.Clock.systemUTC());
            String firstNode = firstNodeLine(batch, account, p.id());
            if (firstNode != null) contents = contents.withFirstNode(firstNode);
            int files = writer.write(bundle, contents);
            err.println(m.get("inspect.cli.bundle.written", p.id(), bundle.toAbsolutePath().toString(), files));
        }
        return ExitCodes.OK;
    }

    /**
     * PF-19: what the first node of the PoolForge run that made this pool told (its run tag names the run; the journal is
     * in this PoolForge folder's runs/), or null when the pool is not a run's or the journal is not here.
     */
    private String firstNodeLine(BatchGateway batch, BatchAccountInfo account, String id) {
        try {
            String run = batch.poolState(account, id).map(io.poolforge.azure.ResourceState::runTag).orElse(null);
            if (run == null) return null;
            io.poolforge.run.JournalStore store = new io.poolforge.run.JournalStore(PoolForgeHome.of(root).resolve("runs"),
                    new io.poolforge.plan.PlanCodec());
            io.poolforge.run.FirstNode fn = store.load(run).firstNode();
            return fn == null ? null : m.text(io.poolforge.run.FirstNodeSummary.line(fn));
        } catch (RuntimeException e) {
            return null;
        }
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

    /** {@link #evidence(BatchGateway, BatchAccountInfo, PoolInfo, ImageCheck, NodeCounts)} with the look-ups of {@link DiagnosisLookups}. */
    static DiagnosisEvidence evidence(io.poolforge.azure.ComputeGateway compute, BatchGateway batch, BatchAccountInfo account, PoolInfo p,
                                      ImageCheck image, NodeCounts counts) {
        DiagnosisEvidence ev = evidence(batch, account, p, image, counts);
        boolean needed = !p.resizeErrors().isEmpty() || ev.unusableNodes() > 0;
        if (!needed) return ev;
        // PF-16 second pass: the Marketplace generations the checks compare, as Azure reports them (as the inspector does).
        return new io.poolforge.azure.MarketplaceImages(compute)
                .forDiagnosis(ev.withLookups(io.poolforge.azure.DiagnosisLookups.of(compute, batch, account, p)));
    }

    private InspectOutput output() {
        return new InspectOutput(m, out, mapper, options.json);
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
