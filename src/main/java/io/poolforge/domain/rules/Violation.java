package io.poolforge.domain.rules;

import io.poolforge.domain.LocalizedText;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One finding of a rule: stable code, severity (ERROR blocks), message key and arguments (render
 * with {@code messages.get(v.messageKey(), v.argsArray())}) and the Azure page it comes from.
 */
public record Violation(RuleCode code, Severity severity, String messageKey, List<Object> args, String source) {
    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(messageKey, "messageKey");
        args = args == null ? List.of() : List.copyOf(args.stream().map(a -> a == null ? (Object) "" : a).toList());
    }

    public static Violation of(RuleCode code, Object... args) {
        return new Violation(code, code.severity(), code.key(), Arrays.asList(args), code.source());
    }

    public boolean blocks() { return severity == Severity.ERROR; }

    public Object[] argsArray() { return args.toArray(); }

    public LocalizedText text() { return new LocalizedText(messageKey, args); }

    /** True if any violation is an ERROR. */
    public static boolean anyBlocking(List<Violation> violations) {
        return violations.stream().anyMatch(Violation::blocks);
    }
}
