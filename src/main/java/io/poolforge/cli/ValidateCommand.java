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
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code poolforge validate PLAN}: reads the plan and runs every offline check (structure, then the
 * offline rules). Findings on stdout; exit 0 when nothing blocks, 1 when an ERROR does, 2 when the
 * file cannot be read.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, modelTransformer = ValidateCommand.Help.class)
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAN", descriptionKey = "cli.param.plan")
    Path planFile;

    @Mixin
    CliOptions options;

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

    @Override
    public Integer call() {
        Messages m = options.messages(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Finding> findings;
        Integer version = null;
        try {
            LoadedPlan loaded = codec.read(planFile);
            version = loaded.fileVersion();
            if (loaded.migrated()) {
                err.println(m.get("cli.plan.migrated", planFile, loaded.fileVersion(), loaded.plan().planVersion()));
            }
            findings = new PlanValidator(codec, new OfflineDomainRules()).validate(loaded.plan());
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
            n.put("errors", errors);
            n.put("warnings", warnings);
            n.set("findings", Findings.json(mapper, m, findings));
            out.print(PlanJson.pretty(mapper, n));
        } else {
            Findings.print(out, m, findings);
            out.println(findings.isEmpty() ? m.get("cli.validate.ok", planFile)
                    : m.get("cli.validate.summary", planFile, errors, warnings, findings.size() - errors - warnings));
        }
        out.flush();
        return errors > 0 ? ExitCodes.RULE_VIOLATIONS : ExitCodes.OK;
    }
}
