package io.poolforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.poolforge.domain.PoolForgeException;
import io.poolforge.i18n.Messages;
import io.poolforge.plan.Finding;
import io.poolforge.plan.LoadedPlan;
import io.poolforge.plan.OfflineDomainRules;
import io.poolforge.plan.Plan;
import io.poolforge.plan.PlanCodec;
import io.poolforge.plan.PlanJson;
import io.poolforge.plan.PlanNames;
import io.poolforge.plan.PlanValidator;
import io.poolforge.export.ExportFormat;
import io.poolforge.export.Exporters;
import io.poolforge.run.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code poolforge export PLAN --format az|pwsh|arm|pool-json|batch-pool-json [--out FILE]}: the plan as an az CLI
 * script, a PowerShell script, an ARM template or the pool's REST body, on stdout or into FILE
 * (written atomically). A plan with blocking findings is refused (exit 1), its findings on stderr.
 */
@Command(name = "export", mixinStandardHelpOptions = true, modelTransformer = ExportCommand.Help.class)
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAN", descriptionKey = "cli.param.plan")
    Path planFile;

    @Option(names = "--format", required = true, paramLabel = "az|pwsh|arm|pool-json|batch-pool-json", descriptionKey = "cli.option.format")
    String format;

    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "cli.option.out")
    Path out;

    @Mixin
    CliOptions options;

    @Spec
    CommandSpec spec;

    private final PlanCodec codec = new PlanCodec();
    private final ObjectMapper mapper = PlanJson.newMapper();

    /** Localizes this command's help. */
    static final class Help extends LocalizedHelp.Transformer {
        Help() {
            super("cli.export.description");
        }
    }

    @Override
    public Integer call() {
        Messages m = options.messages(spec);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExportFormat fmt = ExportFormat.byId(format).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), m.get("cli.error.format", format,
                        Arrays.stream(ExportFormat.values()).map(ExportFormat::id).collect(Collectors.joining(", ")))));
        Plan plan;
        List<Finding> findings;
        try {
            LoadedPlan loaded = codec.read(planFile);
            if (loaded.migrated()) {
                err.println(m.get("cli.plan.migrated", planFile, loaded.fileVersion(), loaded.plan().planVersion()));
            }
            plan = loaded.plan();
            findings = new PlanValidator(codec, new OfflineDomainRules()).validate(plan);
        } catch (PoolForgeException e) {
            if (Findings.isUsage(e)) {
                err.println(m.get(e.key(), e.args()));
                return ExitCodes.USAGE;
            }
            Findings.print(err, m, List.of(Findings.unreadable(e)));
            err.flush();
            return ExitCodes.RULE_VIOLATIONS;
        }
        Findings.print(err, m, findings);
        if (Finding.anyBlocking(findings)) {
            err.println(m.get("cli.export.refused", planFile));
            err.flush();
            return ExitCodes.RULE_VIOLATIONS;
        }
        String text = new Exporters(m, RootCommand.version()).of(fmt).export(PlanNames.resolveForExport(plan, codec));
        if (out == null) {
            stdout.print(text);
            stdout.flush();
            return ExitCodes.OK;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(out, bytes);
        } catch (IOException e) {
            err.println(m.get("cli.error.write", out, io.poolforge.domain.FailureWords.of(e)));
            return ExitCodes.USAGE;
        }
        err.println(m.get("cli.export.written", fmt.id(), out));
        if (options.json) {
            ObjectNode n = mapper.createObjectNode();
            n.put("format", fmt.id());
            n.put("file", out.toString());
            n.put("bytes", bytes.length);
            stdout.print(PlanJson.pretty(mapper, n));
        }
        stdout.flush();
        err.flush();
        return ExitCodes.OK;
    }
}
