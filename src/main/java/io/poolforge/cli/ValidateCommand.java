package io.poolforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.domain.rules.Severity;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.Finding;
import io.poolforge.plan.LoadedPlan;
import io.poolforge.plan.OfflineDomainRules;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.PlanJson;
import io.poolforge.plan.PlanValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import io.poolforge.azure.Connection;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanNames;
import io.poolforge.run.Preflight;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code poolforge validate PLAN [--online ...]}: reads the plan and runs every offline check (structure, then the
 * offline rules); with {@code --online}, also the preflight every run applies ({@link Preflight}: VM, image, pool,
 * quota and sharing rules against the account itself), so it refuses exactly what {@code run} refuses. Findings on
 * stdout; exit 0 when nothing blocks, 1 when an ERROR does, 2 when the file cannot be read, 3 for Azure errors.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, modelTransformer = ValidateCommand.Help.class)
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAN", descriptionKey = "cli.param.plan")
    Path planFile;

    @Mixin
    CliOptions options;

    @Option(names = "--online", descriptionKey = "cli.validate.option.online")
    boolean online;

    @Mixin
    ConnectionOptions connection;

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    private final PlanCodec codec = new PlanCodec();
    private final ObjectMapper mapper = PlanJson.newMapper();

    /** Localizes this command's help. */
    static final class Help extends LocalizedHelp.Transformer {
        Help() {
            super("cli.validate.description");
        }
    }

    /** The offline findings and then the preflight's, each once (the same code and arguments once). */
    private List<Finding> withPreflight(Messages m, PrintWriter err, Plan plan, List<Finding> offline) {
        List<Finding> out = new ArrayList<>(offline);
        err.println(m.get("cli.connection.opening", connection.target(m)));
        err.flush();
        try (Connection c = connection.open(spec, m, PoolForgeHome.of(root))) {
            Preflight.Result r = new Preflight(c.compute(), c.batch(), Clock.systemUTC()).check(PlanNames.resolveForExport(plan, codec));
            r.violations().stream().map(Finding::of)
                    .filter(f -> out.stream().noneMatch(o -> o.code().equals(f.code()) && o.args().equals(f.args())))
                    .forEach(out::add);
            // PF-22: the VM's real OS decides who is wrong: when the plan's osType contradicts it, the offline
            // "node agent is for X" finding (X being the VM's OS) blamed the wrong part.
            r.violations().stream().filter(v -> v.code().name().equals("IMAGE_OS_TYPE_MISMATCH") && v.args().size() > 3)
                    .map(v -> String.valueOf(v.args().get(3))).findFirst()
                    .ifPresent(vmOs -> out.removeIf(f -> f.code().equals("NODE_AGENT_OS_MISMATCH") && f.args().size() > 1
                            && String.valueOf(f.args().get(1)).equalsIgnoreCase(vmOs)));
            return out;
        } catch (PoolForgeException e) {
            if (e.key().startsWith("run.error.")) throw e;
            err.println(m.get(e.key(), e.args()));
            throw new AzureFailure();
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (Exception e) {
            err.println(m.get("cli.error.connect", connection.target(m), io.poolforge.domain.FailureWords.of(e)));
            throw new AzureFailure();
        }
    }

    /** Leaves with exit code 3 after the Azure error was printed. */
    private static final class AzureFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AzureFailure() {
            super(null, null, false, false);
        }
    }

    @Override
    public Integer call() {
        Messages m = options.messages(spec);
        if (!online && connection.chosen()) {
            throw new CommandLine.ParameterException(spec.commandLine(), m.get("cli.validate.error.connectionWithoutOnline"));
        }
        if (online) connection.check(spec, m);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Finding> findings;
        Integer version = null;
        Plan read = null;
        try {
            LoadedPlan loaded = codec.read(planFile);
            read = loaded.plan();
            version = loaded.fileVersion();
            if (loaded.migrated()) {
                err.println(m.get("cli.plan.migrated", planFile, loaded.fileVersion(), loaded.plan().planVersion()));
            }
            findings = new PlanValidator(codec, new OfflineDomainRules()).validate(loaded.plan());
            if (online && findings.stream().noneMatch(f -> f.path() != null)) findings = withPreflight(m, err, loaded.plan(), findings);
        } catch (AzureFailure e) {
            return ExitCodes.AZURE_ERROR;
        } catch (PoolForgeException e) {
            if (Findings.isUsage(e)) {
                err.println(m.get(e.key(), e.args()));
                return ExitCodes.USAGE;
            }
            findings = List.of(Findings.unreadable(e));
        }
        long errors = Findings.count(findings, Severity.ERROR);
        long warnings = Findings.count(findings, Severity.WARNING);
        if (options.json) {
            ObjectNode n = mapper.createObjectNode();
            n.put("plan", planFile.toString());
            if (version != null) n.put("fileVersion", version);
            n.put("valid", errors == 0);
            if (read != null && read.pool() != null) {
                n.put("imageType", PlanImage.type(read));
                if (errors == 0) n.put("image", PlanImage.image(read));
            }
            n.put("errors", errors);
            n.put("warnings", warnings);
            n.set("findings", Findings.json(mapper, m, findings));
            out.print(PlanJson.pretty(mapper, n));
        } else {
            Findings.print(out, m, findings);
            // What the pool is made from, on stderr (stdout stays the one-line verdict scripts read).
            if (read != null && read.pool() != null && errors == 0) {
                err.println(PlanImage.describe(m, read));
                err.flush();
            }
            out.println(findings.isEmpty() ? m.get("cli.validate.ok", planFile)
                    : m.get("cli.validate.summary", planFile, errors, warnings, findings.size() - errors - warnings));
        }
        out.flush();
        return errors > 0 ? ExitCodes.RULE_VIOLATIONS : ExitCodes.OK;
    }
}
