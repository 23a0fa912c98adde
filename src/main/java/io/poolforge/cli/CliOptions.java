package io.poolforge.cli;

import io.poolforge.i18n.Messages;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options every PoolForge command shares: {@code --json} and {@code --lang en|es}. */
public final class CliOptions {
    @Option(names = "--json", descriptionKey = "cli.option.json")
    boolean json;

    @Option(names = "--lang", paramLabel = "en|es", descriptionKey = "cli.option.lang")
    String lang;

    /** The messages in the chosen language (default: the OS locale's, Spanish for es_*, English otherwise). */
    Messages messages(CommandSpec spec) {
        if (lang == null) return new Messages(Locale.getDefault());
        if (!lang.equals("en") && !lang.equals("es")) {
            Messages m = new Messages(Locale.getDefault());
            throw new CommandLine.ParameterException(spec.commandLine(), m.get("cli.error.lang", lang));
        }
        return new Messages(Locale.forLanguageTag(lang));
    }
}
