package io.poolforge.cli;

import io.poolforge.i18n.Messages;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Picocli's help text from PoolForge's bundles. Picocli reads descriptions from a ResourceBundle by
 * its own keys ({@code usage.description}, an option's {@code descriptionKey}); this bundle answers
 * them through {@link Messages}, so the help follows the same MessageFormat rules as every other
 * string. Applied by each command's model transformer, in the language of the default locale.
 */
final class LocalizedHelp extends ResourceBundle {
    private final Map<String, String> texts = new HashMap<>();

    LocalizedHelp(Messages messages, String descriptionKey, CommandSpec spec) {
        texts.put("usage.description", messages.get(descriptionKey));
        texts.put("mixinStandardHelpOptions.help", messages.get("cli.option.help"));
        texts.put("mixinStandardHelpOptions.version", messages.get("cli.option.version"));
        for (ArgSpec arg : spec.args()) {
            String key = arg instanceof CommandLine.Model.OptionSpec o ? o.descriptionKey()
                    : ((CommandLine.Model.PositionalParamSpec) arg).descriptionKey();
            if (key != null && !key.isEmpty() && messages.has(key)) texts.put(key, messages.get(key));
        }
    }

    @Override
    protected Object handleGetObject(String key) {
        return texts.get(Objects.requireNonNull(key));
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(texts.keySet());
    }

    /** A model transformer that localizes a command's help; subclasses name the description key. */
    abstract static class Transformer implements CommandLine.IModelTransformer {
        private final String descriptionKey;

        Transformer(String descriptionKey) {
            this.descriptionKey = descriptionKey;
        }

        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.resourceBundle(new LocalizedHelp(new Messages(Locale.getDefault()), descriptionKey, spec));
            return spec;
        }
    }
}
