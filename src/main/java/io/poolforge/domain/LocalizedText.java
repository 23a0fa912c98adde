package io.poolforge.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A message key of the i18n bundles and its arguments, rendered by whoever shows it. */
public record LocalizedText(String key, List<Object> args) {
    public LocalizedText {
        Objects.requireNonNull(key, "key");
        args = args == null ? List.of() : List.copyOf(args.stream().map(a -> a == null ? (Object) "" : a).toList());
    }

    public static LocalizedText of(String key, Object... args) {
        return new LocalizedText(key, args == null ? List.of() : Arrays.asList(args));
    }

    public Object[] argsArray() { return args.toArray(); }
}
