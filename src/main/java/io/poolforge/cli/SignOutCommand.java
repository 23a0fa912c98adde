package io.poolforge.cli;

import io.poolforge.azure.sdk.SdkIdentity;
import io.poolforge.i18n.Messages;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code poolforge signout}: forgets the saved sign-in (the record in the PoolForge folder and the persisted token
 * cache), so the next command or start signs in in the browser again. Exit 0, or 3 when something could not be deleted.
 */
@Command(name = "signout", mixinStandardHelpOptions = true, modelTransformer = SignOutCommand.Help.class)
public final class SignOutCommand implements Callable<Integer> {
    @Mixin
    CliOptions options;

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    /** Localizes this command's help. */
    static final class Help extends LocalizedHelp.Transformer {
        Help() {
            super("cli.signout.description");
        }
    }

    @Override
    public Integer call() {
        Messages m = options.messages(spec);
        boolean ok = SdkIdentity.clearSavedSignIn(PoolForgeHome.of(root).resolve("auth-record.json"));
        spec.commandLine().getOut().println(m.get(ok ? "cli.signout.done" : "cli.signout.failed"));
        spec.commandLine().getOut().flush();
        return ok ? ExitCodes.OK : ExitCodes.AZURE_ERROR;
    }
}
